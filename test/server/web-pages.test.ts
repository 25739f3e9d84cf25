// The web pane's pages and files: / and /s/<id> are the HTML shell that loads /pane/agentvm-pane.js;
// the built files go to any origin with a content type and an ETag; nothing outside the pane's
// directory is reachable; an unbuilt pane says how to build it; /api/* answers CORS preflights.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withServer, createSession, api, type TestEnv } from './helpers.ts';

const JS = 'customElements.define("agentvm-test", class extends HTMLElement {}); // pane-marker\n';
const SECRET = 'outside-the-pane-dir';

const tmp = mkdtempSync(join(tmpdir(), 'agentvm-pane-'));
const paneDir = join(tmp, 'dist');
mkdirSync(join(paneDir, 'assets'), { recursive: true });
writeFileSync(join(paneDir, 'agentvm-pane.js'), JS);
writeFileSync(join(paneDir, 'agentvm-pane.js.map'), '{"version":3}');
writeFileSync(join(paneDir, 'assets', 'mono.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
writeFileSync(join(paneDir, '.hidden'), 'dotfile');
writeFileSync(join(tmp, 'secret.txt'), SECRET);

/** A GET with the request target sent exactly as written (fetch would normalize dot segments). */
function rawGet(base: string, target: string): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: target, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let env: TestEnv;
before(async () => { env = await withServer({ paneDir }); });
after(async () => { try { await env.done(); } finally { rmSync(tmp, { recursive: true, force: true }); } });

test('pages, pane files, traversal, CORS, and the unbuilt pane', async () => {
  const srv = env.server;

  // the list page
  const home = await fetch(srv.url + '/');
  assert.equal(home.status, 200);
  assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
  const html = await home.text();
  assert.match(html, /<title>agentvm<\/title>/);
  assert.match(html, /<meta name="viewport" content="width=device-width[^"]*">/);
  assert.match(html, /<meta name="color-scheme" content="light dark">/);
  assert.match(html, /<agentvm-sessions><\/agentvm-sessions>/);
  assert.match(html, /<script type="module" src="\/pane\/agentvm-pane\.js"><\/script>/);
  assert.match(html, /margin:0/);

  // one session's page (the server does not need to know the session: the pane asks the API)
  const s = await createSession(srv);
  const one = await fetch(`${srv.url}/s/${s.id}`);
  assert.equal(one.status, 200);
  const paneHtml = await one.text();
  assert.ok(paneHtml.includes(`<agentvm-pane session="${s.id}"></agentvm-pane>`), paneHtml);
  assert.match(paneHtml, /<script type="module" src="\/pane\/agentvm-pane\.js"><\/script>/);
  for (const bad of ['bad.id', 'a%22onload%3D%22x', 'x'.repeat(65), '%3Cscript%3E']) {
    const r = await fetch(`${srv.url}/s/${bad}`);
    assert.equal(r.status, 404, bad);
    const body = await r.text();
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.ok(!body.includes('<agentvm-pane'), bad);
    assert.ok(!body.includes('<script>'), bad);
  }

  // the module: JS content type, any origin, ETag → 304
  const js = await fetch(srv.url + '/pane/agentvm-pane.js', { headers: { origin: 'https://elsewhere.example' } });
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.equal(js.headers.get('access-control-allow-origin'), '*');
  assert.equal(js.headers.get('cache-control'), 'no-cache');
  assert.equal(await js.text(), JS);
  const etag = js.headers.get('etag');
  assert.ok(etag, 'an ETag');
  const again = await fetch(srv.url + '/pane/agentvm-pane.js', { headers: { 'if-none-match': etag! } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const stale = await fetch(srv.url + '/pane/agentvm-pane.js', { headers: { 'if-none-match': '"not-it"' } });
  assert.equal(stale.status, 200);
  assert.equal(await stale.text(), JS);
  // the file changed: a new ETag, the old one no longer matches
  writeFileSync(join(paneDir, 'agentvm-pane.js'), JS + '// v2\n');
  const changed = await fetch(srv.url + '/pane/agentvm-pane.js', { headers: { 'if-none-match': etag! } });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.get('etag'), etag);
  assert.ok((await changed.text()).endsWith('// v2\n'));

  // other files, nested directories
  const map = await fetch(srv.url + '/pane/agentvm-pane.js.map');
  assert.match(map.headers.get('content-type') ?? '', /^application\/json/);
  await map.text();
  const font = await fetch(srv.url + '/pane/assets/mono.woff2');
  assert.equal(font.status, 200);
  assert.equal(font.headers.get('content-type'), 'font/woff2');
  assert.equal(font.headers.get('access-control-allow-origin'), '*');
  assert.deepEqual(new Uint8Array(await font.arrayBuffer()), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  const missing = await fetch(srv.url + '/pane/nope.js');
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).error.code, 'NOT_FOUND');

  // nothing outside the pane's directory (nor dot files) is served, however the path is spelled
  for (const target of [
    '/pane/../secret.txt', '/pane/%2e%2e/secret.txt', '/pane/%2E%2E/secret.txt', '/pane/..%2fsecret.txt',
    '/pane/%2e%2e%2fsecret.txt', '/pane/assets/..%2f..%2fsecret.txt', '/pane/assets%2f..%2f..%2fsecret.txt',
    '/pane/..%5csecret.txt', '/pane/%2fetc%2fpasswd', '/pane//etc/passwd', '/pane/.hidden', '/pane/%2ehidden',
    '/pane/../../web/server.ts', '/pane/%2e%2e/%2e%2e/web/server.ts', '/pane/agentvm-pane.js%00.png',
  ]) {
    const r = await rawGet(srv.url, target);
    assert.ok(r.status === 404 || r.status === 400, `${target}: ${r.status}`);
    assert.ok(!r.body.includes(SECRET) && !r.body.includes('dotfile') && !r.body.includes('root:') && !r.body.includes('startServer'), target);
  }

  // CORS for the REST API: preflight without a token, and the headers on real answers
  const pre = await fetch(srv.url + '/api/sessions', {
    method: 'OPTIONS',
    headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), '*');
  assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
  assert.match(pre.headers.get('access-control-allow-headers') ?? '', /authorization/i);
  assert.match(pre.headers.get('access-control-allow-headers') ?? '', /content-type/i);
  assert.equal(pre.headers.get('access-control-allow-credentials'), null);
  const pre2 = await fetch(`${srv.url}/api/sessions/${s.id}/exec`, { method: 'OPTIONS', headers: { origin: 'https://x.example', 'access-control-request-method': 'POST' } });
  assert.equal(pre2.status, 204);
  const list = await fetch(srv.url + '/api/sessions', { headers: { origin: 'https://elsewhere.example', authorization: `Bearer ${srv.apiToken}` } });
  assert.equal(list.status, 200);
  assert.equal(list.headers.get('access-control-allow-origin'), '*');
  await list.json();
  const denied = await fetch(srv.url + '/api/sessions', { headers: { origin: 'https://elsewhere.example' } });
  assert.equal(denied.status, 401);
  assert.equal(denied.headers.get('access-control-allow-origin'), '*', 'errors are readable cross-origin too');
  await denied.json();
  assert.equal((await api(srv, 'POST', `/api/sessions/${s.id}/exec`, s.token, { script: 'echo ok' })).json.stdout, 'ok\n');

  // the pane is not built (or was removed): pages and files say how to build it
  rmSync(join(paneDir, 'agentvm-pane.js'));
  for (const path of ['/', `/s/${s.id}`]) {
    const r = await fetch(srv.url + path);
    assert.equal(r.status, 503, path);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await r.text(), /npm run build:web/);
  }
  for (const path of ['/pane/agentvm-pane.js', '/pane/assets/mono.woff2']) {
    const r = await fetch(srv.url + path);
    assert.equal(r.status, 503, path);
    const body = await r.json();
    assert.equal(body.error.code, 'PANE_NOT_BUILT');
    assert.match(body.error.message, /npm run build:web/);
  }
  rmSync(paneDir, { recursive: true });
  assert.equal((await fetch(srv.url + '/')).status, 503, 'no pane directory at all');
  assert.equal((await (await fetch(srv.url + '/pane/agentvm-pane.js')).json()).error.code, 'PANE_NOT_BUILT');
  // built again: served again, without a restart
  mkdirSync(paneDir);
  writeFileSync(join(paneDir, 'agentvm-pane.js'), JS);
  assert.equal((await fetch(srv.url + '/')).status, 200);
  assert.equal(await (await fetch(srv.url + '/pane/agentvm-pane.js')).text(), JS);
});
