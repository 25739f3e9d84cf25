#!/usr/bin/env bash
# The browser tests (test/browser) drive Debian's Chromium with playwright-core; a test tool's own
# browser download cannot work on machines without general internet. This installs the Debian
# package `chromium` unless a Chromium is already there ($AGENTVM_CHROMIUM, default /usr/bin/chromium).
# Runs before `npm test` (the pretest script) and in .ci/run.
set -euo pipefail
bin="${AGENTVM_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$bin" ]; then exit 0; fi
source "$(dirname "$0")/apt-install.sh"
apt_install "the browser tests need Chromium at $bin (or set AGENTVM_CHROMIUM)" chromium
"$bin" --version >&2
