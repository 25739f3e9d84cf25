// Hazard: ${!x}: the value names the parameter (a variable, an element "a[1]", a positional
// "1" or special "#", so ${!#} is the last argument); operators apply to the target; an unset or
// invalid name is an error; ${!prefix*} ${!prefix@} list set variable names; ${!a[@]} lists keys.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"vars":{"p":"x","x":"X"}}, "${!p} ${!p:-d} ${!p#X} ${#p}",
    ["X","X","1"]],
  [{"vars":{"x2":"a[1]","a":["5","6"]}}, "${!x2} ${!x2:-d}",
    ["6","6"]],
  [{"positional":["a","b"]}, "${!#} ${#} ${#@} ${#1}",
    ["b","2","2","1"]],
  [{"positional":["xx"],"vars":{"xx":"5"}}, "${!1}",
    ["5"]],
  [{"vars":{"p":"@"},"positional":["a b","c"]}, "${!p} \"${!p}\"",
    ["a","b","c","a b","c"]],
  [{"vars":{"p":"a[@]","a":["1","2"]}}, "\"${!p}\"",
    ["1","2"]],
  [{}, "${!u}",
    {"error":"u: invalid indirect expansion"}],
  [{"vars":{"x":"a b"}}, "${!x}",
    {"error":"a b: invalid variable name"}],
  [{"vars":{"x":""}}, "${!x}",
    {"error":": invalid variable name"}],
  [{"vars":{"x":"1x"}}, "${!x}",
    {"error":"1x: invalid variable name"}],
  [{"vars":{"x":"u"}}, "\"${!x}\" \"${!x-unset}\"",
    ["","unset"]],
  [{"vars":{"xa":"1","xb":"2","y":"3"}}, "${!x*} ${!x@} \"${!x*}\" \"${!x@}\" ${!nomatch*}",
    ["xa","xb","xa","xb","xa xb","xa","xb"]],
  [{"vars":{"xa":"1","xb":"2","IFS":":"}}, "\"${!x*}\"",
    ["xa:xb"]],
  [{"vars":{"a":["x","y"],"A":{"k":"v","j":"w"}}}, "${!a[@]} \"${!a[*]}\" ${!A[@]}",
    ["0","1","0 1","k","j"]],
  [{"vars":{"s":"z"}}, "${!s[@]} ${!u[@]}",
    ["0"]],
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
import { expandWords } from '../../kernel/shell/expand.ts';

test('${!ref} of a nameref is the name it refers to', async () => {
  const sh = makeShell();
  sh.vars.declare('r', { nameref: true }, { value: 'x' });
  assert.deepEqual(await expandWords(sh, parseWords('${!r} "${r-unset}"')), ['x', 'unset']);
  sh.vars.set('x', '5');
  assert.deepEqual(await expandWords(sh, parseWords('${!r} ${r}')), ['x', '5']);
  sh.vars.declare('q', { nameref: true });
  await assert.rejects(expandWords(sh, parseWords('${!q}')), { message: 'q: invalid indirect expansion' });
});
