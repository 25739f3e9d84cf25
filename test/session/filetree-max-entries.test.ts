import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { FileTree } from '../../actors/filetree.ts';

test('past maxEntries the map stops growing and sessionInfo.filesTruncated is set', async () => {
  await using vm = await createVM({ files: { '/tmp/a': '1', '/tmp/b': '2' } });
  const doc = new Y.Doc();
  const tree = new FileTree(doc, vm, { roots: ['/tmp'], maxEntries: 5 });
  tree.start();
  assert.equal(tree.truncated, false);
  assert.equal(doc.getMap('files').size, 3);
  await vm.exec('touch /tmp/c /tmp/d /tmp/e /tmp/f /tmp/g');
  await Promise.resolve();
  tree.flush();
  assert.equal(doc.getMap('files').size, 5);
  assert.equal(tree.truncated, true);
  assert.equal(doc.getMap('sessionInfo').get('filesTruncated'), true);
  // Existing entries still follow their files; removed ones leave.
  await vm.exec('echo more > /tmp/a && rm /tmp/b');
  await Promise.resolve();
  tree.flush();
  assert.equal((doc.getMap('files').get('/tmp/a') as { size: number }).size, 5);
  assert.equal(doc.getMap('files').has('/tmp/b'), false);
  tree.dispose();
});
