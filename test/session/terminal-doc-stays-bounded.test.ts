import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TerminalLog } from '../../actors/terminal.ts';
import { chunksOf, screenOf } from './terminal-screen.ts';

const tick = () => new Promise<void>((r) => setImmediate(r));
const retainChars = 64 * 1024;

/** `seq 1 N` through a PTY (onlcr), in `read`-sized pieces, one PTY read per macrotask. */
async function pump(log: TerminalLog, totalChars: number, read: number, onChunk?: (s: string) => void): Promise<void> {
  let buf = '';
  let n = 1;
  let sent = 0;
  while (sent < totalChars) {
    while (buf.length < read) buf += `${n++}\r\n`;
    const piece = buf.slice(0, read);
    buf = buf.slice(read);
    log.write(new TextEncoder().encode(piece));
    onChunk?.(piece);
    log.flush();          // each read its own chunk (as if flushMs had passed)
    sent += piece.length;
    await tick();         // lets the deferred compaction run, as the event loop would
  }
}

test('5 MB of seq output: the encoded doc stays bounded and replays to the same screen', async () => {
  const doc = new Y.Doc();
  const log = new TerminalLog(doc, { retainChars, flushMs: 60_000 });
  const meta = doc.getMap('terminalMeta');
  const all: string[] = [];
  let max = 0;
  const settled: { size: number; epoch: number }[] = [];
  for (let mb = 0; mb < 5; mb++) {
    await pump(log, 1024 * 1024, 4096, (s) => {
      all.push(s);
      max = Math.max(max, Y.encodeStateAsUpdate(doc).length);
    });
    // Tombstone overhead, measured with the live content reduced to one snapshot:
    log.compact();
    settled.push({ size: Y.encodeStateAsUpdate(doc).length, epoch: meta.get('epoch') as number });
  }
  assert.ok(all.join('').length >= 5 * 1024 * 1024);
  assert.ok(settled[4]!.epoch >= 5 * 1024 * 1024 / retainChars, `epoch ${settled[4]!.epoch}`);
  assert.ok(max < retainChars * 3 + 4096, `doc reached ${max} bytes`);
  // Bounded up to ~3 small tombstones per compaction (not per flush): 1280 flushes, ~80 compactions.
  const perEpoch = (settled[4]!.size - settled[0]!.size) / (settled[4]!.epoch - settled[0]!.epoch);
  assert.ok(perEpoch < 64, `doc grows ${perEpoch} bytes per compaction (${JSON.stringify(settled)})`);
  assert.equal(log.chars, chunksOf(doc).reduce((a, c) => a + c.length, 0));

  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  await pump(log, 3000, 1000, (s) => all.push(s)); // a few more lines after the last compaction
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(fresh)));
  const replayed = await screenOf(chunksOf(fresh), 80, 24);
  const full = await screenOf(all, 80, 24);
  assert.deepEqual(replayed.lines, full.lines);
  assert.deepEqual(replayed.cursor, full.cursor);
  assert.match(replayed.lines[22]!, /^\d+$/);
  assert.deepEqual(replayed.scrollback.slice(-1000), full.scrollback.slice(-1000));
  log.dispose();
});
