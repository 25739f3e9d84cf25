# eval, source / dot.
#### eval-basic
cmd='echo hello'
eval $cmd
eval "x=5"
echo $x
#### eval-double-expansion
name=greeting
greeting=hi
eval "echo \$$name"
eval "val=\${$name}"
echo $val
#### eval-with-printf-q
s="it's \"complex\" \$stuff"
eval "v=$(printf '%q' "$s")"
[ "$v" = "$s" ] && echo same
#### eval-syntax-error
eval 'if then' 2>&1
echo "status $?"
#### source-file
printf 'x=from-file\nf() { echo in-f "$@"; }\n' > lib.sh
. ./lib.sh
echo $x
f a b
#### source-with-arguments
printf 'echo "args: $# $1"\n' > s.sh
source ./s.sh one two
set -- p q r
source ./s.sh
#### source-return
printf 'echo before\nreturn 4\necho after\n' > r.sh
. ./r.sh
echo $?
#### source-missing-file
. ./nope.sh 2>&1
echo $?
#### eval-multiline
eval 'for i in 1 2; do
echo $i
done'
#### eval-status
eval false; echo $?
eval ''; echo $?
eval 'true; (exit 6)'; echo $?
#### source-sees-function-locals
printf 'echo "v=$v"\nv=changed\n' > s.sh
f() { local v=loc; . ./s.sh; echo "after source v=$v"; }
f
echo "global [${v-unset}]"
#### eval-defines-function
eval 'g() { echo "from eval $1"; }'
g arg
#### eval-in-loop-builds-vars
for i in 1 2 3; do eval "var_$i=$((i*i))"; done
echo $var_1 $var_2 $var_3
#### eval-arguments-joined-with-spaces
eval echo '"a   b"' c
eval 'echo "a   b"' "  c"
#### source-syntax-error-in-file
printf 'echo ok-line\nif then\n' > bad.sh
. ./bad.sh 2>&1
echo "status $?"
#### source-relative-changes-dir-context
mkdir sub
printf 'cd sub\n' > go.sh
. ./go.sh
echo "${PWD##*/}"
