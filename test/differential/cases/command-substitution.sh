# $( ) and backticks.
#### trailing-newlines-stripped
x=$(printf 'a\n\n\n')
echo "[$x]"
y=$(printf '\n\nb')
echo "[$y]"
#### nested
echo $(echo $(echo $(echo deep)))
#### backticks-nested
echo `echo a \`echo b\``
#### unquoted-is-split-quoted-is-not
x=$(printf 'a  b\tc')
echo $x
echo "$x"
#### exit-status-of-cmdsub
x=$(exit 3); echo $?
x=$(false)$(true); echo $?
x=$(true)$(false); echo $?
#### assignment-only-and-empty-command-status
false
x=$(true); echo $?
$(false); echo $?
#### quotes-inside-quoted-cmdsub
echo "$(echo "a \"quoted\" word")"
#### case-with-paren-inside
x=$(case a in a) echo matched;; esac)
echo $x
#### subshell-vs-arith
echo $( (echo sub) ) $((1+1))
#### internal-newlines-kept
x=$(printf 'a\nb')
echo "$x" | wc -l
#### variable-changes-lost
x=1
y=$(x=2; echo $x)
echo $x $y
#### stderr-not-captured
x=$(echo out; echo err >&2) 2>/dev/null
echo "[$x]"
x=$( { echo out; echo err >&2; } 2>&1 )
echo "[$x]"
#### dollar-paren-less-than-file
printf 'content\nline2\n' > f
echo "$(< f)"
#### result-is-globbed-unless-quoted
mkdir d; cd d; touch a b
x=$(echo '*')
echo $x
echo "$x"
#### comment-with-paren-inside
x=$(echo a # comment with ) paren
)
echo $x
#### cmdsub-in-assignment-not-split
x=$(echo "a   b")
echo "$x"
#### deep-nesting-with-quotes
echo "$(echo "$(echo "$(echo 'l3 "q"')")")"
#### heredoc-inside-cmdsub
x=$(cat <<'EOF'
$not expanded
EOF
)
echo "$x"
#### cmdsub-strips-only-newlines
x=$(printf 'a \t\n')
echo "[$x]"
#### function-output-captured
f() { echo "one"; echo "two"; }
lines=$(f)
echo "${lines//$'\n'/,}"
#### backtick-with-dollar-and-backslash
echo `echo '\$x'` "`echo \\\\`"
