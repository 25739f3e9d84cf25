#!/usr/bin/env bash
# Idempotent toolchain setup for the WASI builds (Debian 12):
#   - apt packages: clang lld wasi-libc libclang-rt-14-dev-wasm32 wabt dpkg-dev (+ autotools)
#   - a deb-src entry mirroring the configured Debian mirror (for `apt-get source`)
# Runs `apt-get update` only when something had to be added. Quick when all is present.
set -euo pipefail

# autoconf/automake/libtool/autopoint: jq 1.6 ships no configure, and a Debian patch to
# findutils touches configure.ac, so both are autoreconf'ed.
PKGS=(clang lld wasi-libc libclang-rt-14-dev-wasm32 wabt dpkg-dev autoconf automake libtool autopoint)
SRC_LIST=/etc/apt/sources.list.d/agentvm-deb-src.sources

if [ "$(id -u)" = 0 ]; then SUDO=()
elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo)
else SUDO=(__none__)
fi
as_root() {
  if [ "${SUDO[0]:-}" = __none__ ]; then
    echo "toolchain.sh: need root (or sudo) to run: $*" >&2
    echo "toolchain.sh: install as root: apt-get install -y ${PKGS[*]}" >&2
    exit 1
  fi
  "${SUDO[@]}" "$@"
}

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done

# deb-src: present when any apt source already has a deb-src for the Debian mirror.
have_src() {
  grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null
}

need_update=0
if ! have_src; then
  # Copy the URIs/Suites/Signed-By of the configured Debian (non-security) deb822 entry.
  main=/etc/apt/sources.list.d/debian.sources
  if [ -f "$main" ]; then
    uris=$(awk '/^URIs:/ && /debian\/?$/ {sub(/^URIs:[ \t]*/,""); print; exit}' "$main")
    suites=$(awk -v u="$uris" '/^URIs:/{cur=$2} /^Suites:/ && cur==u {sub(/^Suites:[ \t]*/,""); print; exit}' "$main")
    signed=$(awk -v u="$uris" '/^URIs:/{cur=$2} /^Signed-By:/ && cur==u {sub(/^Signed-By:[ \t]*/,""); print; exit}' "$main")
  elif [ -f /etc/apt/sources.list ]; then
    read -r _ uris suite _ < <(grep -E '^deb (\[[^]]*\] )?http' /etc/apt/sources.list | grep -v security | head -1)
    suites="$suite"; signed=/usr/share/keyrings/debian-archive-keyring.gpg
  fi
  : "${uris:=http://deb.debian.org/debian}" "${suites:=bookworm bookworm-updates}"
  : "${signed:=/usr/share/keyrings/debian-archive-keyring.gpg}"
  echo "toolchain.sh: adding deb-src entry $SRC_LIST ($uris $suites)"
  printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
    "$uris" "$suites" "$signed" | as_root tee "$SRC_LIST" >/dev/null
  need_update=1
fi
[ ${#missing[@]} -gt 0 ] && need_update=1

if [ $need_update = 1 ]; then
  as_root apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "toolchain.sh: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
for t in clang wasm-ld wasm-strip dpkg-source; do
  command -v "$t" >/dev/null || { echo "toolchain.sh: $t not found after install" >&2; exit 1; }
done
[ -f /usr/lib/wasm32-wasi/libc.a ] || { echo "toolchain.sh: wasi-libc missing" >&2; exit 1; }
