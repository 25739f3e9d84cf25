import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeKernel } from './helpers.ts';
import { createPipe } from '../../kernel/pipe.ts';
import { Source } from '../../kernel/source.ts';
import { shProgram } from '../../kernel/shell/sh.ts';
import { Signal } from '../../kernel/types.ts';

// A loop of builtins never blocks, so the interpreter must give the host event loop a turn at
// least every limits.cpuSliceMs: timers keep firing, and a kill can stop the loop.
for (const script of ['while :; do :; done', 'while true; do x=$((x+1)); done', 'f() { f2; }; f2() { :; }; while :; do f; done']) {
  test(`busy loop yields and can be killed: ${script}`, async () => {
    const kernel = makeKernel({ cpuSliceMs: 5 });
    const [r, w] = createPipe(kernel.limits);
    const h = kernel.spawnRoot({ argv: ['bash', '-c', script], program: shProgram, env: {}, cwd: '/', stdio: [new Source(new Uint8Array()), w, w] });
    w.close();
    const ticks: number[] = [];
    const t0 = performance.now();
    const timer = setInterval(() => ticks.push(performance.now() - t0), 10);
    await new Promise((res) => setTimeout(res, 200));
    h.kill(Signal.SIGKILL);
    const st = await h.wait();
    clearInterval(timer);
    r.close();
    assert.equal(st.signal, Signal.SIGKILL);
    assert.ok(ticks.length >= 5, `the host timer fired only ${ticks.length} times in 200 ms`);
  });
}

test('a trapped signal reaches a busy loop between commands', async () => {
  const kernel = makeKernel();
  const [r, w] = createPipe(kernel.limits);
  const h = kernel.spawnRoot({
    argv: ['bash', '-c', 'trap "echo caught; exit 3" TERM; while :; do :; done'], program: shProgram, env: {}, cwd: '/',
    stdio: [new Source(new Uint8Array()), w, w],
  });
  w.close();
  await new Promise((res) => setTimeout(res, 50));
  h.kill(Signal.SIGTERM);
  const st = await h.wait();
  const out = new TextDecoder().decode(await r.read(100));
  assert.equal(out, 'caught\n');
  assert.equal(st.status, 3);
});
