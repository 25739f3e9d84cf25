import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

test('echo x >> f in the VM reaches the text (and remote clients) as a small insert', async () => {
  const big = 'line\n'.repeat(20000);
  await using vm = await createVM({ files: { '/home/user/f': big } });
  const server = new Y.Doc();
  const origin = Symbol('openfiles');
  const files = new OpenFiles(server, vm, { origin });
  const text = files.open('/home/user/f', 'agent');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const sizes: number[] = [];
  server.on('update', (u: Uint8Array, o: unknown) => {
    assert.equal(o, origin);
    sizes.push(u.length);
    Y.applyUpdate(client, u);
  });
  await vm.exec('echo x >> f');
  await Promise.resolve();
  assert.equal(text.toString(), big + 'x\n');
  assert.equal(client.getText('file:/home/user/f').toString(), big + 'x\n');
  assert.equal(sizes.length, 1);
  assert.ok(sizes[0]! < 100, `minimal diff: update of ${sizes[0]} bytes`);

  // A rewrite by rename (as sed -i does) that prepends a line is a small insert too.
  await vm.exec("printf 'HEAD\\n' > f2 && cat f >> f2 && mv f2 f");
  await Promise.resolve();
  assert.equal(text.toString(), 'HEAD\n' + big + 'x\n');
  assert.equal(sizes.length, 2, `updates: ${sizes.join(",")}`);
  assert.ok(sizes[1]! < 100, `minimal diff: update of ${sizes[1]} bytes`);
  files.dispose();
});
