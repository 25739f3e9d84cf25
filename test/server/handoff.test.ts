// One driver at a time: an observer asks for control, the driver hands it over, the new driver
// types and the old one cannot; every change of control is an event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, connect, api } from './helpers.ts';

test('request, grant, type, take back', async () => {
  const env = await withServer();
  try {
    const s = await createSession(env.server);
    const link = await api(env.server, 'POST', `/api/sessions/${s.id}/share`, s.token, { role: 'observer', name: 'bob' });
    const alice = connect(s.url, s.token);
    const bob = connect(s.url, link.json.token);
    await Promise.all([alice.synced(), bob.synced()]);
    assert.equal(alice.driver?.id, alice.hello!.grant);

    bob.requestControl();
    await alice.waitFor(() => alice.events.some((e) => e.type === 'control.requested'), 5000, 'request');
    alice.grantControl(bob.hello!.grant);
    await bob.waitFor(() => bob.driver?.id === bob.hello!.grant, 5000, 'bob drives');

    bob.input('echo from-bob\r');
    await alice.waitFor(() => alice.terminalText.includes('from-bob'), 10_000, 'bob typed');
    alice.input('echo from-alice\r');
    await alice.waitFor(() => alice.errors.some((e) => e.code === 'NOT_DRIVER'), 5000, 'alice refused');

    alice.takeControl(); // owners may take control back at any time
    await bob.waitFor(() => bob.driver?.id === alice.hello!.grant, 5000, 'alice drives again');
    const types = alice.events.map((e) => e.type).filter((t) => t.startsWith('control.'));
    assert.deepEqual(types, ['control.requested', 'control.granted', 'control.taken']);
    assert.ok(!alice.terminalText.includes('from-alice\r\n'));
    alice.destroy(); bob.destroy();
  } finally { await env.done(); }
});
