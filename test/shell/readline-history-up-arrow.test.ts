import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ptySession } from './pty-session.ts';

// Up arrow recalls the previous line; Enter runs it again. Down returns to the new (empty) line.
// The lines land in `history` and, at exit, in $HISTFILE; a new shell reads them back.
test('ESC[A recalls the last command, history lists it, HISTFILE keeps it', async () => {
  const s = await ptySession({ env: { HISTCONTROL: 'ignoredups' } });
  await s.type('echo one\r');
  await s.until(/\r\none\r\n\$ $/);
  let mark = s.screen.length;
  await s.type('\x1b[A\r');
  await s.until(/one\r\n\$ $/, mark);
  mark = s.screen.length;
  await s.type('\x1b[A\x1b[A\x1b[B\x1b[Becho two\x10\x10\x0e\r');
  // Up twice hits the top (ignoredups kept one entry: a bell), Down twice returns to the typed
  // line; ^P ^P ^N come back to it again
  await s.until(/two\r\n\$ $/, mark);
  mark = s.screen.length;
  await s.type('history\r');
  await s.until(/history\r\n\$ $/, mark);
  assert.match(s.screen.slice(mark), /    1  echo one\r\n    2  echo two\r\n    3  history\r\n/);
  assert.equal(await s.exit(), 0);
  const file = new TextDecoder().decode(s.kernel.vfs.readFile({ cwd: '/', uid: 0, gid: 0, umask: 0o022 }, '/root/.bash_history'));
  assert.equal(file, 'echo one\necho two\nhistory\nexit\n');
});
