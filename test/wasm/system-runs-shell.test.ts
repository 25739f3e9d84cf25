import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('system() runs /bin/sh -c and returns its wait status', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['psystem']);
  const r = await vm.exec('psystem; psystem "echo out; exit 7"; psystem \'kill -KILL $$\'');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'shell available 1\nout\nexited 7\nsignaled 9\n');
});

test('system() of a missing command: the shell reports it and the status is 127', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['psystem']);
  const r = await vm.exec('psystem no-such-command');
  assert.equal(r.stdout, 'exited 127\n');
  assert.match(r.stderr, /no-such-command: command not found/);
});
