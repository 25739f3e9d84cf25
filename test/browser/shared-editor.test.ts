// A file edited in one window's editor changes in the other window's editor and in the VM (`cat`
// shows it), both ways; an observer sees the live text read-only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, api } from '../server/helpers.ts';
import { launch, windowAt, openSession, waitTerminal, typeInTerminal, screenshot } from './browser.ts';
import type { Page } from 'playwright-core';

const editorText = (p: Page, path: string) => p.evaluate((f) => (document.querySelector('agentvm-pane') as any).editorText(f) as string | null, path);
const waitEditor = (p: Page, path: string, needle: string) =>
  p.waitForFunction(([f, n]) => ((document.querySelector('agentvm-pane') as any).editorText(f) ?? '').includes(n), [path, needle] as const);

// the engine lock (one server at a time) can make a file wait for others: a longer budget
test('two windows edit one VM file together; the VM sees every edit; observers read along', { timeout: 300_000 }, async () => {
  const env = await withServer();
  const browser = await launch();
  try {
    const s = await createSession(env.server, 'editing');
    const path = '/home/user/notes.md';
    assert.equal((await fetch(`${env.server.url}/api/sessions/${s.id}/files?path=${path}`, { method: 'PUT', headers: { authorization: `Bearer ${s.token}` }, body: '# Notes\nfirst line\n' })).status, 200);
    const driverLink = await api(env.server, 'POST', `/api/sessions/${s.id}/share`, s.token, { role: 'driver', name: 'Bea' });
    const observerLink = await api(env.server, 'POST', `/api/sessions/${s.id}/share`, s.token, { role: 'observer', name: 'Cy' });
    const a = await openSession(await windowAt(browser), env.server.url, s.id, s.token);
    const b = await openSession(await windowAt(browser), env.server.url, s.id, driverLink.json.token);
    const c = await openSession(await windowAt(browser), env.server.url, s.id, observerLink.json.token);

    // a opens the file from the tree: it is now open for live editing (marked in everyone's tree)
    await a.locator(`[data-avm="files"] [data-path="${path}"]`).click();
    await waitEditor(a, path, 'first line');
    await b.locator(`[data-avm="files"] [data-path="${path}"] .avm-live-dot`).waitFor();
    await b.locator(`[data-avm="files"] [data-path="${path}"]`).click();
    await waitEditor(b, path, 'first line');
    await c.locator(`[data-avm="files"] [data-path="${path}"]`).click();
    await waitEditor(c, path, 'first line');

    // a types at the end; b and the VM see it
    await a.locator('[data-avm="editor"] .cm-content').click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type('from ana\n', { delay: 10 });
    await waitEditor(b, path, 'from ana');
    await waitEditor(c, path, 'from ana');
    // b types at the start; a sees it
    await b.locator('[data-avm="editor"] .cm-content').click();
    await b.keyboard.press('Control+Home');
    await b.keyboard.type('<!-- bea was here -->\n', { delay: 10 });
    await waitEditor(a, path, 'bea was here');
    // and sees where Bea's cursor is, labelled with her name
    const caret = a.locator('[data-avm="editor"] .cm-ySelectionCaret').first();
    await caret.waitFor();
    assert.equal(await caret.locator('.cm-ySelectionInfo').textContent(), 'Bea');

    // the VM file has both edits: the driver's terminal `cat` shows it, and so does the REST API
    await typeInTerminal(a, `cat ${path}\r`);
    await waitTerminal(a, 'from ana');
    await waitTerminal(a, '<!-- bea was here -->');
    await waitTerminal(c, 'from ana');
    const vmText = await (await fetch(`${env.server.url}/api/sessions/${s.id}/files?path=${path}`, { headers: { authorization: `Bearer ${s.token}` } })).text();
    assert.equal(vmText, '<!-- bea was here -->\n# Notes\nfirst line\nfrom ana\n');
    assert.equal(await editorText(a, path), vmText);
    assert.equal(await editorText(b, path), vmText);

    // the VM changes the file: every editor follows
    await typeInTerminal(a, `echo 'appended by the shell' >> ${path}\r`);
    await waitEditor(b, path, 'appended by the shell');
    await waitEditor(c, path, 'appended by the shell');

    // the observer's editor is read-only: typing changes nothing
    assert.equal(await c.locator('[data-avm="editor"] .cm-content').getAttribute('contenteditable'), 'false');
    await c.locator('[data-avm="editor"] .cm-content').click();
    await c.keyboard.type('observer typing');
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!(await editorText(a, path))!.includes('observer typing'));

    await screenshot(a, 'pane-two-users.png');
  } finally {
    await browser.close();
    await env.done();
  }
});
