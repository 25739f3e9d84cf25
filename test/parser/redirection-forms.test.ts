import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Redirect } from '../../kernel/shell/ast.ts';
import { commands, lw, oursSyntax, simple } from './util.ts';
import { printCommand } from '../../kernel/shell/print.ts';

const redirs = (src: string): Redirect[] => simple(src).redirects;

test('every operator, with and without an fd number', () => {
  const r = redirs('cmd <a >b >>c >|d <>e <&3 >&4 &>f &>>g <<<h 2>i 10>>j 0<&- 1>&- 3<&4- 5>&6-');
  assert.deepEqual(r.map((x) => [x.op, x.fd, (x.target.parts[0] as { value: string }).value]), [
    ['<', undefined, 'a'], ['>', undefined, 'b'], ['>>', undefined, 'c'], ['>|', undefined, 'd'], ['<>', undefined, 'e'],
    ['<&', undefined, '3'], ['>&', undefined, '4'], ['&>', undefined, 'f'], ['&>>', undefined, 'g'], ['<<<', undefined, 'h'],
    ['>', 2, 'i'], ['>>', 10, 'j'], ['<&', 0, '-'], ['>&', 1, '-'], ['<&', 3, '4-'], ['>&', 5, '6-'],
  ]);
});

test('{var}> allocates an fd; the digits/brace form must touch the operator', () => {
  assert.deepEqual(redirs('exec {fd}>file {in}<&0 {x}>&-'), [
    { op: '>', fdVar: 'fd', target: lw('file') },
    { op: '<&', fdVar: 'in', target: lw('0') },
    { op: '>&', fdVar: 'x', target: lw('-') },
  ]);
  const c = simple('echo 2 >x {a} >y a2>z');
  assert.deepEqual(c.words.map((w) => (w.parts[0] as { value: string }).value), ['echo', '2', '{a}', 'a2']);
  assert.deepEqual(c.redirects.map((x) => x.fd), [undefined, undefined, undefined]);
});

test('redirections may come anywhere in a simple command and after compound commands', () => {
  const c = simple('>out echo a 2>&1 b');
  assert.deepEqual(c.words.map((w) => (w.parts[0] as { value: string }).value), ['echo', 'a', 'b']);
  assert.equal(c.redirects.length, 2);
  const only = simple('> file');
  assert.deepEqual([only.words.length, only.redirects.length], [0, 1]);
  const k = commands('{ a; } >x 2>&1 | cat')[0];
  if (k.type !== 'Pipeline' || k.commands[0].type !== 'Group') return assert.fail('pipeline expected');
  assert.equal(k.commands[0].redirects.length, 2);
});

test('>&word with a non-number and &> print the way bash does', () => {
  assert.equal(printCommand(simple('echo >&file 2>&1 >&2 <&3 <&- >&- 3<>f <>g 5>&6-')),
    'echo >&file 2>&1 1>&2 0<&3 0>&- 1>&- 3<> f 0<> g 5>&6-');
  assert.equal(printCommand(simple('cat <in >out 2>>err &>both')), 'cat < in > out 2>> err &> both');
});

test('a missing target is an error naming the next token', () => {
  assert.equal(oursSyntax('echo >'), "1|syntax error near unexpected token `newline'|echo >");
  assert.equal(oursSyntax('echo > ;'), "1|syntax error near unexpected token `;'|echo > ;");
  assert.equal(oursSyntax('echo <<'), "1|syntax error near unexpected token `newline'|echo <<");
});

test('process substitution is a word, also inside a larger word', () => {
  const c = simple('diff <(sort a) x>(tee b)');
  assert.deepEqual(c.redirects, []);
  assert.equal(c.words[1].parts[0].type, 'ProcessSub');
  assert.deepEqual(c.words[2].parts.map((p) => p.type), ['Literal', 'ProcessSub']);
  const r = simple('cat < <(echo a)').redirects[0];
  assert.equal(r.op, '<');
  assert.equal(r.target.parts[0].type, 'ProcessSub');
});
