// Hazard: shell pattern matching ([[ t == p ]], case, ${x#p}): * ? brackets with ranges, negation
// by ! or ^, ] first in a bracket, backslash escapes, POSIX classes (Unicode-aware in a UTF-8
// locale), reversed ranges matching nothing, unclosed brackets literal, extglob groups including
// !(…) anywhere in the pattern, and nocasematch. Rows: [pattern, text, flags (x extglob,
// i nocase), bash 5.2's answer in C.UTF-8].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { matchPattern, patternToRegExp, hasGlobChars, escapePattern, unescapePattern } from '../../kernel/shell/pattern.ts';
import { hasBash } from './harness.ts';

const rows: [string, string, string, boolean][] = [
  ["*", "", "", true],
  ["*", "abc", "", true],
  ["*", ".x", "", true],
  ["*", "a/b", "", true],
  ["a*c", "abc", "", true],
  ["a*c", "ac", "", true],
  ["a*c", "abcd", "", false],
  ["a?c", "abc", "", true],
  ["a?c", "ac", "", false],
  ["a?c", "a\u00e9c", "", true],
  ["[a-c]x", "bx", "", true],
  ["[a-c]x", "dx", "", false],
  ["[!a-c]x", "bx", "", false],
  ["[!a-c]x", "dx", "", true],
  ["[^a]", "a", "", false],
  ["[^a]", "b", "", true],
  ["[]]", "]", "", true],
  ["[]]", "[", "", false],
  ["[]a]", "a", "", true],
  ["[]a]", "]", "", true],
  ["[!]]", "]", "", false],
  ["[!]]", "x", "", true],
  ["[a-]", "-", "", true],
  ["[a-]", "a", "", true],
  ["[a-]", "b", "", false],
  ["[-a]", "-", "", true],
  ["\\*", "*", "", true],
  ["\\*", "a", "", false],
  ["a\\?", "a?", "", true],
  ["a\\?", "ab", "", false],
  ["[\\]]", "]", "", true],
  ["[[:alpha:]]", "a", "", true],
  ["[[:alpha:]]", "\u00e9", "", true],
  ["[[:alpha:]]", "1", "", false],
  ["[[:alpha:]]", "_", "", false],
  ["[[:digit:]]*", "1a", "", true],
  ["[[:digit:]]*", "a1", "", false],
  ["[[:alnum:]_]", "_", "", true],
  ["[[:alnum:]_]", "Z", "", true],
  ["[[:alnum:]_]", "-", "", false],
  ["[[:upper:][:digit:]]", "A", "", true],
  ["[[:upper:][:digit:]]", "a", "", false],
  ["[[:upper:][:digit:]]", "5", "", true],
  ["[[:space:]]", " ", "", true],
  ["[[:space:]]", "\t", "", true],
  ["[[:space:]]", "x", "", false],
  ["[[:punct:]]", "!", "", true],
  ["[[:punct:]]", "a", "", false],
  ["[[:punct:]]", "~", "", true],
  ["[[:xdigit:]]", "f", "", true],
  ["[[:xdigit:]]", "g", "", false],
  ["[[:xdigit:]]", "F", "", true],
  ["[[:blank:]]", " ", "", true],
  ["[[:blank:]]", "\n", "", false],
  ["[[:word:]]", "_", "", true],
  ["[[:word:]]", "a", "", true],
  ["[[:word:]]", "-", "", false],
  ["[[:lower:]]", "a", "", true],
  ["[[:lower:]]", "A", "", false],
  ["[[:cntrl:]]", "\u0001", "", true],
  ["[[:cntrl:]]", "a", "", false],
  ["[[:print:]]", " ", "", true],
  ["[[:print:]]", "a", "", true],
  ["[[:print:]]", "\u0001", "", false],
  ["[[:graph:]]", " ", "", false],
  ["[[:graph:]]", "a", "", true],
  ["[z-a]", "m", "", false],
  ["[z-a]", "z", "", false],
  ["[a", "[a", "", true],
  ["[a", "a", "", false],
  ["a[", "a[", "", true],
  ["[[.a.]]", "a", "", true],
  ["[[=a=]]", "a", "", true],
  ["[[=a=]]", "b", "", false],
  ["*.txt", "a.txt", "", true],
  ["*.txt", "txt", "", false],
  ["*.txt", ".txt", "", true],
  ["a*b*c", "abc", "", true],
  ["a*b*c", "aXbYc", "", true],
  ["a*b*c", "ac", "", false],
  ["@(a|b)c", "ac", "x", true],
  ["@(a|b)c", "bc", "x", true],
  ["@(a|b)c", "cc", "x", false],
  ["!(a|b)", "a", "x", false],
  ["!(a|b)", "c", "x", true],
  ["!(a|b)", "ab", "x", true],
  ["!(a|b)", "", "x", true],
  ["!(a)*", "a", "x", true],
  ["!(a)*", "ab", "x", true],
  ["+(ab)", "ab", "x", true],
  ["+(ab)", "abab", "x", true],
  ["+(ab)", "", "x", false],
  ["*(ab)x", "x", "x", true],
  ["*(ab)x", "ababx", "x", true],
  ["*(ab)x", "abx", "x", true],
  ["?(a)b", "b", "x", true],
  ["?(a)b", "ab", "x", true],
  ["?(a)b", "aab", "x", false],
  ["!(*.txt)", "a.txt", "x", false],
  ["!(*.txt)", "a.md", "x", true],
  ["a!(b)c", "ac", "x", true],
  ["a!(b)c", "abc", "x", false],
  ["a!(b)c", "axc", "x", true],
  ["a!(b)c", "abbc", "x", true],
  ["@(a|*b)", "xb", "x", true],
  ["@(a|*b)", "a", "x", true],
  ["@(a|*b)", "c", "x", false],
  ["*(a|b)@(c)", "ababc", "x", true],
  ["*(a|b)@(c)", "c", "x", true],
  ["*(a|b)@(c)", "abd", "x", false],
  ["+([0-9])", "123", "x", true],
  ["+([0-9])", "12a", "x", false],
  ["+([0-9])", "", "x", false],
  ["@(!(a))", "a", "x", false],
  ["@(!(a))", "b", "x", true],
  ["A*", "abc", "i", true],
  ["A*", "Abc", "i", true],
  ["[A-C]", "b", "i", true],
  ["[A-C]", "B", "i", true],
  ["[A-C]", "d", "i", false]
];

for (const [p, t, flags, want] of rows) {
  test(`${JSON.stringify(t)} == ${p}${flags ? ' [' + flags + ']' : ''}`, () => {
    assert.equal(matchPattern(p, t, { extglob: flags.includes('x'), nocase: flags.includes('i') }), want);
  });
}

test('pathname mode: * ? and brackets never match /; period mode hides dotfiles', () => {
  assert.equal(matchPattern('a*b', 'a/b', { pathname: true }), false);
  assert.equal(matchPattern('a?b', 'a/b', { pathname: true }), false);
  assert.equal(matchPattern('a[!x]b', 'a/b', { pathname: true }), false);
  assert.equal(matchPattern('*', '.x', { period: true }), false);
  assert.equal(matchPattern('.*', '.x', { period: true }), true);
  assert.equal(matchPattern('?x', '.x', { period: true }), false);
});

test('helpers: patternToRegExp, hasGlobChars, escape/unescape round trip', () => {
  assert.ok(patternToRegExp('a*')!.test('abc'));
  assert.equal(patternToRegExp('!(a)', { extglob: true }), null);
  assert.equal(hasGlobChars('a\\*'), false);
  assert.equal(hasGlobChars('[a'), false);
  assert.equal(hasGlobChars('[a]'), true);
  assert.equal(hasGlobChars('@(a)', false), false);
  assert.equal(hasGlobChars('@(a)', true), true);
  const s = 'a*b?[c]\\(d)|!+@';
  assert.equal(unescapePattern(escapePattern(s)), s);
  assert.equal(matchPattern(escapePattern(s), s), true);
});

test('bash 5.2 agrees with the rows', { skip: !hasBash }, () => {
  // one bash for all rows: arguments come in (flags, text, pattern) triples
  const script = 'while (($#)); do shopt -u extglob nocasematch; [[ $1 == *x* ]] && shopt -s extglob;'
    + ' [[ $1 == *i* ]] && shopt -s nocasematch; [[ $2 == $3 ]] && echo 1 || echo 0; shift 3; done';
  const args = rows.flatMap(([p, t, flags]) => [flags || '-', t, p]);
  const r = spawnSync('/usr/bin/bash', ['-O', 'extglob', '-c', script, 'bash', ...args], { env: { LC_ALL: 'C.UTF-8' }, encoding: 'utf8' });
  const got = r.stdout.trim().split('\n');
  rows.forEach(([p, t, , want], i) => assert.equal(got[i] === '1', want, `${JSON.stringify(t)} == ${p}`));
});
