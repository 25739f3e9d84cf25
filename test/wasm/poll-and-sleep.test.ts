import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

test('poll(2) on a pipe times out when nothing arrives and wakes when data does', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wpoll']);
  const p = vm.spawn(['wpoll', 'stdin', '50']);
  const out = await new Response(p.stdout).text();
  assert.equal(out, 'timeout after >=50 ms: yes\n');
  const t0 = performance.now();
  const r = await vm.exec('{ sleep 0.05; echo hi; } | wpoll stdin 10000');
  assert.equal(r.stdout, 'ready: revents=POLLIN data=hi\n');
  assert.ok(performance.now() - t0 < 5000);
});

test('nanosleep suspends only the WASM process and a kill ends it early', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wpoll']);
  assert.equal((await vm.exec('wpoll sleep 30')).stdout, 'slept enough\n');
  const p = vm.spawn(['wpoll', 'sleep', '60000']);
  let ticks = 0;
  const iv = setInterval(() => ticks++, 2);
  await new Promise((res) => setTimeout(res, 40));
  clearInterval(iv);
  assert.ok(ticks >= 5, `host timers ran ${ticks} times while the program slept`);
  const t0 = performance.now();
  p.kill('SIGTERM');
  assert.deepEqual(await p.wait(), { exitCode: 143, signal: 15 });
  assert.ok(performance.now() - t0 < 500);
});
