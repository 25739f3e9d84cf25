// flushAll() records a VM's whole difference from the base image (a session started from an
// existing VM): only what differs, plus tombstones for base files it lacks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../kernel/vm.ts';
import { FileSync, applyFileRecords, type FileRecord } from '../../actors/filesync.ts';
import { diffTrees, treeOf } from './sqlite-helper.ts';

const ROOT = { cwd: '/', uid: 0, gid: 0, umask: 0o022 };

test('flushAll of a changed VM restores to the same tree with only the differences recorded', async () => {
  const vm = await createVM();
  await vm.exec('mkdir -p proj/src; echo "int main;" > proj/src/m.c; ln -s src proj/s; chmod 700 proj');
  vm.kernel.vfs.unlink(ROOT, '/etc/hosts');
  vm.kernel.vfs.chmod(ROOT, '/etc/passwd', 0o600);
  vm.kernel.vfs.rename(ROOT, '/usr/share', '/usr/shared');
  const src = vm.fork(); // what a session would be started from
  const got: FileRecord[] = [];
  const sync = new FileSync(src, (r) => got.push(...r));
  const n = sync.flushAll();
  assert.equal(n, got.length);
  assert.ok(n > 5 && n < 20, `only the differences are recorded (${n})`);
  const by = new Map(got.map((r) => [r.path, r]));
  assert.equal(by.get('/etc/hosts')?.type, 'deleted');
  assert.equal(by.get('/usr/share')?.type, 'deleted');
  assert.equal(by.get('/etc/passwd')?.mode, 0o600);
  assert.equal(by.has('/bin/ls'), false);

  const restored = await createVM();
  applyFileRecords(restored, got);
  assert.deepEqual(diffTrees(treeOf(restored, { mtimes: true }), treeOf(src, { mtimes: true })), []);
  sync.dispose();
});
