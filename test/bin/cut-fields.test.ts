// cut's lists (N, N-, -M, N-M, merged and complemented), fields with -d/-s, output delimiters,
// lines without delimiters, and GNU's list errors.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const twin = new Twin({ csv: 'name:age:city\nbob:30:NYC\nalice:25:LA\nnodelim\n:empty:\n' });
after(() => twin.dispose());

test('fields', async () => {
  assert.equal((await twin.expectSame(['cut', '-d:', '-f2', 'csv'])).stdout, 'age\n30\n25\nnodelim\nempty\n');
  assert.equal((await twin.expectSame(['cut', '-d:', '-s', '-f2', 'csv'])).stdout, 'age\n30\n25\nempty\n');
  for (const argv of [['cut', '-d:', '-f2-', 'csv'], ['cut', '-d:', '-f1,3', '--output-delimiter=XY', 'csv'],
    ['cut', '-d:', '--complement', '-f2', 'csv'], ['cut', '-d:', '-f3,1', 'csv'], ['cut', '-d:', '-f-2', 'csv'],
    ['cut', '-d', ':', '-f', '1 3', 'csv']]) await twin.expectSame(argv);
  assert.equal((await twin.expectSame(['cut', '-f2'], 'a\tb\tc\n')).stdout, 'b\n');
  assert.equal((await twin.expectSame(['cut', '-d:', '-f1'], 'a:b')).stdout, 'a\n');
});

test('bytes and characters', async () => {
  for (const [argv, input] of [
    [['cut', '-b', '2-4,1'], 'abcdef\n'], [['cut', '-c', '-2,5-'], 'abcdef\n'], [['cut', '--complement', '-b', '2-3'], 'abcdef\n'],
    [['cut', '-b', '2-3,3-5', '--output-delimiter=,'], 'abcdef\n'], [['cut', '-b', '1,2', '--output-delimiter=,'], 'abcdef\n'],
    [['cut', '-b', '3-'], 'ab\n'], [['cut', '-c', '1-3'], 'abcdef\nxy\n\n'],
  ] as [string[], string][]) await twin.expectSame(argv, input);
});

test('list errors', async () => {
  for (const argv of [['cut'], ['cut', '-f', '0'], ['cut', '-b', 'x'], ['cut', '-f', '3-1'], ['cut', '-d', 'ab', '-f1'],
    ['cut', '-c', '1', '-d', ':'], ['cut', '-f', '-'], ['cut', '-f', '1,,2'], ['cut', '-f', '1-2-3'], ['cut', '-b', '1', '-s'],
    ['cut', '-f1', '-b2']]) {
    const r = await twin.expectSame(argv);
    assert.equal(r.status, 1);
  }
});
