// wc's column widths follow GNU: width of the total size's digits when every input is a regular
// file, at least 7 when one is not (a pipe), no padding for a single count of a single input.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const lines = Array.from({ length: 1000 }, (_, i) => `${i + 1}\n`).join('');
const twin = new Twin({
  s1: lines,
  c1: 'a\n\n\n\nb\tc\x01\x7f\n\n',
  words: 'the quick brown fox\njumps over\tthe lazy dog\n\n  leading space\ntrailing space  \n',
  noeol: 'one\ntwo',
  empty: '',
});
after(() => twin.dispose());

test('explicit widths', async () => {
  assert.equal((await twin.expectSame(['wc', 's1', 'c1'])).stdout, '1000 1000 3893 s1\n   6    3   12 c1\n1006 1003 3905 total\n');
  assert.equal((await twin.expectSame(['wc'], 'hello world\n')).stdout, '      1       2      12\n');
  assert.equal((await twin.expectSame(['wc', '-l'], 'a\nb\n')).stdout, '2\n');
});

test('regular files, pipes and mixtures align like GNU', async () => {
  for (const argv of [
    ['wc', 's1'], ['wc', '-l', 's1'], ['wc', '-c', 's1', 'c1'], ['wc', 'words', 'noeol', 'empty'],
    ['wc', '-lw', 'words'], ['wc', '-L', 'words', 'c1'], ['wc', '-w', 'c1'], ['wc', '-lwmcL', 'words'],
    ['wc', 's1', '-'], ['wc', '-l', '-', 's1'], ['wc', '-m', 'words'],
  ]) {
    await twin.expectSame(argv, 'from\nstdin\n');
  }
});

test('missing files and directories: message, status 1, total still printed', async () => {
  const r = await twin.expectSame(['wc', '-c', 'nope', 's1']);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'wc: nope: No such file or directory\n');
  await twin.expectSame(['wc', '.', 's1']);
});
