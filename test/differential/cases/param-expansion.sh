# Parameter expansion operators.
#### default-unset-vs-empty
unset u
e=
echo "[${u-d1}] [${u:-d2}] [${e-d3}] [${e:-d4}]"
#### assign-default
unset a
echo "${a=one}" "$a"
b=
echo "[${b:=two}]" "$b"
c=
echo "[${c=three}]"
#### alternate-value
unset u
e=
s=x
echo "[${u+alt}] [${e+alt}] [${e:+alt}] [${s:+alt}]"
#### error-if-unset
( unset v; echo "${v?is missing}" ) 2>&1
echo "status=$?"
( e=; echo "${e:?empty too}" ) 2>&1
echo "status=$?"
#### error-if-unset-default-message
( echo "${nope?}" ) 2>&1
( e=; echo "${e:?}" ) 2>&1
echo done
#### length-of-var-and-args
s=hello
echo ${#s}
set -- a "b c" ""
echo ${#} ${#@} ${#*}
#### substring
s=abcdefgh
echo ${s:2} ${s:2:3} ${s: -3} ${s: -3:2} ${s:(-2)} ${s:1:-2}
#### substring-positional
set -- a b c d e
echo ${@:2} "|" ${@:2:2} "|" ${@: -2} "|" ${*:4}
#### prefix-suffix-removal
p=/usr/local/lib/file.tar.gz
echo ${p#*/}
echo ${p##*/}
echo ${p%.*}
echo ${p%%.*}
echo ${p%/*}
#### pattern-replace
s=aXbXcX
echo ${s/X/-} ${s//X/-} ${s/#a/S} ${s/%X/E} ${s//[bc]/_} ${s/X}
#### replace-ampersand-is-match
s=hello
echo "${s/l/[&]}" "${s//l/\&}" "${s//l/'&'}"
#### indirect-expansion
a=b
b=value
echo ${!a}
set -- x y z
n=2
echo ${!n}
#### prefix-name-matching
foo1=a foo2=b fob=c
echo ${!foo*}
for n in "${!foo@}"; do echo "$n"; done
#### at-Q-quoting
s="it's a \"test\""
echo ${s@Q}
t=$'a\nb'
echo ${t@Q}
e=
echo ${e@Q}
#### at-E-A-a-operators
s='a\tb'
echo "${s@E}"
x=5
echo ${x@A}
declare -i n=3
echo ${n@A} ${n@a}
arr=(1 2)
echo ${arr@a}
#### nested-default
unset a b
echo ${a:-${b:-deep}}
echo "${a:-"$(echo 'x y')"}"
#### default-word-splitting
unset u
printf '<%s>' ${u:-a b} "${u:-a b}"
echo
#### length-unset-is-zero
unset u
echo ${#u}
#### pattern-with-quoted-parts
s='a*b*c'
echo "${s#*\*}" "${s%'*'*}" "${s//\*/.}"
#### longest-vs-shortest-match
s=aaa111bbb
echo ${s#a*1} ${s##a*1} ${s%1*b} ${s%%1*b}
#### remove-on-each-positional
set -- one.txt two.txt three.md
echo "${@%.txt}"
echo "${@/#/pre-}"
