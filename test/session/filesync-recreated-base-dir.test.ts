// A base-image directory that is moved away (or removed) and then recreated must not get the
// base image's files back on restore: restore starts from the base image, which still has them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../kernel/vm.ts';
import { FileSync, applyFileRecords, type FileRecord } from '../../actors/filesync.ts';
import { diffTrees, settle, treeOf } from './sqlite-helper.ts';

const ROOT = { cwd: '/', uid: 0, gid: 0, umask: 0o022 };

test('mv /etc away, mkdir /etc in a later flush: restored /etc holds only the new file', async () => {
  const vm = await createVM();
  const batches: FileRecord[][] = [];
  const sync = new FileSync(vm, (r) => batches.push(r));
  sync.start();
  const vfs = vm.kernel.vfs;
  vfs.rename(ROOT, '/etc', '/etc.old');
  await settle();
  sync.flush();
  vfs.mkdir(ROOT, '/etc', 0o755);
  vfs.writeFile(ROOT, '/etc/only', new TextEncoder().encode('x'), 0o644);
  await settle();
  sync.flush();
  assert.equal(batches.length, 2);
  const restored = await createVM();
  applyFileRecords(restored, batches.flat());
  const tree = treeOf(restored, { mtimes: true });
  assert.deepEqual([...tree.keys()].filter((p) => p.startsWith('/etc/')), ['/etc/only']);
  assert.equal(tree.has('/etc.old/passwd'), true);
  assert.deepEqual(diffTrees(tree, treeOf(vm, { mtimes: true })), []);
  sync.dispose();
});

test('rm -r of a base directory then mkdir: base children stay gone', async () => {
  const vm = await createVM();
  const got: FileRecord[] = [];
  const sync = new FileSync(vm, (r) => got.push(...r));
  sync.start();
  const vfs = vm.kernel.vfs;
  for (const d of vfs.readdir(ROOT, '/etc')) if (d.name !== '.' && d.name !== '..') vfs.unlink(ROOT, `/etc/${d.name}`);
  vfs.rmdir(ROOT, '/etc');
  vfs.mkdir(ROOT, '/etc', 0o700);
  await settle();
  sync.flush();
  const restored = await createVM();
  applyFileRecords(restored, got);
  assert.deepEqual(diffTrees(treeOf(restored, { mtimes: true }), treeOf(vm, { mtimes: true })), []);
  assert.deepEqual(vfs.readdir(ROOT, '/etc').filter((d) => d.name[0] !== '.'), []);
  sync.dispose();
});
