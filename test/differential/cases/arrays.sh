# Indexed arrays.
#### index-count-negative
a=(x y z)
echo ${a[1]} ${#a[@]} ${a[-1]} ${a} ${a[@]: -2:1}
#### sparse-indices
a=([2]=two [5]=five)
a[9]=nine
echo ${#a[@]} "${!a[@]}"
unset 'a[5]'
echo "${!a[@]}" "${a[@]}"
#### append
a=(1)
a+=(2 3)
a[10]=x
a+=(y)
echo "${!a[@]}"
echo "${a[@]}"
#### at-vs-star-quoted
a=("a b" c)
printf '<%s>' "${a[@]}"; echo
printf '<%s>' "${a[*]}"; echo
IFS=,
printf '<%s>' "${a[*]}"; echo
#### slice
a=(a b c d e)
echo "${a[@]:1:3}" "|" "${a[@]: -2}" "|" "${a[@]:3}"
#### element-length-and-per-element-ops
a=(apple banana cherry)
echo ${#a[1]} "${a[@]#?}" "${a[@]/an/AN}" "${a[@]%%[ae]*}"
#### unset-element-and-whole
a=(1 2 3)
unset 'a[0]'
echo ${#a[@]} "${a[@]}" "${!a[@]}"
unset a
echo "[${a[@]}]" ${#a[@]}
#### printf-each-element
arr=("one two" "" three)
printf '%s\n' "${arr[@]}"
#### from-cmdsub-splitting
a=($(printf 'x y\nz'))
echo ${#a[@]} ${a[2]}
#### negative-index-assign
a=(1 2 3)
a[-1]=last
echo "${a[@]}"
#### element-in-arithmetic
a=(5 10 15)
i=1
echo $(( a[i] + a[2] )) $(( ${#a[@]} * 2 )) $(( a[i+1] ))
#### arithmetic-subscript-assign
a=()
i=2
a[i+1]=x
a[2*3]=y
echo "${!a[@]}"
#### empty-array-expansion
a=()
printf '<%s>' "${a[@]}"
echo "n=${#a[@]}"
set -- "${a[@]}"
echo $#
#### copy-array
a=("x y" z)
b=("${a[@]}")
b[0]=changed
echo "${a[0]}" "${b[0]}" ${#b[@]}
#### join-with-ifs
a=(a b c)
(IFS=:; echo "${a[*]}")
joined=$(IFS=/; echo "${a[*]}")
echo $joined
#### scalar-is-element-zero
s=hello
echo ${s[0]} ${#s[@]}
s[1]=world
echo "${s[@]}"
#### index-expansion-of-star-vs-at-unquoted
a=("p q" r)
for x in ${a[*]}; do echo "[$x]"; done
#### compound-assign-with-indices-mixed
a=(zero [3]=three four)
echo "${!a[@]}" "${a[4]}"
#### array-length-of-element-unicode-free
a=(abc "de f")
echo ${#a[0]} ${#a[1]} ${#a}
