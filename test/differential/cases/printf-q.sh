# printf %q and quoting for reuse.
#### simple-words
printf '%q\n' hello 'a b' "it's" ''
#### special-characters
printf '%q\n' 'a$b' 'x*y' '~home' 'semi;colon' 'a|b' '(p)'
#### control-characters
printf '%q\n' $'new\nline' $'tab\t' $'\e'
#### roundtrip-through-eval
s=$'weird "string" with \'quotes\' and $dollar\n'
q=$(printf %q "$s")
eval "r=$q"
[ "$r" = "$s" ] && echo roundtrip-ok
#### at-Q-vs-printf-q
s="a b"
echo "${s@Q}"
printf '%q\n' "$s"
#### multiple-args
printf '[%q]' a 'b c' d
echo
#### backslash-glob-and-braces
printf '%q\n' 'back\slash' '[x]' '{a,b}' '#hash' 'a#b' 'x=y'
#### tilde-only-at-start
printf '%q\n' '~' 'a~' '~/x'
#### q-with-width
printf '%-8q|%8q|\n' a 'b c'
#### at-Q-on-array
a=("x y" "it's" z)
echo "${a[@]@Q}"
#### printf-v-with-q
printf -v quoted '%q ' one 'two three'
echo "[$quoted]"
#### q-on-empty-and-dash
printf '%q\n' '' '-' '--x'
