# <<< here-strings.
#### basic
cat <<< "hello world"
wc -c <<< abc
#### no-word-splitting-or-globbing
x="a  b"
cat <<< $x
cat <<< "$x"
mkdir d; touch d/f1
cat <<< d/*
#### read-multiple-vars
read a b c <<< "1 2 3 4"
echo "$a|$b|$c"
#### read-with-ifs
IFS=: read -r user pass uid <<< "root:x:0"
echo "$user $uid"
#### read-into-array
read -ra arr <<< "x y  z"
echo ${#arr[@]} ${arr[2]}
#### multiline-content
cat <<< "$(printf 'a\nb')"
#### empty-string
cat <<< ""
echo "[$(cat <<< '')]"
wc -c <<< ""
#### feeding-a-loop
while read w; do echo "w=$w"; done <<< $'x\ny'
#### with-command-substitution-and-arith
cat <<< "sum=$((2+3)) cmd=$(echo ok)"
#### newline-appended-even-if-present
x=$'line\n'
cat <<< "$x" | wc -l
#### tilde-and-quotes
HOME=/h
cat <<< ~/x
cat <<< "~/x"
cat <<< 'single $x'
#### herestring-to-while-preserves-vars
n=0
while read -r l; do n=$((n+1)); done <<< $'a\nb\nc'
echo $n
