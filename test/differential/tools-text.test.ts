// grep, sed and gawk/awk in the VM (wasm/dist grep.wasm, sed.wasm, gawk.wasm) against the host's:
// the cases of tools-cases/text.sh, each in a fresh host temp dir and a fresh VM (tools-harness.ts).
// The host's `awk` on Debian 12 is mawk unless gawk is installed; the awk cases stay within POSIX
// awk, and the gawk cases skip (with that reason) when the host has no gawk.
// Known differences run as `todo` with the exact host vs agentvm output; the lead fixes the runtime.

import { runToolCases } from './tools-harness.ts';

/** One bug, seen wherever gawk reads a pipe on stdin. */
const awkStdinClose = 'gawk reading a pipe on stdin warns at EOF: agentvm stderr "awk: cmd. line:1: (FILENAME=- FNR=N) warning: close of fd 0 (`-\') failed: Function not implemented" (host: no stderr; stdout and status match)';

const known: Record<string, string> = {
  'grep-perl-regex': 'grep is built without PCRE: agentvm "grep: Perl matching not supported in a --disable-perl-regexp build" ×2, status 2, no stdout; host "abc123" / "abc"',
  'awk-getline-command': 'awk cannot open a command pipe: agentvm "awk: cmd. line:1: fatal: cannot open pipe `echo hello\': Function not implemented", status 2; host "hello"',
  'awk-print-to-pipe-and-system': 'awk cannot open an output pipe: agentvm "awk: cmd. line:1: fatal: cannot open pipe `sort\' for output: Function not implemented", status 2; host "a" / "b" / "r=3"',
  'awk-getline-var-main-input': awkStdinClose,
  'awk-nf-nr-fs-ofs': awkStdinClose,
  'awk-exit-status': awkStdinClose,
  'awk-uninitialized-and-compare': awkStdinClose,
  'awk-pipeline-with-builtins': awkStdinClose,
};

runToolCases('text', known);
