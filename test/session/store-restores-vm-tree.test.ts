// Files changed in a VM → FileSync → SessionStore (part replicated to SQLite, part only in the
// journal, as after a crash) → a new VM restored from loaded.files has the identical tree.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createVM } from '../../kernel/vm.ts';
import { FileSync, applyFileRecords } from '../../actors/filesync.ts';
import { SessionStore } from '../../actors/store.ts';
import { openSqlite, settle, tempDir, treeOf } from './sqlite-helper.ts';

const ROOT = { cwd: '/', uid: 0, gid: 0, umask: 0o022 };

test('a VM restored from the store has the same tree, contents, modes, owners and mtimes', async (t) => {
  const dir = tempDir(t);
  const db = openSqlite(join(dir, 'actor.sqlite'));
  const { store, loaded } = await SessionStore.open({ db, journalPath: join(dir, 'journal', 'j.log'), replicateMs: 60_000 });
  assert.equal(loaded.files.length, 0);

  const vm = await createVM();
  const sync = new FileSync(vm, (recs) => store.putFiles(recs));
  sync.start();
  let r = await vm.exec('mkdir -p a/b; echo hi > a/b/f; ln -s f a/b/l; chmod 600 a/b/f; printf "\\x00\\xff" > bin.dat; mv a c');
  assert.equal(r.exitCode, 0, r.stderr);
  vm.kernel.vfs.unlink(ROOT, '/etc/hostname');            // a base file, deleted
  vm.kernel.vfs.chown(ROOT, '/home/user/c/b/f', 4242, 77); // an owner the user could not set
  await settle();
  assert.ok(sync.dirty > 0);
  assert.ok(sync.flush() > 0);
  assert.equal(sync.dirty, 0);
  await store.replicate();                                   // this part is in SQLite

  r = await vm.exec('mkdir -p x/y; echo z > x/y/z; echo more >> x/y/z; rm bin.dat; mv c/b/l c/b/l2; chmod 751 x');
  assert.equal(r.stderr, '');
  vm.kernel.vfs.writeFile(ROOT, '/etc/motd', new TextEncoder().encode('welcome\n'), 0o644);
  await settle();
  sync.flush();                                              // this part only in the journal
  assert.ok(store.stats().pending > 0);

  // "Crash": no close(); a new store over the same SQLite file and journal.
  const db2 = openSqlite(join(dir, 'actor.sqlite'));
  const { store: store2, loaded: loaded2 } = await SessionStore.open({ db: db2, journalPath: join(dir, 'journal', 'j.log'), replicateMs: 60_000 });
  const vm2 = await createVM();
  applyFileRecords(vm2, loaded2.files);

  const want = treeOf(vm, { mtimes: true });
  const got = treeOf(vm2, { mtimes: true });
  assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort());
  for (const [p, v] of want) assert.equal(got.get(p), v, p);
  assert.equal(got.has('/etc/hostname'), false, 'a deleted base file stays deleted');
  assert.equal(got.get('/home/user/c/b/l2'), 'symlink -> f');
  assert.match(got.get('/home/user/c/b/f')!, /^file 600 4242:77 /);
  assert.equal(new TextDecoder().decode(vm2.kernel.vfs.readFile(ROOT, '/home/user/c/b/f')), 'hi\n');
  assert.equal((await vm2.exec('cat x/y/z')).stdout, 'z\nmore\n');

  await store2.close();
  db2.close(); db.close();
  sync.dispose();
});
