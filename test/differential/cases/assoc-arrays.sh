# Associative arrays (output always in sorted or single-key form: bash's key order is a hash order).
#### basic
declare -A m
m[one]=1
m[two]=2
echo ${m[one]} ${m[two]} ${#m[@]}
#### sorted-key-iteration
declare -A m=([b]=2 [a]=1 [c]=3)
for k in $(printf '%s\n' "${!m[@]}" | sort); do echo "$k=${m[$k]}"; done
#### key-with-spaces
declare -A m
m["a b"]=x
k="a b"
echo "${m[$k]}" "${m[a b]}"
#### key-existence
declare -A m=([x]=1 [e]="")
[[ -v m[x] ]] && echo x-set
[[ -v m[e] ]] && echo e-set
[[ -v m[z] ]] || echo z-unset
echo "${m[z]-default}" "${m[e]:-empty-default}"
#### unset-key
declare -A m=([a]=1 [b]=2)
unset 'm[a]'
echo ${#m[@]} "${!m[@]}"
#### append-to-value
declare -A m
m[k]=ab
m[k]+=cd
echo ${m[k]}
#### without-declare-is-indexed
m[foo]=1
m[bar]=2
echo ${#m[@]} ${m[0]}
declare -p m
#### sum-values
declare -A m=([a]=1 [b]=20 [c]=300)
s=0
for v in "${m[@]}"; do ((s+=v)); done
echo $s
#### declare-p-single-key
declare -A m=([only]="v a l")
declare -p m
#### local-assoc-in-function
f() { local -A h=([k]=v); echo ${h[k]}; }
f
echo "[${h[k]}]"
#### numeric-looking-keys-are-strings
declare -A m
m[01]=a
m[1]=b
echo ${m[01]} ${m[1]} ${#m[@]}
#### key-not-arithmetic
declare -A m
m[1+1]=x
i=5
m[i]=y
echo "${m[1+1]}" "${m[2]-none}" "${m[i]}" "${m[5]-none}"
#### key-from-variable-with-special-chars
declare -A m
k='a]b'
m[$k]=1
k2='$x'
m[$k2]=2
echo "${m[$k]}" "${m['$x']}"
#### count-words
declare -A c
for w in a b a c b a; do c[$w]=$(( ${c[$w]:-0} + 1 )); done
for k in a b c; do echo "$k ${c[$k]}"; done
#### assoc-compound-append
declare -A m=([a]=1)
m+=([b]=2 [c]=3)
echo ${#m[@]} ${m[c]}
#### convert-indexed-to-assoc-error
a=(1 2)
declare -A a 2>&1
echo $?
#### key-value-pair-list-assignment
declare -A m
m=(k1 v1 k2 v2)
echo ${#m[@]} ${m[k1]} ${m[k2]}
