import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('dup/dup2/F_DUPFD duplicate kernel descriptors: redirection, restore, shared offset', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pdup']);
  const r = await vm.exec('pdup /tmp/out; cat /tmp/out');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, [
    'back on stdout',
    'F_DUPFD 10 -> >= 10',
    'F_GETFL -> write-only append',
    'dup2 same fd -> 1',
    'dup3 same fd -> Invalid argument',
    'closed copy, original still writes -> 6',
    'dup of closed fd -> Bad file descriptor',
    'into the file',
    'one',
    'two',
    'three',
    '',
  ].join('\n'));
});
