// Worker thread for differential.test.ts: runs each script it is sent in a fresh agentvm
// (createVM → exec → dispose) and posts back stdout, stderr and the exit status. Living in a
// worker lets the test terminate a case that hangs, even one that spins synchronously.
// Loaded on its own (e.g. by a bare `node --test`), it does nothing.
// DIFFERENTIAL_VM_MODULE=<path> runs the corpus against another module exporting the same
// createVM API instead of agentvm's index.ts (used to check this harness itself).

import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/** Same limit as record.ts; the VM kills the script (SIGKILL) when it runs out. */
export const EXEC_TIMEOUT_MS = 10_000;

export interface RunRequest { id: number; script: string }
export type RunReply =
  | { id: number; ok: true; stdout: string; stderr: string; exitCode: number; timedOut: boolean }
  | { id: number; ok: false; error: string };

if (parentPort) {
  const port = parentPort;
  const override = process.env.DIFFERENTIAL_VM_MODULE;
  const { createVM } = (await import(override ? pathToFileURL(resolve(override)).href : '../../index.ts')) as typeof import('../../index.ts');
  port.on('message', async ({ id, script }: RunRequest) => {
    let reply: RunReply;
    try {
      // Like the recording: cwd and HOME /home/user (the VM's defaults), PATH, and LC_ALL=C.
      const vm = await createVM({ env: { LC_ALL: 'C' } });
      try {
        const r = await vm.exec(script, { timeoutMs: EXEC_TIMEOUT_MS });
        reply = { id, ok: true, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, timedOut: r.timedOut === true };
      } finally {
        await vm.dispose();
      }
    } catch (e) {
      reply = { id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply);
  });
}
