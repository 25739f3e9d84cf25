import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { FileTree } from '../../actors/filetree.ts';

test('chmod of a file and of a directory updates their mode', async () => {
  await using vm = await createVM({ files: { '/tmp/d/f': 'x' } });
  const doc = new Y.Doc();
  const tree = new FileTree(doc, vm, { roots: ['/tmp'] });
  tree.start();
  const files = doc.getMap('files');
  assert.equal((files.get('/tmp/d/f') as { mode: number }).mode, 0o644);
  await vm.exec('chmod 750 /tmp/d/f && chmod 700 /tmp/d');
  await Promise.resolve();
  tree.flush();
  assert.equal((files.get('/tmp/d/f') as { mode: number }).mode, 0o750);
  assert.equal((files.get('/tmp/d') as { mode: number }).mode, 0o700);
  tree.dispose();
});
