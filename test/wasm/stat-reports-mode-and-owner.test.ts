import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('stat/lstat/fstat report permission bits, owner and link count; chmod/fchmod change them', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pfile']);
  const r = await vm.exec([
    'cd /tmp && echo x > a && ln -s a l && mkdir d',
    'pfile ids stat a chmod 0751 a stat a fchmod 0400 a fstat a lstat l stat l stat d stat /dev/null stat /proc',
  ].join('\n'));
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, [
    'uid=1000 euid=1000 gid=1000 egid=1000',
    'stat a: file 0644 uid=1000 gid=1000 nlink=1',
    'chmod a: ok',
    'stat a: file 0751 uid=1000 gid=1000 nlink=1',
    'fchmod a: ok',
    'fstat a: file 0400 uid=1000 gid=1000 nlink=1',
    'lstat l: symlink 0777 uid=1000 gid=1000 nlink=1',
    'stat l: file 0400 uid=1000 gid=1000 nlink=1',
    'stat d: dir 0755 uid=1000 gid=1000 nlink=2',
    'stat /dev/null: chardev 0666 uid=0 gid=0 nlink=1',
    'stat /proc: dir 0555 uid=0 gid=0 nlink=2',
    '',
  ].join('\n'));
});

test('chown is the kernel\'s: a user cannot give a file away; lchown of a link cannot change it', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pfile']);
  const r = await vm.exec('cd /tmp && touch a && ln -s a l && pfile chown 1000:1000 a chown 0:0 a lchown 1000:1000 l lchown 0:0 l chmod 0600 /etc/passwd');
  assert.equal(r.stdout, [
    'chown a: ok',
    'chown a: Operation not permitted',
    'lchown l: ok',
    'lchown l: Not supported',
    'chmod /etc/passwd: Operation not permitted',
    '',
  ].join('\n'));
});
