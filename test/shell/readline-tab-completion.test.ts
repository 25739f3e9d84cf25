import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ptySession } from './pty-session.ts';

// Tab completes a unique file name (with a space after it), a directory (with a '/'), a command
// name; with several candidates the first Tab completes nothing more and the second lists them
// in columns, then the prompt and the line come back.
test('Tab completes files and commands, a second Tab lists candidates', async () => {
  const s = await ptySession({
    files: { '/root/abcdef.txt': 'hello from abcdef\n', '/root/xy1': '', '/root/xy2': '', '/root/sub dir/inner.txt': 'inner\n' },
  });
  let mark = s.screen.length;
  await s.type('cat abc\t\r');
  await s.until(/hello from abcdef\r\n\$ $/, mark);
  assert.match(s.screen.slice(mark), /cat abcdef\.txt \r\n/);

  mark = s.screen.length;
  await s.type('cat su\tin\t\r');
  await s.until(/\r\ninner\r\n\$ $/, mark);
  assert.match(s.screen.slice(mark), /cat sub\\ dir\/inner\.txt /);

  mark = s.screen.length;
  await s.type('ech\t done\r');
  await s.until(/\r\ndone\r\n\$ $/, mark);

  mark = s.screen.length;
  await s.type('ls xy\t');
  await s.until(/\x07/, mark);
  await s.type('\t');
  await s.until(/\r\nxy1 {2}xy2\r\n\$ ls xy/, mark);
  await s.type('2\r');
  await s.until(/\r\nxy2\r\n\$ $/, mark);
  assert.equal(await s.exit(), 0);
});
