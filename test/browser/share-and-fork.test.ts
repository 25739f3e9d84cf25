// The owner's Share and Fork buttons: an observer link made in the pane opens in another window as
// an observer; a fork made in the pane opens as a new session with the parent's files, owned by
// the same browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession } from '../server/helpers.ts';
import { launch, windowAt, openSession, waitTerminal, typeInTerminal, waitLive, whoAmI } from './browser.ts';

test('share an observer link and fork the session from the pane', { timeout: 300_000 }, async () => {
  const env = await withServer();
  const browser = await launch();
  try {
    const s = await createSession(env.server, 'sharing');
    const ctx = await windowAt(browser);
    const a = await openSession(ctx, env.server.url, s.id, s.token);
    await waitTerminal(a, '$ ');
    await typeInTerminal(a, 'echo parent-file > kept.txt; echo made-$((1+1))\r');
    await waitTerminal(a, 'made-2');

    // Share → Observer link: the dialog shows a link to this session with a token in the hash
    await a.locator('[data-action="share"]').click();
    await a.locator('[data-action="share-observer"]').click();
    const link = await a.locator('[data-avm="share-link"] input').inputValue();
    assert.match(link, new RegExp(`^${env.server.url}/s/${s.id}#token=avm_`));
    await a.keyboard.press('Escape');

    const b = await (await windowAt(browser)).newPage();
    await b.goto(link);
    await waitLive(b);
    assert.equal((await whoAmI(b))?.role, 'observer');
    await waitTerminal(b, 'made-2');
    await b.locator('[data-action="request"]').waitFor(); // an observer can only ask
    assert.equal(await b.locator('[data-action="take"]').count(), 0);
    assert.equal(await b.locator('[data-action="share"]').count(), 0);

    // Fork: a new session with the parent's files; its link opens it as its owner
    await a.locator('[data-action="fork"]').click();
    const forkLink = a.locator('[data-avm="fork-link"]');
    await forkLink.waitFor();
    const href = (await forkLink.getAttribute('href'))!;
    const forkId = new URL(href).pathname.split('/').pop()!;
    assert.notEqual(forkId, s.id);
    const [f] = await Promise.all([ctx.waitForEvent('page'), forkLink.click()]);
    await waitLive(f!);
    assert.equal((await whoAmI(f!))?.role, 'owner');
    await typeInTerminal(f!, 'cat kept.txt; echo fork-$((2+2)) > only-in-fork.txt\r');
    await waitTerminal(f!, 'parent-file');
    // the parent does not see the fork's new file
    await typeInTerminal(a, 'ls; echo listed-$((3+3))\r');
    await waitTerminal(a, 'listed-6');
    assert.ok(!(await a.evaluate(() => (document.querySelector('agentvm-pane') as any).terminalText() as string)).includes('only-in-fork.txt'));
    // the list page shows both sessions
    const list = await ctx.newPage();
    await list.goto(`${env.server.url}/#token=${env.server.apiToken}`);
    await list.locator(`[data-avm="sessions"] a[data-id="${forkId}"]`).waitFor();
    await list.locator(`[data-avm="sessions"] a[data-id="${s.id}"]`).waitFor();
  } finally {
    await browser.close();
    await env.done();
  }
});
