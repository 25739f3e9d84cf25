import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ptySession } from './pty-session.ts';

// ^C while a line is being edited (the terminal is in raw mode, so it arrives as a byte) drops
// the line and any continuation lines, prints "^C", a newline and a fresh prompt, and sets $? to
// 130; nothing of the dropped text runs.
test('^C abandons the line being edited', async () => {
  const s = await ptySession();
  let mark = s.screen.length;
  await s.type('echo never-run\x1b[D\x1b[D\x03');
  await s.until(/\^C\r\n\$ $/, mark);
  mark = s.screen.length;
  await s.type('for i in 1 2\r');
  await s.until(/\r\n> $/, mark);
  await s.type('do echo dropped-$i\x03');
  await s.until(/\^C\r\n\$ $/, mark);
  mark = s.screen.length;
  await s.type('echo "st=$?"\r');
  await s.until(/\r\nst=130\r\n\$ $/, mark);
  assert.doesNotMatch(s.screen, /\r\nnever-run|\r\ndropped-/);
  assert.equal(await s.exit(), 0);
});
