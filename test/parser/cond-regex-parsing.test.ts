import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CondExpr } from '../../kernel/shell/ast.ts';
import { commands, DQ, ESC, L, lw, oursSyntax, P, SQ, W } from './util.ts';

function cond(src: string): CondExpr {
  const c = commands(src)[0];
  if (c.type !== 'Cond') throw new Error(`expected Cond, got ${c.type}`);
  return c.expr;
}

test('=~ right side: parens and | are literal, blanks allowed inside parens, quoting kept', () => {
  assert.deepEqual(cond('[[ $x =~ ^(a|b)[0-9]+$ ]]'), { type: 'CondBinary', op: '=~', left: W(P('x')), right: lw('^(a|b)[0-9]+$') });
  assert.deepEqual(cond('[[ $x =~ (a b)|c ]]'), { type: 'CondBinary', op: '=~', left: W(P('x')), right: lw('(a b)|c') });
  assert.deepEqual(cond('[[ $x =~ ^"a.b"\\ c$ ]]'),
    { type: 'CondBinary', op: '=~', left: W(P('x')), right: W(L('^'), DQ(L('a.b')), ESC(' '), L('c$')) });
  assert.deepEqual(cond("[[ x =~ ('a b'|c) ]]"), { type: 'CondBinary', op: '=~', left: lw('x'), right: W(L('('), SQ('a b'), L('|c)')) });
  assert.deepEqual(cond('[[ x =~ $re ]]'), { type: 'CondBinary', op: '=~', left: lw('x'), right: W(P('re')) });
});

test('< and > compare strings inside [[ ]]; they are not redirections', () => {
  assert.deepEqual(cond('[[ a<b ]]'), { type: 'CondBinary', op: '<', left: lw('a'), right: lw('b') });
  assert.deepEqual(cond('[[ a > b ]]'), { type: 'CondBinary', op: '>', left: lw('a'), right: lw('b') });
});

test('&& binds tighter than ||; ! binds to one term; parens group', () => {
  assert.deepEqual(cond('[[ a || b && ! -f c ]]'), {
    type: 'CondOr', left: { type: 'CondWord', word: lw('a') },
    right: { type: 'CondAnd', left: { type: 'CondWord', word: lw('b') }, right: { type: 'CondNot', expr: { type: 'CondUnary', op: '-f', arg: lw('c') } } },
  });
  assert.deepEqual(cond('[[ ! ( a == b* || -z $c ) ]]'), {
    type: 'CondNot', expr: { type: 'CondParen', expr: {
      type: 'CondOr', left: { type: 'CondBinary', op: '==', left: lw('a'), right: lw('b*') },
      right: { type: 'CondUnary', op: '-z', arg: W(P('c')) },
    } },
  });
});

test('binary test operators and newlines after && / ||', () => {
  for (const op of ['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']) {
    assert.deepEqual(cond(`[[ a ${op} b ]]`), { type: 'CondBinary', op, left: lw('a'), right: lw('b') }, op);
  }
  assert.equal(cond('[[ a &&\n  b ||\n c ]]').type, 'CondOr');
  assert.deepEqual(cond('[[ -- ]]'), { type: 'CondWord', word: lw('--') });
});

test('conditional-expression errors use bash\'s wording', () => {
  assert.equal(oursSyntax('[[ a b ]]'), '1|conditional binary operator expected|');
  assert.equal(oursSyntax('[[ a == ]]'), "1|unexpected argument `]]' to conditional binary operator|");
  assert.equal(oursSyntax('[[ -f ]]'), "1|unexpected argument `]]' to conditional unary operator|");
  assert.equal(oursSyntax('[[ ( a && b ]]'), "1|unexpected token `]]', expected `)'|");
  assert.equal(oursSyntax('[[ a == b c ]]'), '1|syntax error in conditional expression|');
  assert.equal(oursSyntax('[[ a == b ) ]]'), "1|syntax error in conditional expression: unexpected token `)'|");
  assert.equal(oursSyntax('[[ && a ]]'), "1|unexpected token `&&' in conditional command|");
  assert.equal(oursSyntax('[[ a \n'), "1|unexpected token `newline', conditional binary operator expected|");
});

test(']] must be a separate word and [[ is only a keyword in command position', () => {
  assert.equal(oursSyntax('[[ a == b]]'), "1|unexpected EOF while looking for `]]'|");
  assert.equal(oursSyntax('echo\n[[ a &&\n b == c\n\n'), "2|unexpected EOF while looking for `]]'|");
  assert.equal(oursSyntax('[[ a &&\n b == c d\n\n'), '1|syntax error in conditional expression|');
  const c = commands('echo [[ a ]]')[0];
  assert.equal(c.type, 'Simple');
});
