import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

const P = '/home/user/race.txt';
const ROOT = { cwd: '/', uid: 0, gid: 0, umask: 0o022 };

test('a remote edit arriving before the watch event of a file write does not lose the write', async () => {
  await using vm = await createVM({ files: { [P]: 'alpha\nbeta\n' } });
  const server = new Y.Doc();
  const files = new OpenFiles(server, vm);
  files.open(P, 'agent');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  client.getText('file:' + P).insert(0, '# ');
  const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
  // The agent rewrites the file; its 'modify' event is only delivered in a microtask...
  vm.kernel.vfs.writeFile(ROOT, P, new TextEncoder().encode('alpha\nbeta\ngamma\n'));
  // ...but the remote update is applied first, synchronously.
  Y.applyUpdate(server, update, 'ws');
  const want = '# alpha\nbeta\ngamma\n';
  assert.equal(server.getText('file:' + P).toString(), want);
  assert.equal(await vm.fs.readFile(P, 'utf8'), want);
  await Promise.resolve();
  await Promise.resolve();
  assert.equal(server.getText('file:' + P).toString(), want);
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
  assert.equal(client.getText('file:' + P).toString(), want);
  files.dispose();
});
