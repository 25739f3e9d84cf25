// Updates the server cannot fully resolve are refused: Yjs would keep their structs or deletions
// "pending" and apply them later against a doc that has moved on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { checkUpdate, inspectUpdate } from '../../actors/guard.ts';
import { capture, files } from './guard-helpers.ts';

test('typing after text the server has never seen is unresolved', () => {
  const server = new Y.Doc();
  const other = new Y.Doc(); // a peer whose edits never reached the server
  other.getText('file:/a').insert(0, 'unseen');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(other));
  const u = capture(client, () => client.getText('file:/a').insert(3, 'X'));
  const i = inspectUpdate(server, u);
  assert.equal(i.unresolved, true);
  assert.match(i.reason ?? '', /never seen/);
  const r = checkUpdate(server, u, files);
  assert.equal(r.ok, false);
  assert.match(r.reason ?? '', /unresolvable/);
  Y.applyUpdate(server, u); // what Yjs would do: keep it pending
  assert.notEqual(server.store.pendingStructs, null);
});

test('deleting a range the server has never seen is unresolved', () => {
  const server = new Y.Doc();
  const other = new Y.Doc();
  other.getText('file:/a').insert(0, 'unseen');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(other));
  const u = capture(client, () => client.getText('file:/a').delete(0, 2));
  assert.equal(checkUpdate(server, u, files).ok, false);
  Y.applyUpdate(server, u);
  assert.notEqual(server.store.pendingDs, null, 'Yjs would keep the deletion pending');
});

test('a gap in one client\'s clock (a skipped earlier update) is unresolved', () => {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const first = capture(client, () => client.getText('file:/a').insert(0, 'one'));
  const second = capture(client, () => client.getMap('file:m').set('k', 1)); // no reference to `first`
  assert.equal(checkUpdate(server, first, files).ok, true);
  const r = checkUpdate(server, second, files);
  assert.equal(r.ok, false);
  assert.match(r.reason ?? '', /missing updates/);
});

test('a pending forged deletion of future server items would later delete them: refused now', () => {
  const server = new Y.Doc();
  server.getArray('events').push(['e0']);
  const forger = new Y.Doc();
  Y.applyUpdate(forger, Y.encodeStateAsUpdate(server));
  const future = new Y.Doc();
  future.clientID = server.clientID;
  Y.applyUpdate(future, Y.encodeStateAsUpdate(server));
  future.getArray('events').push(['e1', 'e2']); // what the server will write next
  Y.applyUpdate(forger, Y.encodeStateAsUpdate(future));
  const u = capture(forger, () => forger.getArray('events').delete(1, 2));
  assert.equal(checkUpdate(server, u, () => true).ok, false, 'unresolved even if every root were allowed');
});

test('garbage bytes are refused, not thrown', () => {
  const server = new Y.Doc();
  for (const bytes of [new Uint8Array([1, 2, 3]), new Uint8Array([255, 255, 255, 255, 255]), new Uint8Array(0), new Uint8Array([1, 1, 5, 0, 4])]) {
    const r = checkUpdate(server, bytes, files);
    assert.equal(r.ok, false);
    assert.match(r.reason ?? '', /unresolvable/);
  }
});
