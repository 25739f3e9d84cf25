import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ptySession } from './pty-session.ts';

// The editor's raw mode lasts only while a line is edited: a command the shell runs reads the
// terminal in canonical mode with echo and ISIG (the terminal echoes, ^D ends input, ^C signals).
test('commands run with the terminal back in cooked mode', async () => {
  const s = await ptySession();
  let mark = s.screen.length;
  await s.type('cat\r');
  await s.until(/cat\r\n$/, mark);
  mark = s.screen.length;
  await s.type('typed\r');
  // the line discipline echoes the line, then cat writes it back
  await s.until(/^typed\r\ntyped\r\n$/, mark);
  await s.type('\x04');
  await s.until(/\r?\n?\$ $/, mark);
  mark = s.screen.length;
  await s.type('sleep 100\r');
  await s.until(/sleep 100\r\n$/, mark);
  await s.type('\x03');
  await s.until(/\^C\r\n\$ $/, mark);
  mark = s.screen.length;
  await s.type('echo $?\r');
  await s.until(/\r\n130\r\n\$ $/, mark);
  assert.equal(await s.exit(), 0);
});
