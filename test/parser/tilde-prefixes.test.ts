import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WordPart } from '../../kernel/shell/ast.ts';
import { DQ, ESC, L, lw, simple, W, word } from './util.ts';

const T = (user = ''): WordPart => ({ type: 'Tilde', user });

test('a tilde prefix at the start of a word, up to the first slash', () => {
  assert.deepEqual(word('echo ~'), W(T()));
  assert.deepEqual(word('echo ~/x/y'), W(T(), L('/x/y')));
  assert.deepEqual(word('echo ~root/x'), W(T('root'), L('/x')));
  assert.deepEqual(word('echo ~+ ~-'), W(T('+')));
});

test('not a tilde prefix: mid-word, quoted, or with quoting inside the prefix', () => {
  assert.deepEqual(word('echo a~'), lw('a~'));
  assert.deepEqual(word('echo "~"'), W(DQ(L('~'))));
  assert.deepEqual(word('echo \\~'), W(ESC('~')));
  assert.deepEqual(word('echo ~"x"'), W(L('~'), DQ(L('x'))));
  assert.deepEqual(word('echo --opt=~'), lw('--opt=~'));
});

test('assignment values: after = and after each unquoted :', () => {
  const c = simple('PATH=~/bin:~root/sbin:/usr:~ x=a:~:b');
  assert.deepEqual(c.assignments[0].value, W(T(), L('/bin:'), T('root'), L('/sbin:/usr:'), T()));
  assert.deepEqual(c.assignments[1].value, W(L('a:'), T(), L(':b')));
  // bash also expands them in arguments that look like assignments
  assert.deepEqual(word('echo a=~ b:~'), W(L('a='), T()));
  assert.deepEqual(word('echo a=~ b:~', 2), lw('b:~'));
  assert.deepEqual(word('export P=x:~/y').parts, [L('P=x:'), T(), L('/y')]);
});

test('tildes in redirection targets, case patterns and ${x:-~}', () => {
  assert.deepEqual(simple('cat > ~/out').redirects[0].target, W(T(), L('/out')));
  const p = word('echo ${x:-~/a}').parts[0];
  if (p.type !== 'Param' || !p.op || p.op.op !== 'default') return assert.fail('default op expected');
  assert.deepEqual(p.op.word, W(T(), L('/a')));
});
