import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Script, WordPart } from '../../kernel/shell/ast.ts';
import { DQ, L, lw, oursSyntax, word } from './util.ts';
import { printWord } from '../../kernel/shell/print.ts';

function sub(p: WordPart): Script {
  if (p.type !== 'CommandSub') throw new Error(`expected CommandSub, got ${p.type}`);
  return p.body;
}

test("a case pattern's `)` inside $(…) does not close the substitution", () => {
  const w = word('echo $(case $x in a) echo A;; (b|c) echo BC;; *) ;; esac) tail');
  const body = sub(w.parts[0]);
  assert.equal(body.items.length, 1);
  const c = body.items[0].command;
  if (c.type !== 'Case') return assert.fail('case expected');
  assert.deepEqual(c.items.map((i) => i.patterns.length), [1, 2, 1]);
  assert.deepEqual(c.items[1].patterns, [lw('b'), lw('c')]);
  assert.equal(c.items[2].body.items.length, 0);
  assert.deepEqual(word('echo $(case $x in a) echo A;; esac) tail', 2), lw('tail'));
});

test('quotes and nested substitutions containing parens', () => {
  const w = word('echo "$(echo ")" "$(echo "(")")"');
  const outer = w.parts[0];
  if (outer.type !== 'DoubleQuoted') return assert.fail('dq expected');
  const inner = sub(outer.parts[0]).items[0].command;
  if (inner.type !== 'Simple') return assert.fail('simple expected');
  assert.deepEqual(inner.words[1], { type: 'Word', parts: [DQ(L(')'))] });
  assert.equal(inner.words[2].parts[0].type, 'DoubleQuoted');
});

test('comments and newlines inside $(…)', () => {
  const w = word('echo $( # a comment with ) in it\n  echo x # trailing )\n  echo y\n)');
  const body = sub(w.parts[0]);
  assert.equal(body.items.length, 2);
  assert.deepEqual(body.items.map((i) => i.line), [2, 3]);
  assert.equal(printWord(w), '$(echo x\necho y)');
});

test('case inside $(…) inside a case item', () => {
  const src = 'case $1 in\n  x) y=$(case $2 in q) echo 1;; esac);;\n  *) echo;;\nesac';
  assert.equal(oursSyntax(src), 'OK');
});

test('empty substitutions and unterminated ones', () => {
  assert.equal(sub(word('echo $()').parts[0]).items.length, 0);
  assert.equal(sub(word('echo $( \n )').parts[0]).items.length, 0);
  assert.equal(oursSyntax('echo $(echo \n\n'), "3|unexpected EOF while looking for matching `)'|");
  assert.equal(oursSyntax('echo $(fi)'), "1|syntax error near unexpected token `fi'|echo $(fi)");
});

test('backquotes nest with \\` and may hold a case', () => {
  const w = word('echo `echo \\`echo hi\\` ; case a in a) echo;; esac`');
  const body = sub(w.parts[0]);
  assert.equal(body.items.length, 2);
  const first = body.items[0].command;
  if (first.type !== 'Simple') return assert.fail('simple expected');
  assert.equal(sub(first.words[1].parts[0]).items.length, 1);
  assert.equal(body.items[1].command.type, 'Case');
});
