import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('execvp replaces the program in the same process (same pid, its exit status is the process\'s)', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pexec']);
  const r = await vm.exec('pexec sh -c \'echo "child $$"; exit 5\'; echo "exit $?"');
  assert.equal(r.stderr, '');
  const m = /^before exec pid (\d+)\nchild (\d+)\nexit 5\n$/.exec(r.stdout);
  assert.ok(m, r.stdout);
  assert.equal(m[1], m[2]);
});

test('execvp of a missing program returns ENOENT to the caller', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pexec']);
  const r = await vm.exec('pexec no-such-program; echo "exit $?"');
  assert.match(r.stdout, /^before exec pid \d+\nexec no-such-program: No such file or directory\nexit 127\n$/);
});
