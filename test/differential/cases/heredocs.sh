# Here-documents.
#### basic-expansion
x=World
cat <<EOF
Hello $x
$(echo cmd) $((1+2))
EOF
#### quoted-delimiter-no-expansion
x=World
cat <<'EOF'
Hello $x `echo no` \n
EOF
#### escapes-in-unquoted-heredoc
cat <<EOF
\$notvar \\ \` a\b "q" 'q'
EOF
#### dash-strips-leading-tabs
if true; then
	cat <<-EOF
		indented
	  tab-then-spaces
	EOF
fi
#### heredoc-into-while-read
while read -r a b; do echo "$b-$a"; done <<EOF
1 one
2 two
EOF
#### two-heredocs-one-line
cat <<A; cat <<B
first
A
second
B
#### heredocs-on-two-fds
f() { cat; cat <&3; }
f <<X 3<<Y
from-stdin
X
from-fd3
Y
#### heredoc-in-command-substitution
x=$(cat <<EOF
inside
EOF
)
echo "[$x]"
#### partially-quoted-delimiter
x=1
cat <<"E"OF
$x
EOF
#### spaces-not-stripped-by-dash
cat <<-EOF
    spaces stay
EOF
#### quotes-are-literal-inside
x=1
cat <<EOF
"$x" '$x'
EOF
#### heredoc-into-pipeline
cat <<EOF | tr a-z A-Z
shout
EOF
#### empty-heredoc
cat <<EOF
EOF
echo end
#### delimiter-must-match-whole-line
cat <<EOF
 EOF
EOF2
EOF
#### backslash-newline-joins-in-unquoted
cat <<EOF
one \
two
EOF
cat <<'EOF'
three \
four
EOF
#### heredoc-to-function-stdin
count() { wc -l; }
count <<EOF
a
b
c
EOF
#### heredoc-with-variable-assignment-loop
n=0
while read -r line; do n=$((n+1)); done <<EOF
$(printf 'x\ny\nz')
EOF
echo $n
#### command-after-heredoc
cat <<EOF
body
EOF
echo after-heredoc
#### dash-heredoc-in-function
f() {
	cat <<-END
		in function
	END
}
f
#### arithmetic-and-array-in-heredoc
a=(x y z)
cat <<EOF
${a[1]} ${#a[@]} $(( 6 * 7 ))
EOF
