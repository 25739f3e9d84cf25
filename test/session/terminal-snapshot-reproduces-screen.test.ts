import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import xtermHeadless from '@xterm/headless';
import { SerializeAddon } from '@xterm/addon-serialize';
import { TerminalLog } from '../../actors/terminal.ts';
import { screenOf } from './terminal-screen.ts';

function serializeOf(data: string, cols: number, rows: number): Promise<string> {
  const t = new xtermHeadless.Terminal({ cols, rows, scrollback: 1000, allowProposedApi: true, logLevel: 'off' });
  const s = new SerializeAddon();
  t.loadAddon(s);
  return new Promise((res) => t.write(data, () => { const out = s.serialize({ scrollback: 1000 }); t.dispose(); res(out); }));
}

test('snapshot() is synchronous and reproduces screen, colours, cursor and scrollback', async () => {
  const doc = new Y.Doc();
  const log = new TerminalLog(doc, { cols: 60, rows: 12, flushMs: 60_000 });
  let all = '';
  for (let i = 0; i < 50; i++) all += `\x1b[3${i % 8}mrow ${i}\x1b[0m ${'é世'.repeat(i % 7)}\r\n`;
  all += '\x1b[1;50H\x1b[7mSTATUS\x1b[0m\x1b[5;3Hhere';
  log.write(all.slice(0, 300));
  log.write(all.slice(300)); // pending (not yet flushed): included in the snapshot
  const snap = log.snapshot();
  assert.equal(typeof snap, 'string');
  const fromSnap = await screenOf([snap], 60, 12);
  const fromAll = await screenOf([all], 60, 12);
  assert.deepEqual(fromSnap.lines, fromAll.lines);
  assert.deepEqual(fromSnap.cursor, fromAll.cursor);
  assert.deepEqual(fromSnap.scrollback, fromAll.scrollback);
  // attributes too: serializing both terminals gives the same escape sequences
  assert.equal(await serializeOf(snap, 60, 12), await serializeOf(all, 60, 12));
  log.dispose();
});

test('snapshot() keeps at most `scrollback` lines', async () => {
  const doc = new Y.Doc();
  const log = new TerminalLog(doc, { rows: 5, scrollback: 7, flushMs: 60_000 });
  for (let i = 0; i < 100; i++) log.write(`${i}\r\n`);
  const s = await screenOf([log.snapshot()], 80, 5);
  assert.equal(s.scrollback.length, 7);
  assert.deepEqual(s.scrollback, ['89', '90', '91', '92', '93', '94', '95']);
  assert.deepEqual(s.lines, ['96', '97', '98', '99', '']);
  log.dispose();
});
