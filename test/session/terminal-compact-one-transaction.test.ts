import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TerminalLog } from '../../actors/terminal.ts';
import { chunksOf, screenOf } from './terminal-screen.ts';

test('compact() replaces the array by one snapshot chunk, epoch++ and bytes, in one transaction', async () => {
  const doc = new Y.Doc();
  const meta = doc.getMap('terminalMeta');
  const log = new TerminalLog(doc, { flushMs: 60_000 });
  let all = '';
  for (let i = 0; i < 30; i++) { const s = `out ${i}\r\n`; all += s; log.write(s); log.flush(); }
  log.write('$ '); all += '$ ';  // pending, goes into the snapshot too
  let updates = 0;
  doc.on('update', () => { updates++; });
  log.compact();
  assert.equal(updates, 1);
  const chunks = chunksOf(doc);
  assert.equal(chunks.length, 1);
  assert.equal(meta.get('epoch'), 1);
  assert.equal(meta.get('bytes'), chunks[0]!.length);
  assert.equal(log.chars, chunks[0]!.length);
  assert.deepEqual((await screenOf(chunks, 80, 24)).lines, (await screenOf([all], 80, 24)).lines);
  log.compact();
  assert.equal(meta.get('epoch'), 2);
  log.dispose();
});

test('automatic compaction is deferred: never inside write()/flush(), runs on setImmediate', async () => {
  const doc = new Y.Doc();
  const meta = doc.getMap('terminalMeta');
  const log = new TerminalLog(doc, { flushMs: 60_000, retainChars: 1000, scrollback: 5 });
  for (let i = 0; i < 200; i++) { log.write(`line ${i}\r\n`); log.flush(); }
  assert.equal(meta.get('epoch'), 0);
  assert.ok(log.chars > 1000 && chunksOf(doc).length === 200);
  await new Promise<void>((r) => setImmediate(r));
  assert.equal(meta.get('epoch'), 1);
  assert.equal(chunksOf(doc).length, 1);
  assert.ok(log.chars < 1000);
  log.dispose();
});
