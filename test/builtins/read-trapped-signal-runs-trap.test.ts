// read interrupted by a trapped signal (the kernel's EINTR): bash runs the trap and goes on
// reading, instead of failing with "read error: Interrupted system call".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { both } from '../shell/helpers.ts';

test('a trapped signal during read runs the trap, then read returns what arrives later', async () => {
  const script = 'trap "echo got" USR1; (sleep 0.1; kill -USR1 $$) & read x < <(sleep 0.4; echo hi); echo "$? $x"';
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'got\n0 hi\n');
  assert.equal(vm.stderr, '');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('a trapped signal during read at end of input: trap, then status 1', async () => {
  const script = 'trap "echo got" USR1; (sleep 0.1; kill -USR1 $$) & read x < <(sleep 0.4); echo $?';
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'got\n1\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});
