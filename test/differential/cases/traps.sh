# trap.
#### exit-trap
trap 'echo bye' EXIT
echo hi
#### exit-trap-sees-status
trap 'echo "trap sees $?"' EXIT
(exit 4)
echo "status was $?"
exit 4
#### exit-trap-in-subshell
(trap 'echo sub-exit' EXIT; echo in-sub)
echo after
#### exit-trap-not-inherited-by-subshell
trap 'echo parent-exit' EXIT
(echo child)
echo main
#### err-trap
trap 'echo "err $?"' ERR
false
true
(exit 3)
echo end
#### err-trap-not-in-conditions
trap 'echo ERR' ERR
if false; then :; fi
false || true
! false
echo done
#### signal-trap-on-self
trap 'echo got USR1' USR1
kill -USR1 $$
echo after
#### trap-print-and-reset
trap 'echo x' INT
trap 'echo y' EXIT
trap -p INT
trap -p EXIT
trap - INT
trap -p INT
echo end
#### trap-reset-exit
trap 'echo no' EXIT
trap - EXIT
echo done
#### exit-in-trap-changes-status
trap 'exit 9' EXIT
exit 2
#### return-trap
f() { trap 'echo returning' RETURN; echo in-f; }
f
echo out
#### ignored-signal
trap '' USR1
kill -USR1 $$
echo survived
#### exit-trap-in-cmdsub
x=$(trap 'echo from-trap' EXIT; echo body)
echo "[$x]"
#### errexit-runs-exit-trap
set -e
trap 'echo cleanup' EXIT
false
echo no
#### self-kill-term-status
(kill -TERM $BASHPID; echo no)
echo status=$?
#### trap-with-signal-numbers-and-names
trap 'echo usr2' SIGUSR2
kill -s USR2 $$
trap 'echo by-number' 10
kill -10 $$
#### trap-single-quotes-expand-late
x=early
trap 'echo "x=$x"' EXIT
x=late
#### trap-double-quotes-expand-early
x=early
trap "echo x=$x" EXIT
x=late
#### err-trap-in-function-without-errtrace
trap 'echo "ERR caught"' ERR
f() { false; echo "f continues"; }
f
#### trap-p-in-subshell-lists-parent-traps
trap '' USR1
trap 'echo t' USR2
(trap -p)
