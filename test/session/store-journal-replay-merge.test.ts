// open() = SQLite state + journal records newer than the replicated seq: last file record per
// path wins (a tombstone drops the subtree), meta overrides, doc updates in order; records that
// were committed but not yet cut from the journal (kill between COMMIT and truncation) are not
// applied twice.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { copyFileSync } from 'node:fs';
import { SessionStore } from '../../actors/store.ts';
import type { FileRecord } from '../../actors/filesync.ts';
import { openSqlite, tempDir } from './sqlite-helper.ts';

const f = (path: string, v: number): FileRecord => ({ path, type: 'file', mode: 0o644, uid: 1, gid: 1, mtimeMs: v, data: new Uint8Array([v]) });
const d = (path: string): FileRecord => ({ path, type: 'dir', mode: 0o755, uid: 1, gid: 1, mtimeMs: 0 });
const gone = (path: string): FileRecord => ({ path, type: 'deleted', mode: 0, uid: 0, gid: 0, mtimeMs: 0 });
const summary = (files: FileRecord[]) => files.map((r) => `${r.path}:${r.type}${r.data ? `=${r.data[0]}` : ''}`);

test('SQLite rows and newer journal records merge; committed records are not replayed twice', async (t) => {
  const dir = tempDir(t);
  const db = openSqlite(join(dir, 'a.sqlite'));
  const journalPath = join(dir, 'j.log');
  const { store } = await SessionStore.open({ db, journalPath, replicateMs: 60_000 });
  store.putFiles([f('/a', 1), d('/b'), f('/b/x', 1), d('/b/y'), f('/b/y/z', 1), f('/c', 1)]);
  store.setMeta('k', '1');
  store.setMeta('keep', 'yes');
  store.appendDocUpdate(new Uint8Array([1]));
  await store.replicate();                                   // in SQLite
  store.putFiles([f('/a', 2), gone('/b'), d('/b'), f('/b/new', 2)]);
  store.setMeta('k', '2');
  store.appendDocUpdate(new Uint8Array([2]));                // only in the journal

  const want = ['/a:file=2', '/b:dir', '/b/new:file=2', '/c:file=1'];
  const first = await SessionStore.open({ db, journalPath, replicateMs: 60_000 });
  assert.deepEqual(summary(first.loaded.files), want);
  assert.deepEqual(first.loaded.meta, { k: '2', keep: 'yes' });
  assert.deepEqual(first.loaded.docUpdates, [new Uint8Array([1]), new Uint8Array([2])]);

  copyFileSync(journalPath, join(dir, 'before-commit.log'));
  await first.store.replicate();                              // commits, then cuts the journal
  assert.equal(first.store.stats().pending, 0);
  const paths = db.raw.prepare('SELECT path FROM files ORDER BY path').all().map((r) => r.path);
  assert.deepEqual(paths, ['/a', '/b', '/b/new', '/c'], 'the tombstone dropped /b\'s old rows from SQLite');
  await first.store.close();
  copyFileSync(join(dir, 'before-commit.log'), journalPath);  // as if killed before the cut

  const second = await SessionStore.open({ db, journalPath, replicateMs: 60_000 });
  assert.deepEqual(summary(second.loaded.files), want);
  assert.deepEqual(second.loaded.docUpdates, [new Uint8Array([1]), new Uint8Array([2])], 'no update twice');
  assert.equal(second.store.stats().pending, 0);
  second.store.appendDocUpdate(new Uint8Array([3]));
  await second.store.close();
  const third = await SessionStore.open({ db, journalPath });
  assert.deepEqual(third.loaded.docUpdates.map((u) => u[0]), [1, 2, 3], 'new seqs are above the replicated one');
  await third.store.close();
  db.close();
});
