import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';
import type { VfsEvent } from '../../kernel/types.ts';

test('seq 1 100000 > f: one create, a bounded number of modify events, the last after the data is complete', async () => {
  await using vm = await createVM();
  const events: VfsEvent[] = [];
  const sizes: number[] = [];
  vm.fs.watch((ev) => {
    events.push(ev);
    // Listeners run in a microtask: read what the file holds at delivery time.
    if (ev.type === 'modify') sizes.push(vm.kernel.vfs.stat({ cwd: '/', uid: 0, gid: 0, umask: 0 }, ev.path).size);
  });
  const r = await vm.exec('seq 1 100000 > f');
  assert.equal(r.exitCode, 0);
  await Promise.resolve();
  const total = (await vm.fs.stat('/home/user/f')).size;
  assert.equal(total, 588895);
  assert.deepEqual(events[0], { type: 'create', path: '/home/user/f', kind: 'file' });
  const mods = events.slice(1);
  assert.ok(mods.length >= 1);
  assert.ok(mods.every((e) => e.type === 'modify' && e.path === '/home/user/f' && e.kind === 'file'));
  // At most one per microtask: far fewer than one per line or per 4 KiB.
  assert.ok(mods.length <= Math.ceil(total / 4096), `${mods.length} modify events`);
  assert.equal(sizes.at(-1), total);
});

test('synchronous writes in one microtask give exactly one modify', async () => {
  await using vm = await createVM();
  const events: VfsEvent[] = [];
  vm.fs.watch((ev) => events.push(ev));
  const vfs = vm.kernel.vfs;
  const ctx = { cwd: '/tmp', uid: 0, gid: 0, umask: 0o022 };
  const f = vfs.open(ctx, 'g', 0o101 /* O_WRONLY|O_CREAT */, 0o644);
  for (let i = 0; i < 1000; i++) f.write(new Uint8Array(100));
  f.close();
  vfs.mkdir(ctx, 'h');
  await Promise.resolve();
  assert.deepEqual(events, [
    { type: 'create', path: '/tmp/g', kind: 'file' },
    { type: 'modify', path: '/tmp/g', kind: 'file' },
    { type: 'create', path: '/tmp/h', kind: 'dir' },
  ]);
});
