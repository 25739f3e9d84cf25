import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('statvfs reports the VM disk quota and what is used of it', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pstatvfs'], { limits: { vfsBytes: 64 * 1024 * 1024, vfsInodes: 5000 } });
  const before = await vm.exec('pstatvfs /tmp');
  await vm.fs.writeFile('/tmp/big', new Uint8Array(1024 * 1024));
  const after = await vm.exec('pstatvfs /tmp; pstatvfs /proc; pstatvfs /nope');
  const num = (s: string, k: string): number => Number(new RegExp(`${k}=(\\d+)`).exec(s)![1]);
  assert.equal(num(before.stdout, 'bsize'), 4096);
  assert.equal(num(before.stdout, 'blocks'), 16384);
  assert.equal(num(before.stdout, 'files'), 5000);
  assert.equal(num(before.stdout, 'namemax'), 255);
  assert.match(before.stdout, /type=0x1021994/);
  assert.equal(num(before.stdout, 'bfree') - num(after.stdout, 'bfree'), 256);
  assert.ok(num(after.stdout, 'ffree') < num(before.stdout, 'ffree'));
  const lines = after.stdout.split('\n');
  assert.match(lines[1]!, /blocks=0 .*type=0x9fa0$/);
  assert.equal(lines[2], 'statvfs: No such file or directory');
});
