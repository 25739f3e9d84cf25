import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DQ, L, P, W, lw, simple } from './util.ts';
import { printCommand } from '../../kernel/shell/print.ts';

test('declare/typeset/local/export/readonly: assignment-looking arguments get word.assignment', () => {
  for (const b of ['declare', 'typeset', 'local', 'export', 'readonly']) {
    const c = simple(`${b} -x a=1 b c+=$d`);
    assert.deepEqual(c.assignments, [], b);
    assert.deepEqual(c.words.map((w) => w.assignment), [
      undefined, undefined,
      { name: 'a', append: false, value: lw('1') },
      undefined,
      { name: 'c', append: true, value: W(P('d')) },
    ], b);
  }
});

test('array values are allowed after declaration builtins', () => {
  const c = simple('declare -a x=(1 "2 3") -A m=([k]=v)');
  assert.deepEqual(c.words[2].assignment, {
    name: 'x', append: false, value: null,
    array: [{ index: null, value: lw('1') }, { index: null, value: W(DQ(L('2 3'))) }],
  });
  assert.deepEqual(c.words[4].assignment!.array, [{ index: lw('k'), value: lw('v') }]);
  assert.equal(printCommand(c), 'declare -a x=(1 "2 3") -A m=([k]=v)');
});

test('local x=$y keeps the value unsplit as one assignment', () => {
  const c = simple('local x=$y z="a b"');
  assert.deepEqual(c.words[1].assignment, { name: 'x', append: false, value: W(P('y')) });
  assert.deepEqual(c.words[2].assignment, { name: 'z', append: false, value: W(DQ(L('a b'))) });
});

test('other commands and quoted builtin names get no assignment field', () => {
  assert.equal(simple('echo a=1').words[1].assignment, undefined);
  assert.equal(simple('"declare" a=1').words[1].assignment, undefined);
  assert.equal(simple('x=1 declare y=2').assignments.length, 1);
  assert.deepEqual(simple('x=1 declare y=2').words[1].assignment, { name: 'y', append: false, value: lw('2') });
});

test('prefix assignments before a declaration builtin stay assignments', () => {
  const c = simple('A=1 export B=2');
  assert.deepEqual(c.assignments, [{ name: 'A', append: false, value: lw('1') }]);
  assert.deepEqual(c.words[0], lw('export'));
});
