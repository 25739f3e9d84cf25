// Clients that connect through RivetKit itself (handle.connect()) receive the session's events
// as 'event' broadcasts, and can call the actions with their token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession } from './helpers.ts';
import type { SessionEvent } from '../../actors/events.ts';

test('RivetKit connection gets events; actions need a valid token', async () => {
  const env = await withServer();
  try {
    const s = await createSession(env.server);
    const conn = env.server.client.session.get([s.id]).connect();
    const got: SessionEvent[] = [];
    conn.on('event', (ev: SessionEvent) => got.push(ev));
    await new Promise((r) => setTimeout(r, 300));
    const r = await conn.exec(s.token, 'echo via-rivetkit; exit 3');
    assert.equal(r.stdout, 'via-rivetkit\n');
    assert.equal(r.exitCode, 3);
    const deadline = Date.now() + 5000;
    while (!got.some((e) => e.type === 'exec.exited') && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    const exited = got.find((e) => e.type === 'exec.exited');
    assert.ok(exited, `exec.exited broadcast (got ${got.map((e) => e.type).join(', ')})`);
    assert.equal(exited.status, 3);
    assert.equal(exited.by?.name, 'owner');
    await assert.rejects(conn.exec('avm_wrong', 'true'), (e: { code?: string }) => e.code === 'UNAUTHORIZED');
    await conn.dispose();
  } finally { await env.done(); }
});
