# grep, sed and awk as agents use them. Run by tools-text.test.ts (format: tools-harness.ts).
# Recursive grep prints files in directory-read order, which Linux does not define: those cases sort.
# awk cases use only POSIX awk, so the host's awk may be mawk (Debian 12's default) or gawk;
# gawk-only features are in the cases whose tools name gawk.

#### grep-rn-sorted
# tools: grep sort
# files: proj
grep -rn TODO proj | sort
#### grep-rn-single-dir
# tools: grep
# files: proj
grep -rn 'return' proj/src/util.ts; grep -rn add proj/src/lib proj/README.md; echo "status $?"
#### grep-ri-include-exclude
# tools: grep sort
# files: proj
grep -ri --include='*.ts' todo proj | sort; echo --; grep -r --exclude-dir=src -l proj proj | sort
#### grep-count
# tools: grep
# files: access.log proj
grep -c 'GET' access.log; grep -c TODO proj/src/main.ts proj/src/util.ts proj/README.md
#### grep-files-with-and-without
# tools: grep sort
# files: proj
grep -rl TODO proj | sort; echo --; grep -rL TODO proj | sort
#### grep-invert
# tools: grep
# files: access.log
grep -v ' 200 ' access.log
#### grep-ignore-case-word
# tools: grep
# files: words
grep -i apple words; grep -w pear words; grep -iw CHERRY words
#### grep-extended
# tools: grep
# files: access.log
grep -E '" (4|5)[0-9]{2} ' access.log; grep -E -o '"[A-Z]+ [^ ]+' access.log
#### grep-fixed-strings
# tools: grep
printf 'a.b\naxb\n[x]\n' > f; grep -F 'a.b' f; grep -F '[x]' f; grep 'a.b' f
#### grep-only-matching
# tools: grep tr
# files: access.log
grep -o '[0-9]\+\.[0-9]\+\.[0-9]\+\.[0-9]\+' access.log; grep -oE ' [0-9]{3} ' access.log | tr -d ' '
#### grep-line-numbers-context
# tools: grep
# files: lines100
grep -n -A1 -B1 'line 50$' lines100; grep -C1 -e 'line 3$' -e 'line 7$' lines100
#### grep-multiple-files-headers
# tools: grep
# files: proj
grep export proj/src/util.ts proj/src/lib/strings.ts; grep -h export proj/src/util.ts proj/src/lib/strings.ts
#### grep-quiet-and-status
# tools: grep
# files: words
grep -q apple words; echo $?; grep -q kiwi words; echo $?; grep kiwi words; echo $?
#### grep-missing-file
# tools: grep
# files: words
grep apple words nosuch; echo "status $?"; grep -s apple nosuch; echo "status $?"
#### grep-max-count-and-x
# tools: grep
# files: words
grep -m2 apple words; grep -x pear words; grep -c '^$' words
#### grep-pattern-file
# tools: grep head
# files: words
printf 'pear\ndate\n' > pats; grep -f pats words; grep -vf pats words | head -3
#### grep-stdin-pipeline
# tools: grep cat wc
# files: access.log
cat access.log | grep 'api' | grep -v POST | wc -l
#### grep-basic-regex-features
# tools: grep
printf 'foo123\nbar\nfoofoo\nab\n' > f; grep '^\(foo\)\{2\}$' f; grep '[[:digit:]]\{3\}' f; grep '^.b$' f
#### grep-perl-regex
# tools: grep
printf 'abc123\nxyz\n' > f; grep -P '\d+' f; grep -oP '[a-z]+(?=\d)' f
#### grep-bad-regex
# tools: grep
printf 'x\n' | grep 'a\{1'; echo "status $?"
#### grep-binary-file
# tools: grep
# files: bytes
grep -c . bytes; grep -a -c . bytes; grep x bytes; echo "status $?"
#### sed-print-n
# tools: sed
# files: lines100
sed -n 'p' lines100 | sed -n '2p;99p'; sed -n '5,7p' lines100; sed -n '$p' lines100
#### sed-substitute
# tools: sed head
# files: people.csv
sed 's/,/;/g' people.csv | head -3; sed 's/eng/ENG/2' people.csv | head -2; sed '1d;s/,.*//' people.csv
#### sed-extended-groups
# tools: sed
# files: people.csv
sed -E 's/^([a-z]+),([a-z]+),.*/\2:\1/' people.csv; sed -E -n '/,(ops|sales),/p' people.csv
#### sed-in-place
# tools: sed cat ls
# files: people.csv
sed -i 's/eng/engineering/' people.csv; cat people.csv; ls
#### sed-in-place-backup
# tools: sed cat ls
printf 'a\nb\n' > f; sed -i.bak 's/a/A/' f; cat f f.bak; ls
#### sed-delete-range-and-regex
# tools: sed
# files: lines100
sed '3,98d' lines100; sed '/line [0-9]$/!d' lines100 | sed -n '1p;$p'
#### sed-multiple-expressions
# tools: sed
printf 'hello world\n' | sed -e 's/hello/goodbye/' -e 's/world/moon/'; printf 'a b\n' | sed 's/a/1/;s/b/2/'
#### sed-append-insert-change
# tools: sed
printf 'one\ntwo\nthree\n' > f
sed '2a\
after two' f; sed '1i before' f; sed '/three/c THREE' f
#### sed-line-numbers-translate
# tools: sed
printf 'abc\nxyz\n' | sed =; printf 'hello\n' | sed 'y/helo/HELO/'
#### sed-range-regex
# tools: sed
printf 'a\nSTART\nb\nc\nEND\nd\n' | sed -n '/START/,/END/p'; printf 'a\nSTART\nb\nEND\n' | sed '/START/,/END/{/START/d;/END/d}'
#### sed-hold-space-reverse
# tools: sed
printf '1\n2\n3\n' | sed -n '1!G;h;$p'; printf 'a\nb\nc\nd\n' | sed 'N;s/\n/+/'
#### sed-newline-and-ampersand
# tools: sed
printf 'a,b,c\n' | sed 's/,/\n/g'; printf 'word\n' | sed 's/.*/[&]/'; printf 'x\n' | sed 's/x/a\tb/'
#### sed-quit-and-case
# tools: sed
# files: lines100
sed 3q lines100; printf 'Hello\n' | sed 's/.*/\U&/;s/L/\l&/'; printf 'ABC\n' | sed 's/b/x/I'
#### sed-script-file-and-w
# tools: sed cat
printf 's/a/b/\n/zzz/d\n' > prog.sed; printf 'a\nzzz\nca\n' | sed -f prog.sed; printf 'x1\ny\nx2\n' | sed -n '/x/w out'; cat out
#### sed-error-unterminated
# tools: sed
printf 'a\n' | sed 's/a'; echo "status $?"; sed p nosuch; echo "status $?"
#### awk-field-sep-print
# tools: awk
# files: people.csv
awk -F, '{print $1, $3}' people.csv; awk -F, 'NR > 1 && $2 == "eng" {print $1}' people.csv
#### awk-begin-end-sum
# tools: awk
# files: people.csv
awk -F, 'BEGIN {print "start"} NR > 1 {s += $3; n++} END {print "total", s, "avg", s / n, "n", n}' people.csv
#### awk-printf-report
# tools: awk
# files: people.csv
awk -F, 'NR > 1 {printf "%-8s|%6s|%08.2f|%5.1f%%|%x\n", $1, $2, $3 / 1000, $3 / 1500, NR}' people.csv
#### awk-arrays-group-by
# tools: awk sort
# files: people.csv
awk -F, 'NR > 1 {sum[$2] += $3; cnt[$2]++} END {for (d in sum) printf "%s %d %.1f\n", d, cnt[d], sum[d] / cnt[d]}' people.csv | sort
#### awk-log-report
# tools: awk sort
# files: access.log
awk '{split($0, q, "\""); split(q[2], r, " "); hits[$1]++; bytes[$1] += $NF; st[$(NF-1)]++} END {for (ip in hits) print ip, hits[ip], bytes[ip]; for (s in st) print "status", s, st[s]}' access.log | sort
#### awk-getline-file
# tools: awk
# files: people.csv words
awk 'BEGIN {while ((getline line < "words") > 0) n++; close("words"); print n; getline first < "people.csv"; print first}'
#### awk-getline-var-main-input
# tools: awk
printf 'a\nb\nc\nd\n' | awk '{getline nxt; print $0 "-" nxt}'
#### awk-getline-command
# tools: awk
awk 'BEGIN {"echo hello" | getline x; print x; close("echo hello")}'
#### awk-print-to-pipe-and-system
# tools: awk
awk 'BEGIN {print "b\na" | "sort"; close("sort"); r = system("exit 3"); print "r=" r}'
#### awk-print-to-file
# tools: awk cat
# files: people.csv
awk -F, 'NR > 1 {print $1 > ($2 ".txt")} END {close("eng.txt"); print "done"}' people.csv; cat eng.txt ops.txt
#### awk-string-functions
# tools: awk
awk 'BEGIN {s = "Hello, World"; print length(s), substr(s, 1, 5), index(s, "World"), toupper(s), tolower(s); n = split("a:b:c", p, ":"); print n, p[3]; t = s; gsub(/o/, "0", t); print t; sub(/World/, "awk", s); print s; print match("foobar", /o+b/), RSTART, RLENGTH; print sprintf("%5s|%-5s|", "ab", "cd")}'
#### awk-nf-nr-fs-ofs
# tools: awk
printf 'a b c\nd e\n\nf\n' | awk '{print NR": "NF" "$NF}'; printf 'a:b:c\n' | awk -F: -v OFS=, '{$1 = $1; print; $5 = "e"; print; print NF}'
#### awk-v-and-program-file
# tools: awk
# files: people.csv
printf 'BEGIN { FS = "," }\n$3 > min { print $1 }\n' > prog.awk; awk -v min=95000 -f prog.awk people.csv
#### awk-numeric-output
# tools: awk
awk 'BEGIN {print 1/3, 0.1 + 0.2, 1e6, 1e-5, -0, int(-3.7), "3x" + 1, 2^10, 7 % 3; OFMT = "%.2f"; print 3.14159; x = 3.14159 ""; print x; CONVFMT = "%.3f"; y = 2.71828; print (y "")}'
#### gawk-numeric-output
# tools: gawk
gawk 'BEGIN {print 100000 * 100000, 2^53, 017, 1e300 * 1e300, -1e300 * 1e300, log(-1)}' 2>&1
#### awk-regex-and-ranges
# tools: awk
# files: lines100
awk '/line 1[0-2]$/' lines100; awk 'NR == 5, NR == 7' lines100; awk '$2 ~ /^9[5-9]$/ {print $2} $2 !~ /[0-8]/ {c++} END {print c}' lines100
#### awk-exit-status
# tools: awk
awk 'BEGIN {exit 3}'; echo "status $?"; printf 'x\n' | awk '{exit} END {print "end runs"}'; echo "status $?"
#### awk-uninitialized-and-compare
# tools: awk
printf '10 9\n2 10\nabc abd\n' | awk '{print ($1 < $2) ? "lt" : "ge"}'; awk 'BEGIN {print x + 0, "[" x "]", length(x); if (!(y in a)) print "absent"}'
#### gawk-syntax-error-status
# tools: gawk
gawk 'BEGIN {print (}'; echo "status $?"
#### awk-syntax-error-status
# tools: awk
awk 'BEGIN {print (}' 2>/dev/null; [ $? -ne 0 ] && echo "failed as it should"
#### awk-delete-and-in
# tools: awk sort
awk 'BEGIN {a["x"] = 1; a["y"] = 2; a["z"] = 3; delete a["y"]; for (k in a) print k, a[k]; print ("y" in a), ("x" in a)}' | sort
#### awk-srand-deterministic-parts
# tools: awk
awk 'BEGIN {srand(1); x = rand(); print (x >= 0 && x < 1), int(7.9), sqrt(16), exp(0), log(1), sin(0), cos(0), atan2(0, 1)}'
#### gawk-extensions
# tools: gawk
gawk 'BEGIN {print gensub(/(a)(b)/, "\\2\\1", "g", "abab"); n = asort(x); s = "c,a,b"; split(s, arr, ","); asort(arr); print arr[1] arr[2] arr[3]; print strftime("%Y-%m-%d", 0, 1); print systime() > 0; print length(arr); print toupper(substr("abc", 2))}'
#### gawk-sorted-in-and-fpat
# tools: gawk
printf 'b 2\na 1\nc 3\n' | gawk '{v[$1] = $2} END {PROCINFO["sorted_in"] = "@ind_str_asc"; for (k in v) print k, v[k]}'; echo 'a,"b,c",d' | gawk -v FPAT='([^,]+)|("[^"]+")' '{print NF, $2}'
#### gawk-printf-and-bitops
# tools: gawk head
gawk 'BEGIN {printf "%c%c|%i|%5.3s|\n", 65, "BC", 42.9, "abcdef"; print and(12, 10), or(12, 10), xor(12, 10), lshift(1, 4), strtonum("0x1F"); print @/re+/ ~ "x"}' 2>&1 | head -3
#### awk-pipeline-with-builtins
# tools: awk sort head
# files: people.csv
while IFS=, read -r name dept salary start; do [ "$dept" = eng ] && echo "$salary $name"; done < people.csv | sort -rn | awk '{print NR". "$2}' | head -2
