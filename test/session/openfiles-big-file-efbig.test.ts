import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

test('opening a file over maxBytes fails with EFBIG and leaves the doc alone', async () => {
  await using vm = await createVM({ files: { '/home/user/big': 'x'.repeat(2 * 1024 * 1024), '/home/user/small': 'y'.repeat(200) } });
  const doc = new Y.Doc();
  let updates = 0;
  doc.on('update', () => updates++);
  const files = new OpenFiles(doc, vm);
  assert.throws(() => files.open('/home/user/big', 'a'), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'EFBIG');
    assert.match(e.message, /1048576-byte limit/);
    return true;
  });
  const tight = new OpenFiles(doc, vm, { maxBytes: 100 });
  assert.throws(() => tight.open('/home/user/small', 'a'), { code: 'EFBIG' });
  assert.equal(updates, 0);
  assert.equal(files.isOpen('/home/user/big'), false);
  assert.equal(doc.getMap('open').size, 0);
});

test('a file that grows past maxBytes while open stops being mirrored and is marked stale', async () => {
  await using vm = await createVM({ files: { '/home/user/log': 'start\n' } });
  const doc = new Y.Doc();
  const files = new OpenFiles(doc, vm, { maxBytes: 1000 });
  const text = files.open('/home/user/log', 'a');
  await vm.exec('seq 1 1000 >> /home/user/log');
  await Promise.resolve();
  assert.equal(text.toString(), 'start\n');
  assert.equal((doc.getMap('open').get('/home/user/log') as { stale?: string }).stale, 'EFBIG');
  // Remote edits no longer overwrite the big file.
  text.insert(0, 'x');
  assert.equal((await vm.fs.stat('/home/user/log')).size, 6 + 3893);
  await vm.exec('echo small > /home/user/log');
  await Promise.resolve();
  assert.equal(text.toString(), 'small\n');
  assert.equal((doc.getMap('open').get('/home/user/log') as { stale?: string }).stale, undefined);
  files.dispose();
});
