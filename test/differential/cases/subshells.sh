# ( … ) subshells and isolation.
#### variable-isolation
x=1
(x=2; echo in $x)
echo out $x
#### cd-isolation
mkdir sub
(cd sub && echo "${PWD##*/}")
[ "${PWD##*/}" != sub ] && echo parent-unchanged
#### exit-status-of-subshell
(exit 7); echo $?
(false; true); echo $?
#### nested-subshells
echo $( ( (echo deep) ) )
#### subshell-sees-functions-and-vars
f() { echo f:$1; }
y=5
(f $y)
#### bash-subshell-counter
echo $BASH_SUBSHELL
(echo $BASH_SUBSHELL; (echo $BASH_SUBSHELL))
echo $(echo $BASH_SUBSHELL)
#### options-isolated
(set -e; false; echo not-reached)
echo "after $?"
(set -u; echo ${nope-ok})
echo "${nope-unset-outside}"
#### brace-group-vs-subshell
x=1
{ x=2; }
echo $x
(x=3)
echo $x
#### subshell-output-redirect
(echo a; echo b) > f
cat f
#### umask-isolated
umask 022
(umask 077; umask)
umask
#### exit-in-subshell-does-not-exit-parent
(exit 1)
echo still-here
( exit ) ; echo "status $?"
#### function-defined-in-subshell-not-visible
(g() { echo g; }; g)
g 2>/dev/null || echo "g missing $?"
#### array-changes-isolated
a=(1 2)
(a+=(3); echo ${#a[@]})
echo ${#a[@]}
#### subshell-in-pipeline-middle
echo abc | (read x; echo "got $x"; echo more) | tr a-z A-Z
#### background-subshell-isolated
x=1
(x=2) &
wait
echo $x
#### shopt-isolated
(shopt -s nullglob; shopt nullglob)
shopt nullglob
