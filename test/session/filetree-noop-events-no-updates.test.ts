import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { FileTree } from '../../actors/filetree.ts';

test('events that change nothing the map holds produce no doc update', async () => {
  await using vm = await createVM({ files: { '/tmp/f': 'x', '/tmp/d/g': 'y' } });
  const doc = new Y.Doc();
  const tree = new FileTree(doc, vm, { roots: ['/tmp'] });
  tree.start();
  let updates = 0;
  doc.on('update', () => updates++);
  const events: string[] = [];
  vm.fs.watch((ev) => events.push(ev.type));
  // Same mode again, and the same times again: 'attrib' events, identical entries.
  await vm.fs.chmod('/tmp/f', 0o644);
  await vm.fs.chmod('/tmp/d', 0o755);
  const st = await vm.fs.stat('/tmp/d/g');
  await vm.fs.utimes('/tmp/d/g', st.atimeMs / 1000, st.mtimeMs / 1000);
  await Promise.resolve();
  tree.flush();
  assert.ok(events.length >= 3, `expected attrib events, saw ${events.join(',')}`);
  assert.equal(updates, 0);
  tree.dispose();
});

test('a second FileTree started on an up-to-date copy of the doc produces no update', async () => {
  await using vm = await createVM({ files: { '/tmp/f': 'x' } });
  const doc = new Y.Doc();
  new FileTree(doc, vm, { roots: ['/tmp'] }).start();
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let updates = 0;
  copy.on('update', () => updates++);
  const again = new FileTree(copy, vm, { roots: ['/tmp'] });
  again.start();
  assert.equal(updates, 0);
  again.dispose();
});
