import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ptySession } from './pty-session.ts';

// Several lines arriving in one read (a paste): each runs in order with its own prompt, a
// multi-line compound command included; a trailing partial line stays in the editor.
test('a pasted chunk of several lines runs line by line', async () => {
  const s = await ptySession();
  const mark = s.screen.length;
  await s.type('echo a\recho b\nfor i in 1 2; do\recho n$i\rdone\recho c\rech');
  await s.until(/\r\nc\r\n\$ ech$/, mark);
  await s.type('o end\r');
  await s.until(/\r\nend\r\n\$ $/, mark);
  assert.match(s.screen.slice(mark), /^echo a\r\na\r\n\$ echo b\r\nb\r\n\$ for i in 1 2; do\r\n> echo n\$i\r\n> done\r\nn1\r\nn2\r\n\$ echo c\r\nc\r\n\$ echo end\r\nend\r\n\$ $/);
  assert.equal(await s.exit(), 0);
});
