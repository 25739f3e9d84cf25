import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY,
} from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, throwsCode, user } from './helpers.ts';

test('O_CREAT applies the umask; O_EXCL refuses existing names, even dangling symlinks', () => {
  const vfs = new Vfs();
  const u = { ...user(), umask: 0o027 };
  vfs.open(u, 'f', O_WRONLY | O_CREAT, 0o666).close();
  assert.equal(vfs.stat(u, 'f').mode & 0o7777, 0o640);
  assert.equal(vfs.stat(u, 'f').uid, 1000);
  throwsCode(() => vfs.open(u, 'f', O_WRONLY | O_CREAT | O_EXCL), 'EEXIST');
  vfs.symlink(u, 'nowhere', 'dangling');
  throwsCode(() => vfs.open(u, 'dangling', O_WRONLY | O_CREAT | O_EXCL), 'EEXIST');
  vfs.open(u, 'dangling', O_WRONLY | O_CREAT).close();
  assert.equal(vfs.stat(u, 'nowhere').size, 0, 'O_CREAT through a dangling symlink creates its target');
});

test('O_DIRECTORY, O_NOFOLLOW, EISDIR, O_TRUNC and ENOENT', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.writeFile(u, 'f', enc('content'));
  vfs.symlink(u, 'f', 'l');
  throwsCode(() => vfs.open(u, 'f', O_RDONLY | O_DIRECTORY), 'ENOTDIR');
  throwsCode(() => vfs.open(u, 'l', O_RDONLY | O_NOFOLLOW), 'ELOOP');
  throwsCode(() => vfs.open(u, '.', O_WRONLY), 'EISDIR');
  throwsCode(() => vfs.open(u, '.', O_RDWR | O_CREAT), 'EISDIR');
  throwsCode(() => vfs.open(u, 'missing', O_RDONLY), 'ENOENT');
  throwsCode(() => vfs.open(u, 'missing/x', O_WRONLY | O_CREAT), 'ENOENT');
  throwsCode(() => vfs.open(u, '', O_RDONLY), 'ENOENT');
  const d = vfs.open(u, '.', O_RDONLY | O_DIRECTORY);
  d.close();
  const t = vfs.open(u, 'l', O_WRONLY | O_TRUNC | O_APPEND | O_CLOEXEC);
  assert.equal(t.flags, O_WRONLY | O_APPEND, 'only access mode and status flags are kept');
  t.close();
  assert.equal(vfs.stat(u, 'f').size, 0);
  const rw = vfs.open(u, 'f', O_RDWR);
  throwsCode(() => vfs.open(u, 'f', O_RDONLY).write(enc('x')), 'EBADF');
  throwsCode(() => vfs.open(u, 'f', O_WRONLY).read(1), 'EBADF');
  rw.write(enc('ok'));
  assert.equal(dec(vfs.readFile(u, 'f')), 'ok');
  assert.equal(rw.path, '/home/user/f');
  assert.equal(rw.isatty(), false);
  rw.close();
});
