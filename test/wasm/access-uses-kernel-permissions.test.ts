import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('access() checks the kernel permissions of the process uid, not mere existence', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pfile']);
  await vm.fs.writeFile('/tmp/f', 'x\n', { mode: 0o444 });
  const r = await vm.exec('cd /tmp && pfile access f r access f w access f x access nope f access /etc/passwd r access /etc/passwd w');
  assert.equal(r.stdout, [
    'access f: ok',
    'access f: Permission denied',
    'access f: Permission denied',
    'access nope: No such file or directory',
    'access /etc/passwd: ok',
    'access /etc/passwd: Permission denied',
    '',
  ].join('\n'));
});
