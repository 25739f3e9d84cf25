// dup'd and inherited fds share one open file description: one offset, one set of status flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_APPEND, O_CREAT, O_RDWR, O_TRUNC, SEEK_CUR, SEEK_SET } from '../../kernel/types.ts';
import { dec, makeKernel, program, runRoot } from './helpers.ts';

test('writes through a dup continue at the shared offset', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    const fd = p.open('/tmp/f', O_RDWR | O_CREAT | O_TRUNC, 0o644);
    const fd2 = p.dup(fd);
    const fd3 = p.dup2(fd, 9);
    assert.equal(fd3, 9);
    await p.write(fd, 'aaa');
    await p.write(fd2, 'bbb');
    await p.write(9, 'c');
    assert.equal(p.seek(fd2, 0, SEEK_CUR), 7);
    p.seek(fd, 0, SEEK_SET);
    const all = await p.read(fd2);
    await p.write(1, dec.decode(all));
    // status flags are shared too
    p.file(fd).flags |= O_APPEND;
    assert.ok(p.file(fd2).flags & O_APPEND);
    return 0;
  });
  const r = await runRoot(k, prog);
  assert.equal(r.status, 0);
  assert.equal(r.out, 'aaabbbc');
});

test('a child inherits the description: its writes move the parent offset', async () => {
  const k = makeKernel();
  const child = program('c', async (p) => { await p.write(3, 'child'); return 0; });
  const prog = program('t', async (p) => {
    const fd = p.open('/tmp/g', O_RDWR | O_CREAT | O_TRUNC, 0o644);
    assert.equal(fd, 3);
    await p.write(fd, 'parent-');
    await p.wait(p.spawn({ argv: ['c'], program: child }));
    await p.write(fd, '-again');
    await p.write(1, `${p.seek(fd, 0, SEEK_CUR)} ${dec.decode(p.readFile('/tmp/g'))}`);
    return 0;
  });
  assert.equal((await runRoot(k, prog)).out, '18 parent-child-again');
});

test('closing one dup leaves the other usable; EBADF after both close', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    const fd = p.open('/tmp/h', O_RDWR | O_CREAT, 0o644);
    const d = p.dup(fd);
    p.close(fd);
    await p.write(d, 'ok');
    p.close(d);
    assert.throws(() => p.close(d), { code: 'EBADF' });
    await assert.rejects(p.write(d, 'x'), { code: 'EBADF' });
    assert.throws(() => p.dup2(d, 5), { code: 'EBADF' });
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});
