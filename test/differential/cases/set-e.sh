# set -e (errexit) rules.
#### basic-exit
set -e
echo before
false
echo after
#### if-condition-ignored
set -e
if false; then :; fi
echo survived
#### and-or-lists
set -e
false && echo no
echo survived-and
true || false
echo ok
#### last-in-and-list-exits
set -e
true && false
echo not-reached
#### negation-ignored
set -e
! true
echo survived-bang
#### function-in-condition-context
set -e
f() { false; echo "inside f after false"; }
if f; then echo f-true; fi
f || echo or-branch
echo end
#### function-normal-call-exits
set -e
f() { false; echo unreachable; }
f
echo also-unreachable
#### subshell-failure-exits-parent
set -e
(false; echo in-sub)
echo after-sub
#### failed-cmdsub-assignment-exits
set -e
x=$(false)
echo not-reached
#### local-masks-cmdsub-status
set -e
f() { local x=$(false); echo "masked by local"; }
f
#### pipeline-only-last-counts
set -e
false | true
echo survived-pipe
#### while-condition-ignored
set -e
while false; do :; done
echo loop-ok
#### cmdsub-does-not-inherit
set -e
x=$(false; echo still-runs)
echo "[$x]"
#### inherit-errexit
set -e
shopt -s inherit_errexit
x=$(false; echo no)
echo "[$x] not-reached"
#### set-plus-e
set -e
set +e
false
echo continue $?
#### arith-zero-exits
set -e
i=0
((i++))
echo not-reached
#### exit-status-reported
set -e
(exit 42)
echo no
#### errexit-in-dollar-dash
set -e
case $- in *e*) echo e-in-flags;; esac
set +e
case $- in *e*) echo still;; *) echo e-gone;; esac
#### until-and-elif-conditions
set -e
until true; do :; done
if false; then :; elif false; then :; else echo else-branch; fi
echo ok
#### brace-group-last-failure
set -e
{ true; false; }
echo not-reached
#### errexit-with-or-in-function-body
set -e
f() { false || true; echo in-f; }
f
echo done
