import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

const dec = new TextDecoder();

async function firstOutput(stream: ReadableStream<Uint8Array>): Promise<string> {
  const r = stream.getReader();
  const c = await r.read();
  r.releaseLock();
  return dec.decode(c.value);
}

test('SIGINT stops a WASM program blocked in read at once', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wread']);
  const p = vm.spawn(['wread']);
  assert.equal(await firstOutput(p.stdout), 'tty=0\n');
  await new Promise((res) => setTimeout(res, 10));
  const t0 = performance.now();
  p.kill('SIGINT');
  assert.deepEqual(await p.wait(), { exitCode: 130, signal: 2 });
  assert.ok(performance.now() - t0 < 500);
});

test('SIGTERM stops a WASM program looping on syscalls, and the host stays responsive meanwhile', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wspin']);
  const p = vm.spawn(['wspin']);
  assert.equal(await firstOutput(p.stdout), 'spinning\n');
  // timers keep firing while it spins: the runtime yields every cpuSliceMs
  const lateness: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await new Promise((res) => setTimeout(res, 5));
    lateness.push(performance.now() - t - 5);
  }
  assert.ok(Math.max(...lateness) < 100, `timers delayed by ${lateness.map((x) => x.toFixed(1)).join(', ')} ms`);
  const t0 = performance.now();
  p.kill('SIGTERM');
  assert.deepEqual(await p.wait(), { exitCode: 143, signal: 15 });
  assert.ok(performance.now() - t0 < 500);
});

test('the shell kills a WASM pipeline on timeout (SIGKILL)', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wspin', 'wread']);
  const r = await vm.exec('wspin | wread', { timeoutMs: 100 });
  assert.equal(r.timedOut, true);
  assert.equal(r.exitCode, 137);
});
