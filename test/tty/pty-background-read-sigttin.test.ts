// Job control: a background process reading its controlling terminal gets SIGTTIN and stops
// (the shell sees it with wait untraced); once it is in the foreground and continued, its read
// proceeds. With SIGTTIN ignored the read fails with EIO. tcsetpgrp rejects foreign groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Signal } from '../../kernel/types.ts';
import { dec, makeKernel, program } from '../proc/helpers.ts';
import { openTerm } from './helpers.ts';

test('background read stops with SIGTTIN; fg + SIGCONT lets it read', async () => {
  const k = makeKernel();
  const log: string[] = [];
  const reader = program('bg', async (p) => { log.push(`read ${dec.decode(await p.read(0)).trim()}`); return 0; });
  const sh = program('sh', async (p) => {
    const pid = p.spawn({ argv: ['bg'], program: reader, pgid: 0 });
    const st = await p.wait(pid, { untraced: true });
    log.push(`stopped by ${st!.signal}`);
    p.file(0).ioctl!('TIOCSPGRP', pid);
    p.kill(-pid, Signal.SIGCONT);
    await p.write(1, 'continued\n');
    const end = await p.wait(pid);
    p.file(0).ioctl!('TIOCSPGRP', p.pgid);
    log.push(`exit ${end!.status}`);
    return 0;
  });
  const t = openTerm(k, sh);
  await t.waitFor('continued');
  t.type('hello\r');
  await t.handle.wait();
  assert.deepEqual(log, [`stopped by ${Signal.SIGTTIN}`, 'read hello', 'exit 0']);
});

test('SIGTTIN ignored: EIO; tcsetpgrp to a group of another session: EPERM; unknown: ESRCH', async () => {
  const k = makeKernel();
  const out: string[] = [];
  const reader = program('bg', async (p) => {
    try { await p.read(0); } catch (e) { out.push((e as { code: string }).code); }
    return 0;
  });
  const sh = program('sh', async (p) => {
    const pid = p.spawn({ argv: ['bg'], program: reader, pgid: 0, ignoreSignals: [Signal.SIGTTIN] });
    await p.wait(pid);
    const other = p.spawn({ argv: ['x'], program: program('x', async () => 0), newSession: true });
    assert.throws(() => p.file(0).ioctl!('TIOCSPGRP', other), { code: 'EPERM' });
    await p.wait(other);
    assert.throws(() => p.file(0).ioctl!('TIOCSPGRP', 4242), { code: 'ESRCH' });
    return 0;
  });
  const t = openTerm(k, sh);
  assert.equal((await t.handle.wait()).status, 0);
  assert.deepEqual(out, ['EIO']);
});
