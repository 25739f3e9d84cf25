import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TerminalLog } from '../../actors/terminal.ts';
import { chunksOf, screenOf } from './terminal-screen.ts';

test('a doc loaded from storage: restore() recounts chars and keeps epoch, size and the screen', async () => {
  const doc = new Y.Doc();
  const log = new TerminalLog(doc, { cols: 50, rows: 10, flushMs: 60_000 });
  for (let i = 0; i < 40; i++) { log.write(`a${i}\r\n`); log.flush(); }
  log.compact();
  log.write('after\r\n$ ');
  log.dispose();
  const stored = Y.encodeStateAsUpdate(doc);

  // loaded before construction (as the session core does), then restore()
  const d1 = new Y.Doc();
  Y.applyUpdate(d1, stored, 'load');
  const l1 = new TerminalLog(d1, { cols: 50, rows: 10 });
  l1.restore();
  assert.equal(l1.chars, chunksOf(d1).join('').length);
  assert.equal(d1.getMap('terminalMeta').get('bytes'), l1.chars);
  assert.equal(d1.getMap('terminalMeta').get('epoch'), 1);
  l1.compact();
  assert.equal(d1.getMap('terminalMeta').get('epoch'), 2);
  assert.deepEqual((await screenOf(chunksOf(d1), 50, 10)).lines, (await screenOf(chunksOf(doc), 50, 10)).lines);
  l1.dispose();

  // loaded after construction: restore() adopts the stored size and recounts
  const d2 = new Y.Doc();
  const l2 = new TerminalLog(d2);
  assert.equal(l2.chars, 0);
  Y.applyUpdate(d2, stored, 'load');
  l2.restore();
  assert.equal(l2.chars, chunksOf(d2).join('').length);
  assert.ok(l2.chars > 0);
  assert.deepEqual((await screenOf([l2.snapshot()], 50, 10)).lines, (await screenOf(chunksOf(doc), 50, 10)).lines);
  l2.dispose();
});
