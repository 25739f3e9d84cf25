import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Command, FunctionDef, Script } from '../../kernel/shell/ast.ts';
import { parse } from '../../kernel/shell/parser.ts';

function fn(src: string, i = 0): FunctionDef {
  const c = parse(src).items[i].command;
  if (c.type !== 'FunctionDef') throw new Error(`expected FunctionDef, got ${c.type}`);
  return c;
}

/** Every command line number, depth first. */
function allLines(s: Script): number[] {
  const out: number[] = [];
  const visit = (c: Command): void => {
    out.push(c.line);
    switch (c.type) {
      case 'Pipeline': c.commands.forEach(visit); break;
      case 'AndOr': visit(c.left); visit(c.right); break;
      case 'If': c.clauses.forEach((k) => { k.cond.items.forEach((i) => visit(i.command)); k.body.items.forEach((i) => visit(i.command)); }); c.elseBody?.items.forEach((i) => visit(i.command)); break;
      case 'While': c.cond.items.forEach((i) => visit(i.command)); c.body.items.forEach((i) => visit(i.command)); break;
      case 'For': case 'Select': case 'ArithFor': case 'Group': case 'Subshell': c.body.items.forEach((i) => visit(i.command)); break;
      case 'Case': c.items.forEach((k) => k.body.items.forEach((i) => visit(i.command))); break;
      case 'FunctionDef': visit(c.body); break;
      default: break;
    }
  };
  s.items.forEach((i) => visit(i.command));
  return out;
}

test('every command records the line it starts on (multi-line simple commands: the first line)', () => {
  const s = parse('echo a \\\n  b\nif true\nthen\n  echo c |\n   cat\nelif x; then :\nfi\nwhile\n  false\ndo :; done');
  assert.deepEqual(s.items.map((i) => i.line), [1, 3, 9]);
  assert.deepEqual(allLines(s), [1, 3, 3, 5, 5, 6, 7, 7, 9, 10, 11]);
});

test('line numbers inside $(…), here-docs and after multi-line quotes', () => {
  const s = parse('x="a\nb"; echo $(\n  echo in\n)\ncat <<E\n$(echo h)\nE\ny=1');
  assert.deepEqual(s.items.map((i) => i.line), [1, 2, 5, 8]);
  const echo = s.items[1].command;
  if (echo.type !== 'Simple') return assert.fail('simple expected');
  const sub = echo.words[1].parts[0];
  if (sub.type !== 'CommandSub') return assert.fail('comsub expected');
  assert.equal(sub.body.items[0].line, 3);
  const cat = s.items[2].command;
  if (cat.type !== 'Simple') return assert.fail('simple expected');
  const h = cat.redirects[0].heredoc!.body.parts[0];
  if (h.type !== 'CommandSub') return assert.fail('comsub expected');
  assert.equal(h.body.items[0].line, 6);
});

test('startLine shifts all numbers', () => {
  assert.deepEqual(parse('a\n\nb', { startLine: 41 }).items.map((i) => i.line), [41, 43]);
});

test('FunctionDef.source is the original text of the whole definition, redirections included', () => {
  assert.equal(fn('f() { echo hi; }').source, 'f() { echo hi; }');
  assert.equal(fn('x=1\nfunction  g  {\n  :\n} >&2 2>/dev/null # c\n', 1).source, 'function  g  {\n  :\n} >&2 2>/dev/null');
  assert.equal(fn('h ()\n( : )').source, 'h ()\n( : )');
  assert.equal(fn('k() (( x++ ))').source, 'k() (( x++ ))');
  assert.equal(fn('m() if a; then b; fi; echo').source, 'm() if a; then b; fi');
  assert.equal(fn('n() { cat <<E; }\nbody\nE\n').source, 'n() { cat <<E; }');
  const f = fn('echo\n\nf() {\n  :\n}', 1);
  assert.equal(f.line, 3);
});

test('function names are kept as written; the body is any compound command', () => {
  assert.equal(fn('foo-bar.baz() { :; }').name, 'foo-bar.baz');
  assert.equal(fn('function if { :; }').name, 'if');
  for (const body of ['{ :; }', '( : )', '(( 1 ))', '[[ 1 ]]', 'if a; then b; fi', 'while a; do b; done', 'until a; do b; done',
    'for x; do :; done', 'for ((;;)); do :; done', 'select x in a; do :; done', 'case x in esac']) {
    assert.equal(fn(`f() ${body}`).name, 'f', body);
  }
  assert.throws(() => parse('f() echo'), { message: "syntax error near unexpected token `echo'" });
});
