# GNU coreutils as agents use them. Run by tools-coreutils.test.ts (see tools-harness.ts for the format).

#### sort-key-numeric-field-sep
# tools: sort
# files: people.csv
sort -t, -k3,3n -k1,1 people.csv
#### sort-reverse-numeric
# tools: sort tail
# files: people.csv
tail -n +2 people.csv | sort -t, -k3 -rn
#### sort-unique
# tools: sort
# files: words
sort -u words
#### sort-reverse-plain
# tools: sort
# files: words
sort -r words
#### sort-fold-case-unique
# tools: sort
# files: words
sort -f -u words
#### sort-multiple-keys-stable
# tools: sort
# files: people.csv
sort -s -t, -k2,2 people.csv
#### sort-human-numeric
# tools: sort
printf '1K\n512\n3M\n2G\n10K\n' | sort -h
#### sort-check-unsorted
# tools: sort
printf 'b\na\n' | sort -c; echo "status $?"
#### sort-output-file
# tools: sort cat
# files: words
sort -o sorted words && cat sorted
#### uniq-count
# tools: sort uniq
# files: words
sort words | uniq -c
#### uniq-count-ranked
# tools: sort uniq head cut
# files: access.log
cut -d' ' -f1 access.log | sort | uniq -c | sort -rn | head -3
#### uniq-dup-and-unique
# tools: sort uniq
# files: words
sort words | uniq -d; echo --; sort words | uniq -u
#### uniq-ignore-case
# tools: sort uniq
# files: words
sort -f words | uniq -i -c
#### cut-fields
# tools: cut
# files: people.csv
cut -d, -f1,3 people.csv
#### cut-field-range-output-delimiter
# tools: cut
# files: people.csv
cut -d, -f2- --output-delimiter=' | ' people.csv
#### cut-chars
# tools: cut
# files: access.log
cut -c1-8 access.log
#### cut-tab-default
# tools: cut
printf 'a\tb\tc\nd\te\tf\nno-tab\n' | cut -f2
#### cut-only-delimited
# tools: cut
printf 'a:b\nno\nc:d\n' | cut -s -d: -f2
#### tr-upper
# tools: tr
# files: words
tr a-z A-Z < words
#### tr-delete-squeeze
# tools: tr
printf 'a  b   c\r\n' | tr -d '\r' | tr -s ' '
#### tr-complement-classes
# tools: tr
printf 'Hello, World! 123\n' | tr -cd '[:alnum:]\n'
#### tr-newlines-to-spaces
# tools: tr
# files: words
tr '\n' ' ' < words; echo
#### wc-lines-words-bytes
# tools: wc
# files: people.csv access.log
wc people.csv access.log
#### wc-single-flags
# tools: wc
# files: access.log
wc -l access.log; wc -w < access.log; wc -c access.log; wc -L access.log
#### wc-stdin-pipe
# tools: cat wc
# files: words
cat words | wc -l
#### head-n
# tools: head
# files: lines100
head -n 3 lines100; head -3 lines100
#### head-negative-n
# tools: head
# files: lines100
head -n -97 lines100
#### head-c
# tools: head
# files: lines100
head -c 20 lines100; echo
#### head-multiple-files
# tools: head
# files: people.csv words
head -n 2 people.csv words
#### tail-n
# tools: tail
# files: lines100
tail -n 2 lines100; tail -1 lines100
#### tail-plus
# tools: tail
# files: lines100
tail -n +98 lines100
#### tail-c
# tools: tail
# files: lines100
tail -c 9 lines100
#### tail-multiple-files
# tools: tail
# files: people.csv words
tail -n 1 people.csv words
#### md5sum-files
# tools: md5sum
# files: people.csv words
md5sum people.csv words
#### sha256sum-file-and-stdin
# tools: sha256sum cat
# files: people.csv
sha256sum people.csv; cat people.csv | sha256sum
#### sha1-sha512-b2sum
# tools: sha1sum sha512sum b2sum
# files: words
sha1sum words; sha512sum words; b2sum words
#### md5sum-check-ok
# tools: md5sum
# files: people.csv words
md5sum people.csv words > sums && md5sum -c sums; echo "status $?"
#### md5sum-check-failed
# tools: md5sum
# files: people.csv words
md5sum people.csv words > sums
echo changed >> words
md5sum -c sums; echo "status $?"
#### md5sum-check-quiet-missing
# tools: md5sum rm
# files: people.csv words
md5sum people.csv words > sums; rm words
md5sum --quiet -c sums; echo "status $?"
#### cksum-sum
# tools: cksum sum
# files: people.csv
cksum people.csv; sum people.csv
#### ls-plain-and-one
# tools: ls mkdir touch
mkdir d; touch d/b d/a d/C d/.hidden
ls d; ls -1 d; ls -a d; ls -A d
#### ls-long-fixed-mtime
# tools: ls touch mkdir
mkdir d; printf 'hello\n' > d/f; printf '' > d/empty; mkdir d/sub
touch -d '2024-01-02 03:04:05' d/f d/empty d/sub
ls -l d
#### ls-long-time-style
# tools: ls touch
printf 'abc\n' > f; touch -d '2023-07-04 12:00:00' f
ls -l --time-style=+%Y-%m-%d f; ls -l --time-style=long-iso f; ls -l --full-time f
#### ls-sort-by-time
# tools: ls touch
touch -d '2020-01-01' old; touch -d '2022-01-01' new; touch -d '2021-01-01' mid
ls -t; ls -tr
#### ls-sort-by-size-and-classify
# tools: ls mkdir
printf 1 > small; printf 12345 > big; mkdir dir
ls -S small big; ls -F
#### ls-directory-itself-and-recursive
# tools: ls mkdir touch
mkdir -p a/b/c; touch a/x a/b/y
ls -d a; ls -R a
#### ls-missing-file
# tools: ls
ls nosuch; echo "status $?"
#### ls-long-mode-bits
# tools: ls chmod touch
touch f g; chmod 755 f; chmod 600 g; touch -d '2024-01-02 03:04:05' f g
ls -l f g
#### stat-format
# tools: stat touch mkdir
printf 'hello\n' > f; mkdir d; touch -d '2024-01-02 03:04:05' f
stat -c '%n %s %F %Y' f; stat -c '%F' d
#### stat-mode-format
# tools: stat chmod
printf 'x' > f; chmod 640 f
stat -c '%a %A %n' f
#### stat-mtime-human
# tools: stat touch
printf 'x' > f; touch -d '2024-01-02 03:04:05' f
stat -c '%y' f
#### touch-d-and-date-r
# tools: touch date
touch -d '2001-02-03 04:05:06' f; date -u -r f '+%F %T'
#### base64-encode-decode
# tools: base64 head
# files: people.csv
base64 people.csv; base64 people.csv | base64 -d | head -n 2
#### base64-wrap-and-binary
# tools: base64 head
# files: bytes
base64 -w 0 bytes; echo; base64 -w 40 bytes | head -2
#### base64-invalid
# tools: base64
printf 'not base64!!\n' | base64 -d; echo "status $?"
#### base32-basenc
# tools: base32 basenc
printf 'hello world' | base32; printf 'hello' | basenc --base16; echo
#### od-c
# tools: od
printf 'a\tb\nc\0d\\' | od -c
#### od-hex-bytes
# tools: od head
# files: bytes
od -An -tx1 bytes | head -3; od -An -tx1 -N 4 -j 250 bytes
#### od-decimal-and-address
# tools: od
printf 'ABCD' | od -Ad -tu2; printf 'hi' | od -t x1z -v
#### printf-external
# tools: printf
/usr/bin/printf '%5.2f|%-4s|%04d|%x|%o|%e\n' 3.14159 ab 42 255 8 12345.678
#### printf-external-escapes
# tools: printf
/usr/bin/printf 'a\tb\\n%b\n' 'c\nd'; /usr/bin/printf '%s\n' one two three
#### printf-builtin-into-tools
# tools: sort
printf '%s\n' 3 10 2 | sort -n; printf '%05.1f\n' 2.25
#### seq-basic
# tools: seq
seq 5; seq 2 3 11; seq 3 -1 1
#### seq-format-width-separator
# tools: seq
seq -w 8 11; seq -s, 5; seq -f '%03g' 3; seq 1 0.5 3
#### expr-arithmetic
# tools: expr
expr 3 + 4; expr 10 / 3; expr 10 % 3; expr 2 \* 21; expr -5 + 2
#### expr-strings
# tools: expr
expr length hello; expr substr hello 2 3; expr index hello l; expr abc : 'a\(.\)'; expr abc : '.*'
#### expr-status
# tools: expr
expr 0 + 0; echo "status $?"; expr 1 / 0; echo "status $?"; expr 3 '<' 10; echo "status $?"
#### date-epoch-utc
# tools: date
date -d @0 -u; date -u -d @1700000000 '+%Y-%m-%dT%H:%M:%S %a %b %j %u'
#### date-parse-and-format
# tools: date
date -u -d '2024-02-29 12:34:56' '+%s %A %d/%m/%y %H%M'; date -u -d '2024-01-31 + 1 month' +%F; date -u -d @86400 +%F
#### date-iso-rfc
# tools: date
date -u -d @1234567890 --iso-8601=seconds; date -u -d @1234567890 -R
#### cat-options
# tools: cat
printf 'a\tb\n\n\nc \n' > f; cat -n f; cat -A f; cat -s f; cat -b f
#### tac-nl-paste
# tools: tac nl paste
printf 'one\ntwo\nthree\n' > f; tac f; nl f; paste -s -d, f; paste f f
#### join-comm
# tools: join comm
printf '1 a\n2 b\n3 c\n' > x; printf '1 A\n3 C\n4 D\n' > y
join x y; join -a1 x y; comm x y; printf 'a\nb\nc\n' > p; printf 'b\nc\nd\n' > q; comm -12 p q; comm -3 p q
#### fold-fmt-expand
# tools: fold fmt expand unexpand od
printf 'the quick brown fox jumps over the lazy dog\n' > f; fold -w 10 f; fold -s -w 12 f; fmt -w 20 f
printf 'a\tb\n' | expand -t 4; printf 'a       b\n' | unexpand -a | od -c
#### split-csplit
# tools: split ls cat csplit wc
# files: lines100
split -l 40 lines100 part-; ls part-*; cat part-ac
csplit lines100 '/line 50/' '/line 75/'; wc -l xx00 xx01 xx02
#### basename-dirname-realpath
# tools: basename dirname realpath mkdir
basename /a/b/c.txt .txt; dirname /a/b/c.txt; basename -s .ts x.ts y.ts; mkdir -p d/e; realpath --relative-to=. d/e/../e
#### mkdir-p-several-nested
# tools: mkdir ls
mkdir -p a/sub b/sub c; echo "status $?"; ls -R
#### mkdir-cp-mv-rm
# tools: mkdir cp mv rm ls cat
mkdir -p a/b; printf 'x\n' > a/b/f; cp -r a c; mv c/b/f c/b/g; rm -r a; ls -R c; cat c/b/g
#### cp-mv-errors
# tools: cp mv rm
cp nosuch x; echo "status $?"; mv nosuch y; echo "status $?"; rm nosuch; echo "status $?"; rm -f nosuch; echo "status $?"
#### rmdir-not-empty
# tools: mkdir rmdir touch
mkdir d; touch d/f; rmdir d; echo "status $?"
#### ln-readlink
# tools: ln readlink ls sed cut
printf 'x\n' > target; ln -s target link; ln target hard; readlink link; readlink -f link | sed 's|.*/||'; ls -l link | cut -d' ' -f9-
#### tee-append
# tools: tee cat
echo one | tee f; echo two | tee -a f > /dev/null; cat f
#### truncate-dd
# tools: truncate dd wc od
truncate -s 10 f; wc -c f; printf 'abcdefgh' | dd bs=2 skip=1 count=2 2>/dev/null; echo; dd if=/dev/zero bs=4 count=2 2>/dev/null | od -An -c
#### factor-numfmt
# tools: factor numfmt
factor 360 97 1001; numfmt --to=iec 1048576 1536; numfmt --from=si 2K
#### tsort-shuf-seeded
# tools: tsort
printf 'a b\nb c\na c\n' | tsort
#### env-printenv
# tools: env printenv
env -i FOO=bar printenv FOO; env -u HOME printenv HOME; echo "status $?"
#### test-external
# tools: test [
/usr/bin/test -d . && echo dir; /usr/bin/[ 3 -lt 10 ] && echo lt; /usr/bin/test -f nosuch; echo "status $?"
#### true-false-external
# tools: true false
/bin/true; echo $?; /bin/false; echo $?
#### yes-and-head
# tools: yes head
yes abc | head -n 3
#### uname-kernel-name
# tools: uname
uname -s; uname -o
#### unknown-option
# tools: sort
sort --no-such-option; echo "status $?"
#### comm-missing-file
# tools: cat head
cat nosuch; echo "status $?"; head nosuch; echo "status $?"
#### chmod-x-then-run-script
# tools: chmod
printf 'echo hi from script\n' > s.sh; chmod +x s.sh; echo "chmod $?"; ./s.sh; echo "status $?"; [ -x s.sh ] && echo executable
#### chmod-then-test-permissions
# tools: chmod stat
# (the host runs this as root and the VM as user 1000: only what does not depend on the uid)
printf x > f; chmod 400 f; stat -c '%a %A' f; chmod a-r,u+w f; stat -c '%a %A' f; chmod 644 f; echo "status $?"; stat -c '%a' f; chmod g+s,o=rx f; stat -c '%a %A' f
#### timeout-kills-command
# tools: timeout sleep
timeout 1 sleep 5; echo "status $?"; timeout 5 true; echo "status $?"
#### sort-with-temp-files
# tools: seq sort head
seq 1 200000 | sort -S 100K -rn | head -2
#### cp-preserve-and-touch-reference
# tools: cp touch stat
printf x > f; touch -d @1000 f; cp -p f g; touch -r f h; stat -c '%Y %n' g h
#### mktemp-file-and-dir
# tools: mktemp cat rm ls
f=$(mktemp); echo x > "$f"; cat "$f"; rm "$f"; d=$(mktemp -d); ls -A "$d"; echo "status $?"; case $f in /tmp/tmp.*) echo in-tmp;; esac
#### shuf-fixed-random-source
# tools: shuf seq
shuf --random-source=/dev/zero -i 1-5; seq 5 | shuf -n 2 --random-source=/dev/zero
#### sort-version-and-month
# tools: sort
printf 'b-1.10\nb-1.9\nb-1.2\n' | sort -V; printf 'Mar 1\nJan 2\nFeb 3\n' | sort -k1M
#### sleep-external
# tools: sleep
sleep 0.1; echo "status $?"; /bin/sleep 0.05 && echo ok
