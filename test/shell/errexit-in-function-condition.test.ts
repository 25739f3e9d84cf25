import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

// A function called where -e is ignored (if, &&, ||, !) runs its whole body with -e ignored,
// even though the same function called plainly stops at the first failure.
test('set -e is ignored inside a function called as an if condition', async () => {
  const script = 'set -e; f() { false; echo after-false; return 0; }; if f; then echo then; fi; f; echo never';
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'after-false\nthen\n');
  assert.equal(vm.status, 1);
  if (bash) { assert.equal(vm.stdout, bash.stdout); assert.equal(vm.status, bash.status); }
});

test('set -e is ignored inside a function on the left of || and in a subshell of it', async () => {
  const script = 'set -e; g() { (false; echo sub); false; echo body; }; g || echo rescued; echo end';
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, 'sub\nbody\nend\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('the ERR trap does not fire in an ignored context', async () => {
  const r = await sh("trap 'echo ERR' ERR; f() { false; }; if f; then :; fi; false || true; f; echo done");
  assert.equal(r.stdout, 'ERR\ndone\n');
});
