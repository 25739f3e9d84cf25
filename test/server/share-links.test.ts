// Share links: a driver link lets its holder take control once nobody drives, and type; a
// revoked or expired link is refused everywhere (REST and socket).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { withServer, createSession, connect, api, type TestEnv } from './helpers.ts';

/** Opens a raw session socket: 'open', or the HTTP status the upgrade was refused with. */
function socketOutcome(url: string, token: string): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/yjs?token=${encodeURIComponent(token)}`);
    const t = setTimeout(() => { ws.terminate(); reject(new Error('socket neither opened nor was refused')); }, 10_000);
    ws.on('open', () => { clearTimeout(t); ws.close(); resolve('open'); });
    ws.on('unexpected-response', (_req, res) => { clearTimeout(t); res.resume(); ws.terminate(); resolve(res.statusCode ?? 0); });
    ws.on('error', () => { /* reported by one of the two above */ });
  });
}

let env: TestEnv;
before(async () => { env = await withServer(); });
after(async () => { await env.done(); });

test('driver link: take control when free, type; revoked and expired links are refused', async () => {
  const srv = env.server;
  const s = await createSession(srv);
  const base = `/api/sessions/${s.id}`;
  const link = await api(srv, 'POST', `${base}/share`, s.token, { role: 'driver', name: 'dan' });
  assert.equal(link.status, 201, JSON.stringify(link.json));
  assert.equal(link.json.grant.role, 'driver');
  assert.equal(link.json.grant.kind, 'share');
  assert.match(link.json.socket.url, new RegExp(`/sessions/${s.id}$`));
  const owner = connect(s.url, s.token);
  const dan = connect(s.url, link.json.token);
  try {
    await Promise.all([owner.synced(), dan.synced()]);
    assert.equal(dan.hello?.role, 'driver');
    assert.equal(dan.hello?.name, 'dan');
    await owner.waitFor(() => owner.terminalText.includes('$ '), 10_000, 'prompt');

    // while the owner drives, the link holder can neither take control nor type
    dan.takeControl();
    await dan.waitFor(() => dan.errors.some((e) => e.code === 'FORBIDDEN'), 5000, 'take refused');
    dan.input('echo too-early\r');
    await dan.waitFor(() => dan.errors.some((e) => e.code === 'NOT_DRIVER'), 5000, 'input refused');
    assert.equal(owner.driver?.id, owner.hello!.grant);

    // the owner lets go; the link holder takes over and types
    owner.releaseControl();
    await dan.waitFor(() => dan.driver === null, 5000, 'nobody drives');
    dan.takeControl();
    await owner.waitFor(() => owner.driver?.id === dan.hello!.grant, 5000, 'dan drives');
    dan.input('echo from-$((40+2))-dan\r');
    await owner.waitFor(() => owner.terminalText.includes('from-42-dan\r\n'), 10_000, 'dan typed');
    assert.ok(!owner.terminalText.includes('too-early\r\n'));
    const types = owner.events.filter((e) => e.type.startsWith('control.')).map((e) => [e.type, e.by?.name]);
    assert.deepEqual(types, [['control.released', 'owner'], ['control.taken', 'dan']]);
    // REST works for the link holder while it drives
    const ex = await api(srv, 'POST', `${base}/exec`, link.json.token, { script: 'echo rest-ok' });
    assert.equal(ex.status, 200);
    assert.equal(ex.json.stdout, 'rest-ok\n');
    // a driver link cannot mint links or list grants
    assert.equal((await api(srv, 'POST', `${base}/share`, link.json.token, { role: 'observer' })).status, 403);
    assert.equal((await api(srv, 'GET', `${base}/grants`, link.json.token)).status, 403);

    // revoke: REST and new sockets are refused; other grants are unaffected
    const grants = await api(srv, 'GET', `${base}/grants`, s.token);
    assert.ok(grants.json.grants.some((g: { id: string; name: string }) => g.id === link.json.grant.id && g.name === 'dan'));
    const rv = await api(srv, 'DELETE', `${base}/grants/${link.json.grant.id}`, s.token);
    assert.equal(rv.status, 200, JSON.stringify(rv.json));
    assert.equal(rv.json.revoked, true);
    assert.equal((await api(srv, 'DELETE', `${base}/grants/${link.json.grant.id}`, s.token)).json.revoked, false, 'revoking twice is a no-op');
    const after = await api(srv, 'GET', base, link.json.token);
    assert.equal(after.status, 401);
    assert.equal(after.json.error.code, 'UNAUTHORIZED');
    assert.equal((await api(srv, 'POST', `${base}/exec`, link.json.token, { script: 'echo no' })).status, 401);
    assert.equal(await socketOutcome(s.url, link.json.token), 401);
    assert.equal(await socketOutcome(s.url, s.token), 'open');
    await owner.waitFor(() => owner.events.some((e) => e.type === 'grant.revoked' && e.grant === link.json.grant.id), 5000, 'revocation logged');

    // expiry: a link works until its ttl runs out, then it is refused the same way
    const ttlMs = 1500;
    const t0 = Date.now();
    const short = await api(srv, 'POST', `${base}/share`, s.token, { role: 'observer', name: 'brief', ttlMs });
    assert.equal(short.status, 201);
    assert.equal(typeof short.json.grant.expiresAt, 'number');
    assert.ok(short.json.grant.expiresAt >= t0 + ttlMs && short.json.grant.expiresAt <= Date.now() + ttlMs);
    if (Date.now() < short.json.grant.expiresAt - 500) {
      assert.equal((await api(srv, 'GET', base, short.json.token)).status, 200);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, short.json.grant.expiresAt - Date.now()) + 100));
    const expired = await api(srv, 'GET', base, short.json.token);
    assert.equal(expired.status, 401);
    assert.equal(expired.json.error.code, 'UNAUTHORIZED');
    assert.equal(await socketOutcome(s.url, short.json.token), 401);
    // a link that has already expired when it is first used never connects
    const tiny = await api(srv, 'POST', `${base}/share`, s.token, { role: 'driver', ttlMs: 1 });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(await socketOutcome(s.url, tiny.json.token), 401);
    assert.equal((await api(srv, 'GET', base, tiny.json.token)).status, 401);
    // the owner's own token is untouched by all this
    assert.equal((await api(srv, 'GET', base, s.token)).status, 200);
  } finally { owner.destroy(); dan.destroy(); }
});

test('revoking the driving link hands control back; its typing is refused', async () => {
  const srv = env.server;
  const s = await createSession(srv);
  const base = `/api/sessions/${s.id}`;
  const link = await api(srv, 'POST', `${base}/share`, s.token, { role: 'driver', name: 'eve' });
  const owner = connect(s.url, s.token);
  const eve = connect(s.url, link.json.token);
  try {
    await Promise.all([owner.synced(), eve.synced()]);
    await owner.waitFor(() => owner.terminalText.includes('$ '), 10_000, 'prompt');
    owner.releaseControl();
    await eve.waitFor(() => eve.driver === null, 5000, 'nobody drives');
    eve.takeControl();
    await owner.waitFor(() => owner.driver?.id === eve.hello!.grant, 5000, 'eve drives');
    const rv = await api(srv, 'DELETE', `${base}/grants/${link.json.grant.id}`, s.token);
    assert.equal(rv.json.revoked, true);
    await owner.waitFor(() => owner.driver?.id === owner.hello!.grant, 5000, 'control back with the owner');
    try { eve.input('echo after-revoke\r'); } catch { /* socket already closed: fine */ }
    try { eve.takeControl(); } catch { /* socket already closed: fine */ }
    owner.input('echo owner-again\r');
    await owner.waitFor(() => owner.terminalText.includes('owner-again\r\n'), 10_000, 'owner types');
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!owner.terminalText.includes('after-revoke\r\n'));
    assert.equal(owner.driver?.id, owner.hello!.grant);
  } finally { owner.destroy(); eve.destroy(); }
});

test('a revoked link\'s open socket can no longer change the session', async () => {
  const srv = env.server;
  const s = await createSession(srv);
  const base = `/api/sessions/${s.id}`;
  const path = '/home/user/shared.txt';
  const link = await api(srv, 'POST', `${base}/share`, s.token, { role: 'driver', name: 'mia' });
  const owner = connect(s.url, s.token);
  const mia = connect(s.url, link.json.token);
  try {
    await Promise.all([owner.synced(), mia.synced()]);
    owner.openFile(path);
    await mia.waitFor(() => mia.doc.getMap('open').has(path), 5000, 'file open');
    mia.fileText(path).insert(0, 'before ');
    await owner.waitFor(() => owner.fileText(path).toString() === 'before ', 5000, 'mia edits while allowed');
    const rv = await api(srv, 'DELETE', `${base}/grants/${link.json.grant.id}`, s.token);
    assert.equal(rv.json.revoked, true);
    mia.fileText(path).insert(0, 'after ');
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(owner.fileText(path).toString(), 'before ');
    const file = await fetch(`${srv.url}${base}/files?path=${path}`, { headers: { authorization: `Bearer ${s.token}` } });
    assert.equal(await file.text(), 'before ');
  } finally { owner.destroy(); mia.destroy(); }
});
