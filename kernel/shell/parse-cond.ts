// `[[ … ]]`: bash's cond_or / cond_and / cond_term, with its error messages.

import type { CondCommand, CondExpr, Word } from './ast.ts';
import { ShellSyntaxError } from './contracts.ts';
import { T_AND, T_EOF, T_GREAT, T_LESS, T_LPAREN, T_NEWLINE, T_OR, T_RPAREN, T_WORD } from './lexer.ts';
import { literalOf, type ShellParser } from './parser.ts';

const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-n', '-o', '-p', '-r', '-s', '-t', '-u',
  '-v', '-w', '-x', '-z', '-G', '-L', '-N', '-O', '-R', '-S']);
const BINARY = new Set(['=', '==', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export function parseCond(p: ShellParser, line: number): CondCommand {
  const lx = p.lx;
  p.consume();
  lx.condMode = true;
  lx.assignOk = false;
  const expr = condOr(p);
  const t = p.peek();
  if (!(t === T_WORD && literalOf(lx.tokWord!) === ']]')) {
    // bash reports these at the line of the `[[`
    if (t === T_EOF) throw new ShellSyntaxError("unexpected EOF while looking for `]]'", line, '');
    if (t === T_WORD) throw new ShellSyntaxError('syntax error in conditional expression', line, '');
    throw new ShellSyntaxError(`syntax error in conditional expression: unexpected token \`${lx.tokenText()}'`, line, '');
  }
  lx.condMode = false;
  lx.assignOk = true;
  p.consume();
  return { type: 'Cond', expr, redirects: [], line };
}

function condError(p: ShellParser, message: string): ShellSyntaxError {
  const lx = p.lx;
  const line = lx.tok === T_EOF ? lx.eofLine() : lx.lineAt(lx.tokStart);
  return new ShellSyntaxError(message, line, '');
}

function skipNewlines(p: ShellParser): number {
  let t = p.peek();
  while (t === T_NEWLINE) { p.consume(); t = p.peek(); }
  return t;
}

function condOr(p: ShellParser): CondExpr {
  const left = condAnd(p);
  if (p.peek() !== T_OR) return left;
  p.consume();
  return { type: 'CondOr', left, right: condOr(p) };
}

function condAnd(p: ShellParser): CondExpr {
  const left = condTerm(p);
  if (p.peek() !== T_AND) return left;
  p.consume();
  return { type: 'CondAnd', left, right: condAnd(p) };
}

function tokenName(p: ShellParser): string {
  return p.lx.tok === T_EOF ? 'EOF' : p.lx.tokenText();
}

function condTerm(p: ShellParser): CondExpr {
  const lx = p.lx;
  const t = skipNewlines(p);
  const kw = t === T_WORD ? literalOf(lx.tokWord!) : null;
  if (kw === ']]') {
    // bash fails silently here (`[[ ]]`, `[[ a && ]]`); say something useful instead
    throw condError(p, 'syntax error in conditional expression');
  }
  if (t === T_LPAREN) {
    p.consume();
    const expr = condOr(p);
    if (p.peek() !== T_RPAREN) {
      throw condError(p, lx.tok === T_WORD && literalOf(lx.tokWord!) !== ']]' ? "expected `)'" : `unexpected token \`${tokenName(p)}', expected \`)'`);
    }
    p.consume();
    skipNewlines(p);
    return { type: 'CondParen', expr };
  }
  if (kw === '!') {
    p.consume();
    return { type: 'CondNot', expr: condTerm(p) };
  }
  if (t !== T_WORD) throw condError(p, `unexpected token \`${tokenName(p)}' in conditional command`);
  const first = lx.tokWord!;
  p.consume();
  if (kw !== null && UNARY.has(kw)) {
    if (p.peek() !== T_WORD || literalOf(lx.tokWord!) === ']]') {
      throw condError(p, `unexpected argument \`${tokenName(p)}' to conditional unary operator`);
    }
    const arg = lx.tokWord!;
    p.consume();
    skipNewlines(p);
    return { type: 'CondUnary', op: kw, arg };
  }
  // left operand of a binary operator, or a lone word
  const n = p.peek();
  let op: string | null = null;
  if (n === T_WORD) {
    const o = literalOf(lx.tokWord!);
    if (o === ']]') return { type: 'CondWord', word: first };
    if (o !== null && BINARY.has(o)) op = o;
  } else if (n === T_LESS) op = '<';
  else if (n === T_GREAT) op = '>';
  else if (n === T_AND || n === T_OR || n === T_RPAREN) return { type: 'CondWord', word: first };
  if (op === null) {
    throw condError(p, n === T_WORD ? 'conditional binary operator expected'
      : `unexpected token \`${tokenName(p)}', conditional binary operator expected`);
  }
  p.consume();
  if (op === '=~') lx.regexMode = true;
  else if (op === '==' || op === '=' || op === '!=') lx.forcePattern = true;
  const r = p.peek();
  lx.regexMode = false;
  lx.forcePattern = false;
  if (r !== T_WORD || literalOf(lx.tokWord!) === ']]') {
    throw condError(p, `unexpected argument \`${tokenName(p)}' to conditional binary operator`);
  }
  const right: Word = lx.tokWord!;
  p.consume();
  skipNewlines(p);
  return { type: 'CondBinary', op, left: first, right };
}
