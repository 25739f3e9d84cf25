// The pane's socket drops (the server's runner stops and comes back on the same port and data
// directory; the engine keeps running). While it is down the badge says so and typing is refused
// with a "Not sent" toast — that text never reaches the VM later; when the server is back the pane
// returns to Live by itself, typing works again and the earlier output is still on screen.
//
// (Chromium's context.setOffline(true) does not close open WebSockets — the pane stays Live
// through it — so the drop is made on the server side.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, api } from '../server/helpers.ts';
import { startServer, type AgentvmServer } from '../../web/server.ts';
import { launch, windowAt, openSession, waitTerminal, typeInTerminal, terminalText, until } from './browser.ts';

test('socket drop: Reconnecting badge, "Not sent" while down, back to Live by itself with history intact', { timeout: 300_000 }, async () => {
  const env = await withServer();
  const browser = await launch();
  let restarted: AgentvmServer | null = null;
  try {
    const s = await createSession(env.server, 'flaky network');
    const page = await openSession(await windowAt(browser), env.server.url, s.id, s.token);
    const badge = page.locator('[data-avm="connection"]');
    await waitTerminal(page, '$ ');
    await typeInTerminal(page, 'echo before-$((20+1))-drop\r');
    await waitTerminal(page, /(^|\n)before-21-drop(\n|$)/);
    // a file open in the editor: editable while live
    await page.locator('[data-avm="files"] [data-action="new-file"]').click();
    await page.keyboard.type('draft.txt\n');
    const cm = page.locator('[data-avm="editor"] .cm-content');
    await cm.waitFor();
    await until(async () => (await cm.getAttribute('contenteditable')) === 'true', 'editor editable');
    const states: string[] = [];
    await page.exposeFunction('recordState', (st: string) => { states.push(st); });
    await page.evaluate(() => document.querySelector('agentvm-pane')!.addEventListener('agentvm-status', (e) => (window as any).recordState((e as CustomEvent).detail.state)));

    // the runner goes away: every socket closes, reconnection attempts are refused
    const port = env.server.port;
    await env.server.close();
    await page.locator('[data-avm="connection"][data-state="reconnecting"], [data-avm="connection"][data-state="offline"]').waitFor({ timeout: 10_000 });
    assert.match(await badge.innerText(), /reconnecting|offline/i);
    assert.notEqual(await page.evaluate(() => (document.querySelector('agentvm-pane') as any).state), 'live');

    // the editor turns read-only while down (nothing typed there could reach the VM) and says why
    await until(async () => (await cm.getAttribute('contenteditable')) === 'false', 'editor read-only while down');
    await page.locator('.avm-editor-status', { hasText: 'disconnected' }).waitFor();

    // typing while down: refused on the spot, and the pane says so
    await typeInTerminal(page, 'echo typed-while-down\r');
    await page.locator('.avm-toast', { hasText: 'Not sent' }).first().waitFor();
    assert.ok(!(await terminalText(page)).includes('typed-while-down'), 'nothing typed while down is echoed');
    // stay down across a few reconnection attempts
    await new Promise((r) => setTimeout(r, 3000));
    assert.notEqual(await badge.getAttribute('data-state'), 'live');

    // the runner comes back on the same port: the pane reconnects without any help
    restarted = await startServer({ port, dataDir: env.dataDir, apiToken: env.server.apiToken });
    const back = Date.now();
    await page.locator('[data-avm="connection"][data-state="live"]').waitFor({ timeout: 20_000 });
    console.log(`reconnects: Live again ${Date.now() - back} ms after the server returned; states ${states.join(' → ')}`);
    assert.equal(await badge.innerText(), 'Live');
    assert.ok(states.includes('reconnecting') || states.includes('offline'), `states seen: ${states.join(', ')}`);
    assert.equal(states.at(-1), 'live');

    // the earlier output is still there, the editor is editable again, and typing works again
    await until(async () => (await cm.getAttribute('contenteditable')) === 'true', 'editor editable after reconnect');
    assert.match(await terminalText(page), /(^|\n)before-21-drop(\n|$)/);
    await until(() => page.evaluate(() => (document.querySelector('agentvm-pane') as any).client?.hello != null), 'hello after reconnect');
    await page.locator('[data-avm="controls"] [data-action="release"]').waitFor(); // still the driver
    await typeInTerminal(page, 'echo after-$((40+2))-return\r');
    await waitTerminal(page, /(^|\n)after-42-return(\n|$)/);
    const text = await terminalText(page);
    assert.match(text, /(^|\n)before-21-drop(\n|$)/);
    assert.ok(!text.includes('typed-while-down'), 'what was refused while down never reached the VM');
    assert.ok(text.indexOf('before-21-drop') < text.indexOf('after-42-return'));

    // the server's record agrees: two commands ran, the refused one is not among them
    const ev = await api(restarted, 'GET', `/api/sessions/${s.id}/events`, s.token);
    assert.equal(ev.status, 200);
    const lines = ev.json.events.filter((e: { type: string }) => e.type === 'command.started').map((e: { line: string }) => e.line);
    assert.deepEqual(lines, ['echo before-$((20+1))-drop', 'echo after-$((40+2))-return']);
    assert.deepEqual((page as any).errors, []);
  } finally {
    await browser.close();
    await restarted?.close();
    await env.done();
  }
});
