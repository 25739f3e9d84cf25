// A newcomer's whole path through the pane, as a user clicks it: window 1 opens the URL that
// `agentvm serve` prints, creates a session and lands in it as its driving owner; window 2 (a
// separate browser profile) opens the same URL, picks the session from the list, joins it with
// the join form, asks for control and gets it from window 1's banner; what it types shows in both
// windows; a reload keeps window 2's identity (no second join form).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, api } from '../server/helpers.ts';
import { launch, windowAt, trackedPage, waitLive, waitTerminal, typeInTerminal, terminalText, whoAmI } from './browser.ts';

test('create from the printed URL, second window joins from the list, gets control, types; reload keeps its identity', async () => {
  const env = await withServer();
  const browser = await launch();
  try {
    const printed = `${env.server.url}/#token=${encodeURIComponent(env.server.apiToken)}`;

    // window 1: the printed URL shows the session list with a "New session" form
    const a = await trackedPage(await windowAt(browser));
    await a.goto(printed);
    const form = a.locator('[data-avm="new-session"]');
    await form.waitFor();
    assert.ok(!(a.url()).includes('token='), 'the API token is taken out of the address bar');
    await a.getByLabel('Session name').fill('pairing on the parser');
    await a.getByLabel('Your name').fill('Ana');
    await form.getByRole('button', { name: 'New session' }).click();
    await a.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
    const id = /\/s\/([A-Za-z0-9_-]+)$/.exec(a.url())![1]!;
    await waitLive(a);
    assert.deepEqual(await whoAmI(a).then((m) => m && { role: m.role, name: m.name }), { role: 'owner', name: 'Ana' });
    await a.locator('[data-avm="title"]', { hasText: 'pairing on the parser' }).waitFor();
    await a.locator('[data-avm="controls"] [data-action="release"]').waitFor(); // the owner drives
    assert.equal(await a.locator('.avm-root').getAttribute('data-driving'), 'true');
    await waitTerminal(a, '$ ');
    // the REST API agrees: one session with that name
    const listed = await api(env.server, 'GET', '/api/sessions', env.server.apiToken);
    assert.ok(listed.json.sessions.some((s: { id: string; name: string }) => s.id === id && s.name === 'pairing on the parser'));

    // window 2: same printed URL, a fresh profile; the session is in the list
    const bctx = await windowAt(browser);
    const b = await trackedPage(bctx);
    await b.goto(printed);
    await b.locator(`[data-avm="sessions"] a[data-id="${id}"]`).click();
    await b.waitForURL(new RegExp(`/s/${id}$`));
    const join = b.locator('[data-avm="join"]');
    await join.waitFor();
    assert.equal(await b.locator('[data-avm="connection"]').count(), 0, 'no pane before joining');
    await b.getByLabel('Your name').fill('Ben');
    await b.getByLabel('Join as').selectOption('driver');
    await join.getByRole('button', { name: 'Join session' }).click();
    await waitLive(b);
    const ben = await whoAmI(b);
    assert.equal(ben?.name, 'Ben');
    assert.equal(ben?.role, 'driver');
    await waitTerminal(b, '$ ');

    // both see each other
    await a.locator('[data-avm="presence"] li').nth(1).waitFor();
    await b.locator('[data-avm="presence"] li').nth(1).waitFor();

    // Ben asks for control, Ana hands it over from the banner
    await b.locator('[data-avm="controls"] [data-action="request"]').click();
    await a.locator('[data-avm="requests"]', { hasText: 'Ben asks for control' }).waitFor();
    await a.locator('[data-avm="requests"] [data-action="grant"]', { hasText: 'Ben' }).click();
    await b.locator('[data-avm="controls"] [data-action="release"]').waitFor();
    await a.locator('[data-avm="controls"] [data-action="take"]').waitFor(); // Ana no longer drives
    assert.equal(await a.locator('[data-avm="requests"]').isVisible(), false, 'the banner is gone once handled');

    await typeInTerminal(b, 'echo hi-ben\r');
    await waitTerminal(b, /(^|\n)hi-ben(\n|$)/);
    await waitTerminal(a, /(^|\n)hi-ben(\n|$)/);
    // the output line itself (not just the echoed command) is in both terminals
    for (const p of [a, b]) assert.match(await terminalText(p), /^hi-ben$/m);

    // reload window 2: still Ben (same grant), no join form
    await b.reload();
    await waitLive(b);
    assert.equal(await b.locator('[data-avm="join"]').count(), 0);
    assert.deepEqual(await whoAmI(b), ben);
    await waitTerminal(b, 'hi-ben'); // history is back
    await b.locator('[data-avm="controls"] [data-action="release"]').waitFor(); // and still driving
    // the server lists exactly two grants: Ana (owner) and Ben; the reload did not create a third
    const ownerToken = await a.evaluate((sid) => localStorage.getItem(`agentvm:owner:${sid}`), id);
    assert.ok(ownerToken, 'window 1 kept the owner token of the session it created');
    const grants = await api(env.server, 'GET', `/api/sessions/${id}/grants`, ownerToken);
    assert.equal(grants.status, 200, JSON.stringify(grants.json));
    const names = grants.json.grants.map((g: { name: string }) => g.name).sort();
    assert.deepEqual(names, ['Ana', 'Ben']);

    assert.deepEqual([...a.errors, ...b.errors], []);
  } finally {
    await browser.close();
    await env.done();
  }
});
