// ls -l: mode strings (with setuid/setgid/sticky letters), link counts, owner and group names
// from /etc/passwd and /etc/group, sizes (-h), dates ("Mon DD HH:MM" within six months, else
// "Mon DD  YYYY"), symlink targets, "total" and column alignment, compared with GNU ls.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const NOW = Date.now();
const RECENT = NOW - 5 * 86400_000;
const OLD = NOW - 400 * 86400_000;
const twin = new Twin({
  'a.txt': { content: 'hello\n', mtime: RECENT },
  'b.log': { content: 'x'.repeat(5000), mode: 0o600, mtime: OLD },
  'exe.sh': { content: '#!/bin/sh\n', mode: 0o755, mtime: RECENT },
  'suid': { content: '', mode: 0o4755, mtime: RECENT },
  'sgid': { content: '', mode: 0o2644, mtime: RECENT },
  'big': { content: 'y'.repeat(1_500_000), mtime: RECENT },
  'sticky': { dir: true, mode: 0o1777, mtime: RECENT },
  'sub': { dir: true, mtime: RECENT },
  'sub/inner': { content: 'in\n', mtime: RECENT },
  'sub/deep': { dir: true, mode: 0o700, mtime: RECENT },
  'link': { link: 'a.txt' },
  'dangling': { link: 'nowhere' },
}, { now: NOW });
after(() => twin.dispose());

test('mode strings and fields', async () => {
  const r = await twin.box.run(['ls', '-ld', 'a.txt', 'suid', 'sgid', 'sticky', 'b.log'], { cwd: '/w' });
  const modes = r.stdout.trim().split('\n').map((l) => l.split(' ')[0]);
  assert.deepEqual(modes, ['-rw-r--r--', '-rw-------', '-rw-r-Sr--', 'drwxrwxrwt', '-rwsr-xr-x']);
  assert.match(r.stdout, /^-rw------- 1 root root 5000 \w{3} [ \d]\d  \d{4} b\.log$/m);
  assert.match(r.stdout, /^-rw-r--r-- 1 root root    6 \w{3} [ \d]\d \d\d:\d\d a\.txt$/m);
});

test('listings match GNU ls', async () => {
  for (const argv of [
    ['ls', '-l'], ['ls', '-lh'], ['ls', '-lF'], ['ls', '-lR', 'sub'], ['ls', '-ld', 'sub', 'a.txt'], ['ls', '-lo', 'a.txt'],
    ['ls', '-lg', 'a.txt'], ['ls', '-ln', 'a.txt'], ['ls', '-l', 'link', 'dangling'], ['ls', '-lL', 'link'], ['ls', '-lt'],
    ['ls', '-lS'], ['ls', '-lSr'], ['ls', '-l', '--time-style=long-iso', 'b.log'], ['ls', '-ls'], ['ls', '-lhs', 'big'],
    ['ls', '-l', '--si', 'big'], ['ls', '-l', '--block-size=1K', 'big', 'b.log'],
  ]) await twin.expectSame(argv);
});

test('owner and group names come from the VM /etc files', async () => {
  const box = twin.box;
  box.vfs.chown(box.ctx, '/w/a.txt', 1000, 1000);
  box.vfs.chown(box.ctx, '/w/exe.sh', 4242, 5);
  const r = await box.run(['ls', '-l', 'a.txt', 'exe.sh'], { cwd: '/w' });
  assert.match(r.stdout, /^-rw-r--r-- 1 user user  6 /m);
  assert.match(r.stdout, /^-rwxr-xr-x 1 4242 tty  10 /m);
  const n = await box.run(['ls', '-n', 'a.txt'], { cwd: '/w' });
  assert.match(n.stdout, /^-rw-r--r-- 1 1000 1000 6 /);
  box.vfs.chown(box.ctx, '/w/a.txt', 0, 0);
  box.vfs.chown(box.ctx, '/w/exe.sh', 0, 0);
});

test('missing operands: message and status 2', async () => {
  const r = await twin.expectSame(['ls', '-l', 'nope', 'a.txt']);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, "ls: cannot access 'nope': No such file or directory\n");
});
