import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBaseImage, defaultBaseImage } from '../../kernel/vfs/baseimage.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, root } from './helpers.ts';

test('the base tree has the standard directories with Linux owners and modes', () => {
  const vfs = new Vfs({ base: createBaseImage() });
  const r = root();
  for (const d of ['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin', '/lib', '/etc', '/var/log', '/dev',
    '/proc', '/mnt', '/opt', '/srv', '/usr/share']) {
    assert.equal(vfs.stat(r, d).mode & 0o170000, 0o040000, d);
  }
  assert.equal(vfs.stat(r, '/tmp').mode & 0o7777, 0o1777);
  assert.equal(vfs.stat(r, '/var/tmp').mode & 0o7777, 0o1777);
  const home = vfs.stat(r, '/home/user');
  assert.deepEqual([home.uid, home.gid, home.mode & 0o7777], [1000, 1000, 0o755]);
  assert.equal(vfs.stat(r, '/root').uid, 0);
  assert.equal(dec(vfs.readFile(r, '/etc/passwd')),
    'root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000::/home/user:/bin/bash\n');
  assert.equal(dec(vfs.readFile(r, '/etc/hostname')), 'agentvm\n');
  assert.match(dec(vfs.readFile(r, '/etc/os-release')), /^NAME="agentvm"$/m);
  assert.match(dec(vfs.readFile(r, '/etc/group')), /^user:x:1000:$/m);
  assert.match(dec(vfs.readFile(r, '/etc/shells')), /^\/bin\/bash$/m);
  assert.match(dec(vfs.readFile(r, '/etc/hosts')), /^127\.0\.0\.1\tlocalhost$/m);
  assert.equal(vfs.stat(r, '/').nlink, 2 + vfs.readdir(r, '/').filter((d) => d.type === 'dir').length);
  assert.equal(vfs.stat(r, '/').ino, 1);
});

test('defaultBaseImage() is created once and shared', () => {
  assert.equal(defaultBaseImage(), defaultBaseImage());
  const a = new Vfs();
  const b = new Vfs();
  assert.equal(a.stat(root(), '/etc/passwd').ino, b.stat(root(), '/etc/passwd').ino);
});
