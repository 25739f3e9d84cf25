# Case modification.
#### upper-lower-first
s="hello World"
echo ${s^^} ${s,,} ${s^} ${s,}
#### pattern-limited
s=banana
echo ${s^^a} ${s^^[bn]} ${s^b}
#### per-array-element
a=(one two)
echo "${a[@]^}" "${a[@]^^}"
#### at-U-L-u-operators
s="hello world"
echo "${s@U}" "${s@u}"
t=ABC
echo "${t@L}"
#### declare-l-u-attributes
declare -l l
l="MiXeD"
declare -u u
u="MiXeD"
echo $l $u
l+=ABC
echo $l
#### toggle-case
s="HeLLo"
echo ${s~~} ${s~}
#### tr-ranges
echo MiXeD | tr A-Z a-z
echo MiXeD | tr a-z A-Z
#### non-letters-untouched
s="abc-123_xyZ"
echo ${s^^} ${s,,}
#### positional-case-ops
set -- one two
echo "${@^}" "${*^^}"
#### capitalize-each-word-loop
s="the quick fox"
out=
for w in $s; do out+="${w^} "; done
echo "${out% }"
