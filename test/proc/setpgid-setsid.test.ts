// Job-control plumbing: setpgid on self and children (not others: ESRCH; not after the child
// exec'd: EACCES; not across sessions or on a session leader: EPERM; only into groups of the
// same session), setsid (EPERM for a group leader) and the spawn options pgid / newSession.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeKernel, program, runRoot, until } from './helpers.ts';

const hold = program('hold', async (p) => { await p.read(0); return 0; });

test('setpgid rules', async () => {
  const k = makeKernel();
  k.registerProgram(hold, ['/bin/hold']);
  const prog = program('t', async (p) => {
    const [r, w] = p.pipe();
    const a = p.spawn({ argv: ['a'], program: hold, fds: [r, 1, 2] });
    p.setpgid(a, 0);                       // a leads its own group
    assert.equal(k.process(a)!.pgid, a);
    const b = p.spawn({ argv: ['b'], program: hold, fds: [r, 1, 2] });
    p.setpgid(b, a);                       // b joins a's group
    assert.equal(k.process(b)!.pgid, a);
    assert.throws(() => p.setpgid(b, 4242), { code: 'EPERM' }, 'no such group in this session');
    assert.throws(() => p.setpgid(p.pid, 0), { code: 'EPERM' }, 'a session leader cannot move');
    assert.throws(() => p.setpgid(999, 0), { code: 'ESRCH' });
    const ext = p.spawn({ argv: ['hold'], fds: [r, 1, 2] });  // an exec'd program
    await until(() => k.process(ext)?.state === 'S', 10_000); // it exec'd and now sleeps in read (a fixed delay raced under load)
    assert.throws(() => p.setpgid(ext, 0), { code: 'EACCES' });
    const s = p.spawn({ argv: ['s'], program: hold, fds: [r, 1, 2], newSession: true });
    assert.equal(k.process(s)!.sid, s);
    assert.equal(k.process(s)!.pgid, s);
    assert.throws(() => p.setpgid(s, 0), { code: 'EPERM' }, 'other session');
    assert.throws(() => p.spawn({ argv: ['x'], program: hold, pgid: s }), { code: 'EPERM' });
    p.close(w);
    for (const pid of [a, b, ext, s]) await p.wait(pid);
    return 0;
  });
  const res = await runRoot(k, prog, ['t'], { PATH: '/bin' });
  assert.equal(res.out, '');
  assert.equal(res.status, 0);
});

test('setsid: EPERM for a group leader, else a new session without terminal', async () => {
  const k = makeKernel();
  const child = program('c', async (p) => {
    const sid = p.setsid();
    await p.write(1, `${sid === p.pid} ${p.pgid === p.pid} ${p.sid === p.pid}\n`);
    assert.throws(() => p.setsid(), { code: 'EPERM' });
    return 0;
  });
  const prog = program('t', async (p) => {
    assert.throws(() => p.setsid(), { code: 'EPERM' }); // the root leads its group
    await p.wait(p.spawn({ argv: ['c'], program: child }));
    return 0;
  });
  const res = await runRoot(k, prog);
  assert.equal(res.out, 'true true true\n');
});
