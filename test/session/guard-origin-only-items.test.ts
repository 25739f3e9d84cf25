// Typing in the middle of existing text encodes items with origins only (no parent): the root must
// come from the origin's item in the server's store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { checkUpdate } from '../../actors/guard.ts';
import { capture, files } from './guard-helpers.ts';

function setup() {
  const server = new Y.Doc();
  server.getText('file:/a').insert(0, 'abcdef');
  server.getText('terminal').insert(0, 'uvwxyz');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

function originOnly(u: Uint8Array): boolean {
  const { structs } = Y.decodeUpdate(u);
  return structs.length > 0 && structs.every(s => s instanceof Y.Item && s.parent === null && (s.origin !== null || s.rightOrigin !== null));
}

test('typing mid-text in a file: items carry only origins, resolved to the file root', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('file:/a').insert(3, 'X'));
  assert.ok(originOnly(u));
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:/a'] });
});

test('typing at the very start (right origin only) resolves too', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('file:/a').insert(0, '>'));
  const s = Y.decodeUpdate(u).structs[0] as Y.Item;
  assert.equal(s.origin, null);
  assert.notEqual(s.rightOrigin, null);
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:/a'] });
});

test('a chain of keystrokes whose origins are earlier items of the same update', () => {
  const { server, client } = setup();
  const u = capture(client, () => {
    const t = client.getText('file:/a');
    t.insert(2, '1'); t.insert(4, '2'); t.insert(3, '3');
  });
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:/a'] });
  Y.applyUpdate(server, u);
  assert.equal(server.getText('file:/a').toString(), client.getText('file:/a').toString());
});

test('typing mid-text in the terminal is refused although no root name is encoded', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('terminal').insert(3, 'X'));
  assert.ok(originOnly(u));
  const r = checkUpdate(server, u, files);
  assert.equal(r.ok, false);
  assert.deepEqual(r.roots, ['terminal']);
});

test('after the server applied earlier keystrokes, later ones resolve via those', () => {
  const { server, client } = setup();
  const t = client.getText('file:/a');
  for (let i = 0; i < 5; i++) {
    const u = capture(client, () => t.insert(2 + i, String(i)));
    assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:/a'] });
    Y.applyUpdate(server, u);
  }
  assert.equal(server.getText('file:/a').toString(), 'ab01234cdef');
});
