import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_CREAT, O_RDONLY, O_WRONLY } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, throwsCode, user } from './helpers.ts';

test('a trailing slash on a non-directory is ENOTDIR', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.writeFile(u, 'file', enc('x'));
  throwsCode(() => vfs.stat(u, 'file/'), 'ENOTDIR');
  throwsCode(() => vfs.lstat(u, 'file//'), 'ENOTDIR');
  throwsCode(() => vfs.open(u, 'file/', O_RDONLY), 'ENOTDIR');
  throwsCode(() => vfs.stat(u, 'file/.'), 'ENOTDIR');
  throwsCode(() => vfs.stat(u, 'file/x'), 'ENOTDIR');
  throwsCode(() => vfs.unlink(u, 'file/'), 'ENOTDIR');
  throwsCode(() => vfs.rmdir(u, 'file'), 'ENOTDIR');
  throwsCode(() => vfs.open(u, 'file/', O_WRONLY | O_CREAT), 'ENOTDIR');
});

test('trailing slashes: directories are fine, creating a file is EISDIR, final symlinks are followed', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.mkdir(u, 'd/');
  assert.ok(vfs.stat(u, 'd///'));
  throwsCode(() => vfs.open(u, 'newfile/', O_WRONLY | O_CREAT), 'EISDIR');
  vfs.symlink(u, 'd', 'link');
  assert.equal(vfs.lstat(u, 'link').mode & 0o170000, 0o120000);
  assert.equal(vfs.lstat(u, 'link/').mode & 0o170000, 0o040000);
  throwsCode(() => vfs.unlink(u, 'link/'), 'EISDIR');
  vfs.unlink(u, 'link');
  vfs.rmdir(u, 'd/');
});
