// A driver's insertions and deletions in a 'file:' Y.Text are recognised as touching only that root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { checkUpdate } from '../../actors/guard.ts';

const files = (name: string) => name.startsWith('file:');

function capture(doc: Y.Doc, fn: () => void): Uint8Array {
  const parts: Uint8Array[] = [];
  const h = (u: Uint8Array) => parts.push(u);
  doc.on('update', h);
  doc.transact(fn);
  doc.off('update', h);
  assert.ok(parts.length > 0, 'change produced an update');
  return parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
}

function setup() {
  const server = new Y.Doc();
  server.getText('file:/a').insert(0, 'hello world\n');
  server.getArray('events').push([{ t: 'boot' }]);
  server.getText('terminal').insert(0, '$ ');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

test('appending to a file text is allowed and names the root', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('file:/a').insert(12, 'more\n'));
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:/a'] });
  Y.applyUpdate(server, u);
  assert.equal(server.getText('file:/a').toString(), 'hello world\nmore\n');
});

test('deleting a range of a file text is allowed', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('file:/a').delete(0, 6));
  const r = checkUpdate(server, u, files);
  assert.deepEqual(r, { ok: true, roots: ['file:/a'] });
  Y.applyUpdate(server, u);
  assert.equal(server.getText('file:/a').toString(), 'world\n');
});

test('creating a brand-new file text root is allowed', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('file:/new.txt').insert(0, 'x'));
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:/new.txt'] });
});

test('the same edit is refused when the predicate denies that file', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('file:/a').insert(0, '#'));
  const r = checkUpdate(server, u, (n) => n === 'file:/b');
  assert.equal(r.ok, false);
  assert.deepEqual(r.roots, ['file:/a']);
  assert.match(r.reason ?? '', /"file:\/a"/);
});

test('observer (nothing allowed) cannot edit a file', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('file:/a').insert(3, 'X'));
  assert.equal(checkUpdate(server, u, () => false).ok, false);
});

test('checkUpdate does not modify the server doc', () => {
  const { server, client } = setup();
  const before = Y.encodeStateAsUpdate(server);
  const u = capture(client, () => { client.getText('file:/a').insert(3, 'X'); client.getArray('events').push([1]); });
  checkUpdate(server, u, files);
  assert.deepEqual(Y.encodeStateAsUpdate(server), before);
  assert.equal(server.share.has('file:/new'), false);
});
