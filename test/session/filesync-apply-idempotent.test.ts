// applyFileRecords: last record per path wins, a non-directory record replaces a whole subtree,
// and applying the same records again (or repeated records) changes nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../kernel/vm.ts';
import { applyFileRecords, type FileRecord } from '../../actors/filesync.ts';
import { diffTrees, treeOf } from './sqlite-helper.ts';

const enc = new TextEncoder();
const file = (path: string, s: string, mode = 0o644): FileRecord => ({ path, type: 'file', mode, uid: 1000, gid: 1000, mtimeMs: 1_000_000, data: enc.encode(s) });
const dir = (path: string, mode = 0o755): FileRecord => ({ path, type: 'dir', mode, uid: 1000, gid: 1000, mtimeMs: 2_000_000 });
const gone = (path: string): FileRecord => ({ path, type: 'deleted', mode: 0, uid: 0, gid: 0, mtimeMs: 0 });

test('last record wins; tombstones and files replace subtrees; re-applying is a no-op', async () => {
  const records: FileRecord[] = [
    file('/home/user/p/q/deep.txt', 'parents are created'),
    file('/home/user/x', 'first'),
    gone('/home/user/x'),
    file('/home/user/x', 'last', 0o600),
    dir('/home/user/d'), file('/home/user/d/in', 'i'),
    gone('/home/user/d'),                       // drops d/in recorded before it
    dir('/home/user/d', 0o700),                 // d again, empty
    gone('/etc'),                               // a base directory with files
    file('/usr/local', 'a file where a base dir was'),
    { path: '/home/user/ln', type: 'symlink', mode: 0o777, uid: 1000, gid: 1000, mtimeMs: 0, target: '/etc/passwd' },
  ];
  const vm = await createVM();
  applyFileRecords(vm, records);
  const t1 = treeOf(vm, { mtimes: true });
  assert.match(t1.get('/home/user/x')!, /^file 600 1000:1000 @1000000 /);
  assert.equal(new TextDecoder().decode(vm.kernel.vfs.readFile({ cwd: '/', uid: 0, gid: 0, umask: 0 }, '/home/user/x')), 'last');
  assert.equal(t1.get('/home/user/d'), 'dir 700 1000:1000 @2000000');
  assert.equal(t1.has('/home/user/d/in'), false);
  assert.equal([...t1.keys()].some((p) => p === '/etc' || p.startsWith('/etc/')), false);
  assert.match(t1.get('/usr/local')!, /^file /);
  assert.equal(t1.get('/home/user/ln'), 'symlink -> /etc/passwd');
  assert.ok(t1.has('/home/user/p/q/deep.txt'));

  applyFileRecords(vm, records);
  applyFileRecords(vm, [...records, ...records]);
  assert.deepEqual(diffTrees(treeOf(vm, { mtimes: true }), t1), []);
});
