// Hazard: ${x@Q} ${x@E} ${x@P} ${x@A} ${x@a} ${x@U} ${x@u} ${x@L} ${x@K} ${x@k}: per-element results
// for arrays and "$@", the odd ones that produce several words even in quotes (${a[@]@A},
// ${a[@]@k}, ${@@A}), unset values, attribute letters in bash's order, unknown letters.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"vars":{"x":"a b"}}, "${x@Q} \"${x@Q}\"",
    ["'a","b'","'a b'"]],
  [{"vars":{"x":""}}, "\"${x@Q}\" \"${u@Q}\" ${u@Q}",
    ["''",""]],
  [{"vars":{"x":"a\\tb\\x41\\101\\u263a\\cA\\q","LC_ALL":"C.UTF-8"}}, "\"${x@E}\"",
    ["a\tbAA☺\u0001\\q"]],
  [{"vars":{"x":"$'a'"}}, "\"${x@Q}\" \"${x@E}\"",
    ["'$'\\''a'\\'''","$'a'"]],
  [{"vars":{"x":"abc"}}, "\"${x@A}\" ${x@a} \"${u@A}\" \"${u@a}\"",
    ["x='abc'","",""]],
  [{"vars":{"x":"abc"},"declare":{"x":"-x"}}, "\"${x@A}\" ${x@a}",
    ["declare -x x='abc'","x"]],
  [{"vars":{"n":"5"},"declare":{"n":"-i"}}, "\"${n@A}\" ${n@a}",
    ["declare -i n='5'","i"]],
  [{"vars":{"n":"5"},"declare":{"n":"-irx"}}, "\"${n@A}\" ${n@a}",
    ["declare -irx n='5'","irx"]],
  [{"vars":{"a":["1","2 3"]}}, "\"${a[@]@A}\" \"${a@A}\" \"${a[1]@A}\" \"${a[*]@A}\" ${a[@]@a} ${a@a}",
    ["declare","-a","a=([0]=\"1\" [1]=\"2 3\")","declare -a a='1'","declare -a a='2 3'","declare -a a=([0]=\"1\" [1]=\"2 3\")","a","a","a"]],
  [{"vars":{"a":["1","2 3"]}}, "\"${a[@]@K}\" \"${a[@]@k}\" ${a[@]@k} \"${a[*]@K}\"",
    ["0 \"1\" 1 \"2 3\"","0","1","1","2 3","0","1","1","2","3","0 \"1\" 1 \"2 3\""]],
  [{"vars":{"A":{"a b":"1","c":"\"q\"","~x":"3"}}}, "\"${A[@]@K}\" \"${A[@]@A}\" \"${A[@]@k}\" ${A@a}",
    ["c \"\\\"q\\\"\" \"a b\" \"1\" \"~x\" \"3\" ","declare","-A","A=([c]=\"\\\"q\\\"\" [\"a b\"]=\"1\" [\"~x\"]=\"3\" )","c","\"q\"","a b","1","~x","3","A"]],
  [{"vars":{"x":"s"}}, "\"${x@K}\" \"${x@k}\"",
    ["'s'","'s'"]],
  [{"vars":{"x":"a\nb","y":"\u0001"}}, "\"${x@Q}\" \"${y@Q}\" \"${x@A}\"",
    ["$'a\\nb'","$'\\001'","x=$'a\\nb'"]],
  [{"positional":["a","b c"]}, "\"${@@Q}\" \"${*@Q}\" \"${@@A}\" \"${1@A}\" \"${*@A}\"",
    ["'a'","'b c'","'a' 'b c'","set","--","'a'","'b c'","","set -- 'a' 'b c'"]],
  [{"vars":{"x":"MiXeD"}}, "${x@U} ${x@u} ${x@L}",
    ["MIXED","MiXeD","mixed"]],
  [{"vars":{"x":"abc"}}, "${x@Z}",
    {"error":"${x@Z}: bad substitution"}],
  [{"vars":{"x":"abc"}}, "${x@}",
    {"error":"${x@}: bad substitution"}],
  [{"vars":{"x":"\\$ \\\\ x\\n"}}, "\"${x@P}\"",
    ["# \\ x\n"]],
  [{"positional":["ab","c d"]}, "${@@U} \"${*@u}\"",
    ["AB","C","D","Ab C d"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});
