// tr's sets: ranges, [:classes:], [=c=], [c*n] repeats, escapes, -c/-d/-s/-t, and GNU's
// diagnostics for malformed sets.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const twin = new Twin({});
after(() => twin.dispose());

test('classes and ranges translate like GNU', async () => {
  assert.equal((await twin.expectSame(['tr', '[:lower:]', '[:upper:]'], 'Hello, World 1\n')).stdout, 'HELLO, WORLD 1\n');
  assert.equal((await twin.expectSame(['tr', '-d', '[:digit:][:punct:]'], 'a1,b2.c\n')).stdout, 'abc\n');
  assert.equal((await twin.expectSame(['tr', '-c', '[:alnum:]', '_'], 'a-b c\n')).stdout, 'a_b_c_');
  assert.equal((await twin.expectSame(['tr', 'a-z', 'n-za-m'], 'hello\n')).stdout, 'uryyb\n');
  for (const [argv, input] of [
    [['tr', '[:space:]', '_'], 'a b\tc\n'], [['tr', '[:upper:][:lower:]', '[:lower:][:upper:]'], 'AbC\n'],
    [['tr', '-s', '[:blank:]'], 'a   b\t\tc\n'], [['tr', '-cd', '[:print:]'], 'a\x01b\x7fc\n'],
    [['tr', '[:xdigit:]', 'x'], 'deadbeef-zz\n'], [['tr', '-d', '[:cntrl:]'], 'a\x01\tb\n'],
    [['tr', '[:alpha:]', '*'], 'ab12\n'], [['tr', '[:graph:]', '.'], 'a b\n'],
  ] as [string[], string][]) await twin.expectSame(argv, input);
});

test('repeats, equivalence classes, escapes and padding', async () => {
  for (const [argv, input] of [
    [['tr', 'a-c', '[x*]'], 'abc\n'], [['tr', 'a-f', 'x[y*2]z'], 'abcdef\n'], [['tr', '[=a=]', 'x'], 'abc\n'],
    [['tr', 'abc', 'x'], 'abc\n'], [['tr', '-t', 'abc', 'x'], 'abc\n'], [['tr', '\\\\', 'x'], 'a\\b\n'],
    [['tr', 'a-', 'xy'], 'a-c\n'], [['tr', 'a\\-c', 'xyz'], 'a-c\n'], [['tr', '\\001', 'A'], '\x01\n'],
    [['tr', '\\n', 'x'], 'a\nb\n'], [['tr', '-s', 'a-c', 'x'], 'aabbcc\n'], [['tr', '-ds', 'a', 'b'], 'aabbba\n'],
    [['tr', '\\t\\n', ' ,'], 'a\tb\nc\n'], [['tr', '-d', '\\015'], 'dos\r\n'],
  ] as [string[], string][]) await twin.expectSame(argv, input);
});

test('malformed sets are rejected like GNU', async () => {
  for (const argv of [['tr'], ['tr', 'a'], ['tr', '-d', 'a', 'b'], ['tr', '[:foo:]', 'x'], ['tr', 'z-a', 'x'],
    ['tr', '[:alpha:]', '[:digit:]'], ['tr', 'a', '[:upper:]'], ['tr', '[a*]', 'x'], ['tr', 'a', '[b*]x[c*]']]) {
    const r = await twin.expectSame(argv);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^tr: /);
  }
});
