// kill -9 of the server process: after a restart the session's files, cwd, environment, event
// log and terminal scrollback are all there — nothing a client had seen is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, connect, api } from './helpers.ts';
import { startChild } from './fixtures/children.ts';

test('kill -9 the server, restart: files, cwd, env, events and scrollback are intact', async () => {
  // the in-process helper only takes the engine lock and gives a data dir; the server runs in a child
  const env = await withServer({ port: 0 });
  const dataDir = env.dataDir;
  await env.server.close(); // free the runner; the engine stays up for the children
  try {
    let { proc, url } = await startChild(dataDir);
    const srv = { url };
    const created = await api(srv, 'POST', '/api/sessions', 'test-api-token', { name: 'durable' });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const { id, token } = created.json;
    const sock = `${url.replace('http', 'ws')}/sessions/${id}`;
    const a = connect(sock, token);
    await a.synced();
    await a.waitFor(() => a.terminalText.includes('$ '), 10_000, 'prompt');
    a.input('mkdir -p proj && cd proj && export GREETING=bonjour && seq 1 500 > nums.txt && echo saved-$((40+2))\r');
    await a.waitFor(() => a.events.some((e) => e.type === 'command.exited' && String(e.line).includes('saved-')), 10_000, 'command done');
    await a.waitFor(() => a.terminalText.includes('saved-42'), 10_000, 'output seen');
    const seenEvents = a.events.map((e) => e.id);
    const seenTerminal = a.terminalText;
    a.destroy();

    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('exit', r));
    ({ proc, url } = await startChild(dataDir));

    const sock2 = `${url.replace('http', 'ws')}/sessions/${id}`;
    const b = connect(sock2, token);
    await b.synced(20_000);
    for (const i of seenEvents) assert.ok(b.events.some((e) => e.id === i), `event ${i} survived`);
    assert.ok(b.terminalText.startsWith(seenTerminal.slice(0, 200)));
    assert.ok(b.terminalText.includes('saved-42'));
    await b.waitFor(() => /\$ $/.test(b.terminalText), 10_000, 'new prompt');
    b.input('pwd; echo $GREETING; wc -l < nums.txt\r');
    await b.waitFor(() => /\/home\/user\/proj\r\nbonjour\r\n500\r\n/.test(b.terminalText), 10_000, 'state restored');
    b.destroy();
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
  } finally {
    await env.done();
  }
});
