// SIGSTOP/SIGTSTP stop a process: wait(untraced) reports it once, its async syscalls block
// until SIGCONT; SIGKILL still kills a stopped process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Signal } from '../../kernel/types.ts';
import { makeKernel, program, runRoot, tick } from './helpers.ts';

test('stopped writer makes no progress until continued', async () => {
  const k = makeKernel();
  const counter = { n: 0 };
  const writer = program('w', async (p) => { for (;;) { await p.write(1, 'x'); counter.n++; await new Promise((r) => setTimeout(r, 1)); } });
  const prog = program('t', async (p) => {
    const [r, w] = p.pipe();
    const pid = p.spawn({ argv: ['w'], program: writer, fds: [0, w, 2] });
    p.close(w);
    await tick(10);
    p.kill(pid, Signal.SIGSTOP);
    const st = await p.wait(pid, { untraced: true });
    assert.deepEqual(st, { pid, signal: Signal.SIGSTOP, stopped: true, status: 128 + Signal.SIGSTOP });
    assert.equal(await p.wait(pid, { untraced: true, noHang: true }), null, 'a stop is reported once');
    const before = counter.n;
    await tick(20);
    assert.ok(counter.n <= before + 1, `no progress while stopped (${before} -> ${counter.n})`);
    p.kill(pid, Signal.SIGCONT);
    await tick(20);
    assert.ok(counter.n > before + 1, 'progress after SIGCONT');
    p.kill(pid, Signal.SIGSTOP);
    p.kill(pid, Signal.SIGKILL);
    assert.equal((await p.wait(pid))!.status, 137);
    p.close(r);
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});

test('SIGTSTP can be caught or ignored; SIGSTOP cannot', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    const child = program('c', async (c) => {
      c.setSignal(Signal.SIGTSTP, 'ignore');
      await new Promise((r) => setTimeout(r, 10));
      await c.write(1, 'still running\n');
      return 0;
    });
    const pid = p.spawn({ argv: ['c'], program: child });
    await tick(3);
    p.kill(pid, Signal.SIGTSTP);
    const st = await p.wait(pid, { untraced: true });
    return st!.stopped ? 1 : st!.status;
  });
  const r = await runRoot(k, prog);
  assert.equal(r.status, 0);
  assert.equal(r.out, 'still running\n');
});
