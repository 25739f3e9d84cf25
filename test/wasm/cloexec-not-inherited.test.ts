import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('FD_CLOEXEC is real: F_SETFD, O_CLOEXEC, pipe2 and F_DUPFD_CLOEXEC fds are not inherited by a child', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pcloexec']);
  await vm.fs.writeFile('/tmp/f', 'x\n');
  const r = await vm.exec('pcloexec /tmp/f');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, [
    'plain getfd=0',
    'F_SETFD getfd=1',
    'O_CLOEXEC getfd=1',
    'pipe2-r getfd=1',
    'pipe2-w getfd=1',
    'F_DUPFD_CLOEXEC getfd=1',
    'open',
    'closed',
    'closed',
    'closed',
    'closed',
    'closed',
    'cleared getfd=0',
    '',
  ].join('\n'));
});
