# shift, set --, positional parameters.
#### shift-basic
set -- a b c d
shift
echo "$@"
shift 2
echo "$@" $#
#### shift-too-many-is-silent-failure
set -- a b
shift 5
echo "status=$? args=$*"
#### shift-verbose
set -- a
shopt -s shift_verbose
shift 3 2>&1
echo $?
#### set-dash-dash
set -- -x "y z"
echo $# "$1"
set --
echo $#
#### positional-beyond-nine
set -- 1 2 3 4 5 6 7 8 9 10 11
echo $10 ${10} ${11}
#### shift-in-loop
set -- a b c
while (($#)); do echo "$1"; shift; done
#### shift-negative-count
set -- a
shift -1 2>&1
echo $?
#### set-from-command-substitution
set -- $(echo "x y z")
echo $#
set -- "$(echo "x y z")"
echo $#
#### set-options-and-args-together
mkdir d; cd d; touch a
set -f -- '*' b
echo $1 $#
set +f
echo $1
#### shift-zero
set -- a b
shift 0
echo $# $?
#### positional-in-function-vs-global
set -- g1 g2
f() { echo "$# $1"; shift; echo "$# $1"; }
f l1 l2 l3
echo "$# $1"
#### dollar-hash-count-with-empty
set -- "" "" ""
echo $#
#### shift-all-then-expand
set -- a b
shift 2
echo "[$*] $#"
#### set-dash-single
set - a b
echo $# $1
