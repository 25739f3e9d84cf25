// Pipelines mixing shell builtins with the VM's tools against the host's bash and tools: the cases of
// tools-cases/pipelines.sh, each in a fresh host temp dir and a fresh VM (tools-harness.ts).
// Known differences run as `todo` with the exact host vs agentvm output; the lead fixes the runtime.

import { runToolCases } from './tools-harness.ts';

/** One bug, seen wherever gawk reads a pipe on stdin. */
const awkStdinClose = 'gawk reading a pipe on stdin warns at EOF: agentvm stderr "awk: cmd. line:1: (FILENAME=- FNR=N) warning: close of fd 0 (`-\') failed: Function not implemented" (host: no stderr; stdout and status match)';

const known: Record<string, string> = {
  'awk-reading-a-pipe-is-quiet': awkStdinClose,
};

runToolCases('pipelines', known);
