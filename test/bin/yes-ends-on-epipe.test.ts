// yes writes big chunks until its reader goes away; then the write raises SIGPIPE and yes
// ends with status 141 (128 + 13). It must not swallow the error and loop on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

test('yes dies of SIGPIPE when the read end closes', async () => {
  const box = new TestBox();
  const r = await box.runIntoClosedPipe(['yes'], 100_000);
  assert.equal(r.status, 141);
  assert.equal(r.signal, 13);
  const text = new TextDecoder().decode(r.got);
  assert.ok(text.length >= 100_000);
  assert.match(text.slice(0, 100), /^(y\n)+/);
});

test('yes repeats all its operands joined by spaces', async () => {
  const box = new TestBox();
  const r = await box.runIntoClosedPipe(['yes', 'a', 'b c', '--', '-x'], 50);
  assert.equal(r.status, 141);
  assert.ok(new TextDecoder().decode(r.got).startsWith('a b c -x\na b c -x\n'));
});

test('a rejected option ends yes with GNU status 1', async () => {
  const box = new TestBox();
  const r = await box.run(['yes', '--bogus']);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "yes: unrecognized option '--bogus'\nTry 'yes --help' for more information.\n");
});
