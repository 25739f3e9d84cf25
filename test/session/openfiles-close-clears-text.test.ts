import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

test('close() unbinds, removes the entry and empties the text; the file stays', async () => {
  await using vm = await createVM({ files: { '/home/user/f': 'content\n' } });
  const doc = new Y.Doc();
  const files = new OpenFiles(doc, vm);
  const text = files.open('/home/user/f', 'a');
  files.close('/home/user/f');
  assert.equal(files.isOpen('/home/user/f'), false);
  assert.equal(doc.getMap('open').has('/home/user/f'), false);
  assert.equal(text.toString(), '');
  assert.equal(await vm.fs.readFile('/home/user/f', 'utf8'), 'content\n');
  // No longer bound in either direction.
  let updates = 0;
  doc.on('update', () => updates++);
  await vm.exec('echo more >> /home/user/f');
  await Promise.resolve();
  assert.equal(updates, 0);
  text.insert(0, 'stray');
  assert.equal(await vm.fs.readFile('/home/user/f', 'utf8'), 'content\nmore\n');
});
