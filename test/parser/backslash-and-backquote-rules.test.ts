import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Script, WordPart } from '../../kernel/shell/ast.ts';
import { commands, DQ, ESC, L, lw, oursSyntax, P, simple, W, word } from './util.ts';

function body(p: WordPart): Script {
  if (p.type !== 'CommandSub') throw new Error(`expected CommandSub, got ${p.type}`);
  return p.body;
}

test('backslash outside quotes escapes one character; backslash-newline joins anywhere', () => {
  assert.deepEqual(word('echo a\\ b\\$c\\\\'), W(L('a'), ESC(' '), L('b'), ESC('$'), L('c'), ESC('\\')));
  assert.deepEqual(simple('ec\\\nho a\\\nb').words, [lw('echo'), lw('ab')]);
  assert.deepEqual(commands('a &\\\n& b')[0].type, 'AndOr');
  assert.deepEqual(commands('a |\\\n| b; c >\\\n> f').map((c) => c.type), ['AndOr', 'Simple']);
  assert.equal(simple('c >\\\n> f').redirects[0].op, '>>');
  assert.deepEqual(simple('echo x \\\n  y').words.length, 3);
  assert.deepEqual(word('echo a\\'), lw('a\\'));
});

test('inside double quotes backslash escapes only $ ` " \\ and newline', () => {
  assert.deepEqual(word('echo "\\$\\`\\"\\\\ \\a \\n x\\\ny"'), W(DQ(L('$`"\\ \\a \\n xy'))));
  assert.deepEqual(word("echo '\\n\\'"), W({ type: 'SingleQuoted', value: '\\n\\' }));
});

test('backquotes: \\$ \\` \\\\ lose the backslash, others keep it; \\" too inside double quotes', () => {
  const b = body(word('echo `echo \\$x \\\\\\\\ \\a`').parts[0]).items[0].command;
  if (b.type !== 'Simple') return assert.fail('simple expected');
  assert.deepEqual(b.words.slice(1), [W(P('x')), W(ESC('\\')), W(ESC('a'))]);
  const dq = word('echo "`echo \\"hi\\"`"').parts[0];
  if (dq.type !== 'DoubleQuoted') return assert.fail('dq expected');
  const inner = body(dq.parts[0]).items[0].command;
  if (inner.type !== 'Simple') return assert.fail('simple expected');
  assert.deepEqual(inner.words[1], W(DQ(L('hi'))));
});

test('nested backquotes and unterminated ones', () => {
  const outer = body(word('echo `a \\`b\\``').parts[0]).items[0].command;
  if (outer.type !== 'Simple') return assert.fail('simple expected');
  assert.equal(body(outer.words[1].parts[0]).items.length, 1);
  assert.equal(oursSyntax('echo `echo \n\n'), "1|unexpected EOF while looking for matching ``'|");
});

test('single and double quotes that never close', () => {
  assert.equal(oursSyntax('echo a\necho \'x\n\n'), "2|unexpected EOF while looking for matching `''|");
  assert.equal(oursSyntax('echo "abc\n\ndef'), "1|unexpected EOF while looking for matching `\"'|");
});
