// utimensat/futimens from C: NULL and UTIME_NOW mean the VM's current time, UTIME_OMIT keeps a
// field, an out-of-range tv_nsec is EINVAL (Debian's wasi-libc dated `touch f` 1970: compat fixes it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('utimensat(NULL) and UTIME_NOW set the current time, UTIME_OMIT keeps the field', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['ptimes']);
  const before = Math.floor(vm.kernel.now() / 1000);
  const r = await vm.exec('cd /tmp && echo x > f && ptimes f');
  const after = Math.floor(vm.kernel.now() / 1000);
  assert.equal(r.stderr, 'bad nsec: Invalid argument\n');
  const m = /^null: atime=(\d+) mtime=(\d+)\nfutimens: atime=(\d+) mtime=1000000000\nnow: atime=1 mtime=(\d+)\n$/.exec(r.stdout);
  assert.ok(m, r.stdout);
  const [, a1, m1, a2, m3] = m.map(Number);
  for (const t of [a1, m1, m3]) assert.ok(t! >= before && t! <= after, `${t} not within [${before}, ${after}]`);
  assert.equal(a2, a1, 'UTIME_OMIT kept atime');
});
