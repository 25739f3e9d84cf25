// GNU quotes names two ways: file names in most diagnostics with shell quoting ('a b', "a'b",
// 'a'$'\n''b'), and other values with locale quoting, which is ‘x’ in a UTF-8 locale.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

test('shell quoting of file names', async () => {
  const box = new TestBox();
  const cases: [string, string][] = [
    ['plain', 'plain'], ['a b', "'a b'"], ["a'b", `"a'b"`], ["a'b\"c", `'a'\\''b"c'`], ['a\nb', "'a'$'\\n''b'"],
    ['\x01b', "''$'\\001''b'"], ['a#b', 'a#b'], ['#a', "'#a'"], ['~x', "'~x'"], ['a~b', 'a~b'], ['x=y', "'x=y'"], ['a:b,c', 'a:b,c'],
  ];
  for (const [name, quoted] of cases) {
    const r = await box.run(['cat', name]);
    assert.equal(r.stderr, `cat: ${quoted}: No such file or directory\n`, JSON.stringify(name));
  }
  const rm = await box.run(['rm', 'plain']);
  assert.equal(rm.stderr, "rm: cannot remove 'plain': No such file or directory\n");
});

test('locale quoting follows LANG / LC_ALL', async () => {
  const box = new TestBox();
  let r = await box.run(['head', '-n', 'x'], { env: { LC_ALL: '', LANG: 'C.UTF-8' } });
  assert.equal(r.stderr, 'head: invalid number of lines: \u2018x\u2019\n');
  r = await box.run(['head', '-n', 'x'], { env: { LC_ALL: 'C' } });
  assert.equal(r.stderr, "head: invalid number of lines: 'x'\n");
  r = await box.run(['mkdir', '/tmp'], { env: { LC_ALL: 'en_US.UTF-8' } });
  assert.equal(r.stderr, 'mkdir: cannot create directory \u2018/tmp\u2019: File exists\n');
  // file names in "cannot open" keep shell quoting in every locale
  r = await box.run(['head', 'nope'], { env: { LC_ALL: 'C.UTF-8' } });
  assert.equal(r.stderr, "head: cannot open 'nope' for reading: No such file or directory\n");
});

test('messages use argv[0] as the program name', async () => {
  const box = new TestBox();
  const r = await box.run(['/bin/cat', 'nope']);
  assert.equal(r.stderr, '/bin/cat: nope: No such file or directory\n');
});
