// Hand-encoded updates no Yjs client produces (cycles, self references, Skip gaps, duplicated
// clients, neighbours in two types, GC placeholders) are classified without throwing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { checkUpdate } from '../../actors/guard.ts';

const all = () => true;
const files = (name: string) => name.startsWith('file:');

type S = Y.Item | Y.GC | Y.Skip;
function encode(groups: Array<[client: number, clock: number, structs: S[]]>): Uint8Array {
  const enc = new Y.UpdateEncoderV1();
  encoding.writeVarUint(enc.restEncoder, groups.length);
  for (const [client, clock, structs] of groups) {
    encoding.writeVarUint(enc.restEncoder, structs.length);
    enc.writeClient(client);
    encoding.writeVarUint(enc.restEncoder, clock);
    for (const s of structs) s.write(enc, 0);
  }
  encoding.writeVarUint(enc.restEncoder, 0); // empty delete set
  return enc.toUint8Array();
}
function str(client: number, clock: number, text: string, o: { origin?: Y.ID; right?: Y.ID; parent?: string | Y.ID }): Y.Item {
  return new Y.Item(Y.createID(client, clock), null, o.origin ?? null, null, o.right ?? null,
    (o.parent ?? null) as unknown as Y.ID | null, null, new Y.ContentString(text));
}
const id = Y.createID;

function serverWithTexts() {
  const server = new Y.Doc();
  server.clientID = 1;
  server.getText('file:x').insert(0, 'abc');   // 1:0..2
  server.getText('terminal').insert(0, 'xyz'); // 1:3..5
  return server;
}

test('sanity: a hand-encoded item with a root name is accepted', () => {
  const u = encode([[9, 0, [str(9, 0, 'hi', { parent: 'file:x' })]]]);
  assert.deepEqual(checkUpdate(serverWithTexts(), u, files), { ok: true, roots: ['file:x'] });
});

test('a dependency cycle between two clients is refused', () => {
  const u = encode([
    [7, 0, [str(7, 0, 'a', { origin: id(8, 0) })]],
    [8, 0, [str(8, 0, 'b', { origin: id(7, 0) })]],
  ]);
  const r = checkUpdate(serverWithTexts(), u, all);
  assert.equal(r.ok, false);
  assert.match(r.reason ?? '', /cycle/);
});

test('an item whose origin is its own future is refused', () => {
  const u = encode([[7, 0, [str(7, 0, 'a', { origin: id(7, 5) })]]]);
  assert.equal(checkUpdate(serverWithTexts(), u, all).ok, false);
});

test('structs after a Skip are refused (Yjs would keep them pending)', () => {
  const u = encode([[7, 0, [new Y.Skip(id(7, 0), 3), str(7, 3, 'a', { parent: 'file:x' })]]]);
  const r = checkUpdate(serverWithTexts(), u, all);
  assert.equal(r.ok, false);
  assert.match(r.reason ?? '', /missing updates/);
});

test('a client listed twice is refused', () => {
  const u = encode([
    [7, 0, [str(7, 0, 'a', { parent: 'file:x' })]],
    [7, 1, [str(7, 1, 'b', { parent: 'file:x' })]],
  ]);
  const r = checkUpdate(serverWithTexts(), u, all);
  assert.equal(r.ok, false);
  assert.match(r.reason ?? '', /twice/);
  const server = serverWithTexts();
  Y.applyUpdate(server, u); // Yjs drops the first group and parks the second
  assert.notEqual(server.store.pendingStructs, null);
  assert.equal(server.share.get('file:x')?.toString(), 'abc');
});

test('an item with its left origin in a file and its right origin in the terminal is refused', () => {
  const u = encode([[7, 0, [str(7, 0, '!', { origin: id(1, 0), right: id(1, 4) })]]]);
  const r = checkUpdate(serverWithTexts(), u, files);
  assert.equal(r.ok, false);
  assert.match(r.reason ?? '', /two different types/);
});

test('GC placeholders and items hanging off them touch nothing', () => {
  const server = serverWithTexts();
  const u = encode([[7, 0, [new Y.GC(id(7, 0), 4), str(7, 4, 'zz', { origin: id(7, 3) })]]]);
  assert.deepEqual(checkUpdate(server, u, () => false), { ok: true, roots: [] });
  Y.applyUpdate(server, u);
  assert.equal(server.getText('file:x').toString(), 'abc');
  assert.equal(server.store.pendingStructs, null);
});

test('an item whose parent ID is not a nested type is integrated as GC: touches nothing', () => {
  const server = serverWithTexts();
  const u = encode([[7, 0, [str(7, 0, 'q', { parent: id(1, 4) })]]]);
  assert.deepEqual(checkUpdate(server, u, () => false), { ok: true, roots: [] });
  Y.applyUpdate(server, u);
  assert.equal(server.getText('terminal').toString(), 'xyz');
});

test('a parent ID the server has never seen is refused', () => {
  const u = encode([[7, 0, [str(7, 0, 'q', { parent: id(3, 0) })]]]);
  assert.match(checkUpdate(serverWithTexts(), u, all).reason ?? '', /never seen/);
});
