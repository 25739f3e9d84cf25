import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

test('the minimal diff never splits a surrogate pair (emoji sharing a high surrogate)', async () => {
  await using vm = await createVM({ files: { '/home/user/e.txt': 'a😀b 😀\n' } });
  const server = new Y.Doc();
  const files = new OpenFiles(server, vm);
  files.open('/home/user/e.txt', 'a');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  server.on('update', (u: Uint8Array, o: unknown) => { if (o !== 'ws') Y.applyUpdate(client, u); });
  client.on('update', (u: Uint8Array) => Y.applyUpdate(server, u, 'ws'));
  // 😀 is D83D DE00, 😁 is D83D DE01: only the low halves differ; 🈀 is D83C DE00: only the high halves differ.
  await vm.fs.writeFile('/home/user/e.txt', 'a😁b 🈀\n');
  await Promise.resolve();
  assert.equal(client.getText('file:/home/user/e.txt').toString(), 'a😁b 🈀\n');
  client.getText('file:/home/user/e.txt').insert(0, '>');
  assert.equal(await vm.fs.readFile('/home/user/e.txt', 'utf8'), '>a😁b 🈀\n');
  files.dispose();
});
