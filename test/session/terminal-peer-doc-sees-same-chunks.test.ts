import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { TerminalLog } from '../../actors/terminal.ts';
import { chunksOf, screenOf } from './terminal-screen.ts';

test('a second Y.Doc synced with Y.applyUpdate sees identical chunks and meta, across compactions', async () => {
  const server = new Y.Doc();
  const peer = new Y.Doc();
  server.on('update', (u: Uint8Array) => Y.applyUpdate(peer, u));
  const log = new TerminalLog(server, { flushMs: 5, retainChars: 2000, scrollback: 10 });
  let all = '';
  for (let i = 0; i < 400; i++) {
    const s = `line ${i} \x1b[32mok\x1b[0m\r\n`;
    all += s;
    log.write(new TextEncoder().encode(s));
    if (i % 20 === 0) await sleep(8);
  }
  await sleep(30);
  assert.ok((server.getMap('terminalMeta').get('epoch') as number) > 0, 'compacted at least once');
  assert.deepEqual(chunksOf(peer), chunksOf(server));
  assert.deepEqual(peer.getMap('terminalMeta').toJSON(), server.getMap('terminalMeta').toJSON());
  const a = await screenOf(chunksOf(peer), 80, 24);
  const b = await screenOf([all], 80, 24);
  assert.deepEqual(a.lines, b.lines);
  log.dispose();
});
