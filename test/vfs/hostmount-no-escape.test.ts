import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, root, throwsCode } from './helpers.ts';

test('symlinks and .. inside a host mount cannot reach host files outside it', (t) => {
  const outer = realpathSync(mkdtempSync(join(tmpdir(), 'agentvm-esc-')));
  t.after(() => rmSync(outer, { recursive: true, force: true }));
  const host = join(outer, 'shared');
  mkdirSync(host);
  writeFileSync(join(outer, 'secret.txt'), 'HOST SECRET');
  symlinkSync('../secret.txt', join(host, 'rel-escape'));
  symlinkSync(join(outer, 'secret.txt'), join(host, 'abs-escape'));
  symlinkSync('/etc', join(host, 'etc-link'));
  symlinkSync('../../../../../../..', join(host, 'up'));
  symlinkSync(outer, join(host, 'outer-dir'));
  writeFileSync(join(host, 'inside.txt'), 'inside');
  symlinkSync(join(host, 'inside.txt'), join(host, 'abs-inside'));
  const vfs = new Vfs();
  vfs.mountHost({ host, guest: '/mnt/h' });
  const r = root();
  // ../secret.txt from /mnt/h is the guest's /mnt/secret.txt: absent.
  throwsCode(() => vfs.readFile(r, '/mnt/h/rel-escape'), 'ENOENT');
  // An absolute host path is a guest path.
  throwsCode(() => vfs.readFile(r, '/mnt/h/abs-escape'), 'ENOENT');
  // /etc is the guest's /etc.
  assert.match(dec(vfs.readFile(r, '/mnt/h/etc-link/passwd')), /^root:x:0:0:root:\/root:\/bin\/bash\nuser:x:1000/);
  assert.equal(vfs.realpath(r, '/mnt/h/up'), '/');
  assert.equal(vfs.realpath(r, '/mnt/h/../..'), '/');
  throwsCode(() => vfs.readdir(r, '/mnt/h/outer-dir'), 'ENOENT');
  // An absolute link to a place inside the mounted directory is kept inside the mount.
  assert.equal(vfs.readlink(r, '/mnt/h/abs-inside'), '/mnt/h/inside.txt');
  assert.equal(dec(vfs.readFile(r, '/mnt/h/abs-inside')), 'inside');
  // Once the guest creates the path the link names, the link leads there, still inside the guest.
  vfs.writeFile(r, '/mnt/secret.txt', enc('guest file'));
  assert.equal(dec(vfs.readFile(r, '/mnt/h/rel-escape')), 'guest file');
});

test('a guest-created symlink in a host mount is still resolved in the guest', (t) => {
  const host = mkdtempSync(join(tmpdir(), 'agentvm-esc2-'));
  t.after(() => rmSync(host, { recursive: true, force: true }));
  const vfs = new Vfs();
  vfs.mountHost({ host, guest: '/mnt/h' });
  const r = root();
  vfs.symlink(r, '/etc/hostname', '/mnt/h/name');
  assert.equal(dec(vfs.readFile(r, '/mnt/h/name')), 'agentvm\n');
});
