// With a db that offers transaction() (RivetKit's does), replication runs inside it instead of
// issuing BEGIN/COMMIT itself, and a failure inside rolls the whole batch back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SessionStore } from '../../actors/store.ts';
import { openSqlite, tempDir } from './sqlite-helper.ts';

test('replication goes through db.transaction when present', async (t) => {
  t.mock.method(console, 'error', () => {});
  const dir = tempDir(t);
  const db = openSqlite(join(dir, 'a.sqlite'), { transaction: true });
  const { store } = await SessionStore.open({ db, journalPath: join(dir, 'j.log'), replicateMs: 60_000 });
  store.setMeta('a', '1');
  store.appendDocUpdate(new Uint8Array([7]));
  db.failWhen = (sql) => sql.startsWith('INSERT OR REPLACE INTO meta');
  await assert.rejects(store.replicate());
  assert.ok(db.calls.includes('tx:ROLLBACK'));
  assert.equal(Number((db.raw.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n), 0);
  db.failWhen = null;
  db.calls.length = 0;
  await store.replicate();
  assert.equal(db.calls[0], 'tx:BEGIN');
  assert.equal(db.calls.at(-1), 'tx:COMMIT');
  assert.ok(!db.calls.includes('BEGIN') && !db.calls.includes('COMMIT'), 'no manual BEGIN/COMMIT');
  assert.equal(store.stats().pending, 0);
  await store.close();
  db.close();
});
