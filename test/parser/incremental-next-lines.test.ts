import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ShellSyntaxError } from '../../kernel/shell/contracts.ts';
import { Parser } from '../../kernel/shell/parser.ts';
import { printCommand } from '../../kernel/shell/print.ts';

function lines(p: Parser): string[][] {
  const out: string[][] = [];
  for (let items = p.next(); items !== null; items = p.next()) out.push(items.map((i) => printCommand(i.command) + (i.background ? ' &' : '')));
  return out;
}

test('each next() returns one complete top-level line; blank and comment lines are skipped', () => {
  const p = new Parser('echo a; echo b &\n\n# comment\nif true\nthen\n  echo c\nfi; echo d\necho e');
  assert.deepEqual(lines(p), [
    ['echo a', 'echo b &'],
    ['if true; then\n    echo c;\nfi', 'echo d'],
    ['echo e'],
  ]);
  assert.equal(p.next(), null);
});

test('here-doc bodies belong to the line that started them', () => {
  const p = new Parser('cat <<A; echo x\nbody\nA\necho after\n');
  const first = p.next()!;
  assert.equal(first.length, 2);
  const c = first[0].command;
  if (c.type !== 'Simple') return assert.fail('simple expected');
  assert.equal(c.redirects[0].heredoc!.body.parts[0].type, 'Literal');
  const second = p.next()!;
  assert.equal(second[0].line, 4);
});

test('a syntax error on line 3 is thrown only by the third call, after lines 1-2', () => {
  const p = new Parser('echo 1\necho 2\necho )\necho 4\n');
  assert.equal(p.next()!.length, 1);
  assert.equal(p.next()!.length, 1);
  assert.throws(() => p.next(), (e: unknown) => e instanceof ShellSyntaxError && e.line === 3 &&
    e.message === "syntax error near unexpected token `)'" && e.sourceLine === 'echo )');
  // like an interactive bash, parsing can go on with the next line
  const rest = p.next()!;
  assert.equal(rest[0].line, 4);
  assert.equal(p.next(), null);
});

test('startLine offsets every line number', () => {
  const p = new Parser('echo a\n\nf() {\n  echo b\n}\n', { startLine: 10 });
  assert.equal(p.next()![0].line, 10);
  const f = p.next()![0];
  assert.equal(f.line, 12);
  if (f.command.type !== 'FunctionDef' || f.command.body.type !== 'Group') return assert.fail('function expected');
  assert.equal(f.command.body.body.items[0].line, 13);
});

test('extglob is consulted when each line is parsed', () => {
  let on = false;
  const p = new Parser('shopt -s extglob\necho @(a|b)\n', { extglob: () => on });
  p.next();
  on = true;
  const items = p.next()!;
  const c = items[0].command;
  if (c.type !== 'Simple') return assert.fail('simple expected');
  assert.deepEqual(c.words[1].parts, [{ type: 'Literal', value: '@(a|b)' }]);
});

test('a source without a final newline and an empty source', () => {
  assert.deepEqual(lines(new Parser('echo a')), [['echo a']]);
  assert.equal(new Parser('').next(), null);
  assert.equal(new Parser('\n\n  # only a comment\n').next(), null);
});
