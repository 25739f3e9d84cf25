import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { TerminalLog } from '../../actors/terminal.ts';
import { chunksOf } from './terminal-screen.ts';

test('many writes within the window become few chunks and few doc updates', async () => {
  const doc = new Y.Doc();
  let updates = 0;
  doc.on('update', () => { updates++; });
  const log = new TerminalLog(doc, { flushMs: 30 });
  updates = 0;
  let expected = '';
  // 3 bursts of 500 writes each, separated by less than the window: leading chunk + ~1 chunk per window
  for (let burst = 0; burst < 3; burst++) {
    for (let i = 0; i < 500; i++) { const s = `${burst}:${i}\r\n`; expected += s; log.write(s); }
    await sleep(10);
  }
  await sleep(150);
  const chunks = chunksOf(doc);
  assert.equal(chunks.join(''), expected);
  assert.ok(chunks.length <= 4, `1500 writes gave ${chunks.length} chunks`);
  assert.equal(updates, chunks.length);
  assert.equal(log.chars, expected.length);
  log.dispose();
});

test('flush() appends pending output synchronously as one chunk', () => {
  const doc = new Y.Doc();
  const log = new TerminalLog(doc, { flushMs: 60_000 });
  log.write('a');
  log.write('b');
  log.write('c');
  assert.deepEqual(chunksOf(doc), ['a']);
  log.flush();
  assert.deepEqual(chunksOf(doc), ['a', 'bc']);
  log.flush();
  assert.deepEqual(chunksOf(doc), ['a', 'bc']);
  log.dispose();
});
