import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CondExpr } from '../../kernel/shell/ast.ts';
import { commands, DQ, L, lw, oursSyntax, SQ, simple, W } from './util.ts';

const on = { extglob: () => true };

test('with extglob on, @( *( +( ?( !( groups are part of the word, blanks and | included', () => {
  const c = simple('echo @(a|b) x!(y)z +(a b) *(x) ?(y|z) !(q) a@(b)c', on);
  assert.deepEqual(c.words.slice(1), ['@(a|b)', 'x!(y)z', '+(a b)', '*(x)', '?(y|z)', '!(q)', 'a@(b)c'].map(lw));
});

test('quotes, expansions and nested groups inside a group', () => {
  const c = simple('echo @("a b"|c*) +(x|@(y|z)) ?($v)', on);
  assert.deepEqual(c.words[1], W(L('@('), DQ(L('a b')), L('|c*)')));
  assert.deepEqual(c.words[2], lw('+(x|@(y|z))'));
  assert.equal(c.words[3].parts[1].type, 'Param');
});

test('with extglob off a group is a syntax error, like bash', () => {
  assert.equal(oursSyntax('echo @(a)'), "1|syntax error near unexpected token `('|echo @(a)");
  assert.equal(oursSyntax('echo @(a)', on), 'OK');
});

test('quoted or escaped extglob characters never start a group', () => {
  assert.equal(oursSyntax('echo "@"(x)', on), "1|syntax error near unexpected token `('|echo \"@\"(x)");
  assert.deepEqual(simple('echo @\\(x\\)', on).words[1].parts.map((p) => p.type), ['Literal', 'Escaped', 'Literal', 'Escaped']);
  assert.deepEqual(simple("echo '@(q)'", on).words[1], W(SQ('@(q)')));
});

test('the right side of == / != in [[ ]] and case patterns accept groups even with extglob off', () => {
  const c = commands('[[ a == @(a|b c) ]]; [[ a != !(x) ]]');
  const e0 = (c[0] as { expr: CondExpr }).expr;
  assert.deepEqual(e0, { type: 'CondBinary', op: '==', left: lw('a'), right: lw('@(a|b c)') });
  assert.deepEqual((c[1] as { expr: CondExpr }).expr, { type: 'CondBinary', op: '!=', left: lw('a'), right: lw('!(x)') });
  const k = commands('case $x in +(1|2)) ;; @(a|b)|c) ;; esac')[0];
  if (k.type !== 'Case') return assert.fail('case expected');
  assert.deepEqual(k.items.map((i) => i.patterns), [[lw('+(1|2)')], [lw('@(a|b)'), lw('c')]]);
});

test('a plain * or ? before ( outside extglob ends the word', () => {
  assert.equal(oursSyntax('echo *(x)'), "1|syntax error near unexpected token `('|echo *(x)");
  assert.deepEqual(simple('echo a* b?', on).words.slice(1), [lw('a*'), lw('b?')]);
});
