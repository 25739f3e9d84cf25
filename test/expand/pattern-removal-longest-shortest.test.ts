// Hazard: ${x#p} ${x##p} ${x%p} ${x%%p}: shortest vs longest match from each end, quoted
// pattern parts literal, unquoted expansions active as patterns, classes, extglob groups, and
// per-element application to arrays and "$@".
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"vars":{"s":"/a/b/c.tar.gz"}}, "${s#*/} ${s##*/} ${s%.*} ${s%%.*} ${s#} ${s%\"/b\"*} ${s##*[/.]}",
    ["a/b/c.tar.gz","c.tar.gz","/a/b/c.tar","/a/b/c","/a/b/c.tar.gz","/a","gz"]],
  [{"vars":{"s":"x.y.z"}}, "${s%.*} ${s%%.*} ${s#*.} ${s##*.} ${s%[.]*} ${s#\"x.\"} ${s#'x'}",
    ["x.y","x","y.z","z","x.y","y.z",".y.z"]],
  [{"vars":{"p":"*.","s":"a.b"}}, "${s#$p} ${s#\"$p\"} \"${s#$p}\" \"${s#\"$p\"}\"",
    ["b","a.b","b","a.b"]],
  [{"vars":{"s":"aaa"}}, "${s#a} ${s##a} ${s#a*} ${s##a*} ${s%a} ${s%%a*} ${s%%*a}",
    ["aa","aa","aa","aa"]],
  [{"vars":{"s":"a*b"}}, "${s#*\\*} ${s#\"a*\"} ${s%\\**}",
    ["b","b","a"]],
  [{"vars":{"s":"abc"}}, "${s#?} ${s%?} ${s#[[:alpha:]]} ${s#[!a]} ${s#[^b]}",
    ["bc","ab","bc","abc","bc"]],
  [{"vars":{"s":"aXbXc"},"shopt":["extglob"]}, "${s##+([a-z])X} ${s%%!(c)} ${s#@(a|aX)} ${s##@(a|aX)} ${s%%*(X|c)}",
    ["bXc","XbXc","bXc","aXb"]],
  [{"positional":["a.1","b.2"]}, "${@%.*} \"${*#?.}\"",
    ["a","b","1 2"]],
  [{"vars":{"a":["x/y","z"]}}, "${a[@]##*/} ${a[1]%z}",
    ["y","z"]],
  [{"vars":{"s":"héllo","LC_ALL":"C.UTF-8"}}, "${s#h?} ${s%l*}",
    ["llo","hél"]],
  [{"vars":{"s":"abc"}}, "${u#a} \"${u%a}\"",
    [""]],
  [{"vars":{"s":"a[b]c"}}, "${s#a[} ${s%]*} ${s#*[b]}",
    ["b]c","a[b","]c"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});
