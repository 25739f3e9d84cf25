// A REST exec that runs longer than the session's idle timeout (no sockets attached) is not cut
// short by the session going to sleep: it completes with its output, and its events are logged.
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env.AGENTVM_SLEEP_MS = '1000';
const { withServer, createSession, api } = await import('./helpers.ts');
const { liveSession } = await import('../../actors/live.ts');

test('a long exec keeps its session awake until it finishes', async () => {
  const env = await withServer();
  try {
    const s = await createSession(env.server);
    const base = `/api/sessions/${s.id}`;
    const r = await api(env.server, 'POST', `${base}/exec`, s.token, { script: 'echo start > /tmp/long.txt; sleep 3.5; echo end >> /tmp/long.txt; cat /tmp/long.txt' });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.exitCode, 0);
    assert.equal(r.json.stdout, 'start\nend\n');
    const evs = (await api(env.server, 'GET', `${base}/events`, s.token)).json.events as { type: string; status?: number }[];
    assert.equal(evs.filter((e) => e.type === 'exec.exited').at(-1)?.status, 0);
    // idle again: it does go to sleep, and wakes with the file
    const deadline = Date.now() + 30_000;
    while (liveSession(s.id) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    assert.equal(liveSession(s.id), undefined, 'the idle session went to sleep');
    const after = await api(env.server, 'POST', `${base}/exec`, s.token, { script: 'cat /tmp/long.txt' });
    assert.equal(after.json.stdout, 'start\nend\n');
  } finally { await env.done(); }
});
