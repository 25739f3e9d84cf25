// Linear memories are pooled across runs (wasm/wasi/mempool.ts): a run that gets a memory another
// process (of another VM) used must see it zeroed — its static data and heap start clean.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';
import { WasmProgram } from '../../wasm/index.ts';
import { memoryPoolStats } from '../../wasm/wasi/mempool.ts';
import { fixture, skipReason } from './helpers.ts';

test('a pooled memory reaches the next process zeroed, across VMs', { skip: skipReason }, async () => {
  const prog = new WasmProgram('wdirty', fixture('wdirty'));
  await using a = await createVM();
  await using b = await createVM();
  a.kernel.registerProgram(prog, ['/usr/local/bin/wdirty']);
  b.kernel.registerProgram(prog, ['/usr/local/bin/wdirty']);
  const before = memoryPoolStats();
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(await a.exec('wdirty'), { stdout: 'dirty=0\n', stderr: '', exitCode: 0 });
    assert.deepEqual(await b.exec('wdirty'), { stdout: 'dirty=0\n', stderr: '', exitCode: 0 });
  }
  const after = memoryPoolStats();
  assert.ok(after.reused - before.reused >= 5, `memories reused: ${after.reused - before.reused}`);
});
