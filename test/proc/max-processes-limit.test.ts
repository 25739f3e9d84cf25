// limits.maxProcesses counts live and zombie processes of a VM: spawn fails with EAGAIN past
// it, and reaping frees the slots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeKernel, program, runRoot } from './helpers.ts';

test('EAGAIN past maxProcesses; waiting frees slots', async () => {
  const k = makeKernel({ maxProcesses: 4 });
  const quick = program('q', async () => 0);
  const prog = program('t', async (p) => {
    const pids = [p.spawn({ argv: ['q'], program: quick }), p.spawn({ argv: ['q'], program: quick }), p.spawn({ argv: ['q'], program: quick })];
    assert.throws(() => p.spawn({ argv: ['q'], program: quick }), { code: 'EAGAIN' });
    await p.wait(pids[0]!);
    const again = p.spawn({ argv: ['q'], program: quick });
    assert.throws(() => p.spawn({ argv: ['q'], program: quick }), { code: 'EAGAIN' });
    for (const pid of [pids[1]!, pids[2]!, again]) await p.wait(pid);
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
  assert.throws(() => {
    for (let i = 0; i < 10; i++) k.spawnRoot({ argv: ['q'], program: program('hang', () => new Promise(() => {})), env: {}, cwd: '/', stdio: [] });
  }, { code: 'EAGAIN' });
  k.dispose();
});

test('E2BIG when argv + env exceed limits.argvBytes', async () => {
  const k = makeKernel({ argvBytes: 1000 });
  const quick = program('q', async () => 0);
  const prog = program('t', async (p) => {
    assert.throws(() => p.spawn({ argv: ['q', 'x'.repeat(2000)], program: quick }), { code: 'E2BIG' });
    await assert.rejects(p.exec({ argv: ['q'], env: { BIG: 'y'.repeat(2000) }, program: quick }), { code: 'E2BIG' });
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});
