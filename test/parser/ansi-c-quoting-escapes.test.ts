import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasBash52, runBash, word } from './util.ts';
import { printWord } from '../../kernel/shell/print.ts';

function ansi(body: string): string {
  const p = word(`echo $'${body}'`).parts;
  assert.equal(p.length, 1);
  if (p[0].type !== 'AnsiC') throw new Error(`expected AnsiC, got ${p[0].type}`);
  return p[0].value;
}

const CASES: [string, string][] = [
  ['a\\nb\\tc', 'a\nb\tc'],
  ['\\a\\b\\e\\E\\f\\r\\v', '\x07\b\x1b\x1b\f\r\v'],
  ["it\\'s \\\"q\\\" \\\\ \\?", 'it\'s "q" \\ ?'],
  ['\\101\\0101\\7', 'A\b1\x07'],
  ['\\x41\\x4g\\xg\\x', 'A\x04g\\xg\\x'],
  ['\\u00e9\\U0001F600\\u', 'é😀\\u'],
  ['\\xc3\\xa9', 'é'],
  ['\\cA\\ca\\c[\\c?\\c\\\\', '\x01\x01\x1b\x7f\x1c'],
  ['\\q\\z', '\\q\\z'],
  ['a\\0b', 'a'],
  ['x\\c@y', 'x'],
  ['', ''],
];

test("$'…' escapes decode like bash (\\n \\t \\xHH \\uHHHH \\NNN \\cX, NUL truncates)", () => {
  for (const [src, value] of CASES) assert.equal(ansi(src), value, src);
});

test("$'…' decoding agrees with the installed bash", { skip: !hasBash52 && 'needs /usr/bin/bash 5.2' }, () => {
  for (const [src] of CASES) {
    const r = runBash(['-c', `printf %s $'${src}'`]);
    assert.equal(ansi(src), r.stdout, src);
  }
});

test("$'…' prints back single-quoted, as bash's declare -f shows it", () => {
  assert.equal(printWord(word("echo $'a\\nb'")), "'a\nb'");
  assert.equal(printWord(word("echo $'it\\'s'")), "'it'\\''s'");
  assert.equal(printWord(word("echo $'\\''")), "\\'");
});

test('$"…" is a double-quoted string; inside double quotes $\' is literal', () => {
  assert.deepEqual(word('echo $"a $x"').parts[0].type, 'DoubleQuoted');
  assert.deepEqual(word('echo "$\'x\'"').parts, [{ type: 'DoubleQuoted', parts: [{ type: 'Literal', value: "$'x'" }] }]);
});

test("an unterminated $'…' reports bash's message", () => {
  assert.throws(() => word("echo $'abc"), { message: "unexpected EOF while looking for matching `''" });
});
