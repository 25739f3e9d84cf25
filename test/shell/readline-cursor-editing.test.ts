import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ptySession } from './pty-session.ts';

// Editing in the middle of the line: arrows, Home/End, Backspace (^? and ^H), Delete, ^K / ^U /
// ^W and ^Y — the command that runs is the edited text, not the keystrokes.
test('cursor movement and deletions edit the line that runs', async () => {
  const s = await ptySession();
  const run = async (keys: string, expect: RegExp): Promise<void> => {
    const mark = s.screen.length;
    await s.type(keys);
    await s.until(/\r\n\$ $/, mark);
    assert.match(s.screen.slice(mark), expect);
  };
  await run('echo wrld\x1b[D\x1b[D\x1b[Do\r', /\r\nworld\r\n/);
  await run('xecho abc\x01\x1b[3~\x05\x08\x7fd\r', /\r\nad\r\n/);
  await run('echo ac\x02b\x06\x06X\x1b[H\x1b[F!\r', /\r\nabcX!\r\n/);
  await run('echo keep drop\x1b[D\x1b[D\x1b[D\x1b[D\x0b\r', /\r\nkeep\r\n/);
  await run('garbage\x15echo 1 2 3\x17\x17\x19\x19\r', /\r\n1 2 32 3\r\n/);
  await run('echo héllo\x1b[D\x1b[D\x1b[D\x7fe\r', /\r\nhello\r\n/);
  await run('echo x\x04y\x1b[D\x1b[D\x04\r', /\r\ny\r\n/);
  assert.equal(await s.exit(), 0);
});
