# Quoting: single, double, ANSI-C, backslashes, nested command substitutions.
#### single-quotes-literal
echo 'a $HOME `x` \n "q"'
#### double-quotes-expand
x=world
echo "hello $x" "\$x" "a\\b" "\`"
#### backslash-in-double-quotes
echo "a\b\c" "\"" "\$" "\\" "a\
b"
#### ansi-c-quoting
printf '<%s>\n' $'a\tb' $'\x41\101' $'it\'s' $'nl\nx' $'\\'
#### dollar-double-quote-locale
echo $"hello there"
#### adjacent-quotes-concatenate
echo 'a'"b"c'd e'"$((1+1))"
#### empty-string-args-counted
f() { echo $#; }
e=
f "" ''
f "" "" x
f $e
f "$e"
f $'' ""
#### nested-command-substitution-quotes
x="a b"
echo "$(echo "$(echo "$x  c")")"
#### quotes-inside-cmdsub-inside-quotes
echo "$(echo 'single "double" inside')"
echo "$(echo "inner \"escaped\" quotes")"
#### backticks-nested-escapes
echo `echo \`echo inner\``
echo "`echo '$HOME' | tr A-Z a-z`"
#### assignment-no-splitting
x='a  b'
y=$x
echo "$y"
z="$x"c
echo "[$z]"
#### glob-chars-quoted
mkdir d && cd d && touch a1 a2
echo a*
echo 'a*' "a*" a\*
#### dollar-single-inside-double
echo "$'x'" "\t"
#### backslash-newline-continuation
echo one \
two
#### hash-comment-mid-word
echo a#b c #comment
echo '#x' "#y" \#z x#
#### single-quote-in-single-quotes
echo 'it'\''s' 'a'"'"'b'
#### backslash-outside-quotes
echo \a\b \\ \' \" \$x
#### quoted-variable-preserves-newlines
x=$'line1\nline2'
echo $x
echo "$x"
#### special-chars-in-double-quotes
echo "semi;colon | pipe & amp > gt < lt (paren)"
#### unquoted-empty-var-vanishes
e=
printf '<%s>' a $e b "$e" c
echo
