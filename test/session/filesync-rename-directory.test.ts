// Renaming a directory reports one event; FileSync must record the whole new subtree and drop
// the old one, also when the old name is reused right away.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../kernel/vm.ts';
import { FileSync, applyFileRecords, type FileRecord } from '../../actors/filesync.ts';
import { diffTrees, settle, treeOf } from './sqlite-helper.ts';

test('mv of a directory records the new subtree and a tombstone for the old path', async () => {
  const vm = await createVM();
  const got: FileRecord[] = [];
  const sync = new FileSync(vm, (r) => got.push(...r));
  await vm.exec('mkdir -p a/b/c; echo 1 > a/b/c/one; echo 2 > a/two');
  await settle();
  sync.start(); // the tree existed before watching: only the rename tells about it
  await vm.exec('mv a z');
  await settle();
  assert.equal(sync.flush(), got.length);
  const by = new Map(got.map((r) => [r.path, r]));
  assert.equal(by.get('/home/user/a')?.type, 'deleted');
  for (const p of ['/home/user/z', '/home/user/z/b', '/home/user/z/b/c']) assert.equal(by.get(p)?.type, 'dir', p);
  assert.equal(new TextDecoder().decode(by.get('/home/user/z/b/c/one')!.data), '1\n');
  assert.equal(by.get('/home/user/z/two')?.type, 'file');

  const before = await createVM();
  await before.exec('mkdir -p a/b/c; echo 1 > a/b/c/one; echo 2 > a/two');
  applyFileRecords(before, got); // onto a VM that still has the old tree
  assert.deepEqual(diffTrees(treeOf(before, { mtimes: true }), treeOf(vm, { mtimes: true })), []);
  sync.dispose();
});

test('a directory moved away and recreated at once does not bring its old children back', async () => {
  const vm = await createVM();
  const got: FileRecord[] = [];
  const sync = new FileSync(vm, (r) => got.push(...r));
  sync.start();
  await vm.exec('mkdir -p a/b; echo old > a/b/f');
  await settle();
  sync.flush();
  await vm.exec('mv a c; mkdir a; echo new > a/g; mv c/b c/b2');
  await settle();
  sync.flush();
  const fresh = await createVM();
  applyFileRecords(fresh, got);
  const tree = treeOf(fresh, { mtimes: true });
  assert.deepEqual(diffTrees(tree, treeOf(vm, { mtimes: true })), []);
  assert.equal(tree.has('/home/user/a/b'), false);
  assert.equal(tree.has('/home/user/c/b2/f'), true);
  sync.dispose();
});
