# declare -n namerefs.
#### basic
x=1
declare -n r=x
r=2
echo $x $r ${!r}
#### function-output-parameter
set_it() { local -n out=$1; out="value from func"; }
set_it result
echo "$result"
#### nameref-to-array
arr=(a b)
add() { local -n a_=$1; a_+=("$2"); }
add arr c
echo "${arr[@]}" ${#arr[@]}
#### nameref-to-assoc
declare -A m
f() { local -n mm=$1; mm[k]=v; }
f m
echo ${m[k]}
#### unset-n-removes-reference
x=1
declare -n r=x
unset -n r
r=5
echo $x $r
#### unset-through-nameref
x=1
declare -n r=x
unset r
echo "[${x-unset}]"
#### self-reference-error
exec 2>&1
declare -n a=a
echo status=$?
#### reassign-nameref-in-loop
a=1 b=2
for v in a b; do declare -n ref=$v; echo $ref; unset -n ref; done
#### for-loop-over-nameref-names
a=one b=two
declare -n ref
for ref in a b; do echo "$ref"; done
#### chained-namerefs
x=final
declare -n r1=x
declare -n r2=r1
echo $r2
r2=changed
echo $x
#### nameref-to-array-element
a=(p q r)
declare -n e='a[1]'
echo $e
e=Q
echo "${a[@]}"
#### nameref-creates-target
declare -n r=newvar
r=created
echo $newvar
