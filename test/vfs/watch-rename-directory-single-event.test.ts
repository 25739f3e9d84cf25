import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import type { VfsEvent } from '../../kernel/types.ts';
import { enc, root } from './helpers.ts';

test('renaming a populated directory is one rename event, and later paths follow it', async () => {
  const vfs = new Vfs();
  const ctx = root('/tmp');
  vfs.mkdir(ctx, 'a');
  for (let i = 0; i < 50; i++) vfs.writeFile(ctx, `a/f${i}`, enc('x'));
  vfs.mkdir(ctx, 'a/sub');
  vfs.writeFile(ctx, 'a/sub/deep', enc('y'));
  const events: VfsEvent[] = [];
  vfs.watch((ev) => events.push(ev));
  vfs.rename(ctx, 'a', '/home/b');
  vfs.writeFile(ctx, '/home/b/sub/new', enc('z'));
  await Promise.resolve();
  assert.deepEqual(events, [
    { type: 'rename', path: '/home/b', oldPath: '/tmp/a', kind: 'dir' },
    { type: 'create', path: '/home/b/sub/new', kind: 'file' },
    { type: 'modify', path: '/home/b/sub/new', kind: 'file' },
  ]);
});

test('a path through a symlinked directory is reported canonically', async () => {
  const vfs = new Vfs();
  const ctx = root('/tmp');
  vfs.mkdir(ctx, 'real');
  vfs.symlink(ctx, '/tmp/real', 'ln');
  const events: VfsEvent[] = [];
  vfs.watch((ev) => events.push(ev));
  vfs.rename(ctx, 'ln/../real', 'real2');
  vfs.mkdir(ctx, 'ln2');
  vfs.rename(ctx, '/tmp/ln2', '/tmp/real2/x');
  await Promise.resolve();
  assert.deepEqual(events, [
    { type: 'rename', path: '/tmp/real2', oldPath: '/tmp/real', kind: 'dir' },
    { type: 'create', path: '/tmp/ln2', kind: 'dir' },
    { type: 'rename', path: '/tmp/real2/x', oldPath: '/tmp/ln2', kind: 'dir' },
  ]);
});
