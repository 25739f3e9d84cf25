# for / while / until / break / continue.
#### for-in-list
for x in a "b c" d; do echo "[$x]"; done
#### for-defaults-to-positionals
set -- one "two three"
for a; do echo "$a"; done
#### c-style-for
for ((i=0; i<3; i++)); do echo $i; done
for ((;;)); do echo once; break; done
for (( i=10, j=0; i>j; i-=4, j++ )); do echo "$i $j"; done
#### while-read-pipe
printf 'a\nb\nc\n' | while read -r l; do echo "<$l>"; done
#### until-loop
n=0
until [ $n -ge 3 ]; do n=$((n+1)); echo $n; done
#### break-continue-levels
for i in 1 2 3; do
  for j in a b c; do
    [ $j = b ] && continue
    [ $i = 2 ] && continue 2
    [ $i = 3 ] && break 2
    echo $i$j
  done
done
echo end
#### loop-exit-statuses
for x in; do :; done; echo $?
false
for x in a; do false; done; echo $?
while false; do :; done; echo $?
#### pipeline-while-runs-in-subshell
n=0
printf 'a\nb\n' | while read l; do n=$((n+1)); done
echo $n
#### lastpipe-keeps-variables
shopt -s lastpipe
n=0
printf 'a\nb\n' | while read l; do n=$((n+1)); done
echo $n
#### for-over-unmatched-glob
mkdir d; cd d
for f in *.none; do echo "$f"; done
#### while-redirected-from-file
printf '1\n2\n' > f
while read x; do echo "got $x"; done < f
#### loop-output-redirected
for i in 1 2 3; do echo $i; done > out
wc -l < out
cat out
#### read-last-line-without-newline
printf 'a\nb' | while read l || [ -n "$l" ]; do echo "$l"; done
#### for-over-seq
for i in $(seq 1 3); do printf '%s,' $i; done
echo
#### break-count-too-large
for i in 1 2; do for j in 1 2; do break 5; done; echo inner-after; done
echo "after $?"
#### continue-in-while
i=0
while (( i < 5 )); do (( i++ )); (( i % 2 )) && continue; echo $i; done
#### loop-variable-persists
for v in a b last; do :; done
echo $v
#### nested-loop-pipes
for i in 1 2; do echo "x$i"; done | while read v; do echo "<$v>"; done
#### while-with-compound-condition
i=0
while i=$((i+1)); [ $i -le 2 ]; do echo "i=$i"; done
#### break-out-of-while-true
n=0
while true; do n=$((n+1)); [ $n -eq 3 ] && break; done
echo $n
