import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

test('a file opened through a symlink is bound under its real path, so shell writes reach it', async () => {
  await using vm = await createVM({ files: { '/home/user/real/notes.txt': 'one\n' } });
  await vm.fs.symlink('real', '/home/user/dirlink');
  await vm.fs.symlink('/home/user/real/notes.txt', '/home/user/filelink');
  const doc = new Y.Doc();
  const files = new OpenFiles(doc, vm);
  const text = files.open('/home/user/filelink', 'a');
  assert.deepEqual(files.paths(), ['/home/user/real/notes.txt']);
  assert.equal(text, doc.getText('file:/home/user/real/notes.txt'));
  assert.equal(files.open('/home/user/dirlink/notes.txt', 'b'), text);
  assert.equal(files.isOpen('/home/user/filelink'), true);
  await vm.exec('echo two >> /home/user/real/notes.txt');
  await Promise.resolve();
  assert.equal(text.toString(), 'one\ntwo\n');
  // A new file under a symlinked directory.
  const fresh = files.open('/home/user/dirlink/new.txt', 'c');
  assert.equal(fresh, doc.getText('file:/home/user/real/new.txt'));
  await vm.exec('echo hi > /home/user/real/new.txt');
  await Promise.resolve();
  assert.equal(fresh.toString(), 'hi\n');
  files.close('/home/user/filelink');
  assert.equal(files.isOpen('/home/user/real/notes.txt'), false);
  files.dispose();
});
