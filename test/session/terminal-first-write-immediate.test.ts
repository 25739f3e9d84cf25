import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { TerminalLog } from '../../actors/terminal.ts';
import { chunksOf } from './terminal-screen.ts';

test('the first write after an idle period reaches the doc synchronously', async () => {
  const doc = new Y.Doc();
  const log = new TerminalLog(doc, { flushMs: 20 });
  log.write('$ ');
  assert.deepEqual(chunksOf(doc), ['$ ']);          // same tick
  log.write('l');                                   // within the window: coalesced
  assert.deepEqual(chunksOf(doc), ['$ ']);
  await sleep(120);                                 // trailing edge fired, then idle again
  assert.deepEqual(chunksOf(doc), ['$ ', 'l']);
  log.write(new TextEncoder().encode('s'));         // idle again: immediate
  assert.deepEqual(chunksOf(doc), ['$ ', 'l', 's']);
  assert.equal(log.chars, 4);
  log.dispose();
});
