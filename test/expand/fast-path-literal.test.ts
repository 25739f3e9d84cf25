// Hazard: speed. Expanding plain literal words (`echo hello`) must take the fast path — no
// atoms, no splitting, no globbing — and cost well under a microsecond or so; words that merely
// look special (quotes, a lone escaped character) take it too, while glob and brace characters
// do not. (Timed in a child process: node:test's async tracking slows every await.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { makeShell, parseWords } from './harness.ts';
import { expandWords, expandWord } from '../../kernel/shell/expand.ts';

const BENCH = `
import { makeShell, parseWords } from ${JSON.stringify(new URL('./harness.ts', import.meta.url).href)};
import { expandWords } from ${JSON.stringify(new URL('../../kernel/shell/expand.ts', import.meta.url).href)};
const sh = makeShell({ vars: { x: 'value' } });
const out = {};
for (const src of ['echo hello', '$x "$x"']) {
  const words = parseWords(src);
  for (let i = 0; i < 5000; i++) await expandWords(sh, words);
  const n = 50000, t = performance.now();
  for (let i = 0; i < n; i++) await expandWords(sh, words);
  out[src] = ((performance.now() - t) / n) * 1000;
}
console.log(JSON.stringify(out));
`;

test('literal words come back unchanged and fast', () => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', BENCH], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const us = JSON.parse(r.stdout) as Record<string, number>;
  assert.ok(us['echo hello']! < 5, `${us['echo hello']!.toFixed(2)}µs per expandWords(['echo','hello'])`);
  assert.ok(us['$x "$x"']! < 20, `${us['$x "$x"']!.toFixed(2)}µs per expandWords(['$x','"$x"'])`);
});

test('quoted single parts and escapes are fast-path too; globs and braces are not', async () => {
  const sh = makeShell({ tree: { f1: '', f2: '' } });
  assert.deepEqual(await expandWords(sh, parseWords('echo hello')), ['echo', 'hello']);
  assert.deepEqual(await expandWords(sh, parseWords("'a b' \"c d\" \\* f? {x,y}")), ['a b', 'c d', '*', 'f1', 'f2', 'x', 'y']);
  assert.equal(await expandWord(sh, parseWords("'q'")[0]!), 'q');
});
