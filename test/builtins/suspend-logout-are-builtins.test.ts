// suspend and logout are interpreter builtins: type, enable and compgen -b know them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { both } from '../shell/helpers.ts';

test('type / enable -n / compgen -b list suspend and logout', async () => {
  const script = 'type suspend logout; enable -n suspend; enable -a | while read -r l; do case $l in *suspend|*logout) echo "$l";; esac; done; compgen -b | while read -r l; do case $l in suspend|logout) echo "$l";; esac; done';
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'suspend is a shell builtin\nlogout is a shell builtin\nenable logout\nenable -n suspend\nlogout\nsuspend\n');
  assert.equal(vm.stderr, '');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});
