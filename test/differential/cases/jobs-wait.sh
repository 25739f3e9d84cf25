# Background jobs, wait, $!.
#### wait-returns-job-status
(exit 3) &
wait $!
echo $?
#### wait-for-all
echo a > f1 &
echo b > f2 &
wait
cat f1 f2
#### bang-set-after-background
[ -z "$!" ] && echo empty-before
true &
[ -n "$!" ] && echo set-after
wait
#### wait-n
(sleep 0.1; exit 2) &
wait -n
echo $?
#### wait-unknown-pid
exec 2>&1
wait 999999
echo $?
#### background-isolates-variables
x=1
{ x=2; } &
wait
echo $x
#### kill-background-job
sleep 5 &
pid=$!
kill $pid
wait $pid
echo $?
#### wait-each-status
(exit 1) & p1=$!
(exit 2) & p2=$!
wait $p2; echo $?
wait $p1; echo $?
#### background-pipeline
echo hi | tr a-z A-Z > out &
wait
cat out
#### status-after-ampersand-is-zero
false &
echo $?
wait
#### sleep-and-wait
sleep 0.1 &
wait $!
echo "slept $?"
#### wait-no-children
wait
echo $?
#### background-output-ordered-by-wait
{ echo bg > f; } &
wait
echo fg
cat f
#### wait-status-of-signaled-job
(kill -TERM $BASHPID) &
wait $!
echo $?
#### background-function
f() { echo "f $1" > "out$1"; }
f 1 & f 2 &
wait
cat out1 out2
#### jobs-empty-after-wait
sleep 0.1 &
wait
jobs
echo "status $?"
#### wait-n-then-wait-rest
(sleep 0.1; exit 5) &
wait -n
echo "first $?"
wait
echo "rest $?"
#### bash-async-stdin-is-dev-null
printf 'data\n' > f
exec < f
{ read x; echo "bg read [${x}]"; } &
wait
