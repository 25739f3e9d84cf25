import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { FileTree } from '../../actors/filetree.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('seq 1 100000 > f: dozens of modify events, at most one update per flushMs', async () => {
  await using vm = await createVM();
  const doc = new Y.Doc();
  const tree = new FileTree(doc, vm, { roots: ['/home/user'] });
  tree.start();
  let updates = 0;
  doc.on('update', () => updates++);
  let modifies = 0;
  vm.fs.watch((ev) => { if (ev.type === 'modify') modifies++; });
  const t0 = performance.now();
  await vm.exec('seq 1 100000 > f');
  const elapsed = performance.now() - t0;
  await tick(40);
  assert.equal((doc.getMap('files').get('/home/user/f') as { size: number }).size, 588895);
  assert.ok(modifies > 20, `${modifies} modify events`);
  assert.ok(updates <= Math.ceil(elapsed / 16) + 2 && updates <= modifies, `${updates} updates for ${modifies} events in ${elapsed} ms`);
  tree.dispose();
});

test('with a long flushMs the whole burst is one update', async () => {
  await using vm = await createVM();
  const doc = new Y.Doc();
  const tree = new FileTree(doc, vm, { roots: ['/home/user'], flushMs: 60_000 });
  tree.start();
  let updates = 0;
  doc.on('update', () => updates++);
  await vm.exec('seq 1 100000 > f');
  await tick(0);
  assert.equal(updates, 0);
  tree.flush();
  assert.equal(updates, 1);
  assert.equal((doc.getMap('files').get('/home/user/f') as { size: number }).size, 588895);
  tree.dispose();
});
