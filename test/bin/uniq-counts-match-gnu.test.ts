// uniq: adjacent duplicates, -c counts ("%7d "), -d/-D/-u selection, -i, -f/-s/-w key limits,
// --group, unterminated last lines, output file operand.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const twin = new Twin({ dup: 'a\na\nb\nA\nb\nb\nc x\nd x\n', noeol: 'one\none' });
after(() => twin.dispose());

test('selections and counts', async () => {
  assert.equal((await twin.expectSame(['uniq', '-c', 'dup'])).stdout, '      2 a\n      1 b\n      1 A\n      2 b\n      1 c x\n      1 d x\n');
  for (const f of [[], ['-d'], ['-u'], ['-D'], ['-ci'], ['-f1', '-c'], ['-s1'], ['-w1', '-c'], ['--group'], ['--group=both'],
    ['--all-repeated=separate'], ['-di'], ['-z']]) await twin.expectSame(['uniq', ...f, 'dup']);
  assert.equal((await twin.expectSame(['uniq', 'noeol'])).stdout, 'one\n');
});

test('output file operand and errors', async () => {
  const r = await twin.box.run(['uniq', 'dup', 'out'], { cwd: '/w' });
  assert.equal(r.status, 0);
  assert.equal(twin.box.read('/w/out'), 'a\nb\nA\nb\nc x\nd x\n');
  for (const argv of [['uniq', 'a', 'b', 'c'], ['uniq', '-f', 'x'], ['uniq', 'nope'], ['uniq', '-c', '-D', 'dup']]) {
    assert.equal((await twin.expectSame(argv)).status, 1);
  }
});
