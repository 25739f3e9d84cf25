// Every kind of item content (the guard walks the raw encoding to see struct groups) is read
// correctly: legitimate updates carrying them are never mistaken for malformed ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { checkUpdate, inspectUpdate } from '../../actors/guard.ts';

const files = (name: string) => name.startsWith('file:');

test('text with embeds and formats, maps with binary/any/nested xml/subdocs are all resolved', () => {
  const server = new Y.Doc();
  const client = new Y.Doc();
  let u: Uint8Array | null = null;
  client.on('update', (x: Uint8Array) => { u = u === null ? x : Y.mergeUpdates([u, x]); });
  client.transact(() => {
    const t = client.getText('file:/a');
    t.insert(0, 'héllo 🌍 wörld', { bold: true, color: '#f00' });
    t.insertEmbed(3, { image: 'x.png', w: 3 });
    t.format(1, 4, { italic: { nested: [1, 2, null] } });
    const m = client.getMap('file:m');
    m.set('bin', new Uint8Array([0, 1, 255]));
    m.set('any', { a: [1, 2.5, 'neg', true, null, { deep: 'x' }], big: 2 ** 53 - 1 });
    const xml = new Y.XmlElement('div');
    m.set('xml', xml);
    xml.setAttribute('class', 'c');
    xml.insert(0, [new Y.XmlText('inner'), new Y.XmlHook('hook') as unknown as Y.XmlText]);
    m.set('frag', new Y.XmlFragment());
    m.set('sub', new Y.Doc({ guid: 'sub-guid' }));
    m.set('arr', Y.Array.from([1, 'two', { three: 3 }]));
  });
  const r = checkUpdate(server, u!, files);
  assert.equal(r.ok, true, r.reason);
  assert.deepEqual(new Set(r.roots), new Set(['file:/a', 'file:m']));
});

test('deleted (GCed) content in a sync-step-2 reply resolves', () => {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const t = client.getText('file:/a');
  t.insert(0, 'abcdefgh');
  t.delete(2, 4); // GC turns the deleted run into ContentDeleted
  client.getMap('file:m').set('x', Y.Array.from([1, 2]));
  client.getMap('file:m').delete('x');
  const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
  assert.ok(Y.decodeUpdate(step2).structs.some(s => s instanceof Y.Item && s.content instanceof Y.ContentDeleted));
  const r = checkUpdate(server, step2, files);
  assert.equal(r.ok, true, r.reason);
  assert.deepEqual(new Set(r.roots), new Set(['file:/a', 'file:m']));
});

test('legacy ContentJSON items are read', () => {
  const enc = new Y.UpdateEncoderV1();
  encoding.writeVarUint(enc.restEncoder, 1);
  encoding.writeVarUint(enc.restEncoder, 1);
  enc.writeClient(5);
  encoding.writeVarUint(enc.restEncoder, 0);
  new Y.Item(Y.createID(5, 0), null, null, null, null, 'file:j' as unknown as Y.ID, null, new Y.ContentJSON([{ a: 1 }, 'b', undefined])).write(enc, 0);
  encoding.writeVarUint(enc.restEncoder, 0);
  assert.deepEqual(checkUpdate(new Y.Doc(), enc.toUint8Array(), files), { ok: true, roots: ['file:j'] });
});

test('many clients in one update (server state handed to a fresh server) resolve', () => {
  const origin = new Y.Doc();
  for (let c = 0; c < 20; c++) {
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(origin));
    peer.getText('file:/shared').insert(c % 3, `p${c} `);
    peer.getMap('file:meta').set(`k${c}`, { c });
    Y.applyUpdate(origin, Y.encodeStateAsUpdate(peer));
  }
  const i = inspectUpdate(new Y.Doc(), Y.encodeStateAsUpdate(origin));
  assert.equal(i.unresolved, false, i.reason);
  assert.deepEqual(i.roots, new Set(['file:/shared', 'file:meta']));
});
