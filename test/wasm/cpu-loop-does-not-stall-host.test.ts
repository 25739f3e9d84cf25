// A WASM program computing without syscalls must not freeze the host: timers, other VMs and
// sockets keep running while it loops (it yields every limits.cpuSliceMs, as syscall-heavy programs
// do). Bound checked here: 1 ms timers fire within 100 ms (measured: ~10 ms median, < 30 ms max;
// docs/design/wasi.md, "CPU-bound WASM") — generous for loaded CI machines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';
import type { FuelCounters } from '../../wasm/fuel.ts';
import { skipReason, vmWith } from './helpers.ts';

const BOUND_MS = 100;

async function lateness(ms: number): Promise<number[]> {
  const out: number[] = [];
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    const t = performance.now();
    await new Promise((res) => setTimeout(res, 1));
    out.push(performance.now() - t - 1);
  }
  return out;
}

for (const mode of ['loop', 'recurse']) {
  test(`timers and another VM keep running while a WASM ${mode} computes without syscalls`, { skip: skipReason }, async () => {
    const counters: FuelCounters = { ticks: 0, yields: 0 };
    await using vm = await vmWith(['wburn'], {}, { fuelCounters: counters });
    await using other = await createVM();
    await other.exec('cat </dev/null'); // compile coreutils (cat) first: its one-time compile is not a stall
    const p = vm.spawn(['wburn', mode]);
    const r = p.stdout.getReader();
    assert.equal(new TextDecoder().decode((await r.read()).value), 'burning\n');
    r.releaseLock();
    const late = await lateness(300);
    const t = performance.now();
    assert.equal((await other.exec('echo hi; echo there | cat')).stdout, 'hi\nthere\n');
    const echoMs = performance.now() - t;
    p.kill('SIGKILL');
    assert.deepEqual(await p.wait(), { exitCode: 137, signal: 9 });
    const max = Math.max(...late);
    assert.ok(late.length >= 5, `only ${late.length} timer turns in 300 ms`);
    assert.ok(max < BOUND_MS, `a 1 ms timer was late by ${max.toFixed(1)} ms (bound ${BOUND_MS})`);
    assert.ok(echoMs < 10 * BOUND_MS, `echo in another VM took ${echoMs.toFixed(0)} ms`);
    assert.ok(counters.yields >= late.length / 2, `the program yielded ${counters.yields} times for ${late.length} timer turns`);
  });
}

/** Runs fn while a 1 ms interval samples the event loop; returns the longest gap between turns. */
async function longestGap(fn: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let gap = 0;
  const iv = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 1);
  try {
    await fn();
  } finally {
    clearInterval(iv);
  }
  return Math.max(gap, performance.now() - last);
}

test('a finite CPU-bound run: with fuel the event loop keeps turning, without fuel it stops', { skip: skipReason }, async () => {
  const { WasmProgram } = await import('../../wasm/index.ts');
  const { fixture } = await import('./helpers.ts');
  await using vm = await createVM();
  // program names are shared by the host's VMs: each variant gets its own
  vm.kernel.registerProgram(new WasmProgram('wburn-fuel', fixture('wburn')), ['/usr/local/bin/wburn-fuel']);
  vm.kernel.registerProgram(new WasmProgram('wburn-nofuel', fixture('wburn'), { fuel: false }), ['/usr/local/bin/wburn-nofuel']);
  const outputs: string[] = [];
  const run = (cmd: string) => async () => { outputs.push((await vm.exec(cmd)).stdout); };
  await run('wburn-fuel count 1000; wburn-nofuel count 1000')(); // compile both first
  const withFuel = await longestGap(run('wburn-fuel count 400000000'));
  const without = await longestGap(run('wburn-nofuel count 400000000'));
  assert.equal(outputs[1], outputs[2]);
  assert.ok(without > 2 * BOUND_MS, `without fuel the loop held the thread only ${without.toFixed(0)} ms: make the run longer`);
  assert.ok(withFuel < BOUND_MS, `with fuel the event loop stalled for ${withFuel.toFixed(1)} ms (bound ${BOUND_MS})`);
});
