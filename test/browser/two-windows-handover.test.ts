// Two browser windows on one session: what the driver types shows in both terminals, the
// observer's keystrokes are not sent, and control goes to the observer and back through the pane's
// buttons. Saves a screenshot of the pane with two users (test/artifacts/pane-two-users.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, api } from '../server/helpers.ts';
import { launch, windowAt, openSession, waitTerminal, typeInTerminal, terminalText, screenshot } from './browser.ts';

// the engine lock (one server at a time) can make a file wait for others: a longer budget
test('driver types, both windows see it; the observer cannot type until control is handed over, and back', { timeout: 300_000 }, async () => {
  const env = await withServer();
  const browser = await launch();
  try {
    const s = await createSession(env.server, 'handover');
    const share = await api(env.server, 'POST', `/api/sessions/${s.id}/share`, s.token, { role: 'observer', name: 'Bea' });
    assert.equal(share.status, 201);
    const a = await openSession(await windowAt(browser), env.server.url, s.id, s.token);
    const b = await openSession(await windowAt(browser), env.server.url, s.id, share.json.token);
    await waitTerminal(a, '$ ');
    await waitTerminal(b, '$ ');

    // the owner drives: typing reaches the VM and both windows show the output
    await typeInTerminal(a, 'echo from-a-$((40+2))\r');
    await waitTerminal(a, 'from-a-42');
    await waitTerminal(b, 'from-a-42');
    // both see each other
    await b.locator('[data-avm="presence"] li.avm-person').nth(1).waitFor();
    assert.equal(await a.locator('[data-avm="presence"] li.avm-person').count(), 2);

    // the observer types: nothing is sent, the pane says why
    await typeInTerminal(b, 'echo from-b-observer\r');
    await b.locator('.avm-toast', { hasText: 'is driving' }).first().waitFor();
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!(await terminalText(a)).includes('from-b-observer'));
    assert.ok(!(await terminalText(b)).includes('from-b-observer'));

    // observer asks for control; the owner hands it over from the banner
    await b.locator('[data-action="request"]').click();
    await a.locator('[data-avm="requests"]', { hasText: 'asks for control' }).waitFor();
    await a.locator('[data-action="grant"]').click();
    await b.locator('[data-action="release"]').waitFor(); // b now drives
    await typeInTerminal(b, 'echo from-b-$((6*7))\r');
    await waitTerminal(a, 'from-b-42');
    await waitTerminal(b, 'from-b-42');

    // and back: the new driver hands control to the owner with the hand-over menu
    const ownerId = await a.evaluate(() => (document.querySelector('agentvm-pane') as any).client.hello.grant as string);
    await b.locator('[data-action="handover-to"]').selectOption(ownerId);
    await a.locator('[data-action="release"]').waitFor();
    await typeInTerminal(a, 'echo back-to-a\r');
    await waitTerminal(b, 'back-to-a');
    await typeInTerminal(b, 'echo b-again\r');
    await b.locator('.avm-toast', { hasText: 'is driving' }).first().waitFor();

    // the timeline shows the handovers and the commands with their status
    await a.locator('[data-avm="timeline"] [data-type="control.granted"]').nth(1).waitFor();
    await a.locator('[data-avm="timeline"] [data-type="command.started"] .avm-ok').first().waitFor();

    await screenshot(a, 'pane-two-users.png');
    const pageErrors = [...(a as any).errors, ...(b as any).errors];
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
    await env.done();
  }
});
