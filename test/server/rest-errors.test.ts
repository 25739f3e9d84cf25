// Every REST error is JSON `{ error: { code, message } }` with a sensible status, an unknown
// session is refused quickly, and the server keeps serving after each refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, api } from './helpers.ts';

const MAX_BODY = 64 * 1024;

async function raw(url: string, init: RequestInit = {}): Promise<{ status: number; type: string; json: any }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: res.status, type: res.headers.get('content-type') ?? '', json };
}

test('REST errors are JSON with a fitting status and the server survives each', async () => {
  const env = await withServer({ maxBodyBytes: MAX_BODY });
  try {
    const srv = env.server;
    const s = await createSession(srv);
    const base = `/api/sessions/${s.id}`;

    const check = async (what: string, r: { status: number; json: any; type?: string }, status: number, code: string) => {
      assert.equal(r.status, status, `${what}: status (${JSON.stringify(r.json)})`);
      assert.equal(typeof r.json, 'object', `${what}: body is JSON`);
      assert.equal(r.json.error?.code, code, `${what}: code (${JSON.stringify(r.json)})`);
      assert.equal(typeof r.json.error.message, 'string', `${what}: message`);
      assert.ok(r.json.error.message.length > 0, `${what}: message not empty`);
      if (r.type !== undefined) assert.match(r.type, /application\/json/, `${what}: content-type`);
      // still serving: a good request right after succeeds
      const ok = await api(srv, 'POST', `${base}/exec`, s.token, { script: 'echo still-here' });
      assert.equal(ok.status, 200, `${what}: server still serves`);
      assert.equal(ok.json.stdout, 'still-here\n');
    };

    // missing token (header and query both absent)
    await check('missing token', await raw(srv.url + base), 401, 'UNAUTHORIZED');
    await check('missing token on exec', await raw(srv.url + `${base}/exec`, { method: 'POST', body: '{"script":"echo x"}' }), 401, 'UNAUTHORIZED');
    await check('missing token, bad body', await raw(srv.url + `${base}/exec`, { method: 'POST', body: '{nope' }), 401, 'UNAUTHORIZED');
    // wrong session token, wrong API token
    await check('wrong session token', await api(srv, 'GET', base, 'avm_' + 'x'.repeat(43)), 401, 'UNAUTHORIZED');
    await check('wrong api token (create)', await api(srv, 'POST', '/api/sessions', 'not-the-api-token', { name: 'x' }), 401, 'UNAUTHORIZED');
    await check('wrong api token (list)', await api(srv, 'GET', '/api/sessions', 'not-the-api-token'), 401, 'UNAUTHORIZED');
    await check('session token is not the api token', await api(srv, 'GET', '/api/sessions', s.token), 401, 'UNAUTHORIZED');

    // unknown session: 404, and fast
    for (const path of ['/api/sessions/doesNotExist123', '/api/sessions/doesNotExist123/files?path=/etc']) {
      const t0 = Date.now();
      const r = await api(srv, 'GET', path, s.token);
      const ms = Date.now() - t0;
      await check(`unknown session ${path}`, r, 404, 'NOT_FOUND');
      assert.ok(ms < 3000, `unknown session answered in ${ms} ms`);
    }
    {
      const t0 = Date.now();
      await check('unknown session exec', await api(srv, 'POST', '/api/sessions/doesNotExist456/exec', s.token, { script: 'true' }), 404, 'NOT_FOUND');
      assert.ok(Date.now() - t0 < 3000, 'unknown session exec answered quickly');
    }
    await check('bad session id', await api(srv, 'GET', '/api/sessions/bad.id!', s.token), 400, 'BAD_REQUEST');

    // bad bodies
    await check('bad JSON', await api(srv, 'POST', `${base}/exec`, s.token, '{"script": '), 400, 'BAD_REQUEST');
    await check('JSON array body', await api(srv, 'POST', `${base}/exec`, s.token, '[1,2]'), 400, 'BAD_REQUEST');
    await check('exec without script', await api(srv, 'POST', `${base}/exec`, s.token, { cmd: 'ls' }), 400, 'BAD_REQUEST');
    await check('exec with non-string script', await api(srv, 'POST', `${base}/exec`, s.token, { script: 42 }), 400, 'BAD_REQUEST');
    await check('kill without pid', await api(srv, 'POST', `${base}/kill`, s.token, {}), 400, 'BAD_REQUEST');
    await check('kill unknown pid', await api(srv, 'POST', `${base}/kill`, s.token, { pid: 987654 }), 404, 'NO_SUCH_PROCESS');
    await check('input without data', await api(srv, 'POST', `${base}/input`, s.token, {}), 400, 'BAD_REQUEST');
    await check('unknown control action', await api(srv, 'POST', `${base}/control`, s.token, { action: 'steal' }), 400, 'BAD_REQUEST');

    // files
    await check('relative path', await api(srv, 'GET', `${base}/files?path=etc/passwd`, s.token), 400, 'BAD_REQUEST');
    await check('no path', await api(srv, 'GET', `${base}/files`, s.token), 400, 'BAD_REQUEST');
    await check('relative path (PUT)', await api(srv, 'PUT', `${base}/files?path=x.txt`, s.token, 'hello'), 400, 'BAD_REQUEST');
    await check('missing file', await api(srv, 'GET', `${base}/files?path=/no/such/file`, s.token), 404, 'ENOENT');
    await check('listing a missing dir', await api(srv, 'GET', `${base}/files?path=/no/such/dir&list`, s.token), 404, 'ENOENT');
    await check('reading a directory', await api(srv, 'GET', `${base}/files?path=/tmp`, s.token), 400, 'EISDIR');
    await check('listing a file', await api(srv, 'GET', `${base}/files?path=/etc/passwd&list`, s.token), 400, 'ENOTDIR');

    // body over the limit
    const big = 'x'.repeat(MAX_BODY + 1);
    await check('body over the limit (PUT)', await api(srv, 'PUT', `${base}/files?path=/tmp/big`, s.token, big), 413, 'PAYLOAD_TOO_LARGE');
    await check('body over the limit (exec)', await api(srv, 'POST', `${base}/exec`, s.token, { script: `echo ${big}` }), 413, 'PAYLOAD_TOO_LARGE');
    const under = await api(srv, 'PUT', `${base}/files?path=/tmp/under`, s.token, 'y'.repeat(MAX_BODY - 10));
    assert.equal(under.status, 200, JSON.stringify(under.json));
    assert.equal(under.json.bytes, MAX_BODY - 10);

    // unknown routes
    await check('unknown route', await raw(srv.url + '/api/nope'), 404, 'NOT_FOUND');
    await check('unknown route under a session', await api(srv, 'GET', `${base}/nope`, s.token), 404, 'NOT_FOUND');
    await check('wrong method', await api(srv, 'PATCH', base, s.token, {}), 404, 'NOT_FOUND');

    // share and resize
    await check('share as owner', await api(srv, 'POST', `${base}/share`, s.token, { role: 'owner' }), 400, 'BAD_ROLE');
    await check('share with a made-up role', await api(srv, 'POST', `${base}/share`, s.token, { role: 'admin' }), 400, 'BAD_ROLE');
    await check('share with a bad ttl', await api(srv, 'POST', `${base}/share`, s.token, { role: 'observer', ttlMs: -5 }), 400, 'BAD_REQUEST');
    await check('resize too small', await api(srv, 'POST', `${base}/resize`, s.token, { cols: 1, rows: 10 }), 400, 'BAD_SIZE');
    await check('resize too large', await api(srv, 'POST', `${base}/resize`, s.token, { cols: 80, rows: 5000 }), 400, 'BAD_SIZE');
    await check('resize without a size', await api(srv, 'POST', `${base}/resize`, s.token, {}), 400, 'BAD_SIZE');

    // an observer's writes: 403
    const obs = await api(srv, 'POST', `${base}/share`, s.token, { role: 'observer' });
    assert.equal(obs.status, 201);
    await check('observer resizes', await api(srv, 'POST', `${base}/resize`, obs.json.token, { cols: 80, rows: 24 }), 403, 'NOT_DRIVER');
    await check('observer lists grants', await api(srv, 'GET', `${base}/grants`, obs.json.token), 403, 'FORBIDDEN');
    await check('observer forks', await api(srv, 'POST', `${base}/fork`, obs.json.token), 403, 'FORBIDDEN');

    const health = await raw(srv.url + '/health');
    assert.deepEqual(health.json, { ok: true });
  } finally { await env.done(); }
});
