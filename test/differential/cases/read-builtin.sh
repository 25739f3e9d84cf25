# read.
#### raw-vs-backslash-processing
printf 'a\\tb\\\nc\n' > f
read x < f
echo "$x"
read -r y < f
echo "$y"
#### whitespace-trimming
read x <<< "   padded   "
echo "[$x]"
IFS= read -r y <<< "   padded   "
echo "[$y]"
#### last-variable-gets-rest
read a b <<< "one two three  four  "
echo "[$a] [$b]"
read c d e <<< "only"
echo "[$c] [$d] [$e]"
#### n-and-N-counts
read -n 3 x <<< "abcdef"
echo $x
read -N 2 y <<< "a"
echo "[$y]"
read -n 10 z <<< "ab"
echo "[$z]"
#### delimiter-option
read -d : x <<< "abc:def"
echo $x
read -d '' y < <(printf 'p\nq')
echo "[$y] $?"
#### eof-status
read x < /dev/null
echo $? "[$x]"
printf 'noeol' | { read y; echo $? "$y"; }
#### read-into-array
read -a arr <<< "a b c"
echo ${#arr[@]} ${arr[1]}
arr2=(old values here)
read -a arr2 <<< "new"
echo ${#arr2[@]}
#### reply-default-keeps-whitespace
read <<< "  spaced  "
echo "[$REPLY]"
#### prompt-not-shown-without-tty
read -p "prompt: " x <<< "v" 2>&1
echo $x
#### read-from-fd-u
exec 3<<< "from3"
read -u 3 x
echo $x
#### escaped-ifs-char
IFS=: read a b <<< 'x\:y:z'
echo "$a|$b"
IFS=: read -r a b <<< 'x\:y:z'
echo "$a|$b"
#### empty-lines-loop
printf 'a\n\nb\n' | while IFS= read -r l; do echo "<$l>"; done
#### line-continuation
printf 'one \\\ntwo\n' | { read x; echo "$x"; }
#### read-multiple-lines-sequentially
{ read a; read b; } <<EOF
first
second
EOF
echo "$a/$b"
#### invalid-identifier
exec 2>&1
read 1x <<< "v"
echo $?
#### read-silent-and-timeout-options-accepted
read -s -t 5 x <<< "quiet"
echo "$x $?"
#### read-splits-with-tabs
read a b <<< $'x\t\ty'
echo "$a-$b"
#### read-d-empty-with-nul-separated
printf 'a b\0c\0' > f
while IFS= read -r -d '' item; do echo "[$item]"; done < f
#### read-array-with-ifs
IFS=, read -ra parts <<< "a,b,,d"
echo ${#parts[@]} "[${parts[2]}]" "${parts[3]}"
