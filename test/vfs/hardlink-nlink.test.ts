import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_WRONLY, O_APPEND } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, root, throwsCode, user } from './helpers.ts';

test('hard links share the inode and count names in nlink', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.writeFile(u, 'a', enc('one'));
  vfs.link(u, 'a', 'b');
  const sa = vfs.stat(u, 'a');
  assert.equal(sa.nlink, 2);
  assert.equal(vfs.stat(u, 'b').ino, sa.ino);
  const f = vfs.open(u, 'b', O_WRONLY | O_APPEND);
  f.write(enc(' two'));
  f.close();
  assert.equal(dec(vfs.readFile(u, 'a')), 'one two');
  vfs.unlink(u, 'a');
  assert.equal(vfs.stat(u, 'b').nlink, 1);
  assert.equal(dec(vfs.readFile(u, 'b')), 'one two');
  throwsCode(() => vfs.link(u, 'b', 'b'), 'EEXIST');
  throwsCode(() => vfs.link(u, 'missing', 'c'), 'ENOENT');
});

test('directories cannot be hard-linked; symlinks are linked themselves', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.mkdir(u, 'd');
  throwsCode(() => vfs.link(u, 'd', 'd2'), 'EPERM');
  vfs.symlink(u, 'd', 'sl');
  vfs.link(u, 'sl', 'sl2');
  assert.equal(vfs.readlink(u, 'sl2'), 'd');
  assert.equal(vfs.lstat(u, 'sl').nlink, 2);
});

test('a hard link to a base-image file survives copy-up of either name', () => {
  const vfs = new Vfs();
  const r = root();
  vfs.link(r, '/etc/hostname', '/etc/hostname2');
  vfs.writeFile(r, '/etc/hostname2', enc('changed\n'));
  assert.equal(dec(vfs.readFile(r, '/etc/hostname')), 'changed\n');
  assert.equal(vfs.stat(r, '/etc/hostname').nlink, 2);
});
