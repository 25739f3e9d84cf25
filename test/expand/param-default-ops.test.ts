// Hazard: ${x-w} ${x:-w} ${x=w} ${x:=w} ${x?w} ${x:?w} ${x+w} ${x:+w}: unset vs null, arrays
// and "$@" (null means no elements or one empty element), the assigned value coming back through
// the variable's attributes, positional parameters that cannot be assigned, and fatal errors.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{}, "${x-a} ${x:-b} ${x+c} ${x:+d}",
    ["a","b"]],
  [{"vars":{"x":""}}, "${x-a} ${x:-b} ${x+c} ${x:+d} \"${x-a}\"",
    ["b","c",""]],
  [{"vars":{"x":"v"}}, "${x-a} ${x:-b} ${x+c} ${x:+d}",
    ["v","v","c","d"]],
  [{"positional":[]}, "${@-d} ${@:-d} ${@+a} ${@:+a} ${*-d}",
    ["d","d","d"]],
  [{"positional":[""]}, "${@-d} ${@:-d} ${@+a} ${@:+a} ${*:-d} \"${*:-d}\"",
    ["d","a","d","d"]],
  [{"positional":["",""]}, "${@-d} ${@:-d} ${@+a} ${@:+a} ${*:-d} \"${*:-d}\" \"${@:+a}\"",
    ["a","a"," ","a"]],
  [{"positional":["",""],"vars":{"IFS":""}}, "${*:-d} ${@:-d}",
    []],
  [{"vars":{"a":[]}}, "${a[@]-d} ${a[@]:-d} ${a[@]+a} ${a[@]:+a}",
    ["d","d"]],
  [{"vars":{"a":[""]}}, "${a[@]-d} ${a[@]:-d} ${a[@]+a} ${a[@]:+a}",
    ["d","a"]],
  [{"vars":{"a":["",""]}}, "${a[@]-d} ${a[@]:-d} ${a[@]+a} ${a[@]:+a} ${a[*]:-d}",
    ["a","a"]],
  [{}, "${x=a b}",
    ["a","b"]],
  [{}, "${x:=\"a  b\"} \"${y:=c  d}\"",
    ["a","b","c  d"]],
  [{"vars":{"y":""}}, "${y:=v} ${y}",
    ["v","v"]],
  [{"declare":{"n":"-i"}}, "${n=1+2}",
    ["3"]],
  [{"declare":{"u":"-u"}}, "${u=abc}",
    ["ABC"]],
  [{"vars":{"a":["1"]}}, "${a[2]=x} ${a[1]-unset} ${a[@]}",
    ["x","unset","1","x"]],
  [{"vars":{"r":"1"},"declare":{"r":"-r"}}, "${r:=5}",
    ["1"]],
  [{}, "${1:=a}",
    {"error":"$1: cannot assign in this way"}],
  [{}, "${1=a}",
    {"error":"$1: cannot assign in this way"}],
  [{}, "${x:?}",
    {"error":"x: parameter null or not set"}],
  [{}, "${x?}",
    {"error":"x: parameter not set"}],
  [{}, "${x:?oops here}",
    {"error":"x: oops here"}],
  [{}, "${u?\"a b\"}",
    {"error":"u: a b"}],
  [{"vars":{"x":""}}, "${x?} ok",
    ["ok"]],
  [{"vars":{"x":""}}, "${x:?must be set}",
    {"error":"x: must be set"}],
  [{}, "${1?}",
    {"error":"1: parameter not set"}],
  [{}, "${1:?custom}",
    {"error":"1: custom"}],
  [{"positional":[]}, "${@:?}",
    {"error":"@: parameter null or not set"}],
  [{"vars":{"a":["1"]}}, "${a[3]:?}",
    {"error":"a[3]: parameter null or not set"}],
  [{}, "${x:-~} ${x:-~/a} \"${x:-~}\"",
    ["/home/u","/home/u/a","~"]],
  [{"vars":{"y":"w"}}, "${x:-$y} ${x:-${y}z} ${x:-${z:-deep}}",
    ["w","wz","deep"]],
  [{"tree":{"f1":"","f2":""}}, "${x:-*} \"${x:-*}\" ${x:-\"*\"} ${x:-\\*}",
    ["f1","f2","*","*","*"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});
