// An idle session's actor goes to sleep (its VM is released) and wakes on the next request with
// its files, cwd, environment, events and terminal intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env.AGENTVM_SLEEP_MS = '1500';
const { withServer, createSession, connect, api } = await import('./helpers.ts');
const { liveSession } = await import('../../actors/live.ts');

test('sleep, then wake with everything intact', async () => {
  const env = await withServer();
  try {
    const s = await createSession(env.server);
    const c = connect(s.url, s.token);
    await c.synced();
    await c.waitFor(() => c.terminalText.includes('$ '), 10_000, 'prompt');
    c.input('cd /tmp && export COLOR=teal && echo kept > keep.txt && echo before-sleep\r');
    await c.waitFor(() => c.events.some((e) => e.type === 'command.exited'), 10_000, 'command');
    const before = c.terminalText;
    c.destroy();

    // no sockets, no actions: the actor sleeps after AGENTVM_SLEEP_MS
    const deadline = Date.now() + 30_000;
    while (liveSession(s.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(liveSession(s.id), undefined, 'the session went to sleep');

    const d = connect(s.url, s.token); // wakes it
    await d.synced(20_000);
    assert.ok(d.terminalText.startsWith(before.slice(0, 100)));
    assert.ok(d.terminalText.includes('before-sleep'));
    assert.ok(d.events.some((e) => e.type === 'session.resumed'));
    await d.waitFor(() => /\$ $/.test(d.terminalText), 10_000, 'new prompt');
    d.input('echo "$PWD $COLOR $(cat keep.txt)"\r');
    await d.waitFor(() => d.terminalText.includes('/tmp teal kept\r\n'), 10_000, 'state after wake');
    const r = await api(env.server, 'GET', `/api/sessions/${s.id}/files?path=/tmp/keep.txt`, s.token);
    assert.equal(r.json, 'kept\n');
    d.destroy();
  } finally { await env.done(); }
});
