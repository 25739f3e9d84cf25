// An exited child stays a zombie (in the table, state Z) until the parent waits; wait reaps
// it exactly once (then ECHILD). WNOHANG returns null while children run; -1 waits for any.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeKernel, program, runRoot, tick } from './helpers.ts';

test('zombie until waited, then gone; ECHILD afterwards', async () => {
  const k = makeKernel();
  const quick = program('quick', async () => 5);
  const prog = program('t', async (p) => {
    const pid = p.spawn({ argv: ['quick'], program: quick });
    await tick(5);
    const info = k.processes().find((i) => i.pid === pid);
    assert.equal(info?.state, 'Z');
    assert.equal(info?.ppid, p.pid);
    const st = await p.wait(pid);
    assert.deepEqual(st, { pid, code: 5, status: 5 });
    assert.equal(k.processes().find((i) => i.pid === pid), undefined);
    await assert.rejects(p.wait(pid), { code: 'ECHILD' });
    await assert.rejects(p.wait(-1), { code: 'ECHILD' });
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});

test('WNOHANG and wait(-1) for any child', async () => {
  const k = makeKernel();
  const slow = program('slow', async () => { await new Promise((r) => setTimeout(r, 20)); return 2; });
  const fast = program('fast', async () => 1);
  const prog = program('t', async (p) => {
    const a = p.spawn({ argv: ['slow'], program: slow });
    assert.equal(await p.wait(a, { noHang: true }), null);
    const b = p.spawn({ argv: ['fast'], program: fast });
    const first = await p.wait(-1);
    assert.equal(first?.pid, b);
    const second = await p.wait(-1);
    assert.equal(second?.pid, a);
    assert.equal(second?.status, 2);
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});

test('orphans are reaped when their parent is gone; roots are reaped at exit', async () => {
  const k = makeKernel();
  let grandchild = 0;
  const gc = program('gc', async () => { await new Promise((r) => setTimeout(r, 15)); return 0; });
  const mid = program('mid', async (p) => { grandchild = p.spawn({ argv: ['gc'], program: gc, fds: [] }); return 0; });
  const prog = program('t', async (p) => { await p.wait(p.spawn({ argv: ['mid'], program: mid })); return 0; });
  const r = await runRoot(k, prog);
  assert.equal(r.status, 0);
  assert.equal(k.process(grandchild)?.ppid, 0);
  await tick(30);
  assert.deepEqual(k.processes(), []);
});
