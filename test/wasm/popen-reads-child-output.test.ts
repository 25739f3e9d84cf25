import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('popen "r" reads the output of sh -c and pclose returns its status', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['ppopen']);
  const r = await vm.exec('ppopen r "echo a; echo b >&2; echo c; exit 4"');
  assert.equal(r.stdout, '> a\n> c\nstatus 4\n');
  assert.equal(r.stderr, 'b\n');
});

test('popen "w" feeds the child and pclose waits for it to finish', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['ppopen']);
  const r = await vm.exec('ppopen w "tr a-z A-Z > /tmp/up" "hello\n"; cat /tmp/up');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'status 0\nHELLO\n');
});
