import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { FileTree } from '../../actors/filetree.ts';

test('mv of a directory moves every key of its subtree, values intact', async () => {
  await using vm = await createVM({ files: { '/tmp/a/b/c.txt': 'abc', '/tmp/a/d.txt': 'dd', '/tmp/other': 'o' } });
  const doc = new Y.Doc();
  const tree = new FileTree(doc, vm, { roots: ['/tmp'] });
  tree.start();
  const files = doc.getMap('files');
  const before = files.get('/tmp/a/b/c.txt');
  await vm.exec('mv /tmp/a /tmp/z');
  await Promise.resolve();
  tree.flush();
  assert.deepEqual([...files.keys()].sort(), ['/tmp', '/tmp/other', '/tmp/z', '/tmp/z/b', '/tmp/z/b/c.txt', '/tmp/z/d.txt']);
  assert.deepEqual(files.get('/tmp/z/b/c.txt'), before);

  // A rename that replaces an existing file, and one moved out of the roots.
  await vm.exec('mv /tmp/z/d.txt /tmp/other && mv /tmp/z/b /home/user/b');
  await Promise.resolve();
  tree.flush();
  assert.deepEqual([...files.keys()].sort(), ['/tmp', '/tmp/other', '/tmp/z']);
  assert.equal((files.get('/tmp/other') as { size: number }).size, 2);
  tree.dispose();
});
