// Grants with a ttl stop verifying at createdAt + ttlMs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Grants } from '../../actors/auth.ts';

test('valid until just before expiresAt, null from then on', () => {
  const g = new Grants();
  const { token, grant } = g.issue('driver', { ttlMs: 60_000 });
  assert.equal(grant.expiresAt, grant.createdAt + 60_000);
  assert.ok(g.verify(token));
  assert.ok(g.verify(token, grant.expiresAt! - 1));
  assert.equal(g.verify(token, grant.expiresAt!), null);
  assert.equal(g.verify(token, grant.expiresAt! + 86_400_000), null);
});

test('a real short ttl expires with the clock', async () => {
  const g = new Grants();
  const { token } = g.issue('observer', { ttlMs: 20, kind: 'share' });
  assert.ok(g.verify(token));
  await new Promise(r => setTimeout(r, 40));
  assert.equal(g.verify(token), null);
});

test('grants without ttl never expire; expired ones stay listed', () => {
  const g = new Grants();
  const forever = g.issue('owner', {});
  const short = g.issue('driver', { ttlMs: 1 });
  const far = Date.now() + 100 * 365 * 86_400_000;
  assert.ok(g.verify(forever.token, far));
  assert.equal(g.verify(short.token, far), null);
  assert.deepEqual(g.list().map(x => x.id), [forever.grant.id, short.grant.id]);
});

test('expiry survives a JSON round trip', () => {
  const g = new Grants();
  const { token, grant } = g.issue('driver', { ttlMs: 1000 });
  const h = new Grants(JSON.parse(JSON.stringify(g.toJSON())));
  assert.ok(h.verify(token, grant.expiresAt! - 1));
  assert.equal(h.verify(token, grant.expiresAt!), null);
});
