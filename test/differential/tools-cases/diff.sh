# diff, cmp, diff3, sdiff (diffutils) and patch. Run by tools-diff.test.ts (format: tools-harness.ts).
# diff -u headers carry the files' mtimes: the cases fix them with touch -d (both sides run in UTC).

#### diff-normal-and-status
# tools: diff
printf 'a\nb\nc\n' > x; printf 'a\nB\nc\nd\n' > y
diff x y; echo "status $?"; diff x x; echo "status $?"
#### diff-unified-fixed-mtimes
# tools: diff touch
printf 'one\ntwo\nthree\nfour\n' > old.txt; printf 'one\n2\nthree\nfour\nfive\n' > new.txt
touch -d '2024-03-01 10:00:00' old.txt; touch -d '2024-03-02 11:30:15' new.txt
diff -u old.txt new.txt; echo "status $?"
#### diff-unified-labels-and-context
# tools: diff sed tail
# files: lines100
sed 's/^line 50$/LINE FIFTY/' lines100 > changed
diff -u --label a/lines100 --label b/lines100 lines100 changed; diff -U1 --label x --label y lines100 changed | tail -n +3
#### diff-unified-stdin-and-process-substitution
# tools: diff sort tail
# files: words
sort words | diff -u --label sorted --label orig - words | tail -n +3; diff <(sort -u words) <(sort words)
#### diff-context-format
# tools: diff touch
printf 'a\nb\n' > x; printf 'a\nc\n' > y; touch -d '2020-01-01 00:00:00' x y
diff -c x y
#### diff-brief-recursive
# tools: diff mkdir
mkdir a b a/sub b/sub; printf '1\n' > a/same; printf '1\n' > b/same; printf 'x\n' > a/sub/f; printf 'y\n' > b/sub/f
printf 'only\n' > a/only-a; printf 'only\n' > b/only-b
diff -rq a b; echo "status $?"; diff -r a b; echo "status $?"
#### diff-recursive-unified-new-file
# tools: diff mkdir touch
mkdir a b; printf 'x\n' > a/f; printf 'y\n' > b/f; printf 'new\n' > b/g
touch -d '2024-01-01 00:00:00' a/f b/f b/g
diff -ruN a b; echo "status $?"
#### diff-ignore-options
# tools: diff
printf 'Hello  World\n\nend\n' > x; printf 'hello world\nend\n' > y
diff -i -w -B x y; echo "status $?"; diff -b x y > /dev/null; echo "status $?"
#### diff-side-by-side
# tools: diff
printf 'a\nb\nc\n' > x; printf 'a\nB\nc\nd\n' > y
diff -y -W 30 x y; echo "status $?"; diff --suppress-common-lines -y -W 30 x y
#### diff-missing-file
# tools: diff
printf 'x\n' > x; diff x nosuch; echo "status $?"
#### diff-binary
# tools: diff
# files: bytes
printf 'x' > t; diff bytes t; echo "status $?"
#### cmp-basic
# tools: cmp
printf 'abcdef\n' > x; printf 'abXdef\n' > y
cmp x y; echo "status $?"; cmp -s x x; echo "status $?"; cmp -l x y; cmp -b x y
#### cmp-eof
# tools: cmp
printf 'abc' > x; printf 'abcdef' > y; cmp x y; echo "status $?"
#### diff3-merge
# tools: diff3
printf 'a\nb\nc\n' > mine; printf 'a\nb\nc\n' > base; printf 'a\nB\nc\n' > yours
diff3 mine base yours; echo "status $?"; diff3 -m mine base yours; echo "status $?"
#### diff3-conflict
# tools: diff3
printf '1\nX\n3\n' > mine; printf '1\n2\n3\n' > base; printf '1\nY\n3\n' > yours
diff3 -m -L mine -L base -L yours mine base yours; echo "status $?"
#### sdiff-output
# tools: sdiff
printf 'a\nb\n' > x; printf 'a\nc\n' > y; sdiff -w 20 x y; echo "status $?"
#### patch-apply-unified
# tools: diff patch cat
printf 'one\ntwo\nthree\n' > f; printf 'one\n2\nthree\nfour\n' > g
diff -u f g > change.patch; patch f < change.patch; echo "status $?"; cat f
#### patch-p1-tree
# tools: diff patch cat mkdir cp
mkdir a b a/src b/src; printf 'x = 1\n' > a/src/m.py; printf 'x = 2\n' > b/src/m.py
diff -ru a b > fix.patch; mkdir work; cp -r a/src work/; cd work; patch -p1 < ../fix.patch; echo "status $?"; cat src/m.py
#### patch-reverse-and-dry-run
# tools: diff patch cat
printf 'a\n' > f; printf 'b\n' > g; diff -u f g > p.diff
patch --dry-run f < p.diff; cat f; patch f < p.diff; patch -R f < p.diff; cat f
#### patch-rejects
# tools: patch cat ls
printf 'zzz\n' > f
printf -- '--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n' > p.diff
patch f < p.diff; echo "status $?"; ls; cat f.rej
