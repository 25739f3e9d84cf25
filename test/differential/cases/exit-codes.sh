# Exit statuses.
#### true-false-colon
true; echo $?
false; echo $?
:; echo $?
#### exit-status-modulo-256
(exit 256); echo $?
(exit 257); echo $?
(exit -1); echo $?
#### command-not-found-127
nosuch_cmd_q 2>/dev/null
echo $?
#### not-executable-126
touch f
./f 2>/dev/null
echo $?
#### script-exit-status
echo before
exit 42
echo after
#### last-command-status-is-script-status
true
false
#### negated-subshell
! (exit 3); echo $?
#### assignment-resets-status
false
x=1
echo $?
#### if-without-branch-taken
false
if false; then :; fi
echo $?
#### killed-by-signal
(kill -9 $BASHPID)
echo $?
#### exit-without-argument-keeps-last
(false; exit)
echo $?
#### function-status-from-last-command
f() { (exit 5); }
f
echo $?
#### failed-redirection-status
{ : > nodir/x; } 2>/dev/null
echo $?
#### dollar-question-after-echo
false
echo "first $?"
echo "second $?"
#### exit-in-pipeline-element
echo x | exit 3
echo "after $?"
#### status-of-empty-command-substitution
$(exit 7)
echo $?
#### status-of-while-loop
i=0
while (( i < 2 )); do (( i++ )); false; done
echo $?
#### exit-from-brace-group
{ echo in-group; exit 5; }
echo not-reached
#### status-of-case-no-match
(exit 3)
case x in y) ;; esac
echo $?
#### status-of-declare-and-local
f() { local x=$(exit 3); echo "local $?"; local y; y=$(exit 4); echo "split $?"; }
f
declare z=$(exit 5); echo "declare $?"
#### status-after-bad-builtin-option
echo -z > /dev/null; echo $?
cd -@ 2>/dev/null; echo $?
