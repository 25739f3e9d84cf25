import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

test('restore() re-binds the open paths of a stored doc; the file content wins, as a minimal diff', async () => {
  await using vm = await createVM({ files: { '/home/user/a': 'shared prefix OLD shared suffix\n', '/home/user/b': 'same\n' } });
  const first = new Y.Doc();
  const before = new OpenFiles(first, vm);
  before.open('/home/user/a', 'alice');
  before.open('/home/user/b', 'bob');
  before.dispose();
  const stored = Y.encodeStateAsUpdate(first);
  // The VM changed while nothing was bound (e.g. the session slept).
  await vm.fs.writeFile('/home/user/a', 'shared prefix NEW shared suffix\n');
  await vm.fs.rm('/home/user/b');

  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored);
  const sizes: number[] = [];
  doc.on('update', (u: Uint8Array) => sizes.push(u.length));
  const files = new OpenFiles(doc, vm);
  files.restore();
  assert.deepEqual(files.paths().sort(), ['/home/user/a', '/home/user/b']);
  assert.equal(doc.getText('file:/home/user/a').toString(), 'shared prefix NEW shared suffix\n');
  assert.equal(doc.getText('file:/home/user/b').toString(), 'same\n');
  assert.equal((doc.getMap('open').get('/home/user/b') as { deleted?: boolean }).deleted, true);
  assert.equal(sizes.length, 1);
  assert.ok(sizes[0]! < 120, `update of ${sizes[0]} bytes`);
  // Bound again: both directions work.
  doc.getText('file:/home/user/a').insert(0, '>');
  assert.equal(await vm.fs.readFile('/home/user/a', 'utf8'), '>shared prefix NEW shared suffix\n');
  files.dispose();
});
