// `trap … INT; read`: a caught signal runs the handler (proc.onSignal) and then makes the
// blocked read fail with EINTR — without consuming input: the next read gets it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KernelError } from '../../kernel/errno.ts';
import { Signal } from '../../kernel/types.ts';
import { dec, makeKernel, program, runRoot, tick, until } from './helpers.ts';

test('caught SIGINT interrupts a blocked read with EINTR after the handler ran', async () => {
  const k = makeKernel();
  const log: string[] = [];
  const child = program('child', async (p) => {
    p.setSignal(Signal.SIGINT, 'catch');
    p.onSignal = (sig) => log.push(`handler ${sig}`);
    try {
      await p.read(0);
      log.push('read returned');
    } catch (e) {
      log.push(`read failed ${(e as KernelError).code}`);
    }
    const next = await p.read(0);
    log.push(`next read ${dec.decode(next)}`);
    return 0;
  });
  const prog = program('t', async (p) => {
    const [r, w] = p.pipe();
    const pid = p.spawn({ argv: ['child'], program: child, fds: [r, 1, 2] });
    // signal it only once it sleeps in read (a fixed delay races under load)
    await until(() => k.process(pid)?.state === 'S', 10_000);
    p.kill(pid, Signal.SIGINT);
    await tick(3);
    await p.write(w, 'line');
    const st = await p.wait(pid);
    return st!.status;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
  assert.deepEqual(log, ['handler 2', 'read failed EINTR', 'next read line']);
});

test('wait() is interrupted the same way; ignored signals do nothing', async () => {
  const k = makeKernel();
  const slow = program('slow', async () => { await new Promise((r) => setTimeout(r, 30)); return 4; });
  const prog = program('t', async (p) => {
    let handled = 0;
    p.setSignal(Signal.SIGUSR1, 'catch');
    p.setSignal(Signal.SIGUSR2, 'ignore');
    p.onSignal = () => { handled++; };
    const pid = p.spawn({ argv: ['slow'], program: slow });
    setTimeout(() => { k.process(p.pid)!.deliver(Signal.SIGUSR2); k.process(p.pid)!.deliver(Signal.SIGUSR1); }, 5);
    await assert.rejects(p.wait(pid), { code: 'EINTR' });
    assert.equal(handled, 1);
    const st = await p.wait(pid);
    return st!.status;
  });
  assert.equal((await runRoot(k, prog)).status, 4);
});

test('SIGKILL and SIGSTOP cannot be caught or ignored', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    assert.throws(() => p.setSignal(Signal.SIGKILL, 'catch'), { code: 'EINVAL' });
    assert.throws(() => p.setSignal(Signal.SIGSTOP, 'ignore'), { code: 'EINVAL' });
    assert.equal(p.getSignal(Signal.SIGKILL), 'default');
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});

test('a caught SIGCHLD runs the handler but does not interrupt wait (restart semantics)', async () => {
  const k = makeKernel();
  const quick = program('q', async () => 3);
  const slow = program('s', async () => { await new Promise((r) => setTimeout(r, 15)); return 5; });
  const prog = program('t', async (p) => {
    let chld = 0;
    p.setSignal(Signal.SIGCHLD, 'catch');
    p.onSignal = (s) => { if (s === Signal.SIGCHLD) chld++; };
    const a = p.spawn({ argv: ['q'], program: quick });
    const b = p.spawn({ argv: ['s'], program: slow });
    const st = await p.wait(b);
    assert.equal(chld, 2);
    assert.equal((await p.wait(a))!.status, 3);
    return st!.status;
  });
  assert.equal((await runRoot(k, prog)).status, 5);
});
