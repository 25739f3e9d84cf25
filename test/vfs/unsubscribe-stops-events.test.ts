import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import type { VfsEvent } from '../../kernel/types.ts';
import { enc, root } from './helpers.ts';

test('unsubscribing stops delivery, even of events already queued; other listeners keep theirs', async () => {
  const vfs = new Vfs();
  const ctx = root('/tmp');
  const a: VfsEvent[] = [];
  const b: VfsEvent[] = [];
  const offA = vfs.watch((ev) => a.push(ev));
  vfs.watch((ev) => b.push(ev));
  vfs.mkdir(ctx, 'x');
  await Promise.resolve();
  vfs.mkdir(ctx, 'y');
  offA();
  const f = vfs.open(ctx, 'x/f', 0o101, 0o644);
  f.write(enc('data'));
  await Promise.resolve();
  f.write(enc('more'));
  f.close();
  await Promise.resolve();
  assert.deepEqual(a, [{ type: 'create', path: '/tmp/x', kind: 'dir' }]);
  assert.deepEqual(b, [
    { type: 'create', path: '/tmp/x', kind: 'dir' },
    { type: 'create', path: '/tmp/y', kind: 'dir' },
    { type: 'create', path: '/tmp/x/f', kind: 'file' },
    { type: 'modify', path: '/tmp/x/f', kind: 'file' },
    { type: 'modify', path: '/tmp/x/f', kind: 'file' },
  ]);
});
