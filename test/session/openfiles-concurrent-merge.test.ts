import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

const P = '/home/user/doc.md';
const diff = (from: Y.Doc, to: Y.Doc) => Y.encodeStateAsUpdate(from, Y.encodeStateVector(to));

test('two remote clients editing offline and a shell append all merge, in the docs and the file', async () => {
  await using vm = await createVM({ files: { [P]: 'one\ntwo\nthree\n' } });
  const server = new Y.Doc();
  const files = new OpenFiles(server, vm);
  files.open(P, 'agent');
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(server));
  // Concurrent edits none of the others has seen yet.
  a.getText('file:' + P).insert(0, 'A:');
  b.getText('file:' + P).insert('one\ntwo\n'.length, 'B\n');
  await vm.exec(`echo four >> ${P}`);
  await Promise.resolve();
  assert.equal(server.getText('file:' + P).toString(), 'one\ntwo\nthree\nfour\n');
  // Deliver everything everywhere.
  Y.applyUpdate(server, diff(a, server), 'ws');
  Y.applyUpdate(server, diff(b, server), 'ws');
  Y.applyUpdate(a, diff(server, a));
  Y.applyUpdate(b, diff(server, b));
  const want = 'A:one\ntwo\nB\nthree\nfour\n';
  for (const d of [server, a, b]) assert.equal(d.getText('file:' + P).toString(), want);
  assert.equal(await vm.fs.readFile(P, 'utf8'), want);
  await Promise.resolve();
  assert.equal(server.getText('file:' + P).toString(), want);
  files.dispose();
});
