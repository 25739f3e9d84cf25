// Embedding: a page on another origin loads the pane's module from the agentvm server and shows a
// session with <agentvm-pane server=… session=… token=…> (module script and REST calls need CORS,
// the socket needs none). Two embedded panes on one page are two participants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { withServer, createSession, api } from '../server/helpers.ts';
import { launch, windowAt } from './browser.ts';

test('a page on another origin embeds two panes of one session', { timeout: 300_000 }, async () => {
  const env = await withServer();
  const browser = await launch();
  const s = await createSession(env.server, 'embedded');
  const guest = await api(env.server, 'POST', `/api/sessions/${s.id}/share`, s.token, { role: 'observer', name: 'Viewer' });
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>embedder</title>
      <script type="module" src="${env.server.url}/pane/agentvm-pane.js"></script></head>
      <body style="margin:0">
        <h1>My app</h1>
        <agentvm-pane id="driver" server="${env.server.url}" session="${s.id}" token="${s.token}" style="height:420px"></agentvm-pane>
        <agentvm-pane id="viewer" server="${env.server.url}" session="${s.id}" token="${guest.json.token}" theme="dark" style="height:420px"></agentvm-pane>
      </body></html>`);
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
  const origin = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
  try {
    assert.notEqual(origin, env.server.url);
    const page = await (await windowAt(browser, { width: 1400, height: 1000 })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(origin);
    for (const id of ['driver', 'viewer']) await page.locator(`#${id} [data-avm="connection"][data-state="live"]`).waitFor();
    const text = (id: string) => page.evaluate((i) => (document.getElementById(i) as any).terminalText() as string, id);
    await page.locator('#driver [data-avm="terminal"] .xterm').click();
    await page.keyboard.type('echo embedded-$((5*5))\r', { delay: 5 });
    await page.waitForFunction(() => (document.getElementById('viewer') as any).terminalText().includes('embedded-25'));
    assert.ok((await text('driver')).includes('embedded-25'));
    // the session title came over REST (CORS) and the theme attribute applies per element
    await page.locator('#driver [data-avm="title"]', { hasText: 'embedded' }).waitFor();
    assert.equal(await page.locator('#viewer .avm-root').getAttribute('data-theme'), 'dark');
    assert.equal(await page.locator('#viewer [data-avm="presence"] li.avm-person').count(), 2);
    // the page's own elements keep the browser's styles: the pane's CSS only targets its own classes
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('body > h1')!).fontSize), '32px');
    assert.deepEqual(errors, []);
  } finally {
    host.close();
    await browser.close();
    await env.done();
  }
});
