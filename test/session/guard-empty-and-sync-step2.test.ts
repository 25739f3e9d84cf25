// y-websocket clients routinely send sync-step-2 replies: empty ones, and ones carrying their whole
// delete set (deletions the server made itself). Neither may be refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { checkUpdate, inspectUpdate } from '../../actors/guard.ts';

const none = () => false;

test('the canonical empty update is empty and ok even for observers', () => {
  const server = new Y.Doc();
  server.getText('terminal').insert(0, 'x');
  const empty = new Uint8Array([0, 0]);
  assert.deepEqual(inspectUpdate(server, empty), { empty: true, roots: new Set(), unresolved: false });
  assert.deepEqual(checkUpdate(server, empty, none), { ok: true, roots: [] });
});

test('sync step 2 from a client that has nothing new is empty', () => {
  const server = new Y.Doc();
  server.getArray('events').push(['a', 'b']);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
  assert.equal(inspectUpdate(server, step2).empty, true);
  assert.equal(checkUpdate(server, step2, none).ok, true);
});

test('sync step 2 repeating server-made deletions is ok for an observer (touches no root)', () => {
  const server = new Y.Doc();
  server.getText('terminal').insert(0, 'scrollback that gets trimmed\n');
  server.getArray('events').push(['old', 'new']);
  server.getText('terminal').delete(0, 11);
  server.getArray('events').delete(0, 1);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
  const { structs, ds } = Y.decodeUpdate(step2);
  assert.equal(structs.length, 0);
  assert.ok(ds.clients.size > 0, 'the delete set is not empty');
  const i = inspectUpdate(server, step2);
  assert.equal(i.empty, false);
  assert.deepEqual([...i.roots], []);
  assert.deepEqual(checkUpdate(server, step2, none), { ok: true, roots: [] });
});

test('sync step 2 carrying an offline file edit plus old deletions names only the file', () => {
  const server = new Y.Doc();
  server.getText('terminal').insert(0, 'abc');
  server.getText('terminal').delete(0, 1);
  server.getText('file:/a').insert(0, 'text');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  client.getText('file:/a').insert(2, '--');
  client.getText('file:/a').delete(0, 1);
  const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
  assert.deepEqual(checkUpdate(server, step2, n => n.startsWith('file:')), { ok: true, roots: ['file:/a'] });
  assert.equal(checkUpdate(server, step2, none).ok, false);
});

test('an update whose items are all already known changes nothing and is ok', () => {
  const server = new Y.Doc();
  const client = new Y.Doc();
  let last: Uint8Array | null = null;
  client.on('update', (u: Uint8Array) => { last = u; });
  client.getText('file:/a').insert(0, 'hi');
  Y.applyUpdate(server, last!);
  assert.deepEqual(checkUpdate(server, last!, none), { ok: true, roots: [] });
});
