// parseRole accepts exactly the three roles and explains anything else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRole } from '../../actors/auth.ts';

test('the three roles parse to themselves', () => {
  for (const r of ['owner', 'driver', 'observer']) assert.equal(parseRole(r), r);
});

test('anything else throws BAD_ROLE with a readable message', () => {
  for (const x of ['Owner', 'admin', '', ' driver', 'observer ', null, undefined, 1, {}, [], ['owner'], Symbol('x'), 10n, 'x'.repeat(1000)]) {
    assert.throws(() => parseRole(x), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'BAD_ROLE');
      assert.match(e.message, /invalid role .*expected 'owner', 'driver' or 'observer'/);
      assert.ok(e.message.length < 200, 'message stays short');
      return true;
    }, String(typeof x));
  }
});
