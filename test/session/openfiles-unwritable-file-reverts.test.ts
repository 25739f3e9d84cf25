import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

const ROOT = { cwd: '/', uid: 0, gid: 0, umask: 0o022 };

test('remote edits to a file the VM user cannot write are reverted to the file content', async () => {
  await using vm = await createVM();
  vm.kernel.vfs.writeFile(ROOT, '/etc/motd', new TextEncoder().encode('root only\n'), 0o644);
  const server = new Y.Doc();
  const files = new OpenFiles(server, vm);
  files.open('/etc/motd', 'mallory');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  server.on('update', (u: Uint8Array, o: unknown) => { if (o !== 'ws') Y.applyUpdate(client, u); });
  client.on('update', (u: Uint8Array) => Y.applyUpdate(server, u, 'ws'));
  client.getText('file:/etc/motd').insert(0, 'hacked ');
  assert.equal(await vm.fs.readFile('/etc/motd', 'utf8'), 'root only\n');
  assert.equal(server.getText('file:/etc/motd').toString(), 'root only\n');
  assert.equal(client.getText('file:/etc/motd').toString(), 'root only\n');
  files.dispose();
});
