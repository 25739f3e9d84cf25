# Error messages (stderr merged into stdout so the text is compared).
#### command-not-found
nosuchcmd_xyz 2>&1
echo $?
#### command-not-found-with-path
./nosuch/cmd 2>&1
echo $?
#### unbound-variable
exec 2>&1
set -u
echo $nope
echo never
#### bad-substitution
exec 2>&1
echo "${a.b}"
echo "status=$?"
#### cd-missing-directory
cd /nonexistent-dir-xyz 2>&1
echo $?
#### cd-not-a-directory
touch f
cd f 2>&1
echo $?
#### cd-too-many-arguments
mkdir a b
cd a b 2>&1
echo $?
#### readonly-assignment
exec 2>&1
readonly x=1
x=2
echo "status $? x=$x"
#### return-outside-function
return 2>&1
echo $?
#### break-outside-loop
break 2>&1
echo $?
continue 2>&1
echo $?
#### invalid-option-to-builtin
exec 2>&1
set -Z
echo $?
#### permission-denied
touch f
./f 2>&1
echo $?
#### is-a-directory
mkdir d
./d 2>&1
echo $?
#### arithmetic-syntax-error
exec 2>&1
echo $(( 1 + ))
echo "after $?"
#### invalid-identifier
exec 2>&1
declare 1x=3
echo $?
export 'a b=1'
echo $?
#### unset-readonly
exec 2>&1
readonly r=1
unset r
echo $?
#### shift-numeric-argument
exec 2>&1
shift x
echo $?
#### exit-numeric-argument
exec 2>&1
(exit abc)
echo $?
#### ambiguous-redirect
exec 2>&1
f="a b"
echo x > $f
echo $?
unset g
echo y > $g
echo $?
#### popd-empty-stack
popd 2>&1
echo $?
#### local-outside-function
local x=1 2>&1
echo $?
#### source-needs-argument
exec 2>&1
.
echo $?
#### bad-array-subscript
exec 2>&1
a=(1)
echo ${a[-5]}
echo "after $?"
#### too-many-args-exit
exec 2>&1
(exit 1 2)
echo $?
#### wait-not-child
exec 2>&1
wait 999999
echo $?
#### type-not-found
type nosuchthing_abc 2>&1
echo $?
#### kill-bad-signal
exec 2>&1
kill -NOPE 1
echo $?
#### cmdsub-error-message-line
exec 2>&1
echo one
x=$(nosuch_in_cmdsub)
echo "[$x] $?"
