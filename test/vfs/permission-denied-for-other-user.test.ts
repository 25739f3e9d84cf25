import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_RDONLY, O_WRONLY } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, root, throwsCode, user } from './helpers.ts';

test('mode bits are checked against the caller: owner, group, other', () => {
  const vfs = new Vfs();
  const r = root();
  const u = user();
  vfs.writeFile(r, '/tmp/secret', enc('s'), 0o600);
  throwsCode(() => vfs.readFile(u, '/tmp/secret'), 'EACCES');
  throwsCode(() => vfs.open(u, '/tmp/secret', O_WRONLY), 'EACCES');
  assert.equal(vfs.access(u, '/tmp/secret', 4), false);
  assert.equal(vfs.access(r, '/tmp/secret', 4 | 2), true);
  vfs.chown(r, '/tmp/secret', 0, 1000);
  vfs.chmod(r, '/tmp/secret', 0o640);
  vfs.open(u, '/tmp/secret', O_RDONLY).close();
  throwsCode(() => vfs.open(u, '/tmp/secret', O_WRONLY), 'EACCES');
  throwsCode(() => vfs.writeFile(u, '/etc/new', enc('x')), 'EACCES');
  throwsCode(() => vfs.chmod(u, '/etc/passwd', 0o777), 'EPERM');
});

test('search permission is needed on every directory of the path', () => {
  const vfs = new Vfs();
  const r = root();
  const u = user();
  throwsCode(() => vfs.readdir(u, '/root'), 'EACCES');
  vfs.writeFile(r, '/root/notes', enc('n'), 0o644);
  throwsCode(() => vfs.stat(u, '/root/notes'), 'EACCES');
  vfs.mkdir(u, 'nox', 0o600);
  throwsCode(() => vfs.writeFile(u, 'nox/f', enc('')), 'EACCES');
  vfs.mkdir(u, 'noread', 0o300);
  throwsCode(() => vfs.readdir(u, 'noread'), 'EACCES');
  vfs.writeFile(u, 'noread/f', enc('ok'));
});

test('root bypasses read/write checks but needs some x bit to execute', () => {
  const vfs = new Vfs();
  const r = root();
  vfs.writeFile(r, '/tmp/plain', enc(''), 0o000);
  assert.equal(vfs.access(r, '/tmp/plain', 4 | 2), true);
  assert.equal(vfs.access(r, '/tmp/plain', 1), false);
  vfs.chmod(r, '/tmp/plain', 0o001);
  assert.equal(vfs.access(r, '/tmp/plain', 1), true);
});

test('in sticky /tmp only the owner may delete or rename a file', () => {
  const vfs = new Vfs();
  const r = root();
  const u = user();
  vfs.writeFile(r, '/tmp/roots', enc(''), 0o666);
  throwsCode(() => vfs.unlink(u, '/tmp/roots'), 'EPERM');
  throwsCode(() => vfs.rename(u, '/tmp/roots', '/tmp/mine'), 'EPERM');
  vfs.writeFile(u, '/tmp/users', enc(''));
  vfs.unlink(u, '/tmp/users');
});
