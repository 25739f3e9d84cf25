// A process blocked in read() on a pipe is killed at once: its waiter resolves with the
// signal status immediately, its fds close (the writer sees EPIPE), and its JS stops at the
// next syscall instead of consuming data meant for others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Signal } from '../../kernel/types.ts';
import { ProcessExit } from '../../kernel/proc/exit.ts';
import { dec, makeKernel, program, runRoot, tick } from './helpers.ts';

test('SIGKILL ends a blocked reader promptly and it reads nothing afterwards', async () => {
  const k = makeKernel();
  let afterRead = false;
  let caught: unknown;
  const reader = program('reader', async (p) => {
    try {
      await p.read(0);
      afterRead = true;
    } catch (e) {
      caught = e;
      throw e;
    }
    return 0;
  });
  const prog = program('t', async (p) => {
    const [r, w] = p.pipe();
    const victim = p.spawn({ argv: ['reader'], program: reader, fds: [r, 1, 2] });
    const other = p.dup(r);
    p.close(r);
    await tick(2);
    assert.equal(k.process(victim)!.state, 'S');
    const t0 = Date.now();
    p.kill(victim, Signal.SIGKILL);
    const st = await p.wait(victim);
    assert.ok(Date.now() - t0 < 50);
    assert.deepEqual(st, { pid: victim, signal: 9, status: 137 });
    // the data goes to the remaining reader, not to the dead one
    await p.write(w, 'for the living');
    assert.equal(dec.decode(await p.read(other)), 'for the living');
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
  await tick(1);
  assert.equal(afterRead, false);
  assert.ok(caught instanceof ProcessExit);
});

test('killing the only reader makes the blocked writer get EPIPE/SIGPIPE', async () => {
  const k = makeKernel();
  const writer = program('writer', async (p) => { await p.write(1, new Uint8Array(1 << 20)); return 0; });
  const reader = program('reader', async (p) => {
    await p.read(0, 1);
    // stop reading without a syscall in flight: only proc.signal tells it to give up
    await new Promise((r) => p.signal.addEventListener('abort', r));
    return 0;
  });
  const prog = program('t', async (p) => {
    const [r, w] = p.pipe();
    const wr = p.spawn({ argv: ['writer'], program: writer, fds: [0, w, 2] });
    const rd = p.spawn({ argv: ['reader'], program: reader, fds: [r, 1, 2] });
    p.close(r); p.close(w);
    await tick(5);
    p.kill(rd, Signal.SIGTERM);
    const sw = await p.wait(wr);
    const sr = await p.wait(rd);
    return sw!.status === 141 && sr!.status === 143 ? 0 : 1;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});
