import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ListItem } from '../../kernel/shell/ast.ts';
import { Parser, parse } from '../../kernel/shell/parser.ts';
import { printCommand } from '../../kernel/shell/print.ts';

/** Parses line by line, "running" `alias name=value` words between lines like the interpreter. */
function run(src: string, initial: Record<string, string> = {}): string[] {
  const table = new Map(Object.entries(initial));
  const p = new Parser(src, { aliases: (w) => table.get(w) });
  const out: string[] = [];
  for (let items = p.next(); items !== null; items = p.next()) {
    for (const it of items) {
      out.push(printCommand(it.command));
      define(it, table);
    }
  }
  return out;
}

function define(it: ListItem, table: Map<string, string>): void {
  const c = it.command;
  if (c.type !== 'Simple' || c.words[0]?.parts[0]?.type !== 'Literal' || c.words[0].parts[0].value !== 'alias') return;
  for (const w of c.words.slice(1)) {
    const text = w.parts.map((x) => (x.type === 'Literal' || x.type === 'SingleQuoted' ? x.value : '')).join('');
    const i = text.indexOf('=');
    table.set(text.slice(0, i), text.slice(i + 1));
  }
}

test('an alias defined on a line applies from the next line, not later on the same line', () => {
  assert.deepEqual(run("alias ll='ls -l'; ll\nll x"), ["alias ll='ls -l'", 'll', 'ls -l x']);
});

test('only the command word is expanded (also after assignments and redirections)', () => {
  assert.deepEqual(run('echo ll; x=1 ll; >f ll; ll ll', { ll: 'ls -l' }),
    ['echo ll', 'x=1 ls -l', 'ls -l > f', 'ls -l ll']);
  assert.deepEqual(run('a | ll && ll; (ll); { ll; }; if ll; then ll; fi', { ll: 'ls' }),
    ['a | ls && ls', '( ls )', '{ ls; }', 'if ls; then\n    ls;\nfi']);
});

test('a value ending in a blank makes the next word an alias candidate too', () => {
  assert.deepEqual(run('e f f; e e e', { e: 'echo ', f: 'foo' }), ['echo foo f', 'echo echo echo']);
});

test('recursion is cut off: a=b b=a, ls=ls -l', () => {
  assert.deepEqual(run('a; ls', { a: 'b', b: 'a', ls: 'ls -l' }), ['a', 'ls -l']);
});

test('aliases take precedence over reserved words and may expand to keywords', () => {
  assert.deepEqual(run('if x', { if: 'echo' }), ['echo x']);
  assert.deepEqual(run('t', { t: 'if true; then echo yes; fi' }), ['if true; then\n    echo yes;\nfi']);
  assert.throws(() => run('u', { u: '{ echo' }), /unexpected end of file/);
});

test('quoted or escaped words are never aliases; aliases apply inside $(…)', () => {
  assert.deepEqual(run("'ll'; \\ll; \"ll\"", { ll: 'ls -l' }), ["'ll'", '\\ll', '"ll"']);
  assert.deepEqual(run('echo $(ll)', { ll: 'ls -l' }), ['echo $(ls -l)']);
});

test('without the aliases option nothing is expanded', () => {
  const s = parse('ll');
  assert.equal(printCommand(s.items[0].command), 'll');
});
