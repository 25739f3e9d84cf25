import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('SIG_IGN reaches the kernel (children inherit it, SETSIGDEF resets it); masks hold raised signals; raise ends by the signal', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['psignal']);
  const r = await vm.exec('psignal; echo "exit $?"');
  assert.equal(r.stdout, [
    'child survived SIGINT',
    'with SETSIGDEF the child got signal 2',
    'blocked: handler ran 0, pending 1',
    'unblocked: handler ran 10',
    'exit 143',
    '',
  ].join('\n'));
});

test('a signal ignored by the parent shell starts ignored in the program', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['psignal']);
  // psignal's final raise(SIGTERM) is ignored when SIGTERM was ignored at exec
  const r = await vm.exec('trap "" TERM; psignal; echo "exit $?"');
  assert.match(r.stdout, /unblocked: handler ran 10\nnot reached\nexit 0\n$/);
});
