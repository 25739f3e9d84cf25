// Hazard: patterns built from words (case items, [[ x == p ]], ${x#p}): quoted parts — '…', "…",
// \c, "$var" — must match literally while unquoted text and unquoted $var keep their glob
// meaning; the regex side of =~ escapes quoted ERE characters instead.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { makeShell, parseWords, hasBash, type Setup } from './harness.ts';
import { expandPattern, expandRegex } from '../../kernel/shell/expand.ts';
import { matchPattern } from '../../kernel/shell/pattern.ts';

// [setup, subject, pattern word, does bash's `case` match?]
const rows: [Setup, string, string, boolean][] = [
  [{}, 'abc', 'a*', true],
  [{}, 'abc', '"a*"', false],
  [{}, 'a*', '"a*"', true],
  [{}, 'a*', "'a'*", true],
  [{}, 'ab', "'a'?", true],
  [{}, 'a?', 'a\\?', true],
  [{}, 'ab', 'a\\?', false],
  [{ vars: { p: 'a*' } }, 'abc', '$p', true],
  [{ vars: { p: 'a*' } }, 'abc', '"$p"', false],
  [{ vars: { p: 'a*' } }, 'a*', '"$p"', true],
  [{ vars: { p: '[ab]' } }, 'b', '$p', true],
  [{ vars: { p: '[ab]' } }, 'b', '"$p"', false],
  [{ vars: { p: '\\*' } }, '*', '$p', true],
  [{ vars: { p: '\\*' } }, 'x', '$p', false],
  [{ vars: { p: 'x' } }, 'x.y', '$p.*', true],
  [{}, '[x]', '"[x]"', true],
  [{}, 'x', '[x]', true],
  [{}, 'x', '"[x]"', false],
  [{ shopt: ['nocasematch'] }, 'ABC', 'a*', true],
  [{ shopt: ['nocasematch'] }, 'ABC', '"abc"', true],
  [{ positional: ['a', 'b'] }, 'a b', '$*', true],
  [{ vars: { IFS: ':' }, positional: ['a', 'b'] }, 'a:b', '"$*"', true],
];

async function mineMatch(setup: Setup, subject: string, pat: string): Promise<boolean> {
  const sh = makeShell(setup);
  const p = await expandPattern(sh, parseWords(pat)[0]!);
  return matchPattern(p, subject, { extglob: sh.shoptOptions.has('extglob'), nocase: sh.shoptOptions.has('nocasematch') });
}

for (const [setup, subject, pat, want] of rows) {
  test(`case ${JSON.stringify(subject)} in ${pat})`, async () => {
    assert.equal(await mineMatch(setup, subject, pat), want);
  });
}

test('expandRegex escapes quoted ERE characters only', async () => {
  const sh = makeShell({ vars: { d: '.' } });
  assert.equal(await expandRegex(sh, parseWords('"a.b"c.d')[0]!), 'a\\.bc.d');
  assert.equal(await expandRegex(sh, parseWords('$d"$d"\'(x)\'')[0]!), '.\\.\\(x\\)');
});

test('bash 5.2 agrees with the rows', { skip: !hasBash }, () => {
  for (const [setup, subject, pat, want] of rows) {
    const lines: string[] = ['subject=$1'];
    for (const [k, v] of Object.entries(setup.vars ?? {})) lines.push(`${k}='${String(v)}'`);
    if (setup.positional) lines.push(`set -- ${setup.positional.join(' ')}`);
    for (const o of setup.shopt ?? []) lines.push(`shopt -s ${o}`);
    lines.push(`case "$subject" in ${pat}) echo 1;; *) echo 0;; esac`);
    const r = spawnSync('/usr/bin/bash', ['-c', lines.join('\n'), 'bash', subject], { env: { LC_ALL: 'C' }, encoding: 'utf8' });
    assert.equal(r.stdout.trim() === '1', want, `case ${subject} in ${pat}`);
  }
});
