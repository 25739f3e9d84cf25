// One update touching an allowed root and a forbidden one is refused as a whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { checkUpdate } from '../../actors/guard.ts';
import { capture, files } from './guard-helpers.ts';

function setup() {
  const server = new Y.Doc();
  server.getText('file:/a').insert(0, 'text');
  server.getArray('events').push(['e1']);
  server.getText('terminal').insert(0, 'term');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

test('file insert + events insert in one transaction is refused, both roots reported', () => {
  const { server, client } = setup();
  const u = capture(client, () => { client.getText('file:/a').insert(4, '!'); client.getArray('events').push(['forged']); });
  const r = checkUpdate(server, u, files);
  assert.equal(r.ok, false);
  assert.deepEqual(new Set(r.roots), new Set(['file:/a', 'events']));
  assert.match(r.reason ?? '', /"events"/);
  assert.doesNotMatch(r.reason ?? '', /file:/);
});

test('file insert + terminal delete (delete set only) is refused', () => {
  const { server, client } = setup();
  const u = capture(client, () => { client.getText('file:/a').insert(0, '#'); client.getText('terminal').delete(0, 2); });
  const r = checkUpdate(server, u, files);
  assert.equal(r.ok, false);
  assert.deepEqual(new Set(r.roots), new Set(['file:/a', 'terminal']));
});

test('two separate updates merged with mergeUpdates: still refused', () => {
  const { server, client } = setup();
  const a = capture(client, () => client.getText('file:/a').insert(0, 'x'));
  const b = capture(client, () => client.getText('terminal').insert(0, 'y'));
  assert.equal(checkUpdate(server, Y.mergeUpdates([a, b]), files).ok, false);
  assert.equal(checkUpdate(server, a, files).ok, true);
});

test('edits to two different file roots are allowed', () => {
  const { server, client } = setup();
  const u = capture(client, () => { client.getText('file:/a').insert(0, 'x'); client.getText('file:/b').insert(0, 'y'); });
  const r = checkUpdate(server, u, files);
  assert.equal(r.ok, true);
  assert.deepEqual(new Set(r.roots), new Set(['file:/a', 'file:/b']));
});
