# Redirections and their order.
#### stderr-to-stdout-then-file
f() { echo out; echo err >&2; }
f 2>&1 >file
echo "--"
cat file
#### file-then-stderr-to-stdout
f() { echo out; echo err >&2; }
f >file 2>&1
cat file
#### append
echo a > f
echo b >> f
cat f
#### noclobber
set -o noclobber
echo a > f
echo b > f 2>/dev/null
echo "s=$?"
echo c >| f
cat f
#### noclobber-message
set -C
echo a > f
{ echo b > f; } 2>&1
echo $?
#### ampersand-greater
f() { echo out; echo err >&2; }
f &> all
cat all
f &>> all
wc -l < all
#### input-redirect
printf 'x\ny\n' > in
tr a-z A-Z < in
wc -l < in
#### missing-directory-error
{ echo x > nodir/f; } 2>&1
echo $?
#### redirect-before-command-word
> f echo hi
cat f
<f cat
#### empty-redirect-creates-file
> empty
[ -f empty ] && wc -c < empty
#### read-write-open
echo hello > f
exec 3<> f
read -n 2 x <&3
echo x >&3
exec 3>&-
cat f
echo "[$x]"
#### compound-command-redirect
{ echo a; echo b; } > f
while read l; do echo "<$l>"; done < f
#### multiple-outputs-last-wins
echo hi > a > b
echo "a=[$(cat a)] b=[$(cat b)]"
#### dev-null
echo gone > /dev/null
cat /dev/null
echo ok
#### stderr-to-file
cd nonexistent-dir 2> err
echo $?
[ -s err ] && echo has-err
#### truncate-existing
printf 'long content\n' > f
echo s > f
cat f
#### redirect-in-middle-of-args
echo a > f b c
cat f
#### failed-redirect-skips-command
{ echo should-not-run > nodir/x; } 2>/dev/null
echo "status=$?"
#### redirect-to-variable-filename
name="my file"
echo spaced > "$name"
cat "my file"
#### here-and-input-last-wins
echo fromfile > f
cat < f <<< "from-herestring"
#### stdin-of-subshell
echo data > f
( read x; echo "sub read $x" ) < f
