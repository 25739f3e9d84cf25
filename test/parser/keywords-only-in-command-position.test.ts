import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands, lw, oursSyntax, simple } from './util.ts';

test('reserved words are plain words in argument position', () => {
  const c = simple('echo if then else fi do done case esac while for in { } ! [[ ]] time function select');
  assert.deepEqual(c.words.slice(1).map((w) => (w.parts[0] as { value: string }).value),
    ['if', 'then', 'else', 'fi', 'do', 'done', 'case', 'esac', 'while', 'for', 'in', '{', '}', '!', '[[', ']]', 'time', 'function', 'select']);
});

test('after an assignment prefix a reserved word is a command name', () => {
  assert.deepEqual(simple('x=1 while').words, [lw('while')]);
  assert.deepEqual(simple('x=1 if a').words, [lw('if'), lw('a')]);
});

test('after ; & | && || ( { and newlines, reserved words start commands', () => {
  assert.deepEqual(commands('a; if b; then c; fi & { d; } && while e; do :; done').map((c) => c.type), ['Simple', 'If', 'AndOr']);
  assert.deepEqual(commands('a | { b; }')[0].type, 'Pipeline');
});

test('closing words out of place are syntax errors, like bash', () => {
  for (const w of ['then', 'fi', 'done', 'esac', '}', 'in', ']]', 'do', 'else', 'elif']) {
    assert.equal(oursSyntax(w), `1|syntax error near unexpected token \`${w}'|${w}`, w);
  }
  assert.equal(oursSyntax('echo a | ! b'), "1|syntax error near unexpected token `!'|echo a | ! b");
});

test('{ and } must be separate words; } closes only in command position', () => {
  assert.deepEqual(simple('{echo,a}').words, [lw('{echo,a}')]);
  assert.equal(oursSyntax('{ echo }'), '2|syntax error: unexpected end of file|');
  assert.equal(commands('{ echo };}')[0].type, 'Group');
  assert.deepEqual(simple('echo a}b {c').words.slice(1), [lw('a}b'), lw('{c')]);
});

test('! and time prefix a pipeline; time -p; time and ! alone are valid', () => {
  const p = commands('! time -p a | b')[0];
  if (p.type !== 'Pipeline') return assert.fail('pipeline expected');
  assert.deepEqual([p.negated, p.timed, p.timePosix, p.commands.length], [true, true, true, 2]);
  const t = commands('time')[0];
  assert.deepEqual(t, { type: 'Pipeline', commands: [], negated: false, timed: true, timePosix: false, stderrToo: [], line: 1 });
  assert.equal(commands('!')[0].type, 'Pipeline');
  const tp = commands('a | time b')[0];
  if (tp.type !== 'Pipeline' || tp.commands[1].type !== 'Simple') return assert.fail('pipeline expected');
  assert.deepEqual(tp.commands[1].words, [lw('time'), lw('b')]);
});

test('comments start only at the beginning of a word', () => {
  assert.deepEqual(simple('echo a#b #c d').words, [lw('echo'), lw('a#b')]);
  assert.deepEqual(simple('echo "#x" \\#y #z').words.length, 3);
  assert.deepEqual(commands('# only\n').length, 0);
});
