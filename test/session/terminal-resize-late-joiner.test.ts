import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import xtermHeadless from '@xterm/headless';
import { TerminalLog } from '../../actors/terminal.ts';
import { chunksOf, screenOf } from './terminal-screen.ts';

// Output produced at the old size, replayed by a late joiner at the new size, must look like what a
// client that was there all along (and reflowed on resize) shows.
test('after a resize, replaying the array at meta cols x rows equals a live client that reflowed', async () => {
  const doc = new Y.Doc();
  const meta = doc.getMap('terminalMeta');
  const log = new TerminalLog(doc, { cols: 80, rows: 10, flushMs: 60_000 });
  const before = ['$ top\r\n', 'x'.repeat(60), '\x1b[1;70Hclock 12:00', '\x1b[4;1H$ '];
  for (const s of before) log.write(s);
  log.resize(40, 8);
  const after = ['ls\r\nfile-one  file-two\r\n$ '];
  for (const s of after) log.write(s);
  log.flush();

  // the live client: old-size output, resize (reflow), new-size output
  const t = new xtermHeadless.Terminal({ cols: 80, rows: 10, allowProposedApi: true, logLevel: 'off' });
  for (const s of before) await new Promise<void>((r) => t.write(s, r));
  t.resize(40, 8);
  for (const s of after) await new Promise<void>((r) => t.write(s, r));
  const buf = t.buffer.active;
  const expected = Array.from({ length: 8 }, (_, y) => buf.getLine(buf.baseY + y)!.translateToString(true));
  const cursor = [buf.cursorX, buf.cursorY];
  t.dispose();

  assert.equal(meta.get('cols'), 40);
  assert.equal(meta.get('rows'), 8);
  const joiner = await screenOf(chunksOf(doc), 40, 8);
  assert.deepEqual(joiner.lines, expected);
  assert.deepEqual(joiner.cursor, cursor);
  // the hazard is real: the raw old-size output replayed at the new size does not look the same
  const naive = await screenOf([...before, ...after], 40, 8);
  assert.notDeepEqual(naive.lines, expected);
  log.dispose();
});
