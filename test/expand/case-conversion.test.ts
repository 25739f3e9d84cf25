// Hazard: ${x^} ${x^^} ${x,} ${x,,} ${x~} ${x~~} with and without a pattern (only characters the
// one-character pattern matches change; the "first" forms look at the first character only),
// per element for arrays and "$@", non-ASCII letters in a UTF-8 locale, and @U @u @L.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"vars":{"x":"HELLO"}}, "${x^} ${x,} ${x,,} ${x~} ${x~~} ${x,,[HL]} ${x,[H]} ${x,[E]}",
    ["HELLO","hELLO","hello","hELLO","hello","hEllO","hELLO","HELLO"]],
  [{"vars":{"x":"hello"}}, "${x^} ${x^^} ${x^^[lo]} ${x^[h]} ${x^[e]} ${x~~}",
    ["Hello","HELLO","heLLO","Hello","hello","HELLO"]],
  [{"vars":{"x":"hello world"}}, "\"${x^}\" \"${x^^[[:space:]o]}\" \"${x^^?}\" \"${x^^*}\"",
    ["Hello world","hellO wOrld","HELLO WORLD","HELLO WORLD"]],
  [{"vars":{"x":"abc"}}, "${x^^[a-b]} ${x~} ${x^*} ${x^^[!a]}",
    ["ABc","Abc","Abc","aBC"]],
  [{"vars":{"x":"MiXeD"}}, "${x~~} ${x~} ${x@U} ${x@u} ${x@L}",
    ["mIxEd","miXeD","MIXED","MiXeD","mixed"]],
  [{"positional":["ab","cd"]}, "${@^} \"${*^^}\" \"${@,,}\"",
    ["Ab","Cd","AB CD","ab","cd"]],
  [{"vars":{"a":["ab","Cd"]}}, "${a[@]^} ${a[@]~~} ${a^^}",
    ["Ab","Cd","AB","cD","AB"]],
  [{"vars":{"x":"éa","LC_ALL":"C.UTF-8"}}, "${x^} ${x^^} ${x@U}",
    ["Éa","ÉA","ÉA"]],
  [{"vars":{"x":"straße","LC_ALL":"C.UTF-8"}}, "${x^^}",
    ["STRAßE"]],
  [{"vars":{"x":"éa"}}, "${x^} ${x^^} ${x@U} ${x~~}",
    ["éa","éA","éA","éA"]],
  [{}, "${u^^} \"${u,}\"",
    [""]],
  [{"vars":{"p":"[ab]","x":"abc"}}, "${x^^$p} ${x^^\"$p\"}",
    ["ABc","abc"]],
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

test('-u/-l/-c attributes convert on assignment, not on declaration; -ul together is neither', () => {
  const v = new ShellVariables();
  v.set('x', 'abc');
  v.declare('x', { upper: true });
  assert.equal(v.get('x'), 'abc');
  v.set('x', 'def');
  assert.equal(v.get('x'), 'DEF');
  v.declare('x', { lower: true });
  v.set('x', 'GHI');
  assert.equal(v.get('x'), 'ghi');
  v.declare('c', { capitalize: true }, { value: 'hELLO' });
  assert.equal(v.get('c'), 'Hello');
  v.append('c', 'WORLD');
  assert.equal(v.get('c'), 'Helloworld');
  v.declare('b', { upper: true, lower: true }, { value: 'AbC' });
  assert.equal(v.get('b'), 'AbC');
  assert.deepEqual(v.lookup('b')!.attrs, {});
});
