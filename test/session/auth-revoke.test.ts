// Revoked grants stop verifying at once, and only the revoked one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Grants } from '../../actors/auth.ts';

test('revoke makes the token invalid and leaves others valid', () => {
  const g = new Grants();
  const a = g.issue('driver', { name: 'a' });
  const b = g.issue('driver', { name: 'b' });
  assert.equal(g.revoke(a.grant.id), true);
  assert.equal(g.verify(a.token), null);
  assert.ok(g.verify(b.token));
  const listed = g.list();
  assert.equal(listed.find(x => x.id === a.grant.id)?.revoked, true);
  assert.equal(listed.find(x => x.id === b.grant.id)?.revoked, undefined);
});

test('revoking twice or an unknown id returns false', () => {
  const g = new Grants();
  const a = g.issue('observer', { kind: 'share' });
  assert.equal(g.revoke(a.grant.id), true);
  assert.equal(g.revoke(a.grant.id), false);
  assert.equal(g.revoke('g_nope'), false);
  assert.equal(g.revoke(''), false);
});

test('revocation persists through toJSON / constructor', () => {
  const g = new Grants();
  const a = g.issue('owner', {});
  g.revoke(a.grant.id);
  const h = new Grants(JSON.parse(JSON.stringify(g.toJSON())));
  assert.equal(h.verify(a.token), null);
  assert.equal(h.list()[0].revoked, true);
});

test('a revoked grant cannot be "revived" by issuing again', () => {
  const g = new Grants();
  const a = g.issue('owner', {});
  g.revoke(a.grant.id);
  const b = g.issue('owner', {});
  assert.equal(g.verify(a.token), null);
  assert.equal(g.verify(b.token)?.id, b.grant.id);
});
