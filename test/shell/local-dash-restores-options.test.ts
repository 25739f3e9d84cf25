// `local -` in a function saves the `set` options; they come back when the function returns.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { both } from './helpers.ts';

test('set -u / set -f inside a function with local - end at its return', async () => {
  const script = 'f(){ local -; set -uf; echo "in $-"; }; f; echo "out $-"; g(){ set -f; }; g; echo "kept $-"';
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'in fhuBc\nout hBc\nkept fhBc\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});
