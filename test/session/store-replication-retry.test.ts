// A failing SQLite transaction loses nothing: it is rolled back, the records stay queued (and in
// the journal), the failure is logged once, and the timer retries until it succeeds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SessionStore } from '../../actors/store.ts';
import { openSqlite, tempDir } from './sqlite-helper.ts';

const count = (db: ReturnType<typeof openSqlite>, table: string) =>
  Number((db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);

test('failed replication is rolled back, logged once, retried, and nothing is lost', async (t) => {
  const errors = t.mock.method(console, 'error', () => {});
  const dir = tempDir(t);
  const db = openSqlite(join(dir, 'a.sqlite'));
  const journalPath = join(dir, 'j.log');
  const { store } = await SessionStore.open({ db, journalPath, replicateMs: 5 });
  db.failWhen = (sql) => sql.startsWith('INSERT OR REPLACE INTO meta'); // the last statement
  store.appendDocUpdate(new Uint8Array([1, 2, 3]));
  store.putFiles([{ path: '/a', type: 'file', mode: 0o644, uid: 0, gid: 0, mtimeMs: 1, data: new Uint8Array([9]) }]);
  store.setMeta('cwd', '/tmp');
  await assert.rejects(store.replicate(), /injected failure/);
  assert.equal(count(db, 'files'), 0, 'rolled back');
  assert.equal(count(db, 'doc_updates'), 0, 'rolled back');
  assert.equal(store.stats().pending, 3);
  assert.ok(db.calls.includes('ROLLBACK'));

  await new Promise((r) => setTimeout(r, 60)); // the timer keeps trying and failing
  store.appendDocUpdate(new Uint8Array([4]));
  await new Promise((r) => setTimeout(r, 30));
  assert.ok(db.calls.filter((c) => c === 'ROLLBACK').length >= 3);
  assert.equal(errors.mock.callCount(), 1, 'logged once');
  assert.equal(store.stats().pending, 4);
  assert.ok(store.stats().journalBytes > 12);

  db.failWhen = null;
  for (let i = 0; i < 200 && store.stats().pending > 0; i++) await new Promise((r) => setTimeout(r, 5));
  assert.equal(store.stats().pending, 0, 'the timer replicated after the failure cleared');
  assert.equal(store.stats().journalBytes, 12, 'journal emptied to its header');
  assert.equal(count(db, 'doc_updates'), 2);
  await store.close();

  const { store: again, loaded } = await SessionStore.open({ db, journalPath });
  assert.deepEqual(loaded.docUpdates, [new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
  assert.deepEqual(loaded.meta, { cwd: '/tmp' });
  assert.deepEqual(loaded.files.map((f) => [f.path, [...f.data!]]), [['/a', [9]]]);
  await again.close();
  db.close();
});
