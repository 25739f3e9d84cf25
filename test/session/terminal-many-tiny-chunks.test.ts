import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TerminalLog } from '../../actors/terminal.ts';
import { chunksOf } from './terminal-screen.ts';

const tick = () => new Promise<void>((r) => setImmediate(r));

// Consecutive Y.Array appends merge into one item whose content array is copied on every merge:
// without a chunk bound, keystroke-sized flushes slow to ~1 ms each past ~16k chunks.
test('100k keystroke-sized flushes stay fast, few chunks, and a small doc', async () => {
  const doc = new Y.Doc();
  const log = new TerminalLog(doc, { flushMs: 60_000 }); // default retainChars (256 KiB) is never reached here
  let maxChunks = 0;
  let expected = '';
  const t0 = performance.now();
  for (let i = 0; i < 100_000; i++) {
    const s = i % 60 === 59 ? '\r\n' : 'x';
    expected += s;
    log.write(s);
    log.flush();
    if (i % 512 === 0) { maxChunks = Math.max(maxChunks, doc.getArray('terminal').length); await tick(); }
  }
  const ms = performance.now() - t0;
  await tick();
  assert.ok(maxChunks <= 4096 + 512, `array reached ${maxChunks} chunks`);
  assert.ok(ms < 20_000, `100k flushes took ${ms.toFixed(0)} ms`);
  const size = Y.encodeStateAsUpdate(doc).length;
  assert.ok(size < 128 * 1024, `doc is ${size} bytes`);
  assert.ok((doc.getMap('terminalMeta').get('epoch') as number) >= 20);
  // nothing lost: the last lines are all there
  const tailLines = chunksOf(doc).join('').split('\r\n').slice(-3, -1);
  assert.deepEqual(tailLines.map((l) => l.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')), expected.split('\r\n').slice(-3, -1));
  log.dispose();
});
