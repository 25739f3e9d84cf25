// The bash grammar: a recursive-descent parser over lexer.ts tokens. Lists, pipelines, simple
// commands, redirections, here-doc registration and alias expansion live here; compound commands
// are in parse-compound.ts, `[[ … ]]` in parse-cond.ts, words in parse-word.ts / parse-param.ts.
//
// AST conventions beyond ast.ts's comments (what the expander and interpreter can rely on):
// - A single command is not wrapped: Pipeline only for `|`, `!` or `time`; `time` / `!` alone
//   give a Pipeline with no commands. AndOr chains are left-associative.
// - For.name, Select.name and FunctionDef.name are the word as written: bash checks them when
//   the command runs ("`1': not a valid identifier").
// - Operator words of `${x:-w}` `${x:=w}` `${x:?w}` `${x:+w}` and substring offsets inside double
//   quotes follow double-quote rules (their Literal text is quoted; `'` is literal); patterns and
//   replacements (# % / ^ , ~) always follow unquoted rules, as in bash.
// - `${…}` that is not a valid expansion (`${x!}`, `${a b}`) is a braced Param whose name is
//   the raw text between the braces; bash reports "bad substitution" only when it is expanded.
// - Here-docs: target is the delimiter (quotes removed) as one Literal; an unquoted body has
//   Escaped parts for \$ \` \\ (other backslashes stay Literal); a quoted body is one Literal.
// - ArithFor parts are null when empty; arithmetic text is a Word with Literal / Param /
//   CommandSub / Arith / DoubleQuoted parts (single quotes are literal, as in bash).
// - Words after a declaration builtin (declare typeset local export readonly) that look like
//   assignments carry word.assignment; prefix assignments are in SimpleCommand.assignments.

import type { Assignment, Command, FunctionDef, ListItem, Redirect, Script, Word } from './ast.ts';
import { ShellSyntaxError } from './contracts.ts';
import {
  Lexer, T_AMP, T_AND, T_DSEMI, T_DSEMIAMP, T_EOF, T_LPAREN, T_NEWLINE, T_OR, T_PIPE, T_PIPEAMP,
  T_REDIR, T_RPAREN, T_SEMI, T_SEMIAMP, T_WORD, type AliasRegion, type LexHost,
} from './lexer.ts';
import { newlineSeparated, readArithText, scanArith } from './parse-word.ts';
import {
  parseCase, parseFor, parseFunction, parseGroup, parseIf, parseSelect, parseSubshell, parseWhile,
} from './parse-compound.ts';
import { parseCond } from './parse-cond.ts';

export interface ParseOptions {
  /** Alias lookup, consulted for the first word of simple commands (pass it only when expand_aliases is on). */
  aliases?: (word: string) => string | undefined;
  /** Whether `shopt -s extglob` is on (read at parse time, like bash). */
  extglob?: () => boolean;
  /** Line number of the first line (default 1). */
  startLine?: number;
  /** Non-fatal diagnostics, e.g. "here-document at line 1 delimited by end-of-file (wanted `EOF')", with the line bash reports. */
  warn?: (message: string, line: number) => void;
}

const DECLARATION_BUILTINS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);
/** Reserved words that end a compound list. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
/** Words that start a compound command (valid function bodies). */
const COMPOUND_STARTS = new Set(['{', 'if', 'while', 'until', 'for', 'select', 'case', '[[']);

/** The literal text of a word made of one unquoted literal part (keywords, alias names), else null. */
export function literalOf(w: Word): string | null {
  if (w.parts.length !== 1) return null;
  const x = w.parts[0];
  return x.type === 'Literal' ? x.value : null;
}

/** Parser internals, shared with parse-compound.ts and parse-cond.ts. */
export class ShellParser implements LexHost {
  lx: Lexer;
  /** A token has been read into lx.tok* and not consumed yet. */
  has = false;
  /** End offset of the last consumed token (for FunctionDef.source). */
  lastEnd = 0;
  readonly opts: ParseOptions;
  /** Set when an alias value ended in a blank: the next word after it is alias-checked too. */
  aliasNext: AliasRegion | null = null;
  /** > 0 while parsing a command substitution body (newline separators are recorded for printing). */
  comsubDepth = 0;

  constructor(source: string, opts: ParseOptions) {
    this.opts = opts;
    this.lx = new Lexer(source, this, opts.startLine ?? 1);
    this.lx.assignOk = true;
  }

  // ---- LexHost ----

  extglob(): boolean { return this.opts.extglob ? this.opts.extglob() : false; }
  warn(message: string, line: number): void { this.opts.warn?.(message, line); }

  parseNested(text: string, line: number): Script {
    const sub = new ShellParser(text, { ...this.opts, startLine: line });
    sub.comsubDepth = 1;
    const items: ListItem[] = [];
    for (let r = sub.nextLine(); r !== null; r = sub.nextLine()) for (const it of r) items.push(it);
    return { type: 'Script', items };
  }

  parseComsub(lx: Lexer): Script {
    const savedLx = this.lx, savedHas = this.has, savedNext = this.aliasNext;
    const { assignOk, condMode, regexMode, forcePattern } = lx;
    const savedHeredocs = lx.heredocs;
    this.lx = lx;
    this.has = false;
    this.aliasNext = null;
    lx.assignOk = true; lx.condMode = false; lx.regexMode = false; lx.forcePattern = false;
    lx.heredocs = [];
    this.comsubDepth++;
    const items = this.parseList(true);
    this.comsubDepth--;
    const t = this.peek();
    if (t !== T_RPAREN) throw t === T_EOF ? lx.eofError(')', lx.eofLine()) : lx.nearError();
    this.has = false;
    for (const h of lx.heredocs) savedHeredocs.push(h);
    lx.heredocs = savedHeredocs;
    lx.assignOk = assignOk; lx.condMode = condMode; lx.regexMode = regexMode; lx.forcePattern = forcePattern;
    this.lx = savedLx;
    this.has = savedHas;
    this.aliasNext = savedNext;
    return { type: 'Script', items };
  }

  // ---- tokens ----

  peek(): number {
    if (!this.has) { this.lx.next(); this.has = true; }
    return this.lx.tok;
  }

  consume(): void {
    this.has = false;
    this.lastEnd = this.lx.tokEnd;
  }

  /** True when the next token is the unquoted word kw. */
  isWord(kw: string): boolean {
    return this.peek() === T_WORD && literalOf(this.lx.tokWord!) === kw;
  }

  expectWord(kw: string): void {
    if (!this.isWord(kw)) throw this.nearError();
    this.consume();
  }

  skipNewlines(): number {
    let t = this.peek();
    while (t === T_NEWLINE) { this.consume(); t = this.peek(); }
    return t;
  }

  nearError(): ShellSyntaxError {
    this.peek();
    return this.lx.nearError();
  }

  /** Peeks the next token in command position, expanding aliases first (they take precedence over keywords). */
  peekCmd(): number {
    for (;;) {
      const t = this.peek();
      if (t !== T_WORD || !this.opts.aliases || !this.tryAlias()) return t;
    }
  }

  /** Replaces the current word token by its alias value if it has one that is not already being expanded. */
  tryAlias(): boolean {
    const lx = this.lx;
    const name = literalOf(lx.tokWord!);
    if (name === null || lx.tokEnd - lx.tokStart !== name.length) return false;
    const start = lx.tokStart;
    const regions = lx.aliasRegions;
    for (let i = regions.length - 1; i >= 0; i--) if (regions[i].end <= start) regions.splice(i, 1);
    for (const r of regions) if (r.name === name) return false;
    const value = this.opts.aliases!(name);
    if (value === undefined) return false;
    lx.splice(start, lx.tokEnd, value);
    regions.push({ name, end: start + value.length });
    const last = value.charCodeAt(value.length - 1);
    if (last === 32 || last === 9) {
      this.aliasNext = { name: '', end: start + value.length };
      regions.push(this.aliasNext);
    }
    this.has = false;
    return true;
  }

  // ---- lists ----

  /** One top-level command line (up to an unquoted newline, here-doc bodies included), or null at end of input. */
  nextLine(): ListItem[] | null {
    const lx = this.lx;
    try {
      let t = this.peek();
      while (t === T_NEWLINE) { this.consume(); t = this.peek(); }
      if (t === T_EOF) return null;
      const items: ListItem[] = [];
      for (;;) {
        this.peekCmd();
        const item: ListItem = { command: null!, background: false, line: lx.lineAt(lx.tokStart) };
        item.command = this.parseAndOr();
        items.push(item);
        t = this.peek();
        if (t === T_SEMI || t === T_AMP) {
          item.background = t === T_AMP;
          this.consume();
          t = this.peek();
          if (t === T_NEWLINE) { this.consume(); break; }
          if (t === T_EOF) break;
          continue;
        }
        if (t === T_NEWLINE) { if (this.comsubDepth) newlineSeparated.add(item); this.consume(); break; }
        if (t === T_EOF) break;
        throw this.nearError();
      }
      return items;
    } catch (e) {
      // like bash, discard the rest of the offending line so a caller may go on with the next one
      this.lx = lx;
      this.comsubDepth = 0;
      this.aliasNext = null;
      this.has = false;
      lx.assignOk = true; lx.condMode = false; lx.regexMode = false; lx.forcePattern = false;
      lx.heredocs = [];
      const nl = lx.src.indexOf('\n', lx.pos);
      lx.pos = nl === -1 ? lx.src.length : nl + 1;
      throw e;
    }
  }

  /** A compound list: commands separated by `;`, `&` or newlines, up to a closing keyword or token. */
  parseList(allowEmpty: boolean): ListItem[] {
    const lx = this.lx;
    const items: ListItem[] = [];
    this.skipNewlines();
    for (;;) {
      const t = this.peekCmd();
      if (t === T_EOF || t === T_RPAREN || t === T_DSEMI || t === T_SEMIAMP || t === T_DSEMIAMP) break;
      if (t === T_WORD) { const kw = literalOf(lx.tokWord!); if (kw !== null && CLOSERS.has(kw)) break; }
      const item: ListItem = { command: null!, background: false, line: lx.lineAt(lx.tokStart) };
      item.command = this.parseAndOr();
      items.push(item);
      const s = this.peek();
      if (s === T_SEMI || s === T_AMP) { item.background = s === T_AMP; this.consume(); this.skipNewlines(); }
      else if (s === T_NEWLINE) {
        if (this.comsubDepth) newlineSeparated.add(item);
        this.consume();
        this.skipNewlines();
      } else break;
    }
    if (!allowEmpty && items.length === 0) throw this.nearError();
    return items;
  }

  script(allowEmpty = false): Script {
    return { type: 'Script', items: this.parseList(allowEmpty) };
  }

  parseAndOr(): Command {
    let left = this.parsePipeline();
    for (;;) {
      const t = this.peek();
      if (t !== T_AND && t !== T_OR) return left;
      this.consume();
      this.skipNewlines();
      const right = this.parsePipeline();
      left = { type: 'AndOr', op: t === T_AND ? '&&' : '||', left, right, line: left.line };
    }
  }

  parsePipeline(): Command {
    const lx = this.lx;
    let t = this.peekCmd();
    const line = lx.lineAt(lx.tokStart);
    let timed = false, timePosix = false, negated = false;
    for (;;) {
      if (t !== T_WORD) break;
      const kw = literalOf(lx.tokWord!);
      if (kw === '!') { negated = !negated; this.consume(); t = this.peekCmd(); continue; }
      if (kw === 'time' && !timed) {
        timed = true;
        this.consume();
        t = this.peekCmd();
        if (t === T_WORD && literalOf(lx.tokWord!) === '-p') { timePosix = true; this.consume(); t = this.peekCmd(); }
        continue;
      }
      break;
    }
    if ((timed || negated) && (t === T_NEWLINE || t === T_SEMI || t === T_EOF)) {
      return { type: 'Pipeline', commands: [], negated, timed, timePosix, stderrToo: [], line };
    }
    const commands = [this.parseCommand()];
    const stderrToo: boolean[] = [];
    for (;;) {
      const p = this.peek();
      if (p !== T_PIPE && p !== T_PIPEAMP) break;
      this.consume();
      stderrToo.push(p === T_PIPEAMP);
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    if (commands.length === 1 && !timed && !negated) return commands[0];
    return { type: 'Pipeline', commands, negated, timed, timePosix, stderrToo, line };
  }

  // ---- commands ----

  parseCommand(): Command {
    const lx = this.lx;
    const t = this.peekCmd();
    const start = lx.tokStart;
    const line = lx.lineAt(start);
    let cmd: Command & { redirects: Redirect[] };
    if (t === T_WORD) {
      const kw = literalOf(lx.tokWord!);
      switch (kw) {
        case 'if': cmd = parseIf(this, line); break;
        case 'while': cmd = parseWhile(this, line, false); break;
        case 'until': cmd = parseWhile(this, line, true); break;
        case 'for': cmd = parseFor(this, line); break;
        case 'select': cmd = parseSelect(this, line); break;
        case 'case': cmd = parseCase(this, line); break;
        case '{': cmd = parseGroup(this, line); break;
        case '[[': cmd = parseCond(this, line); break;
        case 'function': return parseFunction(this, line, start);
        case 'then': case 'else': case 'elif': case 'fi': case 'do': case 'done': case 'esac': case '}': case 'in': case ']]': case '!':
          throw this.nearError();
        default: return this.parseSimple(line, start);
      }
    } else if (t === T_LPAREN) {
      cmd = (lx.src.charCodeAt(lx.tokEnd) === 40 && this.tryArithCommand(line)) || parseSubshell(this, line);
    } else if (t === T_REDIR) {
      return this.parseSimple(line, start);
    } else {
      throw this.nearError();
    }
    this.parseRedirects(cmd.redirects);
    return cmd;
  }

  /** `(( … ))` when the parens pair up as arithmetic; null means it is a nested subshell. */
  tryArithCommand(line: number): (Command & { redirects: Redirect[] }) | null {
    const lx = this.lx;
    const from = lx.tokEnd + 1;
    const end = scanArith(lx.src, from);
    if (end === -2) throw lx.eofError(')', line);
    if (end < 0) return null;
    const expr = readArithText(lx, from, end);
    lx.pos = end + 2;
    this.has = false;
    this.lastEnd = end + 2;
    return { type: 'ArithCommand', expr, redirects: [], line };
  }

  parseSimple(line: number, start: number): Command {
    const lx = this.lx;
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    let decl = false;
    for (;;) {
      lx.assignOk = words.length === 0 || decl;
      const t = this.peek();
      if (t === T_REDIR) { redirects.push(this.parseRedirect()); continue; }
      if (t !== T_WORD) break;
      if (words.length === 0) {
        if (lx.tokAssign) { assignments.push(lx.tokAssign); this.consume(); continue; }
        if ((assignments.length || redirects.length) && this.opts.aliases && this.tryAlias()) continue;
        const w = lx.tokWord!;
        const wStart = lx.tokStart, wEnd = lx.tokEnd;
        this.consume();
        words.push(w);
        const name = literalOf(w);
        decl = name !== null && DECLARATION_BUILTINS.has(name);
        if (assignments.length === 0 && redirects.length === 0) {
          lx.assignOk = decl;
          if (this.peek() === T_LPAREN) return this.parseFunctionDef(lx.src.slice(wStart, wEnd), start, line);
        }
        continue;
      }
      const next = this.aliasNext;
      if (next && lx.tokStart >= next.end) {
        this.aliasNext = null;
        if (this.tryAlias()) continue;
      }
      const w = lx.tokWord!;
      if (lx.tokAssign && decl) w.assignment = lx.tokAssign;
      this.consume();
      words.push(w);
    }
    lx.assignOk = true;
    this.aliasNext = null;
    return { type: 'Simple', assignments, words, redirects, line };
  }

  /** `name () body`: the `(` is the current token. */
  parseFunctionDef(name: string, start: number, line: number): FunctionDef {
    this.consume();
    if (this.peek() !== T_RPAREN) throw this.nearError();
    this.consume();
    return this.functionBody(name, start, line);
  }

  /** The compound command of a function definition (newlines allowed before it). */
  functionBody(name: string, start: number, line: number): FunctionDef {
    const lx = this.lx;
    lx.assignOk = true;
    let t = this.skipNewlines();
    t = this.peekCmd();
    const kw = t === T_WORD ? literalOf(lx.tokWord!) : null;
    if (!(t === T_LPAREN || (kw !== null && COMPOUND_STARTS.has(kw)))) throw this.nearError();
    const body = this.parseCommand();
    return { type: 'FunctionDef', name, body, line, source: lx.src.slice(start, this.lastEnd) };
  }

  parseRedirects(list: Redirect[]): void {
    while (this.peek() === T_REDIR) list.push(this.parseRedirect());
  }

  parseRedirect(): Redirect {
    const lx = this.lx;
    const op = lx.tokOp, fd = lx.tokFd, fdVar = lx.tokFdVar;
    this.consume();
    const saved = lx.assignOk;
    lx.assignOk = false;
    if (this.peek() !== T_WORD) throw this.nearError();
    const r: Redirect = { op, target: lx.tokWord! };
    if (fd >= 0) r.fd = fd;
    if (fdVar !== null) r.fdVar = fdVar;
    if (op === '<<' || op === '<<-') {
      const { delim, quoted } = heredocDelimiter(lx.src.slice(lx.tokStart, lx.tokEnd));
      r.target = { type: 'Word', parts: [{ type: 'Literal', value: delim }] };
      r.heredoc = { body: { type: 'Word', parts: [] }, quoted };
      lx.addHeredoc(r, delim, op === '<<-', quoted);
    }
    this.consume();
    lx.assignOk = saved;
    return r;
  }
}

/** The here-doc delimiter after quote removal, and whether any part of it was quoted. */
export function heredocDelimiter(raw: string): { delim: string; quoted: boolean } {
  let delim = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "'") {
      quoted = true;
      const e = raw.indexOf("'", i + 1);
      delim += raw.slice(i + 1, e < 0 ? raw.length : e);
      i = e < 0 ? raw.length : e;
    } else if (c === '"') {
      quoted = true;
      i++;
      for (; i < raw.length && raw[i] !== '"'; i++) {
        if (raw[i] === '\\' && '$`"\\'.includes(raw[i + 1])) i++;
        delim += raw[i];
      }
    } else if (c === '\\') {
      quoted = true;
      if (i + 1 < raw.length) delim += raw[++i];
    } else if (c === '$' && (raw[i + 1] === "'" || raw[i + 1] === '"')) {
      quoted = true;
    } else {
      delim += c;
    }
  }
  return { delim, quoted };
}

/** Parses a whole script. */
export function parse(source: string, opts: ParseOptions = {}): Script {
  const p = new ShellParser(source, opts);
  const items: ListItem[] = [];
  for (let r = p.nextLine(); r !== null; r = p.nextLine()) for (const it of r) items.push(it);
  return { type: 'Script', items };
}

/**
 * Incremental parser: each next() parses one complete top-level command line (with its
 * here-doc bodies) and returns its list items, or null at end of input. Aliases and extglob
 * are consulted as each line is parsed, so definitions made by earlier lines apply.
 */
export class Parser {
  readonly #p: ShellParser;
  constructor(source: string, opts: ParseOptions = {}) {
    this.#p = new ShellParser(source, opts);
  }
  next(): ListItem[] | null {
    return this.#p.nextLine();
  }
}
