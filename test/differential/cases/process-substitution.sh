# <( ) and >( ).
#### read-from-procsub
cat <(echo hello)
#### while-read-keeps-variables
n=0
while read l; do n=$((n+1)); done < <(printf 'a\nb\nc\n')
echo $n
#### two-procsubs
cat <(echo one) <(echo two)
#### redirect-from-procsub
wc -l < <(seq 5)
#### write-procsub-then-wait
echo hi > >(tr a-z A-Z)
wait $!
echo done
#### procsub-path-is-readable
f() { [ -r "$1" ] && cat "$1"; }
f <(echo via-path)
#### mapfile-from-procsub
mapfile -t a < <(printf 'x\ny\n')
echo ${#a[@]} ${a[1]}
#### sort-two-procsubs
sort <(printf 'b\na\n') <(printf 'c\n')
#### procsub-sees-variables
v=value
cat <(echo "v=$v")
#### procsub-exit-status-ignored
cat <(exit 3); echo $?
#### nested-procsub
cat <(cat <(echo nested))
#### procsub-as-argument-word
n=$(cat <(printf 'a\nb\n') | wc -l)
echo $n
