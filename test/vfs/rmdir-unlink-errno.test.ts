import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, root, throwsCode, user } from './helpers.ts';

test('rmdir: ENOTEMPTY, EINVAL for ".", EBUSY for / and mount points, ENOENT', () => {
  const vfs = new Vfs();
  const u = user();
  const r = root();
  vfs.mkdir(u, 'd');
  vfs.writeFile(u, 'd/f', enc(''));
  throwsCode(() => vfs.rmdir(u, 'd'), 'ENOTEMPTY');
  throwsCode(() => vfs.rmdir(u, 'd/.'), 'EINVAL');
  throwsCode(() => vfs.rmdir(u, 'd/..'), 'ENOTEMPTY');
  throwsCode(() => vfs.rmdir(r, '/'), 'EBUSY');
  throwsCode(() => vfs.rmdir(r, '/proc'), 'EBUSY');
  throwsCode(() => vfs.rmdir(u, 'nope'), 'ENOENT');
  throwsCode(() => vfs.mkdir(u, 'd'), 'EEXIST');
  throwsCode(() => vfs.mkdir(r, '/'), 'EEXIST');
  vfs.unlink(u, 'd/f');
  const before = vfs.stat(u, '.').nlink;
  vfs.rmdir(u, 'd');
  assert.equal(vfs.stat(u, '.').nlink, before - 1);
});

test('unlink of a directory is EISDIR; of a missing name ENOENT', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.mkdir(u, 'd');
  throwsCode(() => vfs.unlink(u, 'd'), 'EISDIR');
  throwsCode(() => vfs.unlink(u, '.'), 'EISDIR');
  throwsCode(() => vfs.unlink(u, 'nope'), 'ENOENT');
  throwsCode(() => vfs.readlink(u, 'd'), 'EINVAL');
});

test('a removed working directory makes relative lookups fail with ENOENT', () => {
  const vfs = new Vfs();
  const u = user('/home/user/gone');
  vfs.mkdir(u, '/home/user/gone');
  vfs.writeFile(u, 'f', enc(''));
  vfs.unlink(u, 'f');
  vfs.rmdir(u, '/home/user/gone');
  throwsCode(() => vfs.stat(u, '.'), 'ENOENT');
  throwsCode(() => vfs.writeFile(u, 'f', enc('')), 'ENOENT');
});
