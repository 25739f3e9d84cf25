// Grants persist as plain JSON holding only token hashes; tokens stay valid after reloading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Grants } from '../../actors/auth.ts';

test('round trip keeps every token valid with the same grant', () => {
  const g = new Grants();
  const issued = [g.issue('owner', { name: 'me' }), g.issue('driver', { kind: 'share', ttlMs: 3_600_000 }), g.issue('observer', {})];
  const json = JSON.stringify(g.toJSON());
  const h = new Grants(JSON.parse(json));
  for (const { token, grant } of issued) assert.deepEqual(h.verify(token), grant);
  assert.deepEqual(h.list(), g.list());
  assert.deepEqual(h.toJSON(), g.toJSON());
});

test('the serialized state never contains a raw token or its random part', () => {
  const g = new Grants();
  const tokens = [g.issue('owner', {}).token, g.issue('driver', { kind: 'share' }).token];
  const json = JSON.stringify(g.toJSON());
  for (const t of tokens) {
    assert.equal(json.includes(t), false);
    assert.equal(json.includes(t.slice(4)), false);
    assert.equal(json.includes(t.slice(4, 20)), false);
  }
  assert.equal(json.includes('avm_'), false);
});

test('toJSON returns a snapshot: mutating it does not change the grants', () => {
  const g = new Grants();
  const { token } = g.issue('observer', {});
  const s = g.toJSON();
  s.grants[0].role = 'owner';
  s.grants[0].revoked = true;
  assert.equal(g.verify(token)?.role, 'observer');
});

test('an empty Grants serializes and reloads', () => {
  const h = new Grants(JSON.parse(JSON.stringify(new Grants().toJSON())));
  assert.deepEqual(h.list(), []);
});

test('malformed state is rejected with a clear error', () => {
  const good = new Grants();
  good.issue('driver', {});
  const base = good.toJSON();
  const bad: unknown[] = [
    null, {}, { v: 2, grants: [] }, { v: 1, grants: 'x' },
    { v: 1, grants: [{ ...base.grants[0], role: 'root' }] },
    { v: 1, grants: [{ ...base.grants[0], hash: 'short' }] },
    { v: 1, grants: [base.grants[0], base.grants[0]] },
    { v: 1, grants: [{ ...base.grants[0], kind: 'magic' }] },
  ];
  for (const s of bad) assert.throws(() => new Grants(s as never), (e: Error & { code?: string }) => e.code === 'BAD_GRANTS_STATE' || e.code === 'BAD_ROLE', JSON.stringify(s));
});
