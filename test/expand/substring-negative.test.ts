// Hazard: ${x:offset:length}: negative offsets count from the end (out of range gives nothing),
// negative lengths are an end offset (an error when it precedes the start), arithmetic in both
// parts (with the variable name prefixed to its errors), characters not bytes in a UTF-8 locale (${#x} counts bytes in C), and the array and
// "$@" forms where offsets are indexes (${@:0} is $0) and negative lengths are errors.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"vars":{"x":"abcdef"}}, "${x:1} ${x:1:2} ${x: -2} ${x: -2:1} ${x:2:-1} ${x:(-3):-1} ${x:10} ${x: -10} ${x:0:0} ${x::2}",
    ["bcdef","bc","ef","e","cde","de","ab"]],
  [{"vars":{"x":"abcdef"}}, "${x:1+1:1*2} ${x:$((1)):x} ${x:a} ${x:6} ${x:6:1} ${x: -6}",
    ["cd","abcdef","abcdef"]],
  [{"vars":{"x":"abcdef"}}, "${x: -10:2}",
    []],
  [{"vars":{"x":"abc"}}, "${x:1:-5}",
    {"error":"-5: substring expression < 0"}],
  [{"vars":{"x":"abc"}}, "${x:1: -5}",
    {"error":" -5: substring expression < 0"}],
  [{"vars":{"x":"abc"}}, "${x:1:2-5}",
    {"error":"2-5: substring expression < 0"}],
  [{"vars":{"x":"abc"}}, "${x:1:-2} ${x:1:-3}",
    {"error":"-3: substring expression < 0"}],
  [{"vars":{"x":"abc"}}, "${x:(1/0)}",
    {"error":"x: (1/0): division by 0 (error token is \"0)\")"}],
  [{"vars":{"x":"abc"}}, "${x:0:$((1/0))}",
    {"error":"1/0: division by 0 (error token is \"0\")"}],
  [{"vars":{"x":"héllo","LC_ALL":"C.UTF-8"}}, "${x:1:2} ${x: -3} ${#x}",
    ["él","llo","5"]],
  [{"vars":{"x":"héllo"}}, "${#x}",
    ["6"]],
  [{"positional":["a","b","c","d","e"]}, "${@:2} ${@:1:2} ${@: -2} ${*:7} ${@: -9} ${@:2:0}",
    ["b","c","d","e","a","b","d","e"]],
  [{"positional":["a","b","c","d","e"]}, "${@:2:-1}",
    {"error":"-1: substring expression < 0"}],
  [{"positional":["a b","c"]}, "\"${@:1}\" \"${*:1}\" \"${@:2:1}\"",
    ["a b","c","a b c","c"]],
  [{"vars":{"a":["a","b","c","d","e"]}}, "${a[@]:1:2} ${a[@]: -2} ${a[@]:-2} ${a[*]:3} ${a[@]:9}",
    ["b","c","d","e","a","b","c","d","e","d","e"]],
  [{"vars":{"a":["a","b","c"]}}, "${a[@]:1:-1}",
    {"error":"-1: substring expression < 0"}],
  [{"vars":{"a":["abc","def"]}}, "${a:1} ${a[1]:1:1} ${a[-1]: -1}",
    ["bc","e","f"]],
  [{"vars":{"u":""}}, "${u:1} \"${v:0:1}\" x${v:1}x",
    ["","xx"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});

import { ShellVariables } from '../../kernel/shell/vars.ts';
import { makeShell, parseWords } from './harness.ts';
import { expandWords } from '../../kernel/shell/expand.ts';

test('sparse arrays: offsets are indexes, negative ones count from the highest index', async () => {
  const sh = makeShell();
  const v = sh.vars as ShellVariables;
  v.setElement('a', '0', 'a');
  v.setElement('a', '5', 'b');
  v.setElement('a', '9', 'c');
  // bash: a=([0]=a [5]=b [9]=c); echo ${a[@]:1} ${a[@]:5:1} ${a[@]: -1} ${a[@]: -4}  → b c b c c
  assert.deepEqual(await expandWords(sh, parseWords('${a[@]:1} ${a[@]:5:1} ${a[@]: -1} ${a[@]: -4}')), ['b', 'c', 'b', 'c', 'c']);
});
