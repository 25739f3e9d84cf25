import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import type { VfsEvent } from '../../kernel/types.ts';
import { enc, root } from './helpers.ts';

test('an unwatched Vfs holds no watch state; watching allocates it, the last unsubscribe drops it', async () => {
  const vfs = new Vfs();
  const ctx = root('/tmp');
  assert.equal(vfs.watchers, 0);
  vfs.writeFile(ctx, 'a', enc('1'));
  vfs.mkdir(ctx, 'd');
  assert.equal(vfs.watchers, 0, 'mutations alone create no watcher state');
  const events: VfsEvent[] = [];
  const off1 = vfs.watch((ev) => events.push(ev));
  const off2 = vfs.watch(() => {});
  assert.equal(vfs.watchers, 2);
  off1();
  off1();
  assert.equal(vfs.watchers, 1);
  off2();
  assert.equal(vfs.watchers, 0);
  vfs.writeFile(ctx, 'b', enc('2'));
  await Promise.resolve();
  assert.deepEqual(events, []);
  // A clone of a watched VFS starts unwatched, and the original's events do not include its changes.
  const seen: VfsEvent[] = [];
  vfs.watch((ev) => seen.push(ev));
  const c = vfs.clone();
  assert.equal(c.watchers, 0);
  c.writeFile(ctx, 'c', enc('3'));
  const f = c.open(ctx, 'a', 1 /* O_WRONLY */);
  f.write(enc('more'));
  f.close();
  await Promise.resolve();
  assert.deepEqual(seen, []);
});
