// An item the server partly knows is re-linked by Yjs after the stored struct at (client, state-1):
// legitimate in reconnect races, but a forged one would splice text into another (server-owned) type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { checkUpdate } from '../../actors/guard.ts';

const files = (name: string) => name.startsWith('file:');

test('reconnect race: sync step 2 re-sending a merged, half-known item is allowed', () => {
  const server = new Y.Doc();
  server.getText('file:/a').insert(0, 'text');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(server); // server's step 1, before the keystrokes arrive
  const sent: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => sent.push(u));
  client.getText('file:/a').insert(4, 'a');
  client.getText('file:/a').insert(5, 'b'); // merges with 'a' into one item on the client
  Y.applyUpdate(server, sent[0]); // 'a' arrives first
  const step2 = Y.encodeStateAsUpdate(client, sv);
  const item = Y.decodeUpdate(step2).structs[0] as Y.Item;
  assert.equal(item.length, 2, 'one item "ab"');
  assert.ok(item.id.clock < Y.getState(server.store, client.clientID), 'partly known');
  assert.deepEqual(checkUpdate(server, step2, files), { ok: true, roots: ['file:/a'] });
  Y.applyUpdate(server, step2);
  assert.equal(server.getText('file:/a').toString(), 'textab');
});

test('a forged half-known item continuing a terminal struct is refused', () => {
  const server = new Y.Doc();
  const victim = new Y.Doc(); // some client id whose first struct lives in 'terminal'
  victim.clientID = 4242;
  victim.getText('terminal').insert(0, 'z');
  Y.applyUpdate(server, Y.encodeStateAsUpdate(victim));
  const forger = new Y.Doc();
  forger.clientID = 4242;
  let u: Uint8Array | null = null;
  forger.on('update', (x: Uint8Array) => { u = x; });
  forger.getText('file:x').insert(0, 'ab'); // claims root 'file:x', clock 0..1
  const r = checkUpdate(server, u!, files);
  assert.equal(r.ok, false);
  assert.match(r.reason ?? '', /another type/);
  // the hazard is real: applied anyway, the 'b' lands in the terminal's item list
  Y.applyUpdate(server, u!);
  assert.notEqual(server.getText('terminal').toString(), 'z');
});

test('the same forged item is fine when the known part really is in that file', () => {
  const server = new Y.Doc();
  const a = new Y.Doc();
  a.clientID = 77;
  a.getText('file:x').insert(0, 'a');
  Y.applyUpdate(server, Y.encodeStateAsUpdate(a));
  const b = new Y.Doc();
  b.clientID = 77;
  let u: Uint8Array | null = null;
  b.on('update', (x: Uint8Array) => { u = x; });
  b.getText('file:x').insert(0, 'ab');
  assert.deepEqual(checkUpdate(server, u!, files), { ok: true, roots: ['file:x'] });
});
