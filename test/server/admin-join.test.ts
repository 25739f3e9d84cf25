// Admin join: whoever holds the server's API token enters a session as a separate participant
// (POST /api/sessions/:id/join) with a personal driver or observer token that works everywhere,
// can ask for control and be handed it, is logged, survives the session sleeping, and is refused
// for a wrong API token (by the session itself too), the owner role, and a closed session.
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env.AGENTVM_SLEEP_MS = '2000';
const { withServer, createSession, connect, api } = await import('./helpers.ts');
const { liveSession } = await import('../../actors/live.ts');

test('join with the API token: a working participant; wrong token, owner role and closed sessions refused', async () => {
  const env = await withServer();
  const clients: { destroy(): void }[] = [];
  try {
    const srv = env.server;
    const s = await createSession(srv);
    const base = `/api/sessions/${s.id}`;

    const join = await api(srv, 'POST', `${base}/join`, srv.apiToken, { name: 'second window' });
    assert.equal(join.status, 201, JSON.stringify(join.json));
    assert.equal(join.json.id, s.id);
    assert.match(join.json.token, /^avm_/);
    assert.notEqual(join.json.token, s.token);
    assert.equal(join.json.grant.role, 'driver');
    assert.equal(join.json.grant.kind, 'token');
    assert.equal(join.json.grant.name, 'second window');
    assert.equal(join.json.grant.expiresAt, null);
    assert.equal(join.json.socket.url, s.url);
    assert.equal(join.json.socket.room, 'yjs');
    const me = join.json.token as string;
    const meId = join.json.grant.id as string;

    // the token works over REST and on the session's socket
    const hello = await api(srv, 'GET', base, me);
    assert.equal(hello.status, 200, JSON.stringify(hello.json));
    assert.equal(hello.json.grant.role, 'driver');
    assert.equal(hello.json.grant.name, 'second window');
    const second = connect(join.json.socket.url, me);
    clients.push(second);
    await second.synced();
    assert.equal(second.hello?.role, 'driver');
    assert.equal(second.hello?.name, 'second window');

    // default name and role; observers too
    const guest = await api(srv, 'POST', `${base}/join`, srv.apiToken);
    assert.equal(guest.status, 201, JSON.stringify(guest.json));
    assert.equal(guest.json.grant.name, 'guest');
    assert.equal(guest.json.grant.role, 'driver');
    const watcher = await api(srv, 'POST', `${base}/join`, srv.apiToken, { role: 'observer', name: 'watcher' });
    assert.equal(watcher.status, 201);
    assert.equal(watcher.json.grant.role, 'observer');
    assert.equal((await api(srv, 'GET', base, watcher.json.token)).json.grant.role, 'observer');
    const long = await api(srv, 'POST', `${base}/join`, srv.apiToken, { name: 'n'.repeat(300) });
    assert.equal(long.json.grant.name.length, 100);

    // refusals
    const expectError = (what: string, r: { status: number; json: any }, status: number, code: string) => {
      assert.equal(r.status, status, `${what}: ${JSON.stringify(r.json)}`);
      assert.equal(r.json.error?.code, code, what);
      assert.ok(typeof r.json.error.message === 'string' && r.json.error.message.length > 0, what);
    };
    const wrong = await api(srv, 'POST', `${base}/join`, 'not-the-api-token', { name: 'mallory' });
    expectError('wrong API token', wrong, 401, 'UNAUTHORIZED');
    assert.match(wrong.json.error.message, /API token/);
    expectError('a session token is not the API token', await api(srv, 'POST', `${base}/join`, s.token), 401, 'UNAUTHORIZED');
    expectError('no token', await api(srv, 'POST', `${base}/join`, ''), 401, 'UNAUTHORIZED');
    expectError('owner role', await api(srv, 'POST', `${base}/join`, srv.apiToken, { role: 'owner' }), 400, 'BAD_ROLE');
    expectError('unknown role', await api(srv, 'POST', `${base}/join`, srv.apiToken, { role: 'king' }), 400, 'BAD_ROLE');
    expectError('role not a string', await api(srv, 'POST', `${base}/join`, srv.apiToken, { role: 2 }), 400, 'BAD_ROLE');
    expectError('name not a string', await api(srv, 'POST', `${base}/join`, srv.apiToken, { name: 7 }), 400, 'BAD_REQUEST');
    expectError('unknown session', await api(srv, 'POST', '/api/sessions/noSuchSession42/join', srv.apiToken), 404, 'NOT_FOUND');

    // the session checks the API token itself (its actions are reachable without the REST layer)
    const handle = srv.client.session.get([s.id]);
    await assert.rejects(handle.admit('not-the-api-token', 'driver', 'sneaky'), (e: any) => e.code === 'UNAUTHORIZED');
    await assert.rejects(handle.admit(s.token, 'driver', 'sneaky'), (e: any) => e.code === 'UNAUTHORIZED');
    await assert.rejects(handle.admit(srv.apiToken, 'owner', 'sneaky'), (e: any) => e.code === 'BAD_ROLE');
    const grants = await api(srv, 'GET', `${base}/grants`, s.token);
    assert.ok(!grants.json.grants.some((g: { name: string }) => g.name === 'sneaky'), 'no grant issued for refused calls');
    const ours = grants.json.grants.find((g: { id: string }) => g.id === meId);
    assert.deepEqual([ours.role, ours.kind, ours.name], ['driver', 'token', 'second window']);

    // the owner drives; the new participant asks for control and is handed it
    const refused = await api(srv, 'POST', `${base}/exec`, me, { script: 'echo too-early' });
    expectError('exec before driving', refused, 403, 'NOT_DRIVER');
    const req = await api(srv, 'POST', `${base}/control`, me, { action: 'request' });
    assert.equal(req.status, 200, JSON.stringify(req.json));
    assert.ok(req.json.requests.some((r: { id: string }) => r.id === meId));
    const grant = await api(srv, 'POST', `${base}/control`, s.token, { action: 'grant', to: meId });
    assert.equal(grant.status, 200, JSON.stringify(grant.json));
    assert.deepEqual(grant.json.driver, { id: meId, name: 'second window' });
    await second.waitFor(() => second.driver?.id === meId, 5000, 'second window drives');
    const ex = await api(srv, 'POST', `${base}/exec`, me, { script: 'echo joined-$((6*7))' });
    assert.equal(ex.status, 200, JSON.stringify(ex.json));
    assert.equal(ex.json.stdout, 'joined-42\n');

    // logged
    const events = (await api(srv, 'GET', `${base}/events`, s.token)).json.events as { type: string; role?: string; grant?: string; name?: string }[];
    const admitted = events.filter((e) => e.type === 'participant.admitted');
    assert.equal(admitted.length, 4, JSON.stringify(admitted));
    assert.deepEqual([admitted[0]!.role, admitted[0]!.grant, admitted[0]!.name], ['driver', meId, 'second window']);
    assert.equal(admitted[2]!.role, 'observer');
    const exited = events.find((e) => e.type === 'exec.exited');
    assert.equal((exited as { by?: { id: string } }).by?.id, meId);

    // the grant is kept in the session's state: it still works after the session slept
    for (const c of clients.splice(0)) c.destroy();
    const deadline = Date.now() + 30_000;
    while (liveSession(s.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(liveSession(s.id), undefined, 'the session went to sleep');
    const woke = await api(srv, 'GET', base, me);
    assert.equal(woke.status, 200, JSON.stringify(woke.json));
    assert.equal(woke.json.grant.id, meId);

    // a closed session admits nobody
    assert.equal((await api(srv, 'DELETE', base, s.token)).status, 200);
    expectError('closed session', await api(srv, 'POST', `${base}/join`, srv.apiToken, { name: 'late' }), 410, 'SESSION_CLOSED');
  } finally {
    for (const c of clients) c.destroy();
    await env.done();
  }
});
