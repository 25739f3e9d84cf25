# gzip/gunzip/zcat, tar, bzip2, xz. Run by tools-archive.test.ts (format: tools-harness.ts).
# Compressed bytes are compared through md5sum/od (stdout must be text); gzip -n leaves name and
# time out of the header, so its bytes depend only on the input and the level.

#### gzip-roundtrip-stdout
# tools: gzip gunzip md5sum
# files: people.csv
gzip -c people.csv | gunzip -c | md5sum; md5sum < people.csv
#### gzip-deterministic-bytes
# tools: gzip md5sum od head
# files: people.csv lines100
gzip -9 -n -c people.csv | md5sum; gzip -1 -n -c lines100 | od -An -tx1 | head -2; gzip -n -c < lines100 | md5sum
#### gzip-in-place-and-back
# tools: gzip gunzip ls head
# files: lines100
gzip lines100; ls; gzip -l lines100.gz; gunzip lines100.gz; ls; head -2 lines100
#### gzip-keep-force-test
# tools: gzip ls
# files: words
gzip -k words; ls; gzip -t words.gz; echo "status $?"; gzip -k words; echo "status $?"; gzip -kf words; echo "status $?"
#### gzip-list-verbose-mtime
# tools: gzip touch
# files: lines100
touch -d '2024-05-06 07:08:09' lines100; gzip lines100; gzip -lv lines100.gz
#### gzip-restore-name-and-mtime
# tools: gzip gunzip touch ls mv cut
# files: words
touch -d '2022-02-02 02:02:02' words; gzip words; mv words.gz renamed.gz; gunzip -N renamed.gz; ls; ls -l --time-style=+%F.%T words | cut -d' ' -f6-
#### zcat-several-and-pipe
# tools: gzip zcat head
# files: people.csv words
gzip people.csv words; zcat people.csv.gz words.gz | head -3; zcat < words.gz | head -1
#### gzip-stream-pipeline
# tools: seq gzip tail
seq 1 20000 | gzip | gzip -d | tail -1
#### gzip-concatenated-members
# tools: gzip zcat
printf 'one\n' | gzip > c.gz; printf 'two\n' | gzip >> c.gz; zcat c.gz
#### gunzip-not-gzip
# tools: gunzip
printf 'not gzip data' > x.gz; gunzip x.gz; echo "status $?"
#### gzip-missing-file
# tools: gzip
gzip nosuch; echo "status $?"
#### gzip-levels-sizes
# tools: gzip wc
# files: tenk
for l in 1 6 9; do gzip -$l -n -c tenk | wc -c; done
#### tar-create-list
# tools: tar mkdir sort
# files: proj
tar cf p.tar proj; tar tf p.tar | sort
#### tar-extract-roundtrip
# tools: tar mkdir diff
# files: proj
tar cf p.tar proj; mkdir out; tar xf p.tar -C out; diff -r proj out/proj && echo same
#### tar-czf-xzf
# tools: tar gzip mkdir diff sort head
# files: proj
tar czf p.tgz proj; mkdir out; tar xzf p.tgz -C out; diff -r proj out/proj && echo same; tar tzf p.tgz | sort | head -3
#### tar-verbose-list-fixed
# tools: tar touch mkdir
mkdir d; printf 'hello\n' > d/f; touch -d '2024-01-02 03:04:05' d/f d
tar --owner=0 --group=0 --numeric-owner -cf a.tar d; tar tvf a.tar
#### tar-reproducible-bytes
# tools: tar md5sum touch mkdir
mkdir d; printf 'a\n' > d/a; printf 'b\n' > d/b; touch -d '2024-01-02 03:04:05' d/a d/b d
tar --sort=name --owner=0 --group=0 --numeric-owner --format=gnu -cf a.tar d; md5sum a.tar
#### tar-extract-one-to-stdout-strip
# tools: tar mkdir ls head
# files: proj
tar cf p.tar proj; tar xOf p.tar proj/src/util.ts | head -2; mkdir s; tar xf p.tar -C s --strip-components=2 proj/src; ls s
#### tar-missing-member
# tools: tar
# files: words
tar cf w.tar words; tar xf w.tar nosuch; echo "status $?"
#### tar-pipe-through-stdio
# tools: tar mkdir ls
# files: proj
mkdir out; tar cf - proj | (cd out && tar xf -); cd out && ls -RA
#### bzip2-roundtrip-and-bytes
# tools: bzip2 bunzip2 md5sum
# files: people.csv
bzip2 -c people.csv | md5sum; bzip2 -c people.csv | bunzip2 -c | md5sum; md5sum < people.csv
#### bzip2-in-place
# tools: bzip2 bunzip2 ls bzcat head
# files: words
bzip2 words; ls; bzcat words.bz2 | head -2; bunzip2 words.bz2; ls
#### xz-roundtrip-and-bytes
# tools: xz md5sum
# files: people.csv
xz -c people.csv | md5sum; xz -c people.csv | xz -dc | md5sum; md5sum < people.csv
#### xz-in-place-and-list
# tools: xz unxz xzcat ls tail
# files: lines100
xz lines100; ls; xzcat lines100.xz | tail -1; unxz lines100.xz; ls
#### tar-cjf-cJf
# tools: tar bzip2 xz wc
# files: proj
tar cjf p.tbz proj; tar cJf p.txz proj; tar tjf p.tbz | wc -l; tar tJf p.txz | wc -l
#### xzdec-and-lzmadec
# tools: xz xzdec lzmadec lzmainfo
seq 1 2000 > n; xz -k n; xzdec n.xz | tail -1; xz --format=lzma -k -c n > n.lzma; lzmadec n.lzma | head -1; lzmainfo n.lzma | head -3
#### bzip2recover-blocks
# tools: bzip2 bzip2recover
seq 1 5000 > n; bzip2 -k n; bzip2recover n.bz2 2>&1 | tail -1; ls rec*; bzip2 -dc rec00001n.bz2 | tail -1
