import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_CREAT, O_RDWR, SEEK_SET } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, throwsCode, user } from './helpers.ts';

test('an unlinked file stays readable and writable through open descriptions until the last close', () => {
  const vfs = new Vfs();
  const u = user();
  const f = vfs.open(u, 'tmpfile', O_RDWR | O_CREAT, 0o600);
  f.write(enc('still here'));
  f.ref();
  vfs.unlink(u, 'tmpfile');
  throwsCode(() => vfs.stat(u, 'tmpfile'), 'ENOENT');
  assert.equal(f.stat().nlink, 0);
  f.seek(0, SEEK_SET);
  assert.equal(dec(f.read(100) as Uint8Array), 'still here');
  f.write(enc('!'));
  assert.deepEqual(vfs.usage(), { bytes: 11, inodes: 1 });
  f.close();
  assert.equal(vfs.usage().inodes, 1, 'one reference left');
  f.close();
  assert.deepEqual(vfs.usage(), { bytes: 0, inodes: 0 }, 'freed at the last close');
});

test('a new file with the same name is a different inode', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.writeFile(u, 'x', enc('old'));
  const f = vfs.open(u, 'x', O_RDWR);
  vfs.unlink(u, 'x');
  vfs.writeFile(u, 'x', enc('new'));
  assert.notEqual(vfs.stat(u, 'x').ino, f.stat().ino);
  assert.equal(dec(f.read(10) as Uint8Array), 'old');
  f.close();
});
