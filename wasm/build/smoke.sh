#!/usr/bin/env bash
# Quick run-time checks of every module in wasm/dist under node:wasi (build check
# only; the product runs modules in agentvm's own runtime).
#   wasm/build/smoke.sh [module ...]     (default: every module in the manifest)
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/env.sh"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
mkdir -p "$T/tree/sub"; printf 'alpha\nbeta\n' > "$T/tree/a.txt"; printf 'gamma beta\n' > "$T/tree/sub/b.txt"
PASS=0; FAILS=()

# run <module> <argv0> [args...]: stdin from the caller, cwd = $T
run() { local m=$1; shift; "$NODE" --no-warnings "$HERE/run-wasi.ts" "$DIST/$m.wasm" "$T" "$@"; }
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
fi
if has xargs; then
  check 'xargs --version' 'xargs (GNU findutils) 4.9.0' 'run xargs xargs --version | sed -n 1p'
  check 'xargs spawn ENOSYS' 'xargs: cannot fork: Function not implemented' "echo a | run xargs xargs echo 2>&1 >/dev/null | sed -n 1p; true"
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
fi
if has jq; then
  check 'jq .a' '2' "echo '{\"a\":2}' | run jq jq .a"
  check 'jq map' '[2,4]' "echo '[1,2]' | run jq jq -c 'map(.*2)'"
fi
if has bc; then
  check 'bc' '5' 'echo 2+3 | run bc bc'
  check 'bc -l' '2.00000000000000000000' "echo 'sqrt(4)' | run bc bc -l"
  check 'bc -l s()' '.84147098480789650665' "echo 's(1)' | run bc bc -l"
fi
echo "smoke: $PASS passed, ${#FAILS[@]} failed${FAILS:+: ${FAILS[*]}}"
[ ${#FAILS[@]} = 0 ]
