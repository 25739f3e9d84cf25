// Reloading the page restores the whole terminal (scrollback replayed from the doc) and the
// timeline, and the tab keeps its participant (still the driver, no join form).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession } from '../server/helpers.ts';
import { launch, windowAt, openSession, waitTerminal, typeInTerminal, terminalText, waitLive } from './browser.ts';

// the engine lock (one server at a time) can make a file wait for others: a longer budget
test('reload restores the full terminal and timeline, and keeps the identity', { timeout: 300_000 }, async () => {
  const env = await withServer();
  const browser = await launch();
  try {
    const s = await createSession(env.server, 'reload');
    const page = await openSession(await windowAt(browser), env.server.url, s.id, s.token);
    await waitTerminal(page, '$ ');
    // more lines than the screen holds: the first ones live in the scrollback
    await typeInTerminal(page, 'for i in $(seq 1 120); do echo line-$i; done; echo done-$((60+9))\r');
    await waitTerminal(page, 'done-69');
    await typeInTerminal(page, 'false\r');
    await page.locator('[data-avm="timeline"] [data-type="command.started"] .avm-fail').waitFor();
    const before = await terminalText(page);
    const rowsBefore = await page.locator('[data-avm="timeline"] li').allTextContents();
    const me = await page.evaluate(() => (document.querySelector('agentvm-pane') as any).client.hello.grant);

    await page.reload();
    assert.equal(new URL(page.url()).hash, '', 'the token is not left in the address bar');
    await waitLive(page);
    await waitTerminal(page, 'done-69');
    const after = await terminalText(page);
    assert.ok(after.includes('line-1\n'), 'the scrollback came back');
    assert.equal(after, before);
    await page.locator('[data-avm="timeline"] [data-type="command.started"] .avm-fail').waitFor();
    assert.deepEqual(await page.locator('[data-avm="timeline"] li').allTextContents(), rowsBefore);
    assert.equal(await page.evaluate(() => (document.querySelector('agentvm-pane') as any).client.hello.grant), me);
    await page.locator('[data-action="release"]').waitFor(); // still driving
  } finally {
    await browser.close();
    await env.done();
  }
});
