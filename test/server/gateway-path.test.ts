// The fallback path: a stock y-websocket provider that connects through the Rivet Engine's
// gateway reaches the session actor's own onWebSocket handler — same protocol, same checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import { withServer, createSession, connect } from './helpers.ts';

function viaGateway(engine: string, id: string, token: string, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(`${engine.replace(/^http/, 'ws')}/gateway/session/websocket`, 'yjs', doc, {
    WebSocketPolyfill: WebSocket as never, disableBc: true, protocols: ['rivet'],
    params: { 'rvt-namespace': 'default', 'rvt-method': 'getOrCreate', 'rvt-runner': 'default', 'rvt-key': id, 'rvt-crash-policy': 'sleep', token },
  });
}

test('a stock provider through the engine gateway observes the session; a bad token is refused', async () => {
  const env = await withServer();
  try {
    const s = await createSession(env.server);
    const driver = connect(s.url, s.token);
    await driver.synced();
    const doc = new Y.Doc();
    const p = viaGateway(env.server.engineEndpoint, s.id, s.token, doc);
    const seen = () => doc.getArray<string>('terminal').toArray().join('');
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('gateway provider never synced')), 20_000);
      p.on('sync', (ok: boolean) => { if (ok) { clearTimeout(t); resolve(); } });
    });
    await driver.waitFor(() => driver.terminalText.includes('$ '), 10_000, 'prompt');
    driver.input('echo through-the-gateway\r');
    const deadline = Date.now() + 10_000;
    while (!seen().includes('through-the-gateway\r\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(seen().includes('through-the-gateway\r\n'), 'output arrived through the gateway');
    p.destroy();

    // the actor's handler checks the token too
    const bad = new Y.Doc();
    const q = viaGateway(env.server.engineEndpoint, s.id, 'avm_wrong', bad);
    const closed = await new Promise<number>((resolve) => q.on('connection-close', (ev: { code: number } | null) => resolve(ev?.code ?? 0)));
    q.destroy();
    assert.equal(closed, 4401);
    assert.equal(bad.getArray('terminal').length, 0);
    driver.destroy();
  } finally { await env.done(); }
});
