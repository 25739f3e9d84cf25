// An observer (share link) sees everything but cannot type, resize, edit files or change the doc;
// the attempt is refused on the server and logged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { withServer, createSession, connect, api } from './helpers.ts';

test('an observer\'s writes are rejected and logged; the driver is unaffected', async () => {
  const env = await withServer();
  try {
    const s = await createSession(env.server);
    const share = await api(env.server, 'POST', `/api/sessions/${s.id}/share`, s.token, { role: 'observer', name: 'olga' });
    assert.equal(share.status, 201);
    const owner = connect(s.url, s.token);
    const obs = connect(s.url, share.json.token);
    await Promise.all([owner.synced(), obs.synced()]);
    assert.equal(obs.hello?.role, 'observer');

    obs.input('touch /tmp/hacked\r');
    await obs.waitFor(() => obs.errors.some((e) => e.code === 'NOT_DRIVER'), 5000, 'NOT_DRIVER error');
    await owner.waitFor(() => owner.events.some((e) => e.type === 'write.rejected' && e.by?.name === 'olga'), 5000, 'logged');

    // a raw doc edit by the observer does not reach the server's doc
    obs.doc.getArray('events').push([{ id: 999999, type: 'forged' }]);
    await new Promise((r) => setTimeout(r, 300));
    const viaRest = await api(env.server, 'GET', `/api/sessions/${s.id}/events`, s.token);
    assert.ok(!viaRest.json.events.some((e: { type: string }) => e.type === 'forged'));
    assert.ok(!owner.events.some((e) => e.type === 'forged'));

    // REST writes with the observer token are refused too
    const ex = await api(env.server, 'POST', `/api/sessions/${s.id}/exec`, share.json.token, { script: 'touch /tmp/x' });
    assert.equal(ex.status, 403);
    assert.equal(ex.json.error.code, 'NOT_DRIVER');
    const st = await api(env.server, 'POST', `/api/sessions/${s.id}/exec`, s.token, { script: 'test -e /tmp/hacked; echo $?' });
    assert.equal(st.json.stdout, '1\n');

    // unauthenticated connections are refused
    const bad = await api(env.server, 'GET', `/api/sessions/${s.id}`, 'nope');
    assert.equal(bad.status, 401);
    assert.ok(Y.encodeStateVector(obs.doc).length > 0);
    owner.destroy(); obs.destroy();
  } finally { await env.done(); }
});
