// find and xargs (findutils) in the VM, once built, against the host's: the cases of
// tools-cases/find.sh, each in a fresh host temp dir and a fresh VM (tools-harness.ts).
// Known differences run as `todo` with the exact host vs agentvm output; the lead fixes the runtime.

import { runToolCases } from './tools-harness.ts';

const known: Record<string, string> = {
};

runToolCases('find', known);
