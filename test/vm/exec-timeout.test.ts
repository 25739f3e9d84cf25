import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';

test('timeoutMs kills a busy loop and reports it', async () => {
  await using vm = await createVM();
  const r = await vm.exec('while :; do :; done', { timeoutMs: 100 });
  assert.equal(r.timedOut, true);
  assert.equal(r.exitCode, 137);
  assert.equal(r.signal, 9);
});

test('an AbortSignal kills a sleeping script', async () => {
  await using vm = await createVM();
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 50);
  const t0 = Date.now();
  const r = await vm.exec('sleep 30; echo never', { signal: ac.signal });
  assert.ok(Date.now() - t0 < 5000);
  assert.equal(r.stdout, '');
  assert.equal(r.exitCode, 137);
});
