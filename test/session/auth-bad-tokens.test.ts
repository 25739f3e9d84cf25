// Anything but an exact issued token verifies to null.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Grants } from '../../actors/auth.ts';

function setup() {
  const g = new Grants();
  const { token } = g.issue('owner', {});
  g.issue('driver', {});
  return { g, token };
}

test('null, undefined, empty and non-strings are rejected', () => {
  const { g } = setup();
  for (const t of [null, undefined, '', 'avm_', 42, {}, ['x']] as unknown[]) {
    assert.equal(g.verify(t as string), null, String(t));
  }
});

test('garbage and near misses are rejected', () => {
  const { g, token } = setup();
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const cases = [
    'avm_' + 'A'.repeat(43),
    token.slice(4),                 // without prefix
    'AVM_' + token.slice(4),        // prefix case
    token + 'A',                    // too long
    token.slice(0, -1),             // too short
    ` ${token}`, `${token}\n`,      // whitespace
    flip(token, 4), flip(token, 20), flip(token, token.length - 1),
    token.replace(/[A-Za-z0-9]/, '+'), // base64 (not url) alphabet
    'Bearer ' + token,
  ];
  for (const t of cases) assert.equal(g.verify(t), null, JSON.stringify(t));
  assert.ok(g.verify(token), 'the real token still works');
});

test('the stored hash itself is not a token', () => {
  const { g } = setup();
  for (const s of g.toJSON().grants) {
    assert.equal(g.verify(s.hash), null);
    assert.equal(g.verify('avm_' + s.hash), null);
  }
});
