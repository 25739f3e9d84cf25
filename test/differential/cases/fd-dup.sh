# File descriptor duplication, exec redirections.
#### exec-save-restore-stdout
exec 3>&1
exec > f
echo to-file
exec 1>&3 3>&-
echo to-stdout
cat f
#### write-to-custom-fd
exec 4> out
echo via4 >&4
echo more >&4
exec 4>&-
cat out
#### read-from-custom-fd
printf 'l1\nl2\n' > in
exec 5< in
read a <&5
read b <&5
exec 5<&-
echo "$a $b"
#### swap-stdout-stderr
f() { echo out; echo err >&2; }
{ f 3>&1 1>&2 2>&3; } 2>/dev/null
#### closed-stdout-write-error
( echo hi >&- ) 2>&1
echo $?
#### bad-fd-error
{ echo x >&7; } 2>&1
echo $?
#### fd-inherited-by-subshell
exec 3> out
( echo from-sub >&3 )
echo from-main >&3
exec 3>&-
cat out
#### move-fd
exec 3> out
exec 4>&3-
echo via4 >&4
{ echo x >&3; } 2>/dev/null || echo fd3-closed
exec 4>&-
cat out
#### named-fd-allocation
exec {fd}> out
echo hi >&$fd
exec {fd}>&-
cat out
[ "$fd" -ge 10 ] && echo fd-ge-10
#### dup-stdin-from-fd
printf 'abc\n' > in
exec 3< in
cat <&3
exec 3<&-
#### append-fd
echo a > f
exec 3>>f
echo b >&3
exec 3>&-
cat f
#### read-u
exec 3<<< "via-u3"
read -u 3 x
echo $x
#### stderr-only-through-pipe
f() { echo out; echo err >&2; }
f 2>&1 >/dev/null | tr a-z A-Z
#### shared-offset-between-dups
printf '1\n2\n3\n' > f
exec 3< f
exec 4<&3
read a <&3
read b <&4
echo "$a $b"
exec 3<&- 4<&-
#### per-command-fd-does-not-leak
echo x 3>f >&3
{ echo y >&3; } 2>/dev/null || echo fd3-not-open
cat f
#### exec-without-command-persists
exec 2>&1
cd /nonexistent-dir-for-test
echo after
#### redirect-fd-to-same-file-twice
echo one > f
exec 3>>f 4>>f
echo two >&3
echo three >&4
exec 3>&- 4>&-
cat f
