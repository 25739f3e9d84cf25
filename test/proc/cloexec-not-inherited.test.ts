// Close-on-exec fds are not passed to spawned children (nor kept across exec); others are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_CLOEXEC, O_CREAT, O_WRONLY } from '../../kernel/types.ts';
import { makeKernel, program, runRoot } from './helpers.ts';

const listFds = program('lsfd', async (p) => { await p.write(1, `${p.fds().join(',')}\n`); return 0; });

test('spawn skips O_CLOEXEC and setCloexec fds', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    const a = p.open('/tmp/a', O_WRONLY | O_CREAT | O_CLOEXEC, 0o644);
    const b = p.open('/tmp/b', O_WRONLY | O_CREAT, 0o644);
    const c = p.dup(b);
    p.setCloexec(c, true);
    assert.deepEqual([a, b, c], [3, 4, 5]);
    await p.wait(p.spawn({ argv: ['lsfd'], program: listFds }));
    p.setCloexec(a, false);
    await p.wait(p.spawn({ argv: ['lsfd'], program: listFds }));
    return 0;
  });
  assert.equal((await runRoot(k, prog)).out, '0,1,2,4\n0,1,2,3,4\n');
});

test('exec closes close-on-exec fds', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    p.open('/tmp/a', O_WRONLY | O_CREAT | O_CLOEXEC, 0o644);
    p.open('/tmp/b', O_WRONLY | O_CREAT, 0o644);
    await p.exec({ argv: ['lsfd'], program: listFds });
    return 99; // never reached
  });
  const r = await runRoot(k, prog);
  assert.equal(r.out, '0,1,2,4\n');
  assert.equal(r.status, 0);
});
