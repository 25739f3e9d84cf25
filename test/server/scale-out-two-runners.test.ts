// Scale-out: two server processes are runners of one engine. Sessions spread over them, and a
// client reaches any session through either server (sockets to a session that lives in the
// other process are relayed to it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withServer, connect, api } from './helpers.ts';
import { startChild } from './fixtures/children.ts';

test('two runners, one engine: sessions spread and are reachable from either server', { timeout: 300_000 }, async () => {
  const env = await withServer({ port: 0 });
  await env.server.close(); // keep the lock and the engine; the runners are the two children
  const dirB = mkdtempSync(join(tmpdir(), 'agentvm-runner-b-'));
  const a = await startChild(env.dataDir);
  const b = await startChild(dirB, env.server.engineEndpoint);
  try {
    const sessions: { id: string; token: string; runner: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const via = i % 2 === 0 ? a : b;
      const r = await api(via, 'POST', '/api/sessions', 'test-api-token', { name: `s${i}` });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      const info = await api(via, 'GET', `/api/sessions/${r.json.id}`, r.json.token);
      sessions.push({ id: r.json.id, token: r.json.token, runner: info.json.runner.id });
    }
    const runners = new Set(sessions.map((s) => s.runner));
    assert.ok([...runners].every((r) => r === a.runner || r === b.runner), 'every session lives in one of the two runners');
    if (runners.size < 2) console.log('note: the engine placed every session on one runner this time');

    // every session through both servers: type through one, watch through the other
    for (const s of sessions.slice(0, 4)) {
      const viaA = connect(`${a.url.replace('http', 'ws')}/sessions/${s.id}`, s.token);
      const viaB = connect(`${b.url.replace('http', 'ws')}/sessions/${s.id}`, s.token);
      await Promise.all([viaA.synced(20_000), viaB.synced(20_000)]);
      await viaA.waitFor(() => viaA.terminalText.includes('$ '), 10_000, 'prompt');
      viaA.input(`echo reach-${s.id}\r`);
      await viaB.waitFor(() => viaB.terminalText.includes(`reach-${s.id}\r\n`), 10_000, `output of ${s.id} via B`);
      viaA.destroy(); viaB.destroy();
    }
    // forks land wherever the engine puts them: across processes the files are copied over
    let crossed = 0;
    for (const s of sessions.slice(0, 4)) {
      const ex = await api(a, 'POST', `/api/sessions/${s.id}/exec`, s.token, { script: `echo parent-${s.id} > /home/user/mark.txt` });
      assert.equal(ex.json.exitCode, 0, JSON.stringify(ex.json));
      const f = await api(b, 'POST', `/api/sessions/${s.id}/fork`, s.token, {});
      assert.equal(f.status, 201, JSON.stringify(f.json));
      const info = await api(a, 'GET', `/api/sessions/${f.json.id}`, f.json.token);
      if (info.json.runner.id !== s.runner) crossed++;
      const got = await api(a, 'POST', `/api/sessions/${f.json.id}/exec`, f.json.token, { script: 'cat /home/user/mark.txt' });
      assert.equal(got.json.stdout, `parent-${s.id}\n`);
    }
    if (crossed === 0) console.log('note: every fork landed in its parent\'s process this time');

    // both servers list all sessions (the directory actor)
    for (const via of [a, b]) {
      const list = await api(via, 'GET', '/api/sessions', 'test-api-token');
      for (const s of sessions) assert.ok(list.json.sessions.some((e: { id: string }) => e.id === s.id));
    }
  } finally {
    await b.stop();
    await a.stop();
    rmSync(dirB, { recursive: true, force: true });
    await env.done();
  }
});
