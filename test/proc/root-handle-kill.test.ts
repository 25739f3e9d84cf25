// The VM facade's handle: kill(sig) reaches the root's whole process group (so a timeout kills
// `sleep` inside `bash -c` too), wait() reports the status at once, and kernel.dispose() kills
// everything that is left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Signal } from '../../kernel/types.ts';
import { makeKernel, program, tick } from './helpers.ts';

const sleeper = program('sleep', async (p) => {
  await new Promise((resolve) => p.signal.addEventListener('abort', resolve));
  return 0;
});

test('killing just the root resolves its wait at once; its code stops; dispose kills the rest', async () => {
  const k = makeKernel();
  let child = 0;
  let after = false;
  const sh = program('sh', async (p) => {
    child = p.spawn({ argv: ['sleep', '30'], program: sleeper, fds: [] });
    await p.wait(child);
    after = true;
    return 0;
  });
  const h = k.spawnRoot({ argv: ['sh'], program: sh, env: {}, cwd: '/', stdio: [] });
  await tick(2);
  h.proc.deliver(Signal.SIGKILL);
  assert.equal((await h.wait()).status, 137);
  await tick(2);
  assert.equal(after, false, 'the killed program does not continue past its pending wait');
  assert.equal(k.process(child)?.ppid, 0, 'the child lives on as an orphan');
  k.dispose();
  assert.equal(k.process(child), undefined);
});

test('kill through the ProcessHandle signals the whole group', async () => {
  const k = makeKernel();
  let child = 0;
  const sh = program('sh', async (p) => {
    child = p.spawn({ argv: ['sleep'], program: sleeper });
    await p.wait(child);
    return 0;
  });
  const h = k.spawnRoot({ argv: ['sh'], program: sh, env: {}, cwd: '/', stdio: [] });
  await tick(2);
  const t0 = Date.now();
  h.kill(Signal.SIGKILL);
  assert.deepEqual(await h.wait(), { pid: h.pid, signal: 9, status: 137 });
  assert.ok(Date.now() - t0 < 20);
  assert.equal(k.process(child), undefined, 'the child in the same group died too');
  assert.deepEqual(k.processes(), []);
});

test('spawnRoot errors are synchronous KernelErrors; disposed kernels refuse', () => {
  const k = makeKernel();
  assert.throws(() => k.spawnRoot({ argv: ['nosuch'], env: { PATH: '/bin' }, cwd: '/', stdio: [] }), { code: 'ENOENT' });
  k.dispose();
  assert.throws(() => k.spawnRoot({ argv: ['x'], program: sleeper, env: {}, cwd: '/', stdio: [] }), { code: 'EIO' });
});
