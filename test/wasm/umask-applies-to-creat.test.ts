import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('umask() is the kernel process umask; creat/open/mkdir apply it to the mode they pass', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pfile']);
  const r = await vm.exec([
    'cd /tmp && umask 022',
    'pfile creat a 0666 stat a open b 0600 stat b mkdir d 0700 stat d umask 077 creat c 0666 stat c mkdir e 0777 stat e open b 0600',
    'umask',
  ].join('\n'));
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, [
    'creat a: ok',
    'stat a: file 0644 uid=1000 gid=1000 nlink=1',
    'open b: ok',
    'stat b: file 0600 uid=1000 gid=1000 nlink=1',
    'mkdir d: ok',
    'stat d: dir 0700 uid=1000 gid=1000 nlink=2',
    'umask was 0022',
    'creat c: ok',
    'stat c: file 0600 uid=1000 gid=1000 nlink=1',
    'mkdir e: ok',
    'stat e: dir 0700 uid=1000 gid=1000 nlink=2',
    'open b: File exists',
    '0022', // the shell's own umask is untouched
    '',
  ].join('\n'));
});

test('a spawned child inherits the umask the program set', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pfile']);
  const r = await vm.exec('umask 022; pfile umask 027 system umask; umask');
  assert.equal(r.stdout, 'umask was 0022\n0027\nsystem: 0\n0022\n');
});
