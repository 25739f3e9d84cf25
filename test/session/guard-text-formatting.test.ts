// Formatting a file text inserts ContentFormat items into the text: allowed there, refused elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { checkUpdate } from '../../actors/guard.ts';
import { capture, files } from './guard-helpers.ts';

function setup() {
  const server = new Y.Doc();
  server.getText('file:/a.md').insert(0, 'some plain text');
  server.getText('terminal').insert(0, 'prompt$ ');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

test('bold over a range of a file text is allowed', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('file:/a.md').format(5, 5, { bold: true }));
  assert.ok(Y.decodeUpdate(u).structs.some(s => s instanceof Y.Item && s.content instanceof Y.ContentFormat));
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:/a.md'] });
  Y.applyUpdate(server, u);
  assert.deepEqual(server.getText('file:/a.md').toDelta()[1], { insert: 'plain', attributes: { bold: true } });
});

test('removing formatting again (deletes format items) is allowed', () => {
  const { server, client } = setup();
  Y.applyUpdate(server, capture(client, () => client.getText('file:/a.md').format(0, 4, { italic: true })));
  const u = capture(client, () => client.getText('file:/a.md').format(0, 4, { italic: null }));
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:/a.md'] });
});

test('inserting formatted text is allowed', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('file:/a.md').insert(4, ' bold', { bold: true }));
  assert.deepEqual(checkUpdate(server, u, files), { ok: true, roots: ['file:/a.md'] });
});

test('formatting the terminal text is refused', () => {
  const { server, client } = setup();
  const u = capture(client, () => client.getText('terminal').format(0, 6, { color: 'red' }));
  const r = checkUpdate(server, u, files);
  assert.equal(r.ok, false);
  assert.deepEqual(r.roots, ['terminal']);
});
