import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DQ, L, P, W, lw, oursSyntax, simple } from './util.ts';

test('scalar assignments: =, +=, subscripts (blanks allowed in command position)', () => {
  const c = simple('a=1 b+=x c[2]=y d[$i + 1]+=z e= cmd arg=1');
  assert.deepEqual(c.assignments, [
    { name: 'a', append: false, value: lw('1') },
    { name: 'b', append: true, value: lw('x') },
    { name: 'c', index: lw('2'), append: false, value: lw('y') },
    { name: 'd', index: W(P('i'), L(' + 1')), append: true, value: lw('z') },
    { name: 'e', append: false, value: W() },
  ]);
  assert.deepEqual(c.words, [lw('cmd'), lw('arg=1')]);
});

test('array literals: plain and [k]=v elements, quotes, newlines and comments', () => {
  const c = simple('a=(1 "2 3" [k]=v [x y]="z" $w\n  # comment )\n  last)');
  assert.deepEqual(c.assignments, [{
    name: 'a', append: false, value: null, array: [
      { index: null, value: lw('1') },
      { index: null, value: W(DQ(L('2 3'))) },
      { index: lw('k'), value: lw('v') },
      { index: lw('x y'), value: W(DQ(L('z'))) },
      { index: null, value: W(P('w')) },
      { index: null, value: lw('last') },
    ],
  }]);
  assert.deepEqual(simple('a+=(x)').assignments[0], { name: 'a', append: true, value: null, array: [{ index: null, value: lw('x') }] });
  assert.deepEqual(simple('a=()').assignments[0].array, []);
  assert.deepEqual(simple('a=([0]=)').assignments[0].array, [{ index: lw('0'), value: W() }]);
});

test('arrays are only allowed where assignments are', () => {
  assert.equal(oursSyntax('echo a=(b)'), "1|syntax error near unexpected token `('|echo a=(b)");
  assert.equal(oursSyntax('a=(a;b)'), "1|syntax error near unexpected token `;'|a=(a;b)");
  assert.equal(oursSyntax('x=(a b\n\n'), "1|unexpected EOF while looking for matching `)'|");
});

test('words that only look like assignments stay words', () => {
  assert.deepEqual(simple('cmd a=1').assignments, []);
  assert.deepEqual(simple('1a=2').words, [lw('1a=2')]);
  assert.deepEqual(simple('a-b=2').words, [lw('a-b=2')]);
  assert.deepEqual(simple('"a"=2').words, [W(DQ(L('a')), L('=2'))]);
  assert.deepEqual(simple('echo x[1 2]=y').words.map((w) => w.parts), [[L('echo')], [L('x[1')], [L('2]=y')]]);
  assert.deepEqual(simple('echo x[ab]').words[1], lw('x[ab]'));
});

test('an assignment word keeps its full text as the word parts', () => {
  const c = simple('declare a[$i]=$v');
  assert.deepEqual(c.words[1].parts, [L('a['), P('i'), L(']='), P('v')]);
  assert.deepEqual(c.words[1].assignment, { name: 'a', index: W(P('i')), append: false, value: W(P('v')) });
});
