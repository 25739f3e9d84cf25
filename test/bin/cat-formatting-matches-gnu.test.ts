// cat's -n -b -s -E -T -v -A -e -t: numbering and squeezing carry across files and across read
// chunks, and non-printing bytes use ^ and M- notation exactly like GNU cat.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
const twin = new Twin({
  c1: 'a\n\n\n\nb\tc\x01\x7f\n\n',
  c2: '\n\nx\n',
  noeol: 'one\ntwo',
  all: bytes,
  long: `${'line\n'.repeat(30000)}\n\n\nend\n`,
});
after(() => twin.dispose());

test('numbering and squeezing', async () => {
  assert.equal((await twin.expectSame(['cat', '-n', 'c1'])).stdout, '     1\ta\n     2\t\n     3\t\n     4\t\n     5\tb\tc\x01\x7f\n     6\t\n');
  assert.equal((await twin.expectSame(['cat', '-sb', 'c1'])).stdout, '     1\ta\n\n     2\tb\tc\x01\x7f\n\n');
  for (const argv of [['cat', '-ns', 'c1', 'c2'], ['cat', '-b', 'c2', 'c1'], ['cat', '-n', 'noeol', 'c1'], ['cat', '-s', 'c2', 'c2'],
    ['cat', '-n', 'long'], ['cat', '-sn', 'long']]) await twin.expectSame(argv);
});

test('non-printing notation for every byte', async () => {
  const r = await twin.expectSame(['cat', '-A', 'all']);
  assert.ok(r.stdout.startsWith('^@^A^B^C^D^E^F^G^H^I$\n^K'));
  assert.ok(r.stdout.endsWith('M-~M-^?'));
  for (const f of ['-v', '-e', '-t', '-T', '-E', '-vT']) await twin.expectSame(['cat', f, 'all', 'c1']);
});

test('plain cat is byte-exact; errors do not stop later files', async () => {
  const r = await twin.expectSame(['cat', 'all', 'nope', 'noeol']);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'cat: nope: No such file or directory\n');
  assert.equal(r.stdoutBytes.length, 256 + 7);
  assert.equal(r.stdoutBytes[255], 255);
  await twin.expectSame(['cat', '-', 'c1', '-'], 'stdin\n');
  await twin.expectSame(['cat', '.']);
});
