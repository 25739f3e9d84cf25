// tail: the last N lines/bytes of regular files (read backwards) and of pipes (streamed),
// +N forms, unterminated last lines, headers for several files; -f is reported unsupported.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin, pipeline } from './helpers.ts';

const lines = Array.from({ length: 100000 }, (_, i) => `${i + 1}\n`).join('');
const twin = new Twin({ s1: lines, noeol: 'a\nb\nc', c1: 'x\n\ny\n', empty: '', nl: '\n\n\n' });
after(() => twin.dispose());

test('from the end of files and pipes', async () => {
  assert.equal((await twin.expectSame(['tail', '-3', 's1'])).stdout, '99998\n99999\n100000\n');
  assert.equal((await twin.expectSame(['tail', '-n', '2', 'noeol'])).stdout, 'b\nc');
  for (const argv of [['tail', 's1'], ['tail', '-c', '7', 's1'], ['tail', '-n', '0', 's1'], ['tail', '-1', 'noeol'],
    ['tail', 'noeol', 'c1'], ['tail', '-q', 'noeol', 'c1'], ['tail', '-v', 'c1'], ['tail', 'empty'], ['tail', '-2', 'nl'],
    ['tail', '-n', '100001', 's1'], ['tail', '-c', '+3', 'c1'], ['tail', '-n', '+99999', 's1'], ['tail', '+3', 'c1'],
    ['tail', '-n', '-2', 'c1'], ['tail', '-z', '-n', '1', 'c1']]) await twin.expectSame(argv);
  for (const [argv, input] of [[['tail', '-n', '2'], 'a\nb\nc'], [['tail', '-c', '4'], 'abcdefg'], [['tail', '-n', '+2'], 'a\nb\nc\n'],
    [['tail', '-c', '+3'], 'abcdef'], [['tail'], lines]] as [string[], string][]) await twin.expectSame(argv, input);
});

test('a pipe larger than any buffer keeps only the tail', async () => {
  const r = await pipeline(twin.box, [['seq', '300000'], ['tail', '-2']], { timeoutMs: 10000 });
  assert.equal(r.stdout, '299999\n300000\n');
});

test('-f is not implemented and says so', async () => {
  const r = await twin.box.run(['tail', '-f', 's1'], { cwd: '/w' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /not supported/);
});
