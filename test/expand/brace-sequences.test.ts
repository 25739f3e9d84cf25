// Hazard: brace expansion: lists and nesting, numeric and letter sequences with increments,
// zero padding taken from either end, descending ranges, invalid forms left alone, braces inside
// quotes or expansions not expanded, empty alternatives dropped, a leading "{ " ignored.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{}, "{a,b} {a..c} {1..3} {3..1} {01..3} {1..10..3} {a..e..2} {-2..2} {z..w}",
    ["a","b","a","b","c","1","2","3","3","2","1","01","02","03","1","4","7","10","a","c","e","-2","-1","0","1","2","z","y","x","w"]],
  [{}, "{a} {} {a,} {,} x{,}y {a,b}{c,d} {a,{b,c}} {1..a} {1..2..0} {a..Z}",
    ["{a}","{}","a","xy","xy","ac","ad","bc","bd","a","b","c","{1..a}","1","2","a","`","_","^","]","","[","Z"]],
  [{}, "\\{a,b} {a\\,b,c} {\"a,b\",c} {a,b\"}\" {$x,y} ${x:-{a,b}} \"{a,b}\" {a,b\\}",
    ["{a,b}","a,b","c","a,b","c","{a,b}","y","{a,b}","{a,b}","{a,b}"]],
  [{}, "{a..c}{1..2} {1.5..2} {-01..2} {1..-2..2} {a..c..-1} {10..1..3} {0..010..5}",
    ["a1","a2","b1","b2","c1","c2","{1.5..2}","-01","000","001","002","1","-1","a","b","c","10","7","4","1","000","005","010"]],
  [{}, "{a,b}c{d,e} a{b}c",
    ["acd","ace","bcd","bce","a{b}c"]],
  [{}, "{x..y}{ {{a,b}} {a,,b} {a..b..}",
    ["x{","y{","{a}","{b}","a","b","{a..b..}"]],
  [{"vars":{"x":"1"}}, "{$x..3} {1..$x} {a,$x}",
    ["{1..3}","{1..1}","a","1"]],
  [{}, "{a..c..0} {5..5} {-3..-1} {-1..-3} {007..9} {9..007} {1..10..-4}",
    ["a","b","c","5","-3","-2","-1","-1","-2","-3","007","008","009","009","008","007","1","5","9"]],
  [{}, "{Z..b} {A..E..2}",
    ["Z","[","","]","^","_","`","a","b","A","C","E"]],
  [{}, "pre{x,y}post{1,2}end",
    ["prexpost1end","prexpost2end","preypost1end","preypost2end"]],
  [{}, "{a,b{1..3}c,d}",
    ["a","b1c","b2c","b3c","d"]],
  [{}, "{'a b',c} {\"$HOME\",x} {~,x}",
    ["a b","c","/home/u","x","/home/u","x"]],
  [{}, "{a..c}{,}",
    ["a","a","b","b","c","c"]],
  [{}, "}{a,b}{ {a,b",
    ["}a{","}b{","{a,b"]],
  [{"vars":{"y":"Y","ya":"A","yb1":"B"}}, "$y{a,b1} ${y}{a,b} $y{a} $1{a,b} x$y{,}",
    ["A","B","Ya","Yb","Y{a}","a","b","xY","xY"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});

import { braceExpand } from '../../kernel/shell/brace.ts';

test('a word without a brace comes back as itself', () => {
  const w = { type: 'Word' as const, parts: [{ type: 'Literal' as const, value: 'abc' }] };
  assert.equal(braceExpand(w)[0], w);
});

test('a huge sequence is left alone rather than exhausting memory', async () => {
  assert.deepEqual(await mine({}, '{1..99999999999}'), ['{1..99999999999}']);
});
