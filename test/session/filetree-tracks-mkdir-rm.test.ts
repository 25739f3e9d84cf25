import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { FileTree } from '../../actors/filetree.ts';

test('mkdir -p / file writes / rm -r from the shell are tracked, subtree removal included', async () => {
  await using vm = await createVM();
  const doc = new Y.Doc();
  const tree = new FileTree(doc, vm, { roots: ['/tmp'] });
  tree.start();
  const files = doc.getMap('files');
  await vm.exec('mkdir -p /tmp/p/q/r && echo hello > /tmp/p/q/r/f && echo x > /tmp/p/g');
  await Promise.resolve();
  tree.flush();
  assert.deepEqual([...files.keys()].sort(), ['/tmp', '/tmp/p', '/tmp/p/g', '/tmp/p/q', '/tmp/p/q/r', '/tmp/p/q/r/f']);
  assert.deepEqual(files.get('/tmp/p/q/r/f'), {
    type: 'file', size: 6, mtime: (await vm.fs.stat('/tmp/p/q/r/f')).mtimeMs, mode: 0o644,
  });
  assert.equal((files.get('/tmp/p/q') as { type: string }).type, 'dir');
  // The parent's mtime changed with its new child: its entry follows.
  assert.equal((files.get('/tmp') as { mtime: number }).mtime, (await vm.fs.stat('/tmp')).mtimeMs);

  await vm.exec('rm -r /tmp/p/q');
  await Promise.resolve();
  tree.flush();
  assert.deepEqual([...files.keys()].sort(), ['/tmp', '/tmp/p', '/tmp/p/g']);
  tree.dispose();
});

test('changes are applied by the timer within flushMs without calling flush()', async () => {
  await using vm = await createVM();
  const doc = new Y.Doc();
  const tree = new FileTree(doc, vm, { roots: ['/tmp'], flushMs: 5 });
  tree.start();
  await vm.exec('mkdir /tmp/d');
  await new Promise((r) => setTimeout(r, 30));
  assert.ok(doc.getMap('files').has('/tmp/d'));
  tree.dispose();
});
