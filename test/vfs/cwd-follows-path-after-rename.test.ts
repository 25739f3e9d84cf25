import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, throwsCode, user } from './helpers.ts';

test('relative paths resolve against the current meaning of the cwd string, even after renames', () => {
  const vfs = new Vfs();
  const u = user('/tmp/work');
  vfs.mkdir(u, '/tmp/work');
  vfs.writeFile(u, 'a.txt', enc('first'));
  assert.equal(dec(vfs.readFile(u, 'a.txt')), 'first');
  vfs.rename(u, '/tmp/work', '/tmp/old');
  throwsCode(() => vfs.readFile(u, 'a.txt'), 'ENOENT');
  vfs.mkdir(u, '/tmp/work');
  vfs.writeFile(u, 'a.txt', enc('second'));
  assert.equal(dec(vfs.readFile(u, '/tmp/work/a.txt')), 'second');
  assert.equal(dec(vfs.readFile(u, '/tmp/old/a.txt')), 'first');
  vfs.symlink(u, '/tmp/old', '/tmp/linkdir');
  const viaLink = user('/tmp/linkdir');
  assert.equal(dec(vfs.readFile(viaLink, 'a.txt')), 'first');
  vfs.unlink(u, '/tmp/linkdir');
  vfs.symlink(u, '/tmp/work', '/tmp/linkdir');
  assert.equal(dec(vfs.readFile(viaLink, 'a.txt')), 'second', 'a re-pointed symlink in the cwd is seen');
});

test('the working directory is not re-checked for search permission (the process holds it)', () => {
  const vfs = new Vfs();
  const u = user('/tmp/mine/inner');
  vfs.mkdir(u, '/tmp/mine');
  vfs.mkdir(u, '/tmp/mine/inner');
  vfs.writeFile(u, 'f', enc('ok'));
  vfs.chmod(u, '/tmp/mine', 0o600);
  throwsCode(() => vfs.readFile(u, '/tmp/mine/inner/f'), 'EACCES');
  assert.equal(dec(vfs.readFile(u, 'f')), 'ok');
});
