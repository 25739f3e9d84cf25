# Miscellaneous shell behaviour.
#### colon-is-noop-but-expands
: ignored args $((x=3))
echo $? $x
#### semicolons-and-newlines
echo a; echo b
echo c
#### prefix-assignment-to-function-is-temporary
x=outer
f() { echo "in f: $x"; }
x=temp f
echo "$x"
#### prefix-assignment-exported-to-child
X=val bash -c 'echo "child: $X"'
echo "parent: [${X-unset}]"
#### export-to-child
export V=1
bash -c 'echo "child sees $V"'
U=2
bash -c 'echo "[${U-unset}]"'
#### dollar-dash-flags-contain-set-options
set -e
[[ $- == *e* ]] && echo e-set
set -u
[[ $- == *u* ]] && echo u-set
#### pwd-after-cd
mkdir -p a/b
cd a/b
echo ${PWD##*/}
cd ..
echo ${PWD##*/}
cd - > /dev/null
echo ${PWD##*/}
#### pushd-popd
mkdir -p a b
pushd a > /dev/null
pushd ../b > /dev/null
echo ${PWD##*/}
popd > /dev/null
echo ${PWD##*/}
dirs -p | wc -l
#### lineno
echo $LINENO
echo $LINENO; f() { echo $LINENO; }
f
#### shopt-query-and-set
shopt extglob
shopt -s extglob
shopt extglob
shopt -q nullglob
echo $?
#### exec-replaces-shell
exec echo replaced
echo never
#### umask-octal-and-symbolic
umask 027
umask
umask -S
#### last-argument-underscore
echo a b c
echo $_
#### xtrace-output
exec 2>&1
set -x
echo hi
x=1
y="a b"
set +x
echo done
#### xtrace-ps4
exec 2>&1
PS4='>> '
set -x
echo traced
{ set +x; } 2>/dev/null
echo untraced
#### shopt-o-shows-set-option
set -o errexit
shopt -o errexit
#### variable-name-rules
_x=1 X2=2 abc_DEF=3
echo $_x$X2$abc_DEF
echo $1x
#### dollar-hash-in-script
echo $#
set -- a
echo $#
#### command-grouping-status
{ false; true; }; echo $?
( true; false ); echo $?
#### true-false-as-commands-with-args
true ignored args; echo $?
false --help 2>/dev/null; echo $?
#### functions-and-variables-separate-namespaces
x() { echo func; }
x=var
x
echo $x
#### allexport
set -a
A=exported-auto
bash -c 'echo "child: $A"'
#### ppid-and-pid-are-numbers
[[ $$ =~ ^[0-9]+$ ]] && echo pid-num
[[ $PPID =~ ^[0-9]+$ ]] && echo ppid-num
[[ $BASHPID == $$ ]] && echo bashpid-same
(  [[ $BASHPID != $$ ]] && echo bashpid-differs-in-subshell )
#### random-is-in-range
r=$RANDOM
(( r >= 0 && r <= 32767 )) && echo in-range
RANDOM=42; a=$RANDOM; RANDOM=42; b=$RANDOM
[ "$a" = "$b" ] && echo seeded-repeatable
#### seconds-variable-settable
SECONDS=100
(( SECONDS >= 100 && SECONDS < 110 )) && echo seconds-ok
#### shlvl-and-bash-version-set
[[ -n $BASH_VERSION ]] && echo has-version
[[ ${BASH_VERSINFO[0]} -ge 5 ]] && echo major-5-plus
#### comments-everywhere
# full line comment
echo a # trailing
echo b#not-comment
  # indented comment
echo c
#### long-line-of-commands
for i in 1 2 3; do echo -n "$i"; done; echo; if true; then echo t; fi; while false; do :; done; echo end
#### ifs-default-value
printf '%s' "$IFS" | tr ' \t\n' 'STN'
echo
#### ps-vars-in-noninteractive
echo "[${PS1-unset}]"
echo "[$PS4]"
#### home-and-path-set
[[ -n $HOME ]] && echo home-set
[[ $PATH == *bin* ]] && echo path-set
#### nested-bash-exit-status
bash -c 'exit 7'
echo $?
bash -c 'kill -TERM $$'
echo $?
