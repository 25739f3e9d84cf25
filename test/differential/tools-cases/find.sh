# find and xargs (findutils). Run by tools-find.test.ts (format: tools-harness.ts).
# find walks directories in read order, which Linux does not define: cases sort its output
# (or use -print0 | sort -z) unless a directory holds a single entry.

#### find-name
# tools: find sort
# files: proj
find proj -name '*.ts' | sort; find . -iname 'readme*'
#### find-type
# tools: find sort
# files: proj
find proj -type d | sort; echo --; find proj -type f -name '.*'
#### find-maxdepth-mindepth
# tools: find sort
# files: proj
find proj -maxdepth 1 | sort; echo --; find proj -mindepth 3 | sort
#### find-path-prune-not
# tools: find sort
# files: proj
find proj -path proj/src -prune -o -type f -print | sort; echo --; find proj -type f ! -name '*.ts' | sort
#### find-exec-each
# tools: find sort wc
# files: proj
find proj -name '*.ts' -exec wc -l {} \; | sort -k2
#### find-exec-plus
# tools: find grep sort
# files: proj
find proj -type f -exec grep -l TODO {} + | sort
#### find-print0-xargs0
# tools: find xargs sort wc
# files: proj
find proj -name '*.ts' -print0 | sort -z | xargs -0 wc -l
#### find-spaces-print0
# tools: find xargs sort ls mkdir touch
mkdir 'dir with space'; touch 'dir with space/a b.txt' 'dir with space/c.txt'
find . -name '*.txt' -print0 | sort -z | xargs -0 ls -1
#### find-empty-size-newer
# tools: find touch sort mkdir
mkdir d; touch d/empty; printf '%2000s' x > d/big; touch -d '2020-01-01' d/old; touch -d '2030-01-01' ref
find d -empty | sort; find d -type f -size +1k; find d -type f ! -newer ref | sort
#### find-printf-and-delete
# tools: find sort ls
# files: proj
find proj -name '*.ts' -printf '%f %s\n' | sort; find proj -name '*.md' -delete; ls proj
#### find-missing-start
# tools: find
find nosuch -name x; echo "status $?"
#### find-regex-and-or
# tools: find sort
# files: proj
find proj -regex '.*/[mu][a-z]*\.ts' | sort; find proj \( -name '*.json' -o -name '*.md' \) | sort
#### xargs-n-and-i
# tools: xargs
echo a b c d e | xargs -n 2 echo; printf '1\n2\n' | xargs -I{} echo 'item {}'
#### xargs-default-echo-and-empty
# tools: xargs
printf 'x\ny z\n' | xargs; printf '' | xargs echo ran; printf '' | xargs -r echo never; echo "status $?"
#### xargs-delimiter-and-exit-status
# tools: xargs
printf 'a,b,c' | xargs -d, -n1 echo; echo 1 2 | xargs sh -c 'exit 3'; echo "status $?"; echo x | xargs false; echo "status $?"
#### xargs-rm-pipeline
# tools: xargs find rm ls touch
touch a.tmp b.tmp keep.txt; find . -name '*.tmp' | xargs rm; ls
#### tree-listing
# tools: tree mkdir touch
mkdir -p t/a/b t/c; touch t/a/b/f t/c/g t/h; tree t; tree -a --noreport -L 1 t; tree -d t
