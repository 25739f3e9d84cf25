#!/usr/bin/env bash
# The differential tool tests (test/differential/tools-*) run every case on the host too and
# compare: under CI every tool the VM has (wasm/dist/manifest.json) must have its host reference.
# Debian 12's base lacks some of them; this installs their Debian packages (once) unless present.
# Runs before `npm test` (the pretest script).
set -euo pipefail
declare -A PKG=([gawk]=gawk [dc]=dc [tree]=tree [xzdec]=xzdec [lzmadec]=xzdec [xxd]=xxd [bzip2recover]=bzip2 [lzmainfo]=xz-utils [bc]=bc)
missing=()
for tool in "${!PKG[@]}"; do command -v "$tool" >/dev/null 2>&1 || missing+=("${PKG[$tool]}"); done
[ ${#missing[@]} -eq 0 ] && exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
source "$(dirname "$0")/apt-install.sh"
apt_install "host reference tools for the differential tool tests" "${missing[@]}"
