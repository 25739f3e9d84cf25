import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../kernel/shell/parser.ts';
import type { Redirect } from '../../kernel/shell/ast.ts';
import { DQ, ESC, L, P, W, lw, simple } from './util.ts';

const heredoc = (src: string, i = 0): Redirect => simple(src).redirects[i];

test('unquoted delimiter: body parts are parsed; only $ ` \\ are special', () => {
  const r = heredoc('cat <<EOF\na $x "q" \'s\' \\$y \\` \\\\ \\" $(echo c) $((1+2))\nEOF\n');
  assert.equal(r.op, '<<');
  assert.deepEqual(r.target, lw('EOF'));
  assert.equal(r.heredoc!.quoted, false);
  const parts = r.heredoc!.body.parts;
  assert.deepEqual(parts.slice(0, 9), [
    L('a '), P('x'), L(' "q" \'s\' '), ESC('$'), L('y '), ESC('`'), L(' '), ESC('\\'), L(' \\" '),
  ]);
  assert.equal(parts[9].type, 'CommandSub');
  assert.deepEqual(parts.slice(10), [L(' '), { type: 'Arith', expr: lw('1+2') }, L('\n')]);
});

test('quoted delimiters (any quoting) keep the body literal', () => {
  for (const d of ["'EOF'", '"EOF"', '\\EOF', 'E"O"F', "E'OF'"]) {
    const r = heredoc(`cat <<${d}\n$x \`y\` \\$z\nEOF\n`);
    assert.equal(r.heredoc!.quoted, true, d);
    assert.deepEqual(r.heredoc!.body, W(L('$x `y` \\$z\n')), d);
    assert.deepEqual(r.target, lw('EOF'), d);
  }
});

test('<<- strips leading tabs from body lines and the delimiter line', () => {
  const r = heredoc('cat <<-END\n\t\tone\n\t  two\n\tEND\n');
  assert.equal(r.op, '<<-');
  assert.deepEqual(r.heredoc!.body, W(L('one\n  two\n')));
});

test('backslash-newline joins lines of an unquoted body before the delimiter check', () => {
  const r = heredoc('cat <<EOF\na\\\nEOF\nEOF\n');
  assert.deepEqual(r.heredoc!.body, W(L('aEOF\n')));
  const q = heredoc("cat <<'EOF'\na\\\nEOF\n");
  assert.deepEqual(q.heredoc!.body, W(L('a\\\n')));
});

test('several here-docs on one line are read in order after the newline', () => {
  const s = parse('cat <<A <<-"B"; cat <<C\nbody a\nA\n\tbody b\n\tB\nbody c\nC\necho next\n');
  assert.equal(s.items.length, 3);
  const first = s.items[0].command;
  assert.equal(first.type, 'Simple');
  if (first.type !== 'Simple') return;
  assert.deepEqual(first.redirects[0].heredoc!.body, W(L('body a\n')));
  assert.deepEqual(first.redirects[1].heredoc, { body: W(L('body b\n')), quoted: true });
  const second = s.items[1].command;
  if (second.type !== 'Simple') return assert.fail('simple expected');
  assert.deepEqual(second.redirects[0].heredoc!.body, W(L('body c\n')));
  assert.equal(s.items[2].line, 8);
});

test('here-docs inside $(…) and on compound commands', () => {
  const w = simple('x=$(cat <<EOF\nin $y\nEOF\n)\n').assignments[0].value!;
  const sub = w.parts[0];
  assert.equal(sub.type, 'CommandSub');
  if (sub.type !== 'CommandSub') return;
  const inner = sub.body.items[0].command;
  if (inner.type !== 'Simple') return assert.fail('simple expected');
  assert.deepEqual(inner.redirects[0].heredoc!.body, W(L('in '), P('y'), L('\n')));

  const loop = parse('while read l; do echo "$l"; done <<EOF\n1\n2\nEOF\n').items[0].command;
  if (loop.type !== 'While') return assert.fail('while expected');
  assert.deepEqual(loop.redirects[0].heredoc!.body, W(L('1\n2\n')));

  const g = parse('{ cat; } <<E | cat\nx\nE\n').items[0].command;
  if (g.type !== 'Pipeline' || g.commands[0].type !== 'Group') return assert.fail('pipeline of group expected');
  assert.deepEqual(g.commands[0].redirects[0].heredoc!.body, W(L('x\n')));
});

test('a body that runs into end of file warns like bash and keeps what was read', () => {
  const warnings: [string, number][] = [];
  const s = parse('echo a\ncat <<EOF\nline\n', { warn: (m, l) => warnings.push([m, l]) });
  assert.deepEqual(warnings, [["warning: here-document at line 2 delimited by end-of-file (wanted `EOF')", 3]]);
  const c = s.items[1].command;
  if (c.type !== 'Simple') return assert.fail('simple expected');
  assert.deepEqual(c.redirects[0].heredoc!.body, W(L('line\n')));
});

test('here-string and double quotes in the body are not special', () => {
  const r = heredoc('cat <<< "$a b"');
  assert.equal(r.op, '<<<');
  assert.deepEqual(r.target, W(DQ(P('a'), L(' b'))));
  assert.equal(r.heredoc, undefined);
  const h = heredoc('cat <<EOF\n"${x:-a}"\nEOF\n');
  const parts = h.heredoc!.body.parts;
  assert.deepEqual(parts[0], L('"'));
  assert.equal(parts[1].type, 'Param');
});
