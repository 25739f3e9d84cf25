// diffutils in the VM (wasm/dist diff, cmp, diff3, sdiff) and patch (when built) against the host's: the cases of
// tools-cases/diff.sh, each in a fresh host temp dir and a fresh VM (tools-harness.ts).
// Known differences run as `todo` with the exact host vs agentvm output; the lead fixes the runtime.

import { runToolCases } from './tools-harness.ts';

const known: Record<string, string> = {
  'diff3-merge': 'diff3 runs diff through a pipe: agentvm "diff3: pipe: Function not implemented" ×2, "status 2" ×2, no output; host prints the ====3 hunk, the merge "a/B/c", status 0 ×2',
  'diff3-conflict': 'diff3 runs diff through a pipe: agentvm "diff3: pipe: Function not implemented", "status 2"; host prints the <<<<<<< mine … >>>>>>> yours merge, "status 1"',
  'sdiff-output': 'sdiff runs diff as a child: agentvm "sdiff: diff: Function not implemented", "status 2"; host "a\\ta" / "b     |\\tc" / "status 1"',
};

runToolCases('diff', known);
