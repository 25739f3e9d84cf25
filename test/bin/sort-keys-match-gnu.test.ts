// sort's keys (-k F[.C][opts][,F[.C][opts]]), separators, numeric flavours and -u/-s/-r behave
// like GNU sort in the C locale, including the last-resort byte comparison.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const twin = new Twin({
  nums: '10\n9\n-1\n1e3\n0x10\nabc\n\n-0\n+5\n 3\n1,5\n1.5\n.5\n2K\n1M\n1k\n',
  tab: 'b 2 x\na 10 y\nc 1 z\na 2 w\nB 3 v\n',
  csv: 'name:age:city\nbob:30:NYC\nalice:25:LA\nnodelim\n:empty:\n',
  dup: 'a\na\nb\nA\nb\nb\nc x\nd x\n',
  words: 'the quick brown fox\njumps over\tthe lazy dog\n\n  leading space\ntrailing space  \n',
});
after(() => twin.dispose());

test('numeric flavours', async () => {
  assert.equal((await twin.expectSame(['sort', '-n', 'nums'])).stdout,
    '-1\n\n+5\n-0\n0x10\nabc\n.5\n1,5\n1M\n1e3\n1k\n1.5\n2K\n 3\n9\n10\n');
  for (const f of ['-g', '-h', '-rn', '-un', '-V']) await twin.expectSame(['sort', f, 'nums']);
});

test('keys, separators and per-key options', async () => {
  for (const argv of [
    ['sort', '-k2n', 'tab'], ['sort', '-k2,2n', '-k1,1', 'tab'], ['sort', '-t', ':', '-k2', 'csv'],
    ['sort', '-t:', '-k2,2n', 'csv'], ['sort', '-k3', '-r', 'tab'], ['sort', '-k1.2,1.3', 'tab'],
    ['sort', '-nr', '-k2', 'tab'], ['sort', '-k2,2nr', '-k1,1f', 'tab'], ['sort', '-b', '-k2', 'words'],
    ['sort', '-k2b,2', 'words'], ['sort', '-s', '-k1,1f', 'tab'], ['sort', '-f', 'tab'], ['sort', '-d', 'words'],
    ['sort', '-k', '1.3', 'words'], ['sort', '-t', ' ', '-k2', 'words'],
  ]) await twin.expectSame(argv);
});

test('unique, stable, reverse and check', async () => {
  assert.equal((await twin.expectSame(['sort', '-u', 'dup'])).stdout, 'A\na\nb\nc x\nd x\n');
  assert.equal((await twin.expectSame(['sort', '-fu', 'dup'])).stdout, 'a\nb\nc x\nd x\n');
  await twin.expectSame(['sort', '-u', '-k2', 'dup']);
  await twin.expectSame(['sort', '-r', 'dup']);
  const c = await twin.expectSame(['sort', '-c', 'tab']);
  assert.equal(c.status, 1);
  assert.equal(c.stderr, 'sort: tab:2: disorder: a 10 y\n');
  await twin.expectSame(['sort', '-C', 'tab']);
  await twin.expectSame(['sort', '-cu'], 'a\na\n');
});

test('key and option errors exit 2 with GNU messages', async () => {
  for (const argv of [['sort', '-k', '0'], ['sort', '-k', '1.0'], ['sort', '-k', 'x'], ['sort', '-k', '1,x'],
    ['sort', '-k1b,1Q'], ['sort', '-t', 'ab'], ['sort', '-gn'], ['sort', 'nope'], ['sort', '-x']]) {
    const r = await twin.expectSame(argv);
    assert.equal(r.status, 2);
  }
});

test('-o may name an input file', async () => {
  const r = await twin.box.run(['sort', '-o', 'tab', 'tab'], { cwd: '/w' });
  assert.equal(r.status, 0);
  assert.equal(twin.box.read('/w/tab'), 'B 3 v\na 10 y\na 2 w\nb 2 x\nc 1 z\n');
});
