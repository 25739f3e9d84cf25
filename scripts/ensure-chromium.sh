#!/usr/bin/env bash
# The browser tests (test/browser) drive Debian's Chromium with playwright-core; a test tool's own
# browser download cannot work on machines without general internet. This installs the Debian
# package `chromium` unless a Chromium is already there ($AGENTVM_CHROMIUM, default /usr/bin/chromium).
# Runs before `npm test` (the pretest script) and in .ci/run.
set -euo pipefail
bin="${AGENTVM_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$bin" ]; then exit 0; fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "agentvm: the browser tests need Chromium at $bin: install Debian's chromium package (apt-get install chromium) as root, or set AGENTVM_CHROMIUM" >&2
    exit 1
  fi
fi
echo "agentvm: installing Debian's chromium for the browser tests (once)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q --no-install-recommends chromium >/dev/null; then
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q --no-install-recommends chromium >/dev/null
fi
"$bin" --version >&2
