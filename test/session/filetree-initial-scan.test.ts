import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { FileTree } from '../../actors/filetree.ts';

test('start() mirrors the whole tree in one update, without /proc and /dev', async () => {
  await using vm = await createVM({ files: { '/home/user/notes.txt': 'hello\n' } });
  await vm.fs.symlink('notes.txt', '/home/user/link');
  await vm.fs.chmod('/home/user/notes.txt', 0o600);
  const doc = new Y.Doc();
  let updates = 0;
  doc.on('update', () => updates++);
  const tree = new FileTree(doc, vm);
  tree.start();
  assert.equal(updates, 1);
  const files = doc.getMap('files');
  const st = await vm.fs.stat('/home/user/notes.txt');
  assert.deepEqual(files.get('/home/user/notes.txt'), { type: 'file', size: 6, mtime: st.mtimeMs, mode: 0o600 });
  assert.equal((files.get('/home/user/link') as { type: string }).type, 'symlink');
  assert.equal((files.get('/') as { type: string }).type, 'dir');
  assert.equal((files.get('/bin') as { type: string }).type, 'dir');
  for (const k of files.keys()) assert.ok(!/^\/(proc|dev|sys)(\/|$)/.test(k), `${k} should be excluded`);
  assert.equal(tree.truncated, false);
  tree.dispose();
});

test('roots and exclude limit the mirrored subtrees', async () => {
  await using vm = await createVM({ files: { '/home/user/a/b.txt': 'x', '/home/user/skip/c.txt': 'y' } });
  const doc = new Y.Doc();
  const tree = new FileTree(doc, vm, { roots: ['/home/user'], exclude: ['/home/user/skip'] });
  tree.start();
  assert.deepEqual([...doc.getMap('files').keys()].sort(), ['/home/user', '/home/user/a', '/home/user/a/b.txt']);
  await vm.exec('touch /home/user/skip/d /tmp/e /home/user/f');
  await Promise.resolve();
  tree.flush();
  assert.deepEqual([...doc.getMap('files').keys()].sort(), ['/home/user', '/home/user/a', '/home/user/a/b.txt', '/home/user/f']);
  tree.dispose();
});
