#!/usr/bin/env bash
# Build GNU tools from Debian 12 sources to wasm32-wasi.
#   wasm/build/build.sh [--only sed,grep] [--jobs N] [--force]
# Steps: toolchain (apt) -> compat library -> per package: fetch Debian source
# (apt-get source; dpkg-source applies Debian's patches), fresh copy, configure
# (shared cache), make, wasm-strip into wasm/dist/ -> wasm/dist/manifest.json.
# Incremental: a package rebuilds only when the sha256 over its recipe (incl. its
# Debian version), env.sh, package.sh and the compat sources differs from its stamp.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/env.sh"

JOBS=2; ONLY=""; FORCE=0
while [ $# -gt 0 ]; do
  case $1 in
    --only) ONLY=$2; shift 2;;
    --only=*) ONLY=${1#*=}; shift;;
    --jobs|-j) JOBS=$2; shift 2;;
    --jobs=*) JOBS=${1#*=}; shift;;
    --force) FORCE=1; shift;;
    -h|--help) sed -n '2,8p' "$0"; exit 0;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2;;
  esac
done

ALL=(sed grep coreutils gawk diffutils gzip findutils bc bzip2 xz-utils vim tree)   # verified (README.md)
# Recipes that compile but do not link yet: each needs libc functions the compat library lacks
# (README.md, "Tools"). Built with --only; a built one joins the manifest.
PENDING=(tar jq patch file util-linux)
if [ -n "$ONLY" ]; then IFS=, read -r -a PKGS <<< "$ONLY"; else PKGS=("${ALL[@]}"); fi
for p in "${PKGS[@]}"; do [ -f "$HERE/recipes/$p.sh" ] || { echo "build.sh: no recipe for $p" >&2; exit 2; }; done

T0=$(date +%s.%N)
elapsed() { printf '%.1f' "$(echo "$(date +%s.%N) - $1" | bc)"; }
"$HERE/toolchain.sh"
mkdir -p "$CACHE"/{dl,src,build,stamps,logs,manifest} "$DIST"

# Compat library: rebuilt when its sources or env.sh change.
compat_hash=$(cat "$HERE/env.sh" $(find "$COMPAT" -type f | sort) | sha256sum | cut -c1-64)
export COMPAT_HASH=$compat_hash
if [ "$(cat "$COMPAT_OUT/.hash" 2>/dev/null)" != "$compat_hash" ]; then
  echo "compat: building libagentvm-compat"
  wasm_build_compat && echo "$compat_hash" > "$COMPAT_OUT/.hash"
fi

source "$HERE/package.sh"

declare -A PID2PKG=() START=()
FAILED=()
report() {  # <pkg> <rc>
  local pkg=$1 rc=$2 log="$CACHE/logs/$1.log" took
  took=$(elapsed "${START[$pkg]}")
  if [ "$rc" = 0 ]; then
    recipe_hash "$pkg" > "$CACHE/stamps/$pkg"
    printf '%-10s built in %6ss (%s)\n' "$pkg" "$took" "$(grep '^@@' "$log" | sed 's/^@@ //' | awk '{printf "%s%s %ss", (NR>1 ? ", " : ""), $1, $2}')"
  else
    FAILED+=("$pkg")
    printf '%-10s FAILED after %ss, see %s\n' "$pkg" "$took" "$log"; tail -n 15 "$log" | sed 's/^/    /'
  fi
}
reap() {  # wait for one package job and report it
  local done_pid rc
  wait -n -p done_pid "${!PID2PKG[@]}" && rc=0 || rc=$?
  report "${PID2PKG[$done_pid]}" "$rc"
  unset "PID2PKG[$done_pid]"
}
for pkg in "${PKGS[@]}"; do
  if [ $FORCE = 0 ] && [ "$(cat "$CACHE/stamps/$pkg" 2>/dev/null)" = "$(recipe_hash "$pkg")" ] && [ -f "$CACHE/manifest/$pkg.json" ] &&
     node_files=$(sed -n 's/.*"file":"\([^"]*\)".*/\1/p' "$CACHE/manifest/$pkg.json") &&
     (cd "$DIST" && ls $node_files >/dev/null 2>&1); then
    printf '%-10s up to date\n' "$pkg"; continue
  fi
  while [ ${#PID2PKG[@]} -ge "$JOBS" ]; do reap; done
  rm -f "$CACHE/stamps/$pkg"
  START[$pkg]=$(date +%s.%N)
  ( build_pkg "$pkg" ) > "$CACHE/logs/$pkg.log" 2>&1 &
  PID2PKG[$!]=$pkg
  printf '%-10s started\n' "$pkg"
done
while [ ${#PID2PKG[@]} -gt 0 ]; do reap; done

# Manifest: every package recipe whose module is built (not only this run's).
{
  echo '['
  first=1
  for p in "${ALL[@]}" "${PENDING[@]}"; do
    [ -f "$CACHE/manifest/$p.json" ] || continue
    while IFS= read -r line; do
      [ $first = 1 ] || echo ','; first=0; printf '  %s' "$line"
    done < "$CACHE/manifest/$p.json"
  done
  echo; echo ']'
} > "$DIST/manifest.json"
echo "total $(elapsed "$T0")s (jobs=$JOBS)"
[ ${#FAILED[@]} = 0 ] || { echo "failed: ${FAILED[*]}"; exit 1; }
