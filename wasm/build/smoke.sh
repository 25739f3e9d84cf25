#!/usr/bin/env bash
# Quick run-time checks of every module in wasm/dist (build check). By default each command
# runs in an agentvm VM (run-vm.ts: the product runtime, so spawn, pipes, fchdir and modes work);
# SMOKE_RUNTIME=wasi runs under node:wasi instead (no kernel: those calls answer ENOSYS, so
# checks that need them fail there: sed -i's permissions, find's fchdir).
#   wasm/build/smoke.sh [module ...]     (default: every module in the manifest)
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/env.sh"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
mkdir -p "$T/tree/sub"; printf 'alpha\nbeta\n' > "$T/tree/a.txt"; printf 'gamma beta\n' > "$T/tree/sub/b.txt"
PASS=0; FAILS=()

# run <module> <argv0> [args...]: stdin from the caller, cwd = $T (the VM finds the module by
# argv0 through the manifest; node:wasi is given the module)
RUNTIME=${SMOKE_RUNTIME:-vm}
run() {
  local m=$1; shift
  if [ "$RUNTIME" = wasi ]; then "$NODE" --no-warnings "$HERE/run-wasi.ts" "$DIST/$m.wasm" "$T" "$@"
  else "$NODE" --no-warnings "$HERE/run-vm.ts" "$DIST" "$T" "$@"; fi
}
vm() { [ "$RUNTIME" != wasi ]; }
# check <name> <expected-output> <shell snippet using run>
check() {
  local name=$1 want=$2 got
  got=$(cd "$T" && eval "$3" 2>&1); local rc=$?
  if [ "$got" = "$want" ] && [ $rc = 0 ]; then PASS=$((PASS+1))
  else FAILS+=("$name"); printf 'FAIL %s (rc %s)\n  want: %q\n  got:  %q\n' "$name" "$rc" "$want" "$got"; fi
}
has() { [ -f "$DIST/$1.wasm" ] && { [ ${#ONLY[@]} = 0 ] || [[ " ${ONLY[*]} " == *" $1 "* ]]; }; }
ONLY=("$@")

if has sed; then
  check 'sed --version' 'sed (GNU sed) 4.9' 'run sed sed --version | sed -n 1p'
  check 'sed s///' 'y' "printf 'x\n' | run sed sed s/x/y/"
  check 'sed -n -E' 'beta' "run sed sed -n -E '/^b/p' tree/a.txt"
  check 'sed -i' 'ALPHA' "cp tree/a.txt $T/i.txt; run sed sed -i 's/alpha/ALPHA/' i.txt && sed -n 1p $T/i.txt"
fi
if has grep; then
  check 'grep -rn' $'tree/a.txt:2:beta\ntree/sub/b.txt:1:gamma beta' 'run grep grep -rn beta tree | sort'
  check 'grep exit 1' '1' 'run grep grep -q zzz tree/a.txt; echo $?'
  check 'grep -c -E' '2' "run grep grep -c -E 'a\$' tree/a.txt"
fi
if has coreutils; then
  check 'ls -a'  'a.txt sub' "run coreutils ls -a tree | grep -v '^\\.' | tr '\n' ' ' | sed 's/ \$//'"
  check 'ls -la' '2' "run coreutils ls -la tree | grep -c -E ' (a.txt|sub)$'"
  check 'sort -rn' $'10\n9\n1' "printf '9\n10\n1\n' | run coreutils sort -rn"
  check 'seq 3' $'1\n2\n3' 'run coreutils seq 3'
  check 'printf %Lg' '1.5' "run coreutils printf '%Lg\n' 1.5"
  check 'wc -l' '2 tree/a.txt' 'run coreutils wc -l tree/a.txt'
  check 'cat | tr' 'ALPHA' "run coreutils cat tree/a.txt | sed -n 1p | run coreutils tr a-z A-Z"
  check 'pwd from PWD' "$T" 'run coreutils pwd'
  check 'cp + cmp' 'same' "run coreutils cp tree/a.txt c.txt && cmp -s tree/a.txt $T/c.txt && echo same"
  # node:wasi cannot stat "/" (not preopened), which rm checks for --preserve-root
  check 'mkdir -p + rm -r' 'gone' "run coreutils mkdir -p x/y/z && run coreutils rm --no-preserve-root -r x && test ! -e $T/x && echo gone"
  check 'sort -g' $'1e1\n2e2' "printf '2e2\n1e1\n' | run coreutils sort -g"
  check 'date -d @0' '1970-01-01' "run coreutils date -u -d @0 +%F"
  check 'coreutils dispatch' 'true' 'run coreutils true && echo true'
fi
if has gawk; then
  check "awk -F, print \$2" 'b' "echo a,b | run gawk awk -F, '{print \$2}'"
  check 'gawk sum' '6' "printf '1\n2\n3\n' | run gawk gawk '{s+=\$1} END {print s}'"
  check 'gawk printf' '3.14' "run gawk gawk 'BEGIN{printf \"%.2f\n\", 3.14159}'"
fi
if has find; then
  check 'find -name' $'tree/a.txt\ntree/sub/b.txt' "run find find tree -name '*.txt' | sort"
  check 'find -type d' $'tree\ntree/sub' 'run find find tree -type d | sort'
  check 'find exit 0' '0' 'run find find tree -name nothing; echo $?'
  if vm; then
    check 'find -exec ;' $'X tree/a.txt\nX tree/sub/b.txt' "run find find tree -name '*.txt' -exec echo X {} ';' | sort"
    check 'find -exec +' '3' "run find find tree -name '*.txt' -exec echo Y {} + | wc -w"
    check 'find -execdir' $'tree\ntree/sub' "run find find tree -name '*.txt' -execdir pwd ';' | sed \"s|^$T/||\" | sort"
  fi
fi
if has xargs; then
  check 'xargs --version' 'xargs (GNU findutils) 4.9.0' 'run xargs xargs --version | sed -n 1p'
  if vm; then
    check 'xargs -n' $'a b\nc' "printf 'a\nb\nc\n' | run xargs xargs -n 2 echo"
    check 'xargs 127' '127' 'echo a | run xargs xargs nosuchcommand 2>/dev/null; echo $?'
    check 'xargs 123' '123' "printf '1\n' | run xargs xargs sh -c 'exit 3'; echo \$?"
  else
    # node:wasi cannot start processes (no agentvm module): the failure must be clean
    check 'xargs spawn ENOSYS' '1' "echo a | run xargs xargs echo 2>&1 >/dev/null | grep -c 'Function not implemented'; true"
  fi
fi
if has diff; then
  check 'diff -u' $'-alpha\n+ALPHA' "printf 'ALPHA\nbeta\n' > $T/d.txt; run diff diff -u tree/a.txt d.txt > u.diff; grep '^[-+][^-+]' u.diff"
  check 'diff exit 1' '1' "run diff diff -q tree/a.txt d.txt >/dev/null; echo \$?"
fi
if has cmp; then check 'cmp' 'differ' "run cmp cmp tree/a.txt tree/sub/b.txt >/dev/null || echo differ"; fi
if has gzip; then
  check 'gzip | gunzip' $'alpha\nbeta' 'run gzip gzip -c tree/a.txt | run gzip gunzip'
  check 'zcat' 'alpha' 'run gzip gzip -c tree/a.txt | run gzip zcat | sed -n 1p'
fi
if has tar; then
  check 'tar c | tar t' $'tree/\ntree/a.txt\ntree/sub/\ntree/sub/b.txt' 'run tar tar cf - tree | run tar tar tf - | sort'
  check 'tar x' 'gamma beta' "run tar tar cf t.tar tree && mkdir -p x && cd x && run tar tar xf ../t.tar && cat $T/x/tree/sub/b.txt"
  if vm; then
    check 'tar czf | tar tzf' $'tree/\ntree/a.txt\ntree/sub/\ntree/sub/b.txt' 'run tar tar czf t.tgz tree && run tar tar tzf t.tgz | sort'
    check 'tar cz - | gunzip | tar t' '4' 'run tar tar czf - tree | run gzip gunzip | run tar tar tf - | wc -l'
  fi
fi
if has patch; then
  check 'diff | patch' 'ALPHA' "printf 'alpha\nbeta\n' > p.txt; printf 'ALPHA\nbeta\n' > q.txt; run diff diff -u p.txt q.txt > pq.diff; run patch patch -s p.txt pq.diff && sed -n 1p $T/p.txt"
fi
if has bzip2; then
  check 'bzip2 | bunzip2' $'alpha\nbeta' 'run bzip2 bzip2 -c tree/a.txt | run bzip2 bunzip2'
  check 'bzcat' 'alpha' 'run bzip2 bzip2 -c tree/a.txt | run bzip2 bzcat | sed -n 1p'
  # compressing a named file ends with fchmod of the output (kernel: VM only)
  if vm; then check 'bzip2 FILE' 'ok' "cp tree/a.txt bz.txt && run bzip2 bzip2 bz.txt && run bzip2 bunzip2 bz.txt.bz2 && cmp -s tree/a.txt bz.txt && echo ok"; fi
fi
# xz needs pipe() (its signal self-pipe): a kernel service, VM only
if has xz && vm; then
  check 'xz | xzcat' $'alpha\nbeta' 'run xz xz -c tree/a.txt | run xz xzcat'
  check 'lzma | lzcat' 'alpha' 'run xz lzma -c tree/a.txt | run xz lzcat | sed -n 1p'
fi
if has xzdec && vm; then
  check 'xzdec' 'alpha' 'run xz xz -c tree/a.txt > a.xz && run xzdec xzdec a.xz | sed -n 1p'
fi
if has xxd; then
  check 'xxd' '00000000: 616c 7068 610a 6265 7461 0a              alpha.beta.' 'run xxd xxd tree/a.txt'
  check 'xxd -p | xxd -r -p' $'alpha\nbeta' 'run xxd xxd -p tree/a.txt | run xxd xxd -r -p'
fi
if has tree; then
  check 'tree' $'tree\n|-- a.txt\n`-- sub\n    `-- b.txt' 'run tree tree --noreport tree'
fi
if has file; then
  check 'file' 'tree/a.txt: ASCII text' "cp $DIST/magic.mgc $T/ && run file file -m magic.mgc tree/a.txt"
  check 'file -i' 'tree/a.txt: text/plain; charset=us-ascii' 'run file file -m magic.mgc -i tree/a.txt'
fi
if has hexdump; then
  check 'hexdump -C' $'00000000  61 62 63                                          |abc|\n00000003' "printf abc | run hexdump hexdump -C"
  check 'hd' $'00000000  61 62 63                                          |abc|\n00000003' "printf abc | run hexdump hd"
fi
if has column; then check 'column -t' $'a    b\nccc  d' "printf 'a b\nccc d\n' | run column column -t"; fi
if has rev; then check 'rev' 'cba' 'echo abc | run rev rev'; fi
if has colrm; then check 'colrm' 'ad' 'echo abcd | run colrm colrm 2 3'; fi
if has getopt; then check 'getopt' " -a -- 'x'" 'run getopt getopt a: -a x 2>&1 || run getopt getopt ab -a x'; fi
if has look; then check 'look' 'beta' "run look look be tree/a.txt"; fi
if has cal; then check 'cal' '      July 2024' 'run cal cal 7 2024 | sed -n 1p'; fi
if has namei; then check 'namei' ' - a.txt' 'run namei namei tree/a.txt | tail -1'; fi
if has mcookie; then check 'mcookie' '32' 'run mcookie mcookie | tr -d "\n" | wc -c'; fi
if has uuidgen; then check 'uuidgen' '36' 'run uuidgen uuidgen | tr -d "\n" | wc -c'; fi
if has jq; then
  check 'jq .a' '2' "echo '{\"a\":2}' | run jq jq .a"
  check 'jq map' '[2,4]' "echo '[1,2]' | run jq jq -c 'map(.*2)'"
fi
if has bc; then
  check 'bc' '5' 'echo 2+3 | run bc bc'
  check 'bc -l' '2.00000000000000000000' "echo 'sqrt(4)' | run bc bc -l"
  check 'bc -l s()' '.84147098480789650665' "echo 's(1)' | run bc bc -l"
fi
if has dc; then
  check 'dc' '6' "echo '2 3 * p' | run dc dc"
  check 'dc -e sqrt' '1.4142135623' "run dc dc -e '10 k 2 v p'"
fi
echo "smoke: $PASS passed, ${#FAILS[@]} failed${FAILS:+: ${FAILS[*]}}"
[ ${#FAILS[@]} = 0 ]
