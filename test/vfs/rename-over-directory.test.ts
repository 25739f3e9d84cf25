import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, throwsCode, user } from './helpers.ts';

test('rename of a directory over an empty directory replaces it', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.mkdir(u, 'a');
  vfs.writeFile(u, 'a/f', enc('x'));
  vfs.mkdir(u, 'b');
  const ino = vfs.stat(u, 'a').ino;
  const links = vfs.stat(u, '.').nlink;
  vfs.rename(u, 'a', 'b');
  assert.equal(vfs.stat(u, 'b').ino, ino);
  assert.equal(dec(vfs.readFile(u, 'b/f')), 'x');
  throwsCode(() => vfs.stat(u, 'a'), 'ENOENT');
  assert.equal(vfs.stat(u, '.').nlink, links - 1, 'one subdirectory fewer');
});

test('rename over a non-empty directory fails with ENOTEMPTY', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.mkdir(u, 'a');
  vfs.mkdir(u, 'b');
  vfs.writeFile(u, 'b/keep', enc('1'));
  throwsCode(() => vfs.rename(u, 'a', 'b'), 'ENOTEMPTY');
  assert.equal(dec(vfs.readFile(u, 'b/keep')), '1');
});

test('type mismatches: file over dir is EISDIR, dir over file is ENOTDIR', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.mkdir(u, 'd');
  vfs.writeFile(u, 'f', enc('f'));
  throwsCode(() => vfs.rename(u, 'f', 'd'), 'EISDIR');
  throwsCode(() => vfs.rename(u, 'd', 'f'), 'ENOTDIR');
  throwsCode(() => vfs.rename(u, 'f/', 'g'), 'ENOTDIR');
});

test('moving a directory into itself is EINVAL', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.mkdir(u, 'top');
  vfs.mkdir(u, 'top/sub');
  throwsCode(() => vfs.rename(u, 'top', 'top/sub/inner'), 'EINVAL');
  throwsCode(() => vfs.rename(u, 'top', 'top/x'), 'EINVAL');
  throwsCode(() => vfs.rename(u, '.', 'x'), 'EBUSY');
});

test('file over file is atomic and renaming a file onto itself (or a hard link of itself) is a no-op', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.writeFile(u, 'new', enc('new'));
  vfs.writeFile(u, 'old', enc('old'));
  const ino = vfs.stat(u, 'new').ino;
  vfs.rename(u, 'new', 'old');
  assert.equal(dec(vfs.readFile(u, 'old')), 'new');
  assert.equal(vfs.stat(u, 'old').ino, ino);
  throwsCode(() => vfs.stat(u, 'new'), 'ENOENT');
  vfs.rename(u, 'old', 'old');
  vfs.link(u, 'old', 'hard');
  vfs.rename(u, 'old', 'hard');
  assert.equal(vfs.stat(u, 'old').nlink, 2, 'both names remain (POSIX same-file rule)');
});

test('moving a directory to another parent updates .. and link counts', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.mkdir(u, 'p1');
  vfs.mkdir(u, 'p2');
  vfs.mkdir(u, 'p1/child');
  vfs.rename(u, 'p1/child', 'p2/child');
  assert.equal(vfs.stat(u, 'p1').nlink, 2);
  assert.equal(vfs.stat(u, 'p2').nlink, 3);
  assert.equal(vfs.stat(u, 'p2/child/..').ino, vfs.stat(u, 'p2').ino);
});
