import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TerminalLog } from '../../actors/terminal.ts';
import { chunksOf } from './terminal-screen.ts';

const text = 'héllo wörld — 世界 🎉🧪 ok\r\n';
const bytes = new TextEncoder().encode(text);

test('a multi-byte character split across PTY reads (and flushes) is never broken', () => {
  const doc = new Y.Doc();
  const log = new TerminalLog(doc, { flushMs: 60_000 });
  for (let i = 0; i < bytes.length; i++) {
    log.write(bytes.subarray(i, i + 1)); // one byte per read
    log.flush();                         // and a chunk boundary after each
  }
  const chunks = chunksOf(doc);
  assert.ok(chunks.length > 1);
  for (const c of chunks) assert.ok(!c.includes('\uFFFD'), `broken chunk ${JSON.stringify(c)}`);
  assert.equal(chunks.join(''), text);
  assert.equal(log.chars, text.length);
  log.dispose();
});

test('every split point of a 4-byte character survives', () => {
  const emoji = new TextEncoder().encode('a🎉b');
  for (let cut = 1; cut < emoji.length; cut++) {
    const doc = new Y.Doc();
    const log = new TerminalLog(doc, { flushMs: 60_000 });
    log.write(emoji.subarray(0, cut));
    log.flush();
    log.write(emoji.subarray(cut));
    log.flush();
    assert.equal(chunksOf(doc).join(''), 'a🎉b', `cut at ${cut}`);
    log.dispose();
  }
});
