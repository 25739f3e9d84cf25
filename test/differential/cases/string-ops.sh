# String manipulation (parameter expansion + the allowed text tools).
#### length-is-bytes-in-C-locale
s=héllo
echo ${#s}
#### substring-past-end
s=abc
echo "[${s:5}]" "[${s:1:10}]" "[${s:3}]"
#### uppercase-via-tr-classes
echo "Hello World" | tr '[:lower:]' '[:upper:]'
#### replace-all-spaces
s="a b  c"
echo "${s// /_}"
#### trim-whitespace-idiom
s="   trim me  "
t="${s#"${s%%[![:space:]]*}"}"
t="${t%"${t##*[![:space:]]}"}"
echo "[$t]"
#### concatenation-and-append
a=foo
b=bar
c=$a$b
c+=baz
echo $c ${a}_$b "${a}s"
#### contains-check
s=haystack
[[ $s == *st* ]] && echo contains
case $s in *needle*) echo no;; *) echo absent;; esac
#### split-on-delimiter-with-expansions
s=a,b,c
echo "${s%%,*}" "${s#*,}" "${s##*,}" "${s%,*}"
#### cut-and-tr
echo "a:b:c" | cut -d: -f2
echo "hello" | tr -d l
echo "aabbcc" | tr -s abc
echo "abc" | cut -c2-
#### repeat-string-idiom
printf -v line '%*s' 5 ''
echo "[${line// /-}]"
#### reverse-string
s=abcde
r=
for ((i=${#s}-1; i>=0; i--)); do r+=${s:i:1}; done
echo $r
#### quoted-pattern-in-replacement
s='a*b*c'
pat='*'
echo "${s//"$pat"/x}" "${s//$pat/x}"
#### wc-counts
s="one two three"
echo -n "$s" | wc -c
echo "$s" | wc -w
printf 'a\nb\n' | wc -l
#### basename-dirname
basename /a/b/c.txt
basename /a/b/c.txt .txt
dirname /a/b/c.txt
dirname c.txt
basename /a/b/
#### sort-and-uniq
printf 'b\na\nc\na\n' | sort | uniq
printf 'b\na\nc\na\n' | sort -u | tr '\n' ' '
echo
#### head-tail-bytes-lines
seq 10 | head -n 3 | tr '\n' ' '; echo
seq 10 | tail -n 2 | tr '\n' ' '; echo
seq 10 | tail -n +9 | tr '\n' ' '; echo
#### starts-and-ends-with
s=prefix-body-suffix
[[ $s == prefix* ]] && echo starts
[[ $s == *suffix ]] && echo ends
[ "${s#prefix}" != "$s" ] && echo starts-via-strip
#### char-at-index-loop
s=abc
for ((i=0; i<${#s}; i++)); do printf '%s-' "${s:i:1}"; done
echo
#### count-char-occurrences
s=banana
t=${s//[!a]/}
echo ${#t}
#### string-comparison-sorting
a=apple b=Banana
[[ $a < $b ]] && echo "$a first" || echo "$b first"
#### tee-duplicates
echo tee-line | tee copy.txt
cat copy.txt
