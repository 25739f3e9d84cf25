// Two clients attached to one session see the same terminal output and the same event log, live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, connect } from './helpers.ts';

test('two clients see each other\'s terminal work and the command events', async () => {
  const env = await withServer();
  try {
    const s = await createSession(env.server);
    const a = connect(s.url, s.token);
    const b = connect(s.url, s.token);
    await Promise.all([a.synced(), b.synced()]);
    await a.waitFor(() => a.terminalText.includes('$ '), 10_000, 'prompt');
    a.input('echo hello-$((6*7))\r');
    await b.waitFor(() => b.terminalText.includes('hello-42'), 10_000, 'output on b');
    await b.waitFor(() => b.events.some((e) => e.type === 'command.exited' && e.line === 'echo hello-$((6*7))'), 10_000, 'exit event');
    const ev = b.events.find((e) => e.type === 'command.exited')!;
    assert.equal(ev.status, 0);
    assert.ok(b.events.some((e) => e.type === 'command.started'));
    assert.equal(a.terminalText, b.terminalText);
    // the event ids are ordered
    const ids = b.events.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((x, y) => x - y));
    a.destroy(); b.destroy();
  } finally { await env.done(); }
});
