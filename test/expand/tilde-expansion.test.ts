// Hazard: tilde expansion: ~ is $HOME (even when empty), ~user from the password file, ~+ and
// ~- from PWD/OLDPWD, an unknown user stays literal, only unquoted tildes at the start of a word
// (or after = and : in assignments), the result never split or globbed.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{}, "~ ~/a \"~\" \\~ x~ ~root ~nosuchuser",
    ["/home/u","/home/u/a","~","~","x~","/root","~nosuchuser"]],
  [{"vars":{"HOME":"/a b"}}, "~ ~/c",
    ["/a b","/a b/c"]],
  [{"vars":{"HOME":""}}, "~ ~/x",
    ["","/x"]],
  [{"vars":{"HOME":"/h*"},"tree":{"/hx":null}}, "~",
    ["/h*"]],
  [{"vars":{"OLDPWD":"/old"}}, "~- ~-/x",
    ["/old","/old/x"]],
  [{"vars":{"OLDPWD":null}}, "~-",
    ["~-"]],
  [{}, "a=~ b=~/x:~/y c=x~",
    ["a=/home/u","b=/home/u/x:/home/u/y","c=x~"]],
  [{}, "{~,x} {~/a,b}",
    ["/home/u","x","/home/u/a","b"]],
  [{}, "${x:-~} \"${x:-~}\" ${x:-~/y}",
    ["/home/u","~","/home/u/y"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});

import { makeShell, parseWords } from './harness.ts';
import { expandWord, expandAssignmentValue } from '../../kernel/shell/expand.ts';
import type { Word } from '../../kernel/shell/ast.ts';

test('assignment values: tildes at the start and after each colon', async () => {
  const sh = makeShell();
  const w: Word = { type: 'Word', parts: [{ type: 'Literal', value: '~/bin:~:x~:~root/y' }] };
  assert.equal(await expandAssignmentValue(sh, w), '/home/u/bin:/home/u:x~:/root/y');
  assert.equal(await expandWord(sh, w), '~/bin:~:x~:~root/y');
});

test('~+ is PWD, ~N and ~-N index the directory stack', async () => {
  const sh = makeShell();
  sh.vars.set('PWD', '/p');
  (sh.dirStack as string[]).push('/s1', '/s2');
  assert.equal(await expandWord(sh, parseWords('~+')[0]!), '/p');
  assert.equal(await expandWord(sh, parseWords('~1')[0]!), '/s1');
  assert.equal(await expandWord(sh, parseWords('~-0')[0]!), '/s2');
  assert.equal(await expandWord(sh, parseWords('~+2')[0]!), '/s2');
  assert.equal(await expandWord(sh, parseWords('~5')[0]!), '~5');
});
