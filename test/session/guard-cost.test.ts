// checkUpdate runs on every incoming keystroke: it must stay in the microseconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { checkUpdate } from '../../actors/guard.ts';

const files = (name: string) => name.startsWith('file:');

function perCallUs(fn: () => void, n: number): number {
  for (let i = 0; i < 2000; i++) fn();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000 / n);
  }
  return best;
}

test('keystroke in the middle of an edited 2 KB file costs a few µs', (t) => {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const text = client.getText('file:/src/main.ts');
  for (let i = 0; i < 400; i++) text.insert(Math.floor((i * 7919) % (text.length + 1)), 'abcde'); // fragmented history
  server.getArray('events').push(Array.from({ length: 200 }, (_, i) => ({ i })));
  server.getText('terminal').insert(0, 'x'.repeat(5000));
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  let u: Uint8Array | null = null;
  client.on('update', (x: Uint8Array) => { u = x; });
  text.insert(1000, 'k');
  assert.deepEqual(checkUpdate(server, u!, files), { ok: true, roots: ['file:/src/main.ts'] });
  const us = perCallUs(() => checkUpdate(server, u!, files), 20000);
  const decodeUs = perCallUs(() => Y.decodeUpdate(u!), 20000);
  t.diagnostic(`checkUpdate keystroke: ${us.toFixed(2)} µs (Y.decodeUpdate alone: ${decodeUs.toFixed(2)} µs)`);
  assert.ok(us < 100, `checkUpdate took ${us} µs`);
});

test('keystroke deleting a character costs a few µs', (t) => {
  const server = new Y.Doc();
  server.getText('file:/a').insert(0, 'y'.repeat(2000));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  let u: Uint8Array | null = null;
  client.on('update', (x: Uint8Array) => { u = x; });
  client.getText('file:/a').delete(700, 1);
  assert.deepEqual(checkUpdate(server, u!, files), { ok: true, roots: ['file:/a'] });
  const us = perCallUs(() => checkUpdate(server, u!, files), 20000);
  t.diagnostic(`checkUpdate backspace: ${us.toFixed(2)} µs`);
  assert.ok(us < 100, `checkUpdate took ${us} µs`);
});
