// Any Yjs client can watch a session: a stock y-websocket WebsocketProvider (no agentvm message
// type) syncs the doc, sees the terminal and the event log as the driver works, and its presence
// reaches the others with the identity its token proves, not the one it claims.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import { withServer, createSession, connect, api } from './helpers.ts';

type User = { name?: string; role?: string; color?: string; id?: string };

function until(pred: () => boolean, ms: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      if (pred()) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

test('a stock WebsocketProvider observes terminal and events; its presence carries the token\'s identity', async () => {
  const env = await withServer();
  let stock: WebsocketProvider | null = null;
  const doc = new Y.Doc();
  const driver = { c: null as ReturnType<typeof connect> | null };
  try {
    const s = await createSession(env.server);
    const link = await api(env.server, 'POST', `/api/sessions/${s.id}/share`, s.token, { role: 'observer', name: 'watcher' });
    assert.equal(link.status, 201);
    const d = driver.c = connect(s.url, s.token);
    await d.synced();
    await d.waitFor(() => d.terminalText.includes('$ '), 10_000, 'prompt');

    stock = new WebsocketProvider(s.url, 'yjs', doc, {
      params: { token: link.json.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 1000,
    });
    // it claims to be someone else, with the owner's role
    stock.awareness.setLocalStateField('user', { name: 'mallory', role: 'owner', color: '#ff0000' });
    const p = stock;
    await until(() => p.synced, 10_000, 'stock provider sync');
    // the history so far arrived (a late joiner gets the prompt and the creation event)
    const term = () => doc.getArray<string>('terminal').toArray().join('');
    const events = () => doc.getArray<{ type: string; line?: string; status?: number }>('events').toArray();
    assert.ok(term().includes('$ '));
    assert.ok(events().some((e) => e.type === 'session.created'));

    // the driver works; the stock client sees the chunks and the events, live
    d.input('echo stock-$((2+3))\r');
    await until(() => term().includes('stock-5\r\n'), 10_000, 'terminal output on the stock client');
    await until(() => events().some((e) => e.type === 'command.exited' && e.line === 'echo stock-$((2+3))'), 10_000, 'command event');
    assert.equal(events().find((e) => e.type === 'command.exited' && e.line === 'echo stock-$((2+3))')!.status, 0);
    const ex = await api(env.server, 'POST', `/api/sessions/${s.id}/exec`, s.token, { script: 'true' });
    assert.equal(ex.status, 200);
    await until(() => events().some((e) => e.type === 'exec.exited'), 10_000, 'exec event');
    await until(() => d.terminalText === term() && d.events.length === events().length, 5000, 'same terminal and log');
    assert.equal(term(), d.terminalText);
    assert.deepEqual(events().map((e) => JSON.stringify(e)), d.events.map((e) => JSON.stringify(e)));

    // presence: the driver sees the stock client with the token's name and role, its own fields kept
    const stockId = stock.awareness.clientID;
    await until(() => (d.awareness.getStates().get(stockId) as { user?: User } | undefined)?.user?.name === 'watcher', 10_000, 'stock presence');
    const seen = (d.awareness.getStates().get(stockId) as { user: User }).user;
    assert.equal(seen.role, 'observer');
    assert.equal(seen.name, 'watcher');
    assert.equal(seen.color, '#ff0000');
    assert.equal(seen.id, link.json.grant.id);
    // and the stock client sees the driver as the server names it
    d.awareness.setLocalStateField('user', { name: 'not-the-owner', role: 'observer', color: '#00ff00' });
    const dId = d.awareness.clientID;
    await until(() => (p.awareness.getStates().get(dId) as { user?: User } | undefined)?.user?.color === '#00ff00', 10_000, 'driver presence on the stock client');
    const driverSeen = (p.awareness.getStates().get(dId) as { user: User }).user;
    assert.equal(driverSeen.role, 'owner');
    assert.equal(driverSeen.name, 'owner');

    // the stock client leaves: its presence goes away for the others
    stock.destroy();
    stock = null;
    await until(() => !d.awareness.getStates().has(stockId), 10_000, 'presence removed');
  } finally {
    stock?.destroy();
    driver.c?.destroy();
    doc.destroy();
    await env.done();
  }
});
