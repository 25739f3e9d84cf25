// Issued tokens prove exactly their grant and role.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Grants, roleAtLeast, type Role } from '../../actors/auth.ts';

const roles: Role[] = ['owner', 'driver', 'observer'];

test('each role: issue then verify returns that grant', () => {
  const g = new Grants();
  const issued = roles.map(role => ({ role, ...g.issue(role, { name: `${role}-1` }) }));
  for (const { role, token, grant } of issued) {
    assert.match(token, /^avm_[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(token.slice(4), 'base64url').length, 32);
    const v = g.verify(token);
    assert.ok(v);
    assert.deepEqual(v, grant);
    assert.equal(v.role, role);
    assert.equal(v.name, `${role}-1`);
    assert.equal(v.kind, 'token');
  }
  assert.equal(new Set(issued.map(i => i.token)).size, 3);
  assert.equal(new Set(issued.map(i => i.grant.id)).size, 3);
});

test('defaults: kind token, a name, createdAt now, no expiry', () => {
  const before = Date.now();
  const { grant } = new Grants().issue('driver', {});
  assert.equal(grant.kind, 'token');
  assert.equal(typeof grant.name, 'string');
  assert.ok(grant.name.length > 0);
  assert.ok(grant.createdAt >= before && grant.createdAt <= Date.now());
  assert.equal(grant.expiresAt, undefined);
  assert.equal(grant.revoked, undefined);
});

test('share links carry kind share', () => {
  const g = new Grants();
  const { token } = g.issue('observer', { kind: 'share', name: 'link for bob' });
  assert.equal(g.verify(token)?.kind, 'share');
});

test('a token from another Grants instance is not valid here', () => {
  const a = new Grants();
  const b = new Grants();
  const { token } = a.issue('owner', {});
  assert.equal(b.verify(token), null);
});

test('verify returns a copy: mutating it does not escalate the stored grant', () => {
  const g = new Grants();
  const { token } = g.issue('observer', {});
  const v = g.verify(token)!;
  (v as { role: Role }).role = 'owner';
  assert.equal(g.verify(token)?.role, 'observer');
  assert.equal(g.list()[0].role, 'observer');
});

test('roleAtLeast orders owner > driver > observer', () => {
  const rank = (r: Role) => roles.length - roles.indexOf(r);
  for (const a of roles) for (const b of roles) assert.equal(roleAtLeast(a, b), rank(a) >= rank(b), `${a} >= ${b}`);
});

test('issue rejects bad roles, kinds and ttls', () => {
  const g = new Grants();
  assert.throws(() => g.issue('admin' as Role, {}), { code: 'BAD_ROLE' });
  assert.throws(() => g.issue('driver', { kind: 'cookie' as 'token' }), /kind/);
  for (const ttlMs of [0, -5, NaN, Infinity]) assert.throws(() => g.issue('driver', { ttlMs }), /ttlMs/);
  assert.equal(g.list().length, 0);
});
