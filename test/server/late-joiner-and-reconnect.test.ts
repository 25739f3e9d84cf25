// A client that joins late gets the whole history (terminal and events); a client whose socket
// drops reconnects and loses nothing that happened meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, connect } from './helpers.ts';

test('late joiner gets full history; reconnect after a drop loses nothing', async () => {
  const env = await withServer();
  try {
    const s = await createSession(env.server);
    const a = connect(s.url, s.token);
    await a.synced();
    await a.waitFor(() => a.terminalText.includes('$ '), 10_000, 'prompt');
    a.input('for i in 1 2 3; do echo line-$i; done\r');
    await a.waitFor(() => a.terminalText.includes('line-3'), 10_000, 'output');

    const late = connect(s.url, s.token);
    await late.synced();
    await late.waitFor(() => late.terminalText === a.terminalText, 5000, 'same terminal');
    assert.deepEqual(late.events.map((e) => e.id), a.events.map((e) => e.id));

    // drop late's socket, keep working, let it reconnect
    late.provider.ws?.close();
    a.input('echo while-away\r');
    await a.waitFor(() => a.terminalText.includes('while-away\r\n'), 10_000, 'typed while away');
    await a.waitFor(() => a.events.some((e) => e.type === 'command.exited' && e.line === 'echo while-away'), 10_000, 'exit');
    await late.waitFor(() => late.terminalText.includes('while-away\r\n') && late.events.length === a.events.length, 10_000, 'caught up');
    assert.equal(late.terminalText, a.terminalText);
    a.destroy(); late.destroy();
  } finally { await env.done(); }
});
