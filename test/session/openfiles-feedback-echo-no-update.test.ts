import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('writing a remote edit to the file fires a watch event that produces no doc update', async () => {
  await using vm = await createVM({ files: { '/home/user/f.txt': 'abc\n' } });
  const server = new Y.Doc();
  const files = new OpenFiles(server, vm);
  files.open('/home/user/f.txt', 'alice');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  client.on('update', (u: Uint8Array) => Y.applyUpdate(server, u, 'ws'));
  let events = 0;
  vm.fs.watch((ev) => { if (ev.path === '/home/user/f.txt') events++; });
  const updates: unknown[] = [];
  server.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin));
  for (let i = 0; i < 5; i++) {
    client.getText('file:/home/user/f.txt').insert(1, String(i));
    await tick(0);
  }
  assert.equal(await vm.fs.readFile('/home/user/f.txt', 'utf8'), 'a43210bc\n');
  assert.ok(events >= 5, `${events} watch events`);
  assert.deepEqual(updates, ['ws', 'ws', 'ws', 'ws', 'ws'], 'only the remote updates themselves');
  files.dispose();
});
