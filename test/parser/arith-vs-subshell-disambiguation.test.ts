import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Command, WordPart } from '../../kernel/shell/ast.ts';
import { commands, lw, oursSyntax, word } from './util.ts';

const kinds = (cmds: Command[]): string[] => cmds.map((c) => c.type);

function subKinds(p: WordPart): string[] {
  if (p.type !== 'CommandSub') throw new Error(`expected CommandSub, got ${p.type}`);
  return p.body.items.map((i) => i.command.type);
}

test('$(( … )) is arithmetic when the parens close with ))', () => {
  assert.deepEqual(word('echo $((1 + (2*3)))').parts, [{ type: 'Arith', expr: lw('1 + (2*3)') }]);
  assert.deepEqual(word('echo $(( (1+2)*3 ))').parts, [{ type: 'Arith', expr: lw(' (1+2)*3 ') }]);
  assert.deepEqual(word('echo $[1+2]').parts, [{ type: 'Arith', expr: lw('1+2') }]);
});

test('$( ( … ) ) and $((a); (b)) are command substitutions of subshells', () => {
  assert.deepEqual(subKinds(word('echo $( (echo a) )').parts[0]), ['Subshell']);
  assert.deepEqual(subKinds(word('echo $((echo a); (echo b))').parts[0]), ['Subshell', 'Subshell']);
  assert.deepEqual(subKinds(word('echo $((echo a) | cat)').parts[0]), ['Pipeline']);
});

test('(( … )) command vs nested subshells', () => {
  const c = commands('(( x = 1 + 2 ))');
  assert.deepEqual(c[0], { type: 'ArithCommand', expr: lw(' x = 1 + 2 '), redirects: [], line: 1 });
  assert.deepEqual(kinds(commands('((echo a) | cat)')), ['Subshell']);
  const nested = commands('((a) )')[0];
  if (nested.type !== 'Subshell') return assert.fail('subshell expected');
  assert.equal(nested.body.items[0].command.type, 'Subshell');
  assert.deepEqual(kinds(commands('( (a) )')), ['Subshell']);
});

test('arithmetic text keeps expansions and double quotes as parts', () => {
  const p = word('echo $(( $x + ${y:-1} + $(echo 2) + "3" ))').parts[0];
  if (p.type !== 'Arith') return assert.fail('arith expected');
  assert.deepEqual(p.expr.parts.map((x) => x.type),
    ['Literal', 'Param', 'Literal', 'Param', 'Literal', 'CommandSub', 'Literal', 'DoubleQuoted', 'Literal']);
});

test('for (( … )) splits at the two top-level semicolons; empty parts are null', () => {
  const f = commands('for ((i = 0; i < (3); i++)); do :; done')[0];
  if (f.type !== 'ArithFor') return assert.fail('arith for expected');
  assert.deepEqual([f.init, f.cond, f.step], [lw('i = 0'), lw('i < (3)'), lw('i++')]);
  const g = commands('for ((;;)) { :; }')[0];
  if (g.type !== 'ArithFor') return assert.fail('arith for expected');
  assert.deepEqual([g.init, g.cond, g.step], [null, null, null]);
});

test('arithmetic for with the wrong number of parts: bash\'s two messages', () => {
  assert.equal(oursSyntax('for ((i=0; i<2)); do :; done'), "1|syntax error: arithmetic expression required\nsyntax error: `((i=0; i<2))'|");
  assert.equal(oursSyntax('x\nfor ((a;b;c;d)); do :; done'), "2|syntax error: `;' unexpected\nsyntax error: `((a;b;c;d))'|");
});

test('unterminated arithmetic reports bash\'s message', () => {
  assert.equal(oursSyntax('echo $((1+2'), "1|unexpected EOF while looking for matching `)'|");
  assert.equal(oursSyntax('((1+2'), "1|unexpected EOF while looking for matching `)'|");
});
