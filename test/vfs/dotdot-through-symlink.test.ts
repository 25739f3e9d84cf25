import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, root, user } from './helpers.ts';

test('.. after a symlink is the parent of the link target (physical), not of the link', () => {
  const vfs = new Vfs();
  const u = user('/tmp');
  vfs.mkdir(u, '/tmp/a');
  vfs.mkdir(u, '/tmp/a/b');
  vfs.writeFile(u, '/tmp/a/marker', enc('in a'));
  vfs.mkdir(u, '/tmp/elsewhere');
  vfs.symlink(u, '/tmp/a/b', '/tmp/elsewhere/link');
  assert.equal(vfs.stat(u, '/tmp/elsewhere/link/..').ino, vfs.stat(u, '/tmp/a').ino);
  assert.equal(vfs.stat(u, 'elsewhere/link/../marker').size, 4);
  assert.equal(vfs.realpath(u, 'elsewhere/link/..'), '/tmp/a');
  vfs.symlink(u, '../a/b', '/tmp/elsewhere/rel');
  assert.equal(vfs.realpath(u, '/tmp/elsewhere/rel/../marker'), '/tmp/a/marker');
});

test('.. of / is /', () => {
  const vfs = new Vfs();
  const r = root();
  assert.equal(vfs.stat(r, '/..').ino, vfs.stat(r, '/').ino);
  assert.equal(vfs.realpath(r, '/../../etc/../..'), '/');
  assert.equal(vfs.realpath(user('/home/user'), '../../../../etc'), '/etc');
});
