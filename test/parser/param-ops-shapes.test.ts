import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParamPart, WordPart } from '../../kernel/shell/ast.ts';
import { DQ, ESC, L, P, SQ, W, lw, word } from './util.ts';
import { printWord } from '../../kernel/shell/print.ts';

function param(src: string): ParamPart {
  const w = word(`echo ${src}`);
  assert.equal(w.parts.length, 1, src);
  const p = w.parts[0];
  if (p.type !== 'Param') throw new Error(`${src}: expected Param, got ${p.type}`);
  return p;
}
const inDq = (src: string): WordPart => {
  const p = word(`echo "${src}"`).parts[0];
  if (p.type !== 'DoubleQuoted') throw new Error('dq expected');
  return p.parts[0];
};

test('names: identifiers, positionals, specials; braced and not', () => {
  assert.deepEqual(word('echo $a$_b$1$10${10}').parts, [P('a'), P('_b'), P('1'), P('1'), L('0'), P('10', true)]);
  for (const c of ['@', '*', '#', '?', '-', '$', '!', '0']) assert.deepEqual(param('$' + c), P(c), c);
  for (const c of ['@', '*', '#', '?', '-', '$', '!', '0']) assert.deepEqual(param('${' + c + '}'), P(c, true), c);
  assert.deepEqual(word('echo $ $/ a$').parts, [L('$')]);
});

test('length, indirection, prefix names, keys, subscripts', () => {
  assert.deepEqual(param('${#x}'), { type: 'Param', name: 'x', op: { op: 'length' }, braced: true });
  assert.deepEqual(param('${#a[@]}'), { type: 'Param', name: 'a', index: lw('@'), op: { op: 'length' }, braced: true });
  assert.deepEqual(param('${##}').op, { op: 'length' });
  assert.deepEqual(param('${!ref}'), { type: 'Param', name: 'ref', indirect: true, braced: true });
  assert.deepEqual(param('${!#}'), { type: 'Param', name: '#', indirect: true, braced: true });
  assert.deepEqual(param('${!pre*}'), { type: 'Param', name: 'pre', op: { op: 'prefixNames', star: true }, braced: true });
  assert.deepEqual(param('${!pre@}').op, { op: 'prefixNames', star: false });
  assert.deepEqual(param('${!a[@]}'), { type: 'Param', name: 'a', index: lw('@'), op: { op: 'keys', star: false }, braced: true });
  assert.deepEqual(param('${!a[*]}').op, { op: 'keys', star: true });
  assert.deepEqual(param('${!a[1]}'), { type: 'Param', name: 'a', indirect: true, index: lw('1'), braced: true });
  assert.deepEqual(param('${a[$i + 1]}').index, W(P('i'), L(' + 1')));
  assert.deepEqual(param('${a["k ey"]}').index, W(DQ(L('k ey'))));
});

test('default/assign/error/alternate with and without colon; nested words', () => {
  const ops: [string, string][] = [['-', 'default'], ['=', 'assign'], ['?', 'error'], ['+', 'alternate']];
  for (const [c, op] of ops) {
    assert.deepEqual(param('${x:' + c + 'w}').op, { op, colon: true, word: lw('w') });
    assert.deepEqual(param('${x' + c + 'w}').op, { op, colon: false, word: lw('w') });
  }
  assert.deepEqual(param('${x:-a b|c;d}').op, { op: 'default', colon: true, word: lw('a b|c;d') });
  assert.deepEqual(param("${x:-'a}b'\"c\"$y\\}}").op,
    { op: 'default', colon: true, word: W(SQ('a}b'), DQ(L('c')), P('y'), ESC('}')) });
  assert.deepEqual(param('${x:-${y:-$(echo })}}').op!.op, 'default');
  assert.deepEqual(param('${x:?}').op, { op: 'error', colon: true, word: W() });
  assert.deepEqual(param('${x:-~/a}').op, { op: 'default', colon: true, word: W({ type: 'Tilde', user: '' }, L('/a')) });
  // inside double quotes the word follows double-quote rules: ' is literal
  assert.deepEqual((inDq("${x:-'a'}") as ParamPart).op, { op: 'default', colon: true, word: lw("'a'") });
});

test('pattern removal and replacement: patterns use unquoted rules even inside double quotes', () => {
  assert.deepEqual(param('${x#*.}').op, { op: 'removePrefix', longest: false, pattern: lw('*.') });
  assert.deepEqual(param('${x##*/}').op, { op: 'removePrefix', longest: true, pattern: lw('*/') });
  assert.deepEqual(param('${x%.*}').op, { op: 'removeSuffix', longest: false, pattern: lw('.*') });
  assert.deepEqual(param('${x%%.*}').op, { op: 'removeSuffix', longest: true, pattern: lw('.*') });
  assert.deepEqual((inDq("${x#'a'}") as ParamPart).op, { op: 'removePrefix', longest: false, pattern: W(SQ('a')) });
  assert.deepEqual(param('${x/a/b}').op, { op: 'replace', mode: 'first', pattern: lw('a'), replacement: lw('b') });
  assert.deepEqual(param('${x//a}').op, { op: 'replace', mode: 'all', pattern: lw('a'), replacement: null });
  assert.deepEqual(param('${x/#a/}').op, { op: 'replace', mode: 'prefix', pattern: lw('a'), replacement: W() });
  assert.deepEqual(param('${x/%a/b c}').op, { op: 'replace', mode: 'suffix', pattern: lw('a'), replacement: lw('b c') });
  assert.deepEqual(param('${x/\\//_}').op, { op: 'replace', mode: 'first', pattern: W(ESC('/')), replacement: lw('_') });
  assert.deepEqual(param('${x/"a/b"/c}').op, { op: 'replace', mode: 'first', pattern: W(DQ(L('a/b'))), replacement: lw('c') });
  assert.deepEqual((inDq("${x/a/'b'}") as ParamPart).op, { op: 'replace', mode: 'first', pattern: lw('a'), replacement: W(SQ('b')) });
});

test('substring: offsets may start with a blank or a minus; ?: in the offset', () => {
  assert.deepEqual(param('${x:1:2}').op, { op: 'substring', offset: lw('1'), length: lw('2') });
  assert.deepEqual(param('${x: -1}').op, { op: 'substring', offset: lw(' -1'), length: null });
  assert.deepEqual(param('${x:(-2):1}').op, { op: 'substring', offset: lw('(-2)'), length: lw('1') });
  assert.deepEqual(param('${x:a?1:2}').op, { op: 'substring', offset: lw('a?1:2'), length: null });
  assert.deepEqual(param('${x:$i:${#y}}').op!.op, 'substring');
  assert.deepEqual(param('${@:2}'), { type: 'Param', name: '@', braced: true, op: { op: 'substring', offset: lw('2'), length: null } });
});

test('case modification and transformations', () => {
  assert.deepEqual(param('${x^}').op, { op: 'case', mode: 'upperFirst', pattern: null });
  assert.deepEqual(param('${x^^}').op, { op: 'case', mode: 'upperAll', pattern: null });
  assert.deepEqual(param('${x,}').op, { op: 'case', mode: 'lowerFirst', pattern: null });
  assert.deepEqual(param('${x,,[ab]}').op, { op: 'case', mode: 'lowerAll', pattern: lw('[ab]') });
  assert.deepEqual(param('${x~}').op, { op: 'case', mode: 'toggleFirst', pattern: null });
  assert.deepEqual(param('${x~~}').op, { op: 'case', mode: 'toggleAll', pattern: null });
  for (const l of 'UuLQEPAKak') assert.deepEqual(param('${x@' + l + '}').op, { op: 'transform', letter: l });
});

test('bad substitutions parse (bash reports them when expanded) as a Param named by the raw text', () => {
  assert.deepEqual(param('${x!}'), { type: 'Param', name: 'x!', braced: true });
  assert.deepEqual(param('${x@Z}'), { type: 'Param', name: 'x@Z', braced: true });
  assert.deepEqual(param('${}'), { type: 'Param', name: '', braced: true });
  assert.deepEqual(param('${a b}'), { type: 'Param', name: 'a b', braced: true });
});

test('every form prints back as written', () => {
  const forms = ['${x:-"a b"}', '${#a[@]}', '${!a[@]}', '${!p*}', '${a[i+1]:1:2}', '${x/a/b}', '${x//a}', '${x^^}',
    '${x@Q}', '${x: -1}', '${x:=~}', '${x#\\#}', '${x/#foo/bar}', '${!x}', '${!#}', '${x,,[ab]}', '${x!}', '"${x:-\\}}"'];
  for (const f of forms) assert.equal(printWord(word('echo ' + f)), f);
});
