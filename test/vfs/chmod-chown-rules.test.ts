import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, root, throwsCode, user } from './helpers.ts';

test('only root changes owners; owners may change the group to their own; chown clears setuid', () => {
  const vfs = new Vfs();
  const u = user();
  const r = root('/home/user');
  vfs.writeFile(u, 'f', enc(''));
  throwsCode(() => vfs.chown(u, 'f', 0, -1), 'EPERM');
  throwsCode(() => vfs.chown(u, 'f', -1, 0), 'EPERM');
  vfs.chown(u, 'f', -1, 1000);
  vfs.chmod(u, 'f', 0o4755);
  assert.equal(vfs.stat(u, 'f').mode & 0o7777, 0o4755);
  vfs.chown(r, 'f', 0, 0);
  const st = vfs.stat(u, 'f');
  assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [0, 0, 0o755]);
  throwsCode(() => vfs.chmod(u, 'f', 0o777), 'EPERM');
  throwsCode(() => vfs.utimes(u, 'f', 0, 0), 'EACCES');
  vfs.utimes(r, 'f', 1000, 2000);
  assert.deepEqual([vfs.stat(u, 'f').atimeMs, vfs.stat(u, 'f').mtimeMs], [1000, 2000]);
});

test('chmod follows symlinks and bumps ctime; files in a setgid directory inherit its group', () => {
  let now = 5000;
  const vfs = new Vfs({ now: () => now });
  const u = user();
  vfs.writeFile(u, 'f', enc(''));
  vfs.symlink(u, 'f', 'l');
  now = 6000;
  vfs.chmod(u, 'l', 0o600);
  assert.equal(vfs.stat(u, 'f').mode & 0o777, 0o600);
  assert.equal(vfs.stat(u, 'f').ctimeMs, 6000);
  assert.equal(vfs.stat(u, 'f').mtimeMs, 5000);
  const r = root();
  vfs.mkdir(r, '/srv/team');
  vfs.chown(r, '/srv/team', 1000, 50);
  vfs.chmod(r, '/srv/team', 0o2775);
  vfs.writeFile(u, '/srv/team/doc', enc(''));
  vfs.mkdir(u, '/srv/team/sub');
  assert.equal(vfs.stat(u, '/srv/team/doc').gid, 50);
  assert.equal(vfs.stat(u, '/srv/team/sub').mode & 0o2000, 0o2000);
});
