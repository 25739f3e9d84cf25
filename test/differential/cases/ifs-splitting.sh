# IFS word splitting.
#### default-ifs-collapses-whitespace
x="  a   b  c  "
printf '<%s>' $x; echo
#### colon-ifs-keeps-empty-fields
x="a:b::c:"
IFS=:
printf '<%s>' $x; echo
#### mixed-whitespace-and-delimiter
x=" a , b ,, c "
IFS=' ,'
printf '<%s>' $x; echo
#### empty-ifs-disables-splitting
x="a b c"
IFS=
printf '<%s>' $x; echo
#### unset-ifs-is-default
x=$'a\tb\nc  d'
unset IFS
printf '<%s>' $x; echo
#### ifs-joins-star
set -- a b c
IFS=-
echo "$*"
IFS=
echo "$*"
unset IFS
echo "$*"
#### read-splits-on-ifs
IFS=, read a b c <<< "1,2,3,4,5"
echo "$a|$b|$c"
#### prefix-ifs-is-temporary
IFS=: read a b <<< "x:y"
echo "$a $b"
v="p:q r"
printf '<%s>' $v; echo
#### newline-ifs-for-lines
IFS=$'\n'
lines=($(printf 'a b\nc d\n'))
echo ${#lines[@]} "${lines[0]}"
#### newline-ifs-loop
IFS=$'\n'
for l in $(printf 'one two\nthree\n'); do echo "[$l]"; done
#### leading-delimiter-gives-empty-field
IFS=:
x=":a"
set -- $x
echo $# "[$1]" "[$2]"
#### ifs-in-read-strips-only-ifs-whitespace
IFS=: read -r a b <<< "  x : y  "
echo "[$a][$b]"
#### quoted-expansion-not-split
IFS=:
x="a:b"
printf '<%s>' "$x" $x; echo
#### literal-text-not-split
IFS=o
echo foo boo
x=foo
echo $x
#### delimiter-only-values-give-empty-fields
IFS=:
x=":"
set -- $x
echo $#
x="::"
set -- $x
echo $#
#### ifs-with-backslash-chars
IFS='\'
x='a\b\c'
printf '<%s>' $x; echo
#### local-ifs-in-function
f() { local IFS=,; echo "$*"; }
f a b c
set -- x y
echo "$*"
