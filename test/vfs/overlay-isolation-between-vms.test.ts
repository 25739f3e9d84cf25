import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBaseImage } from '../../kernel/vfs/baseimage.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, root, throwsCode } from './helpers.ts';

test('changes in one VM never reach the shared base or another VM', () => {
  const base = createBaseImage();
  const a = new Vfs({ base });
  const b = new Vfs({ base });
  const r = root();
  const hosts = dec(b.readFile(r, '/etc/hosts'));
  a.writeFile(r, '/etc/hosts', enc('10.0.0.1 evil\n'));
  a.writeFile(r, '/tmp/x', enc('x'));
  a.mkdir(r, '/newdir');
  a.chmod(r, '/etc/passwd', 0o600);
  a.unlink(r, '/etc/shells');
  a.rename(r, '/etc/group', '/etc/group.old');
  assert.equal(dec(a.readFile(r, '/etc/hosts')), '10.0.0.1 evil\n');
  assert.equal(dec(b.readFile(r, '/etc/hosts')), hosts);
  throwsCode(() => b.stat(r, '/tmp/x'), 'ENOENT');
  throwsCode(() => b.stat(r, '/newdir'), 'ENOENT');
  assert.equal(b.stat(r, '/etc/passwd').mode & 0o777, 0o644);
  assert.ok(b.stat(r, '/etc/shells'));
  assert.ok(b.stat(r, '/etc/group'));
  assert.deepEqual(b.readdir(r, '/tmp'), []);
  const c = new Vfs({ base });
  assert.equal(dec(c.readFile(r, '/etc/hosts')), hosts);
  throwsCode(() => c.stat(r, '/tmp/x'), 'ENOENT');
  assert.equal(a.stat(r, '/etc/hosts').ino, c.stat(r, '/etc/hosts').ino, 'inode numbers stay stable across copy-up');
});

test('a fresh VM has allocated nothing beyond the base', () => {
  const vfs = new Vfs({ base: createBaseImage() });
  const r = root();
  vfs.stat(r, '/etc/passwd');
  vfs.readFile(r, '/etc/hosts');
  vfs.readdir(r, '/bin');
  assert.deepEqual(vfs.usage(), { bytes: 0, inodes: 0 });
});
