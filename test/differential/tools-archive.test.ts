// gzip/gunzip/zcat in the VM (wasm/dist/gzip.wasm), and tar, bzip2, xz once built, against the host's: the cases of
// tools-cases/archive.sh, each in a fresh host temp dir and a fresh VM (tools-harness.ts).
// Known differences run as `todo` with the exact host vs agentvm output; the lead fixes the runtime.

import { runToolCases } from './tools-harness.ts';

const known: Record<string, string> = {
  'gunzip-not-gzip': 'message names the program differently: host (Debian\'s gunzip is a script running gzip -d) "gzip: x.gz: not in gzip format", agentvm "gunzip: x.gz: not in gzip format"',
  'bzip2recover-blocks': 'bzip2recover reading the damaged file: agentvm "bzip2recover: I/O error reading `n.bz2\', possible reason follows. bzip2recover: Invalid argument", status 2; host "bzip2recover: finished", rec00001n.bz2',
};

runToolCases('archive', known);
