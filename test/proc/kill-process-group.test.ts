// kill(-pgid) signals every member of the group and nobody else; kill(0) is the caller's
// group; ESRCH for no such process/group; EPERM across users.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Signal } from '../../kernel/types.ts';
import { makeKernel, program, runRoot } from './helpers.ts';

const sleeper = program('sleeper', async (p) => {
  for (;;) await p.read(0); // blocks forever on a pipe with a live writer
});

test('group kill hits exactly the group', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    const [r, w] = p.pipe();
    const fds = [r, 1, 2];
    const a = p.spawn({ argv: ['a'], program: sleeper, fds, pgid: 0 });
    const b = p.spawn({ argv: ['b'], program: sleeper, fds, pgid: a });
    const c = p.spawn({ argv: ['c'], program: sleeper, fds, pgid: 0 });
    assert.equal(k.process(b)!.pgid, a);
    p.kill(-a, Signal.SIGTERM);
    const sa = await p.wait(a);
    const sb = await p.wait(b);
    assert.equal(sa!.signal, Signal.SIGTERM);
    assert.equal(sb!.status, 143);
    assert.equal(await p.wait(c, { noHang: true }), null, 'other group untouched');
    p.kill(c, Signal.SIGKILL);
    assert.equal((await p.wait(c))!.status, 137);
    assert.throws(() => p.kill(-a, Signal.SIGTERM), { code: 'ESRCH' });
    assert.throws(() => p.kill(99999, 0), { code: 'ESRCH' });
    p.close(w);
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});

test('kill(0, sig) signals the caller\'s own group including itself', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    const [r] = p.pipe();
    const child = p.spawn({ argv: ['a'], program: sleeper, fds: [r, 1, 2] });
    assert.equal(k.process(child)!.pgid, p.pgid);
    p.setSignal(Signal.SIGUSR1, 'ignore');
    p.kill(0, Signal.SIGUSR1);
    const st = await p.wait(child);
    return st!.signal === Signal.SIGUSR1 ? 0 : 1;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});

test('EPERM when signalling another user\'s process; signal 0 probes', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    const [r] = p.pipe();
    const child = p.spawn({ argv: ['a'], program: sleeper, fds: [r, 1, 2] });
    p.kill(child, 0);
    k.process(child)!.uid = 0;
    assert.throws(() => p.kill(child, Signal.SIGTERM), { code: 'EPERM' });
    assert.throws(() => p.kill(child, 0), { code: 'EPERM' });
    assert.throws(() => p.kill(child, 65), { code: 'EINVAL' });
    k.process(child)!.deliver(Signal.SIGKILL);
    await p.wait(child);
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});
