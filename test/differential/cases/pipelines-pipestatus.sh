# Pipelines, $?, PIPESTATUS, negation.
#### pipestatus-basic
true | false | true
echo "${PIPESTATUS[@]}"
#### pipestatus-exit-codes
(exit 3) | (exit 5) | true
echo "${PIPESTATUS[0]} ${PIPESTATUS[1]} ${PIPESTATUS[2]} ${#PIPESTATUS[@]}"
#### pipestatus-single-command
false
echo "${PIPESTATUS[@]}"
true
echo "${PIPESTATUS[@]}"
#### pipestatus-reset-by-next-command
false | true
x=${PIPESTATUS[0]}
echo $x ${PIPESTATUS[@]}
#### negation
! true; echo $?
! false; echo $?
! false | false; echo $? ${PIPESTATUS[@]}
#### pipe-stderr-with-2-and-1-and-pipe-ampersand
f() { echo out; echo err >&2; }
f 2>&1 | sort
f |& tr a-z A-Z | sort
#### long-pipeline
seq 10 | sort -r | head -3 | tail -1
#### last-element-runs-in-subshell
x=1
echo 2 | read x
echo $x
#### pipestatus-after-brace-group
{ false | true; }
echo "${PIPESTATUS[@]}"
#### sigpipe-status-141
yes | head -2
echo "${PIPESTATUS[@]}"
#### status-is-last-command
false | true; echo $?
true | false; echo $?
#### pipestatus-of-negated-pipeline
! true | false
echo "$? ${PIPESTATUS[@]}"
#### pipestatus-from-function-and-subshell
f() { return 4; }
f | (exit 2)
echo "${PIPESTATUS[@]}"
#### pipeline-multiline-continuation
echo abc |
  tr a-z A-Z |
  cat
#### pipeline-with-compound-commands
for i in 3 1 2; do echo $i; done | sort | while read n; do echo "n$n"; done
#### pipeline-to-head-closes-early
seq 1000 | head -n 1
echo "${PIPESTATUS[1]}"
#### uniq-count-pipeline
printf 'b\na\nb\nb\n' | sort | uniq -c | sort -rn | head -1 | tr -s ' '
#### pipestatus-after-failed-command-not-found
nosuchcmd_xyz 2>/dev/null | true
echo "${PIPESTATUS[@]}"
