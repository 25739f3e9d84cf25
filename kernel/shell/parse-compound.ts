// Compound commands: if, while/until, for (both forms), select, case, { }, ( ), function.

import type { ArithFor, Case, CaseItem, For, FunctionDef, Group, If, Script, Select, Subshell, While, Word } from './ast.ts';
import { ShellSyntaxError } from './contracts.ts';
import { T_DSEMI, T_DSEMIAMP, T_LPAREN, T_NEWLINE, T_PIPE, T_RPAREN, T_SEMI, T_SEMIAMP, T_WORD } from './lexer.ts';
import { readArithText, scanArith } from './parse-word.ts';
import type { ShellParser } from './parser.ts';

export function parseIf(p: ShellParser, line: number): If {
  p.consume();
  const clauses: { cond: Script; body: Script }[] = [];
  let elseBody: Script | null = null;
  let cond = p.script();
  p.expectWord('then');
  clauses.push({ cond, body: p.script() });
  for (;;) {
    if (p.isWord('elif')) {
      p.consume();
      cond = p.script();
      p.expectWord('then');
      clauses.push({ cond, body: p.script() });
    } else if (p.isWord('else')) {
      p.consume();
      elseBody = p.script();
      p.expectWord('fi');
      break;
    } else {
      p.expectWord('fi');
      break;
    }
  }
  return { type: 'If', clauses, elseBody, redirects: [], line };
}

export function parseWhile(p: ShellParser, line: number, until: boolean): While {
  p.consume();
  const cond = p.script();
  p.expectWord('do');
  const body = p.script();
  p.expectWord('done');
  return { type: 'While', until, cond, body, redirects: [], line };
}

/** `do … done` or `{ … }` after a for/select head. */
function loopBody(p: ShellParser): Script {
  if (p.isWord('{')) {
    p.consume();
    const body = p.script();
    p.expectWord('}');
    return body;
  }
  p.expectWord('do');
  const body = p.script();
  p.expectWord('done');
  return body;
}

/** After `for name` / `select name`: `[in words] ;|newline` then the body. */
function loopHead(p: ShellParser): { words: Word[] | null; body: Script } {
  const lx = p.lx;
  let words: Word[] | null = null;
  if (p.peek() === T_SEMI) {
    p.consume();
    p.skipNewlines();
  } else {
    p.skipNewlines();
    if (p.isWord('in')) {
      p.consume();
      words = [];
      lx.assignOk = false;
      let t = p.peek();
      while (t === T_WORD) { words.push(lx.tokWord!); p.consume(); t = p.peek(); }
      lx.assignOk = true;
      if (t !== T_SEMI && t !== T_NEWLINE) throw p.nearError();
      p.consume();
      p.skipNewlines();
    }
  }
  return { words, body: loopBody(p) };
}

export function parseFor(p: ShellParser, line: number): For | ArithFor {
  const lx = p.lx;
  p.consume();
  lx.assignOk = false;
  const t = p.peek();
  lx.assignOk = true;
  if (t === T_LPAREN && lx.src.charCodeAt(lx.tokEnd) === 40) return parseArithFor(p, line);
  if (t !== T_WORD) throw p.nearError();
  const name = lx.src.slice(lx.tokStart, lx.tokEnd);
  p.consume();
  const { words, body } = loopHead(p);
  return { type: 'For', name, words, body, redirects: [], line };
}

function parseArithFor(p: ShellParser, line: number): ArithFor {
  const lx = p.lx;
  const from = lx.tokEnd + 1;
  const end = scanArith(lx.src, from);
  if (end === -2) throw lx.eofError(')', line);
  if (end < 0) throw p.nearError();
  // split at the two top-level semicolons
  const s = lx.src;
  const cuts: number[] = [];
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth--;
    else if (c === 59 && depth === 0) cuts.push(i);
    else if (c === 34 || c === 39) { const e = s.indexOf(s[i], i + 1); if (e > 0 && e < end) i = e; }
  }
  if (cuts.length !== 2) {
    // bash reports two errors here: the problem, then the whole ((…)) token
    const what = cuts.length < 2 ? 'arithmetic expression required' : "`;' unexpected";
    throw new ShellSyntaxError(`syntax error: ${what}\nsyntax error: \`((${s.slice(from, end)}))'`, lx.lineAt(from), '');
  }
  const part = (a: number, b: number): Word | null => {
    while (a < b && (s.charCodeAt(a) === 32 || s.charCodeAt(a) === 9 || s.charCodeAt(a) === 10)) a++;
    if (a === b) return null;
    return readArithText(lx, a, b);
  };
  const init = part(from, cuts[0]);
  const cond = part(cuts[0] + 1, cuts[1]);
  const step = part(cuts[1] + 1, end);
  lx.pos = end + 2;
  p.has = false;
  p.lastEnd = end + 2;
  if (p.peek() === T_SEMI) p.consume();
  p.skipNewlines();
  const body = loopBody(p);
  return { type: 'ArithFor', init, cond, step, body, redirects: [], line };
}

export function parseSelect(p: ShellParser, line: number): Select {
  const lx = p.lx;
  p.consume();
  lx.assignOk = false;
  const t = p.peek();
  lx.assignOk = true;
  if (t !== T_WORD) throw p.nearError();
  const name = lx.src.slice(lx.tokStart, lx.tokEnd);
  p.consume();
  const { words, body } = loopHead(p);
  return { type: 'Select', name, words, body, redirects: [], line };
}

export function parseCase(p: ShellParser, line: number): Case {
  const lx = p.lx;
  p.consume();
  lx.assignOk = false;
  if (p.peek() !== T_WORD) throw p.nearError();
  const word = lx.tokWord!;
  p.consume();
  p.skipNewlines();
  p.expectWord('in');
  const items: CaseItem[] = [];
  for (;;) {
    lx.assignOk = false;
    lx.forcePattern = true;
    let t = p.skipNewlines();
    if (p.isWord('esac')) { lx.forcePattern = false; lx.assignOk = true; p.consume(); break; }
    if (t === T_LPAREN) { p.consume(); t = p.peek(); }
    const patterns: Word[] = [];
    for (;;) {
      if (t !== T_WORD) throw p.nearError();
      patterns.push(lx.tokWord!);
      p.consume();
      t = p.peek();
      if (t === T_PIPE) { p.consume(); t = p.peek(); continue; }
      if (t === T_RPAREN) break;
      throw p.nearError();
    }
    lx.forcePattern = false;
    lx.assignOk = true;
    p.consume();
    const body = p.script(true);
    t = p.peek();
    let terminator: CaseItem['terminator'] = ';;';
    if (t === T_DSEMI || t === T_SEMIAMP || t === T_DSEMIAMP) {
      terminator = t === T_DSEMI ? ';;' : t === T_SEMIAMP ? ';&' : ';;&';
      p.consume();
    } else if (!p.isWord('esac')) {
      throw p.nearError();
    }
    items.push({ patterns, body, terminator });
  }
  return { type: 'Case', word, items, redirects: [], line };
}

export function parseGroup(p: ShellParser, line: number): Group {
  p.consume();
  const body = p.script();
  p.expectWord('}');
  return { type: 'Group', body, redirects: [], line };
}

export function parseSubshell(p: ShellParser, line: number): Subshell {
  p.consume();
  const body = p.script();
  if (p.peek() !== T_RPAREN) throw p.nearError();
  p.consume();
  return { type: 'Subshell', body, redirects: [], line };
}

/** `function name [()] compound-command` */
export function parseFunction(p: ShellParser, line: number, start: number): FunctionDef {
  const lx = p.lx;
  p.consume();
  lx.assignOk = false;
  if (p.peek() !== T_WORD) throw p.nearError();
  const name = lx.src.slice(lx.tokStart, lx.tokEnd);
  p.consume();
  if (p.peek() === T_LPAREN) {
    p.consume();
    if (p.peek() !== T_RPAREN) throw p.nearError();
    p.consume();
  }
  return p.functionBody(name, start, line);
}

