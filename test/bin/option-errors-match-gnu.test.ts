// GNU getopt_long behaviour and diagnostics: invalid/unrecognized/ambiguous options, missing and
// unexpected arguments, unique prefixes, "--", and each tool's usage status (1; ls/sort 2; env 125).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const twin = new Twin({ f: 'a\nb\n' });
after(() => twin.dispose());

test('diagnostics and statuses are GNU\'s', async () => {
  const cases: [string[], number][] = [
    [['head', '-x'], 1], [['head', '--foo'], 1], [['head', '-n'], 1], [['head', '--lines'], 1], [['head', '--foo=bar'], 1],
    [['head', '--ver=3'], 1], [['wc', '--lin=3'], 1], [['sort', '-x'], 2], [['ls', '-j'], 2], [['ls', '--s'], 2],
    [['ls', '--sort'], 2], [['ls', '--color=bad'], 1], [['env', '-j'], 125], [['cat', '-y'], 1], [['tee', '-x'], 1],
    [['uniq', '-x'], 1], [['cp'], 1], [['cp', 'f'], 1], [['mv'], 1], [['rm'], 1], [['rmdir'], 1], [['mkdir'], 1],
    [['touch'], 1], [['ln'], 1], [['basename'], 1], [['dirname'], 1], [['readlink'], 1], [['realpath'], 1],
    [['sleep'], 1], [['sleep', 'x'], 1], [['stat'], 1], [['seq'], 1], [['seq', '1', '2', '3', '4'], 1],
    [['sort', '--check=x'], 1], [['touch', '--time=foo', 'x'], 1], [['cp', '--preserve=bogus', 'f', 'g'], 1],
    [['uniq', 'a', 'b', 'c'], 1], [['basename', 'a', 'b', 'c'], 1], [['head', '-n', 'x', 'f'], 1],
    [['tail', '-n', '+x', 'f'], 1], [['head', '-c', '1Z', 'f'], 1], [['yes', '--x'], 1], [['mktemp', 'fooXX'], 1],
  ];
  for (const [argv, status] of cases) {
    const r = await twin.expectSame(argv);
    assert.equal(r.status, status, argv.join(' '));
    assert.notEqual(r.stderr, '', argv.join(' '));
  }
  assert.equal((await twin.box.run(['head', '--foo'])).stderr, "head: unrecognized option '--foo'\nTry 'head --help' for more information.\n");
  assert.equal((await twin.box.run(['head', '-n'])).stderr, "head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n");
});

test('combined flags, attached values, prefixes and "--"', async () => {
  for (const argv of [
    ['head', '-vn1', 'f'], ['head', '-n1', '-v', 'f'], ['head', '--li=1', 'f'], ['head', '--lines', '1', 'f'],
    ['cat', '-nE', 'f'], ['cat', '--', 'f'], ['sort', '-rn', 'f'], ['head', 'f', '-n', '1'], ['wc', '-lc', 'f'],
    ['cut', '-d', 'a', '-f1', 'f'], ['cut', '-da', '-f', '1', 'f'], ['seq', '-s', ':', '3'], ['seq', '-w', '-1', '1'],
  ]) await twin.expectSame(argv);
});

test('POSIXLY_CORRECT stops option parsing at the first operand', async () => {
  const r = await twin.box.run(['head', 'f', '-n', '1'], { cwd: '/w', env: { POSIXLY_CORRECT: '1' } });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^head: cannot open '-n' for reading: No such file or directory\n/);
});
