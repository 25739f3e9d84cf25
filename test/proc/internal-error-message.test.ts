// A program that throws something other than a KernelError/ProcessExit does not crash the host:
// "name: internal error: message" goes to its stderr and it exits 1. Non-number results count as
// 0 (undefined) and codes are taken modulo 256.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeKernel, program, runRoot } from './helpers.ts';

test('thrown errors become status 1 with a message on stderr', async () => {
  const k = makeKernel();
  const r = await runRoot(k, program('boom', async () => { throw new TypeError('x is not a function'); }));
  assert.equal(r.status, 1);
  assert.equal(r.out, 'boom: internal error: x is not a function\n');
});

test('exit codes are truncated to 8 bits; exit() works from deep in the program', async () => {
  const k = makeKernel();
  assert.equal((await runRoot(k, program('big', async () => 258))).status, 2);
  assert.equal((await runRoot(k, program('undef', (async () => undefined) as never))).status, 0);
  const deep = program('deep', async (p) => {
    const f = (n: number): number => (n === 0 ? p.exit(300) : f(n - 1));
    f(10);
    return 0;
  });
  assert.equal((await runRoot(k, deep)).status, 44);
});
