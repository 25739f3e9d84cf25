// Items inside nested types name their parent by item ID; the guard must walk up to the root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { checkUpdate } from '../../actors/guard.ts';
import { capture, files } from './guard-helpers.ts';

function setup() {
  const server = new Y.Doc();
  const inner = new Y.Map<unknown>();
  server.getMap('file:x').set('meta', inner);
  inner.set('lang', 'ts');
  const deep = new Y.Map<unknown>();
  inner.set('deep', deep);
  deep.set('k', 1);
  const innerEv = new Y.Map<unknown>();
  server.getMap('open').set('/a', innerEv);
  innerEv.set('by', 'agent');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

function parentIsId(u: Uint8Array): boolean {
  return Y.decodeUpdate(u).structs.some(s => s instanceof Y.Item && s.parent instanceof Y.ID);
}

test('setting a key of a map nested in an allowed root resolves to that root', () => {
  const { server, client } = setup();
  const u = capture(client, () => (client.getMap('file:x').get('meta') as Y.Map<unknown>).set('tab', 2));
  assert.ok(parentIsId(u), 'the new item names its parent by item ID');
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:x'] });
});

test('overwriting a key of a nested map (origin = previous value) resolves to the root', () => {
  const { server, client } = setup();
  const u = capture(client, () => (client.getMap('file:x').get('meta') as Y.Map<unknown>).set('lang', 'js'));
  assert.equal(parentIsId(u), false);
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:x'] });
});

test('two levels of nesting resolve to the root', () => {
  const { server, client } = setup();
  const meta = client.getMap('file:x').get('meta') as Y.Map<unknown>;
  const u = capture(client, () => (meta.get('deep') as Y.Map<unknown>).set('k2', 2));
  assert.ok(parentIsId(u));
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:x'] });
});

test('a nested map created and filled in the same update resolves through the update itself', () => {
  const { server, client } = setup();
  const u = capture(client, () => {
    const m = new Y.Map<unknown>();
    client.getMap('file:x').set('fresh', m);
    const mm = new Y.Map<unknown>();
    m.set('a', mm);
    mm.set('b', 'c');
  });
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:x'] });
  Y.applyUpdate(server, u);
  assert.deepEqual(server.getMap('file:x').toJSON().fresh, { a: { b: 'c' } });
});

test('a map nested in a forbidden root is refused', () => {
  const { server, client } = setup();
  const u = capture(client, () => (client.getMap('open').get('/a') as Y.Map<unknown>).set('who', 'me'));
  assert.ok(parentIsId(u));
  const r = checkUpdate(server, u, files);
  assert.equal(r.ok, false);
  assert.deepEqual(r.roots, ['open']);
});

test('deleting a key inside a nested forbidden map is refused', () => {
  const { server, client } = setup();
  const u = capture(client, () => (client.getMap('open').get('/a') as Y.Map<unknown>).delete('by'));
  assert.deepEqual(checkUpdate(server, u, files).roots, ['open']);
  assert.equal(checkUpdate(server, u, files).ok, false);
});

test('inserting into a nested type the server already deleted and GCed touches nothing', () => {
  const { server, client } = setup();
  const u = capture(client, () => (client.getMap('open').get('/a') as Y.Map<unknown>).set('late', 1));
  server.getMap('open').delete('/a'); // server GCs the nested map's content meanwhile
  const r = checkUpdate(server, u, () => false);
  assert.deepEqual(r, { ok: true, roots: [] });
  Y.applyUpdate(server, u);
  assert.deepEqual(server.getMap('open').toJSON(), {});
});
