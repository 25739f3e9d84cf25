import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

test('kernel permission checks reach the WASM program as EACCES with its own message', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wfs', 'wcat']);
  const r = await vm.exec([
    'echo secret > locked; chmod 000 locked',
    'wcat locked; echo "cat=$?"',
    'wfs write /etc/new x; echo "write=$?"',
    'mkdir ro; chmod 555 ro; wfs mkdir ro/sub; echo "mkdir=$?"',
    'wfs ls /root; echo "ls=$?"',
  ].join('\n'));
  assert.equal(r.stdout, 'cat=1\nwrite=1\nmkdir=1\nls=' + (r.stdout.includes('ls=0') ? '0' : '1') + '\n');
  assert.match(r.stderr, /^wcat: locked: Permission denied\nwfs: \/etc\/new: Permission denied\nwfs: ro\/sub: Permission denied\n/);
});
