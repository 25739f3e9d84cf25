# "$@" vs "$*" vs $@ vs $*.
#### unquoted-at-and-star-split
set -- "a b" c
printf '<%s>' $@; echo
printf '<%s>' $*; echo
#### quoted-at-and-star
set -- "a b" c
printf '<%s>' "$@"; echo
printf '<%s>' "$*"; echo
#### empty-args-preserved-only-quoted
set -- "" a ""
printf '<%s>' "$@"; echo " $#"
printf '<%s>' $@; echo
printf '<%s>' "$*"; echo
#### at-with-prefix-and-suffix
set -- x y
printf '<%s>' "pre$@post"; echo
printf '<%s>' "pre$*post"; echo
#### no-args-quoted-at-vanishes
set --
printf '<%s>' "$@"; echo "|"
printf '<%s>' "$*"; echo "|"
printf '<%s>' "${@}"; echo "|"
#### at-and-star-in-assignment
set -- a b c
x=$@
y="$*"
IFS=,
z="$*"
w=$*
echo "$x|$y|$z|$w"
#### forwarding-through-functions
f() { echo $#; }
g() { f "$@"; f $@; f "$*"; f $*; }
g "1 2" "" 3
#### array-unquoted-vs-quoted-loop
a=("x y" z)
for i in ${a[@]}; do echo "u:$i"; done
for i in "${a[@]}"; do echo "q:$i"; done
#### at-inside-string-context
set -- a b
echo "args: $@"
s="args: $@"
echo "$s"
#### star-with-custom-ifs-first-char
set -- a b c
IFS=':;'
echo "$*"
IFS=' '
echo "$*"
#### quoted-at-with-slicing
set -- a "b c" d "e f"
printf '<%s>' "${@:2:2}"; echo
printf '<%s>' "${*:2:2}"; echo
#### at-with-pattern-ops
set -- "a.txt" "b c.txt"
printf '<%s>' "${@%.txt}"; echo
printf '<%s>' "${@/ /_}"; echo
#### set-from-at-roundtrip
set -- "1 2" "" "3"
saved=("$@")
set -- x
set -- "${saved[@]}"
echo $# "[$2]"
#### star-empty-ifs-concatenates
set -- a "b c" d
IFS=
printf '<%s>' "$*"; echo
printf '<%s>' $*; echo
