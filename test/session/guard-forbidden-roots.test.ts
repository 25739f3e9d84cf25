// Writes to server-owned roots (events, terminal, files, session, …) are refused, even for drivers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { checkUpdate } from '../../actors/guard.ts';
import { capture, files } from './guard-helpers.ts';

function setup() {
  const server = new Y.Doc();
  server.getArray('events').push([{ t: 'boot' }, { t: 'exec' }]);
  server.getText('terminal').insert(0, 'line one\nline two\n');
  server.getMap('files').set('/a', { size: 1 });
  server.getMap('sessionInfo').set('title', 'demo');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

test('push into events is refused', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getArray('events').push([{ t: 'forged' }]));
  const r = checkUpdate(server, u, files);
  assert.equal(r.ok, false);
  assert.deepEqual(r.roots, ['events']);
  assert.match(r.reason ?? '', /"events"/);
});

test('delete inside the terminal text is refused', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('terminal').delete(2, 5));
  assert.equal(Y.decodeUpdate(u).structs.length, 0, 'a pure delete: only the delete set');
  const r = checkUpdate(server, u, files);
  assert.equal(r.ok, false);
  assert.deepEqual(r.roots, ['terminal']);
});

test('deleting an event entry is refused', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getArray('events').delete(0, 1));
  assert.deepEqual(checkUpdate(server, u, files), { ok: false, roots: ['events'], reason: checkUpdate(server, u, files).reason });
});

test('setting a key in server maps is refused', () => {
  for (const [root, fn] of [
    ['files', (c: Y.Doc) => c.getMap('files').set('/b', { size: 2 })],
    ['files', (c: Y.Doc) => c.getMap('files').delete('/a')],
    ['sessionInfo', (c: Y.Doc) => c.getMap('sessionInfo').set('title', 'pwned')],
    ['session', (c: Y.Doc) => c.getMap('session').set('x', 1)],
  ] as const) {
    const { server, client } = setup();
    const r = checkUpdate(server, capture(client, () => fn(client)), files);
    assert.equal(r.ok, false, root);
    assert.deepEqual(r.roots, [root]);
  }
});

test('a root merely named like a file prefix is not a file root', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('files:/a').insert(0, 'x'));
  assert.equal(checkUpdate(server, u, files).ok, false);
});
