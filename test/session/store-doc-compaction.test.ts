// Once stored doc update rows exceed compactDocAfter, replication replaces them all by one row
// holding the doc's full state; a doc rebuilt from the stored rows equals the original.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as Y from 'yjs';
import { SessionStore } from '../../actors/store.ts';
import { openSqlite, tempDir } from './sqlite-helper.ts';

test('compaction replaces doc rows by the full state and the reloaded doc is identical', async (t) => {
  const dir = tempDir(t);
  const db = openSqlite(join(dir, 'a.sqlite'));
  const journalPath = join(dir, 'j.log');
  const { store } = await SessionStore.open({ db, journalPath, replicateMs: 60_000, compactDocAfter: 10 });
  const rows = () => Number((db.raw.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n);
  const doc = new Y.Doc();
  doc.on('update', (u: Uint8Array) => store.appendDocUpdate(u));
  const text = doc.getText('t');
  const map = doc.getMap('m');

  for (let i = 0; i < 12; i++) text.insert(text.length, `line ${i}\n`);
  await store.replicate();
  assert.equal(rows(), 12, 'no compactor yet: nothing is compacted');

  store.setDocCompactor(() => Y.encodeStateAsUpdate(doc));
  map.set('k', 'v');
  text.delete(0, 7);
  await store.replicate();
  assert.equal(rows(), 1, 'rows above the limit were replaced by one');

  for (let i = 0; i < 3; i++) map.set(`n${i}`, i);
  await store.replicate();
  assert.equal(rows(), 4);
  text.insert(0, 'journal only\n'); // not replicated before the "crash"

  const db2 = openSqlite(join(dir, 'a.sqlite'));
  const { store: store2, loaded } = await SessionStore.open({ db: db2, journalPath, replicateMs: 60_000, compactDocAfter: 10 });
  const copy = new Y.Doc();
  for (const u of loaded.docUpdates) Y.applyUpdate(copy, u);
  assert.equal(copy.getText('t').toString(), text.toString());
  assert.deepEqual(copy.getMap('m').toJSON(), map.toJSON());
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  assert.deepEqual(Y.encodeStateVector(copy), Y.encodeStateVector(fresh));
  assert.deepEqual(Y.encodeStateAsUpdate(copy), Y.encodeStateAsUpdate(fresh));
  await store2.close();
  db2.close(); db.close();
});
