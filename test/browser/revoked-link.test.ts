// An observer watches through a share link; the owner revokes the link (REST). The observer's
// pane must end with a clear message that the link is no longer valid — within ~20 s, not
// reconnecting forever — and must stop opening sockets; a reload does not get back in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, api } from '../server/helpers.ts';
import { launch, windowAt, openSession, waitTerminal, typeInTerminal } from './browser.ts';

test('a revoked share link ends the observer\'s pane with "no longer valid" and no more reconnects', async () => {
  const env = await withServer();
  const browser = await launch();
  try {
    const s = await createSession(env.server, 'revocation');
    const link = await api(env.server, 'POST', `/api/sessions/${s.id}/share`, s.token, { role: 'observer', name: 'Oscar' });
    assert.equal(link.status, 201);
    const owner = await openSession(await windowAt(browser), env.server.url, s.id, s.token);
    const obs = await openSession(await windowAt(browser), env.server.url, s.id, link.json.token);
    await typeInTerminal(owner, 'echo before-revoke\r');
    await waitTerminal(obs, /(^|\n)before-revoke(\n|$)/);
    assert.equal(await obs.locator('[data-avm="connection"]').getAttribute('data-state'), 'live');
    await owner.locator('[data-avm="presence"] li', { hasText: 'Oscar' }).waitFor({ state: 'attached' });

    // count the sockets the observer's page opens from now on
    const sockets: number[] = [];
    obs.on('websocket', () => sockets.push(Date.now()));

    const t0 = Date.now();
    const rv = await api(env.server, 'DELETE', `/api/sessions/${s.id}/grants/${link.json.grant.id}`, s.token);
    assert.equal(rv.status, 200);
    assert.equal(rv.json.revoked, true);

    // the pane ends in a clear message, well within 20 s.
    // BUG (web/pane/pane.ts, not fixed here): the server closes the revoked socket with 4401 and
    // y-websocket then stops reconnecting and emits 'closed', which the pane ignores: it counts one
    // failure (it diagnoses after 3) and sits on "Reconnecting…" forever. Fix: in #start, on
    // provider 'closed' run #diagnose() (and provider.connect() when the REST API finds nothing wrong).
    const gate = obs.locator('[data-avm="gate"]');
    await gate.waitFor({ timeout: 20_000 });
    const took = Date.now() - t0;
    assert.match(await gate.innerText(), /no longer valid/i);
    assert.match(await gate.innerText(), /revoked|expired/i);
    assert.equal(await obs.evaluate(() => (document.querySelector('agentvm-pane') as any).state), 'failed');
    // no badge claims to be live, no terminal is left to type into
    assert.equal(await obs.locator('[data-avm="connection"][data-state="live"]').count(), 0);
    assert.equal(await obs.locator('[data-avm="terminal"]').count(), 0);

    // and it stays that way: no more sockets (the pane's backoff is at most 5 s)
    const opened = sockets.length;
    await new Promise((r) => setTimeout(r, 7000));
    assert.equal(sockets.length, opened, `the pane kept reconnecting after it gave up (${sockets.length - opened} more sockets)`);
    assert.ok(await gate.isVisible());

    // a reload does not get back in: the revoked token was forgotten, the page asks for a link
    await obs.reload();
    await obs.locator('[data-avm="gate"]', { hasText: 'need a link' }).waitFor();
    assert.equal(await obs.evaluate((id) => sessionStorage.getItem(`agentvm:token:${id}`), s.id), null);

    // the owner is unaffected and the server lists the grant as revoked
    await typeInTerminal(owner, 'echo owner-still-here\r');
    await waitTerminal(owner, /(^|\n)owner-still-here(\n|$)/);
    assert.equal(await owner.locator('[data-avm="connection"]').getAttribute('data-state'), 'live');
    const grants = await api(env.server, 'GET', `/api/sessions/${s.id}/grants`, s.token);
    assert.equal(grants.json.grants.find((g: { id: string }) => g.id === link.json.grant.id)?.revoked, true);
    const events = await api(env.server, 'GET', `/api/sessions/${s.id}/events`, s.token);
    assert.ok(events.json.events.some((e: { type: string; grant?: string }) => e.type === 'grant.revoked' && e.grant === link.json.grant.id));

    console.log(`revoked link: the observer's pane gave up after ${took} ms`);
    assert.deepEqual([...(owner as any).errors, ...(obs as any).errors], []);
  } finally {
    await browser.close();
    await env.done();
  }
});
