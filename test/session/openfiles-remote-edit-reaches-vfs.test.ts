import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

test('a remote client edit to an open text is written to the file at once', async () => {
  await using vm = await createVM({ files: { '/home/user/a.txt': 'hello world\n' } });
  await vm.fs.chmod('/home/user/a.txt', 0o640);
  const server = new Y.Doc();
  const files = new OpenFiles(server, vm);
  const text = files.open('/home/user/a.txt', 'alice');
  assert.equal(text.toString(), 'hello world\n');
  assert.deepEqual(files.paths(), ['/home/user/a.txt']);
  assert.equal((server.getMap('open').get('/home/user/a.txt') as { by: string }).by, 'alice');

  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  client.on('update', (u: Uint8Array) => Y.applyUpdate(server, u, 'ws'));
  const ct = client.getText('file:/home/user/a.txt');
  assert.equal(ct.toString(), 'hello world\n');
  ct.insert(6, 'big ');
  // Synchronous: no tick needed.
  assert.equal(await vm.fs.readFile('/home/user/a.txt', 'utf8'), 'hello big world\n');
  assert.equal((await vm.exec('cat /home/user/a.txt')).stdout, 'hello big world\n');
  assert.equal((await vm.fs.stat('/home/user/a.txt')).mode & 0o777, 0o640, 'the mode is kept');
  files.dispose();
});

test('open() of a missing file creates it empty, owned by the VM user', async () => {
  await using vm = await createVM();
  const server = new Y.Doc();
  const files = new OpenFiles(server, vm);
  const text = files.open('/home/user/new.txt', 'bob');
  assert.equal(text.toString(), '');
  assert.equal(files.isOpen('/home/user/./new.txt'), true);
  const st = await vm.fs.stat('/home/user/new.txt');
  assert.equal(st.size, 0);
  assert.equal(st.uid, 1000);
  assert.equal(files.open('/home/user/new.txt', 'carol'), text, 'opening again returns the same text');
  server.getText('file:/home/user/new.txt').insert(0, 'typed');
  assert.equal(await vm.fs.readFile('/home/user/new.txt', 'utf8'), 'typed');
  files.dispose();
});
