import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kerr } from '../../kernel/errno.ts';
import { O_RDONLY, O_RDWR, O_WRONLY, type OpenFile } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, throwsCode, user } from './helpers.ts';

test('/dev/null swallows writes and reads EOF; /dev/zero reads zeros', () => {
  const vfs = new Vfs();
  const u = user();
  const n = vfs.open(u, '/dev/null', O_RDWR);
  assert.equal(n.write(enc('gone')), 4);
  assert.equal((n.read(10) as Uint8Array).length, 0);
  assert.equal(n.stat().rdev, (1 << 8) | 3);
  assert.equal(n.stat().mode & 0o170000, 0o020000);
  n.close();
  vfs.writeFile(u, '/dev/null', enc('also fine'));
  assert.equal(vfs.readFile(u, '/dev/null').length, 0);
  const z = vfs.open(u, '/dev/zero', O_RDONLY);
  const buf = z.read(1000) as Uint8Array;
  assert.equal(buf.length, 1000);
  assert.ok(buf.every((b) => b === 0));
  z.close();
});

test('/dev/full fails writes with ENOSPC; /dev/urandom returns random bytes', () => {
  const vfs = new Vfs();
  const u = user();
  const f = vfs.open(u, '/dev/full', O_WRONLY);
  throwsCode(() => f.write(enc('x')), 'ENOSPC');
  f.close();
  const r = vfs.open(u, '/dev/urandom', O_RDONLY);
  const a = r.read(70000) as Uint8Array;
  const b = r.read(64) as Uint8Array;
  assert.equal(a.length, 70000);
  assert.notDeepEqual(a.subarray(0, 64), b);
  assert.ok(a.subarray(65536).some((x) => x !== 0), 'filled past the 64 KiB getRandomValues limit');
  r.close();
});

test('/dev/tty opens the caller\'s controlling terminal, or fails with ENXIO', () => {
  const vfs = new Vfs();
  throwsCode(() => vfs.open(user(), '/dev/tty', O_RDWR), 'ENXIO');
  const term = vfs.open(user(), '/dev/null', O_RDWR);
  let asked = -1;
  const ctx = { ...user(), openTty(flags: number): OpenFile { asked = flags; return term; } };
  assert.equal(vfs.open(ctx, '/dev/tty', O_RDWR), term);
  assert.equal(asked, O_RDWR);
  const none = { ...user(), openTty(): OpenFile { throw kerr('ENXIO', 'open', '/dev/tty'); } };
  throwsCode(() => vfs.open(none, '/dev/tty', O_RDWR), 'ENXIO');
});

test('/dev/stdin, /dev/stdout, /dev/stderr and /dev/fd are links into /proc/self', () => {
  const vfs = new Vfs();
  const u = user();
  assert.equal(vfs.readlink(u, '/dev/stdin'), '/proc/self/fd/0');
  assert.equal(vfs.readlink(u, '/dev/stdout'), '/proc/self/fd/1');
  assert.equal(vfs.readlink(u, '/dev/stderr'), '/proc/self/fd/2');
  assert.equal(vfs.readlink(u, '/dev/fd'), '/proc/self/fd');
});
