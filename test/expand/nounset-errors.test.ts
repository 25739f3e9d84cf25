// Hazard: set -u: unset variables, elements, positional parameters and $! are fatal errors
// with bash's names ("a[5]", "$1", "!x"), while $@ $* ${a[@]} and the -, =, ?, + operators are
// exempt; lengths of unset names and pattern operators on them still fail.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"set":["nounset"]}, "$y",
    {"error":"y: unbound variable"}],
  [{"set":["nounset"]}, "${y}",
    {"error":"y: unbound variable"}],
  [{"set":["nounset"]}, "${y-d} ${y:-e} ${y+f} ${y:+g} x",
    ["d","e","x"]],
  [{"set":["nounset"]}, "${a[@]} \"$@\" $* x",
    ["x"]],
  [{"set":["nounset"],"vars":{"a":[]}}, "${#a[@]} ${a[@]+x} ${!a[@]} x",
    ["0","x"]],
  [{"set":["nounset"]}, "${#u[@]}",
    {"error":"u: unbound variable"}],
  [{"set":["nounset"]}, "${#u}",
    {"error":"u: unbound variable"}],
  [{"set":["nounset"]}, "$1",
    {"error":"$1: unbound variable"}],
  [{"set":["nounset"]}, "${1}",
    {"error":"1: unbound variable"}],
  [{"set":["nounset"]}, "$!",
    {"error":"$!: unbound variable"}],
  [{"set":["nounset"]}, "${u#a}",
    {"error":"u: unbound variable"}],
  [{"set":["nounset"]}, "${u@Q}",
    {"error":"u: unbound variable"}],
  [{"set":["nounset"]}, "${u:0}",
    {"error":"u: unbound variable"}],
  [{"set":["nounset"]}, "${u/a/b}",
    {"error":"u: unbound variable"}],
  [{"set":["nounset"],"vars":{"a":["1"]}}, "${a[5]}",
    {"error":"a[5]: unbound variable"}],
  [{"set":["nounset"],"vars":{"A":{"k":"v"}}}, "${A[x]}",
    {"error":"A[x]: unbound variable"}],
  [{"set":["nounset"],"vars":{"x":"u"}}, "${!x}",
    {"error":"!x: unbound variable"}],
  [{"set":["nounset"]}, "${!u}",
    {"error":"u: invalid indirect expansion"}],
  [{"set":["nounset"]}, "$((y + 1))",
    {"error":"y: unbound variable"}],
  [{"set":["nounset"],"vars":{"a":[]}}, "$((a[0] + 1))",
    ["1"]],
  [{"set":["nounset"]}, "$((u[0]))",
    {"error":"u: unbound variable"}],
  [{"set":["nounset"],"vars":{"x":""}}, "$x $((x)) ok",
    ["0","ok"]],
  [{"set":["nounset"],"positional":["a"]}, "$1 ${2-none} ${#}",
    ["a","none","1"]],
  [{"set":["nounset"]}, "${u:=assigned} $u",
    ["assigned","assigned"]],
  [{"set":["nounset"]}, "${u?not here}",
    {"error":"u: not here"}],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});
