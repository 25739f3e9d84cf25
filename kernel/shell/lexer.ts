// The shell's tokenizer: a hand-written, char-level, context-sensitive lexer in bash's style.
// The parser drives it one token at a time and sets the context flags (assignOk, condMode, …)
// before asking for the next token. Words are built directly as AST parts by parse-word.ts.

import type { Assignment, Redirect, RedirectOp, Script, Word } from './ast.ts';
import { ShellSyntaxError } from './contracts.ts';
import { readWord, readHeredocBody, isNameStart, isNameChar } from './parse-word.ts';

export const T_EOF = 0;
export const T_NEWLINE = 1;
export const T_WORD = 2;
export const T_SEMI = 3;
export const T_AMP = 4;
export const T_PIPE = 5;
export const T_PIPEAMP = 6;
export const T_AND = 7;
export const T_OR = 8;
export const T_DSEMI = 9;
export const T_SEMIAMP = 10;
export const T_DSEMIAMP = 11;
export const T_LPAREN = 12;
export const T_RPAREN = 13;
export const T_REDIR = 14;
/** `<` / `>` inside `[[ … ]]` */
export const T_LESS = 15;
export const T_GREAT = 16;

const TOKEN_TEXT = ['', 'newline', '', ';', '&', '|', '|&', '&&', '||', ';;', ';&', ';;&', '(', ')', '', '<', '>'];

/** What the lexer needs from the parser: nested command parsing, options, warnings. */
export interface LexHost {
  /** Parses a `$(…)`/`<(…)` body from lx (positioned just after the `(`), leaving lx after the `)`. */
  parseComsub(lx: Lexer): Script;
  /** Parses a separate source text (a backquote body) starting at `line`. */
  parseNested(text: string, line: number): Script;
  extglob(): boolean;
  warn(message: string, line: number): void;
}

interface PendingHeredoc { redir: Redirect; delim: string; strip: boolean; quoted: boolean }

/** An alias expansion whose text is still being read (recursion protection / trailing-blank rule). */
export interface AliasRegion { name: string; end: number }

export class Lexer {
  src: string;
  pos = 0;
  readonly host: LexHost;
  readonly baseLine: number;
  /** False for sub-lexers (here-doc bodies) that must not invent the trailing newline bash adds. */
  readonly virtualNewline: boolean;
  #sentNewline = false;

  // ---- the current token ----
  tok = T_EOF;
  tokStart = 0;
  tokEnd = 0;
  tokWord: Word | null = null;
  /** For T_WORD: set when the word looks like `name=…`, `name+=…`, `name[i]=…` (or `name=(…)` arrays). */
  tokAssign: Assignment | null = null;
  tokOp: RedirectOp = '<';
  tokFd = -1;
  tokFdVar: string | null = null;

  // ---- context flags set by the parser before it asks for a token ----
  /** `name=(…)` array assignments (and spaces inside `name[…]=`) are allowed here. */
  assignOk = false;
  /** Inside `[[ … ]]`: `<`, `>`, `(`, `)` are operators; no redirections. */
  condMode = false;
  /** Right side of `=~`: `(…)` groups and `|` are literal parts of the word. */
  regexMode = false;
  /** Case patterns and `[[ x == pat ]]`: extglob groups are always recognised. */
  forcePattern = false;

  heredocs: PendingHeredoc[] = [];
  aliasRegions: AliasRegion[] = [];

  #lcPos = 0;
  #lcLine = 0;

  constructor(src: string, host: LexHost, baseLine = 1, virtualNewline = true) {
    this.src = src;
    this.host = host;
    this.baseLine = baseLine;
    this.virtualNewline = virtualNewline;
  }

  // ---- positions and lines ----

  /** 1-based line number (offset by baseLine) of source offset p. */
  lineAt(p: number): number {
    const s = this.src;
    let from = this.#lcPos, line = this.#lcLine;
    if (p < from) { from = 0; line = 0; }
    let i = s.indexOf('\n', from);
    while (i !== -1 && i < p) { line++; i = s.indexOf('\n', i + 1); }
    this.#lcPos = p;
    this.#lcLine = line;
    return this.baseLine + line;
  }

  /** The line bash reports for errors at end of input (it behaves as if a newline ended the text). */
  eofLine(): number {
    const s = this.src;
    const n = this.lineAt(s.length);
    return s.length > 0 && s.charCodeAt(s.length - 1) !== 10 && this.virtualNewline ? n + 1 : n;
  }

  sourceLineAt(p: number): string {
    const s = this.src;
    const start = p > 0 ? s.lastIndexOf('\n', p - 1) + 1 : 0;
    let end = s.indexOf('\n', p);
    if (end === -1) end = s.length;
    return s.slice(start, end);
  }

  /** Replaces src[start, end) with text (alias expansion); keeps alias regions' ends in step. */
  splice(start: number, end: number, text: string): void {
    const delta = text.length - (end - start);
    this.src = this.src.slice(0, start) + text + this.src.slice(end);
    for (const r of this.aliasRegions) if (r.end > start) r.end += delta;
    this.#lcPos = 0;
    this.#lcLine = 0;
    this.pos = start;
    this.#sentNewline = false;
  }

  // ---- errors ----

  eofError(what: string, line: number): ShellSyntaxError {
    return new ShellSyntaxError(`unexpected EOF while looking for matching \`${what}'`, line, '');
  }

  /** bash's "syntax error near unexpected token" for the current token. */
  nearError(): ShellSyntaxError {
    if (this.tok === T_EOF) return new ShellSyntaxError('syntax error: unexpected end of file', this.eofLine(), '');
    const line = this.lineAt(this.tokStart), src = this.sourceLineAt(this.tokStart);
    if (this.tok === T_REDIR && this.tokFdVar !== null) {
      return new ShellSyntaxError(`syntax error near \`{${this.tokFdVar}}${this.tokOp}'`, line, src);
    }
    const text = this.tok === T_REDIR && this.tokFd >= 0 ? String(this.tokFd) : this.tokenText();
    return new ShellSyntaxError(`syntax error near unexpected token \`${text}'`, line, src);
  }

  /** The text bash shows for the current token in error messages. */
  tokenText(): string {
    switch (this.tok) {
      case T_WORD: return this.src.slice(this.tokStart, this.tokEnd);
      case T_REDIR: return this.tokOp;
      case T_EOF: return 'EOF';
      default: return TOKEN_TEXT[this.tok];
    }
  }

  // ---- tokens ----

  /** Reads the next token into the tok* fields. */
  next(): number {
    const s = this.src;
    const len = s.length;
    let p = this.pos;
    // blanks, line continuations, comments
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 32 || c === 9) { p++; continue; }
      if (c === 92 && s.charCodeAt(p + 1) === 10) { p += 2; continue; }
      if (c === 35) { // '#'
        const nl = s.indexOf('\n', p);
        p = nl === -1 ? len : nl;
      }
      break;
    }
    this.pos = p;
    this.tokStart = p;
    this.tokWord = null;
    this.tokAssign = null;
    if (p >= len) {
      if (this.virtualNewline && !this.#sentNewline && len > 0 && s.charCodeAt(len - 1) !== 10) {
        this.#sentNewline = true;
        this.tokEnd = p;
        if (this.heredocs.length) this.readHeredocs();
        return this.tok = T_NEWLINE;
      }
      if (this.heredocs.length) this.readHeredocs();
      this.tokEnd = p;
      return this.tok = T_EOF;
    }
    const c = s.charCodeAt(p);
    let t: number;
    switch (c) {
      case 10: // newline
        this.pos = p + 1;
        this.tokEnd = p + 1;
        if (this.heredocs.length) this.readHeredocs();
        return this.tok = T_NEWLINE;
      case 59: { // ;
        const [, c1, c2] = this.#opScan(p);
        if (c1 === 59) t = c2 === 38 ? T_DSEMIAMP : T_DSEMI;
        else t = c1 === 38 ? T_SEMIAMP : T_SEMI;
        return this.#op(t, t === T_SEMI ? 1 : t === T_DSEMIAMP ? 3 : 2);
      }
      case 38: { // &
        const [, c1, c2] = this.#opScan(p);
        if (c1 === 38) return this.#op(T_AND, 2);
        if (c1 === 62 && !this.condMode) return c2 === 62 ? this.#redir('&>>', 3, -1, null) : this.#redir('&>', 2, -1, null);
        return this.#op(T_AMP, 1);
      }
      case 124: { // |
        if (this.regexMode) break;
        const [, c1] = this.#opScan(p);
        if (c1 === 124) return this.#op(T_OR, 2);
        if (c1 === 38) return this.#op(T_PIPEAMP, 2);
        return this.#op(T_PIPE, 1);
      }
      case 40:
        if (this.regexMode) break;
        return this.#op(T_LPAREN, 1, false);
      case 41: return this.#op(T_RPAREN, 1, false);
      case 60: case 62: // < >
        if (s.charCodeAt(p + 1) === 40) break; // process substitution: a word
        if (this.condMode) return this.#op(c === 60 ? T_LESS : T_GREAT, 1, false);
        return this.#redirOp(p, -1, null);
      default:
        if (!this.condMode) {
          if (c >= 48 && c <= 57) { // digits then < or > : an fd number
            let e = p + 1;
            while (e < len && s.charCodeAt(e) >= 48 && s.charCodeAt(e) <= 57) e++;
            const d = s.charCodeAt(e);
            if ((d === 60 || d === 62) && s.charCodeAt(e + 1) !== 40) return this.#redirOp(e, Number(s.slice(p, e)), null);
          } else if (c === 123 && isNameStart(s.charCodeAt(p + 1))) { // {var}< or {var}>
            let e = p + 2;
            while (e < len && isNameChar(s.charCodeAt(e))) e++;
            if (s.charCodeAt(e) === 125) {
              const d = s.charCodeAt(e + 1);
              if ((d === 60 || d === 62) && s.charCodeAt(e + 2) !== 40) return this.#redirOp(e + 1, -1, s.slice(p + 1, e));
            }
          }
        }
    }
    readWord(this);
    this.tokEnd = this.pos;
    return this.tok = T_WORD;
  }

  /** Offsets of the (up to 4) operator characters starting at p: bash joins them across backslash-newlines. */
  readonly #at = [0, 0, 0, 0];
  readonly #ch = [0, 0, 0, 0];

  #opScan(p: number): number[] {
    const s = this.src;
    let q = p;
    for (let k = 0; k < 4; k++) {
      if (k > 0) while (s.charCodeAt(q) === 92 && s.charCodeAt(q + 1) === 10) q += 2;
      this.#at[k] = q;
      this.#ch[k] = s.charCodeAt(q);
      q++;
    }
    return this.#ch;
  }

  /** Ends an operator token of n characters (as found by #opScan unless scanned is false). */
  #op(t: number, n: number, scanned = true): number {
    this.pos = scanned ? this.#at[n] : this.tokStart + n;
    this.tokEnd = this.pos;
    return this.tok = t;
  }

  #redir(op: RedirectOp, n: number, fd: number, fdVar: string | null): number {
    this.tokOp = op;
    this.tokFd = fd;
    this.tokFdVar = fdVar;
    this.pos = this.#at[n];
    this.tokEnd = this.pos;
    return this.tok = T_REDIR;
  }

  /** A redirection operator at p (after any fd number / {var}). */
  #redirOp(p: number, fd: number, fdVar: string | null): number {
    const [c, c1, c2] = this.#opScan(p);
    let op: RedirectOp, n: number;
    if (c === 60) {
      if (c1 === 60) {
        if (c2 === 60) { op = '<<<'; n = 3; } else if (c2 === 45) { op = '<<-'; n = 3; } else { op = '<<'; n = 2; }
      } else if (c1 === 38) { op = '<&'; n = 2; } else if (c1 === 62) { op = '<>'; n = 2; } else { op = '<'; n = 1; }
    } else {
      if (c1 === 62) { op = '>>'; n = 2; } else if (c1 === 38) { op = '>&'; n = 2; } else if (c1 === 124) { op = '>|'; n = 2; } else { op = '>'; n = 1; }
    }
    return this.#redir(op, n, fd, fdVar);
  }

  // ---- here-documents ----

  addHeredoc(redir: Redirect, delim: string, strip: boolean, quoted: boolean): void {
    this.heredocs.push({ redir, delim, strip, quoted });
  }

  /** Reads the bodies of all pending here-documents, starting at pos (just after a newline). */
  readHeredocs(): void {
    const list = this.heredocs;
    this.heredocs = [];
    const s = this.src;
    const len = s.length;
    for (const h of list) {
      const bodyLine = this.lineAt(this.pos);
      const startLine = this.lineAt(this.pos > 0 ? this.pos - 1 : 0);
      let body = '';
      let p = this.pos;
      let found = false;
      while (p < len) {
        let e = s.indexOf('\n', p);
        if (e === -1) e = len;
        let line = s.slice(p, e);
        p = e + 1;
        if (h.strip) line = stripTabs(line);
        if (!h.quoted) {
          // backslash-newline joins lines before the delimiter is checked
          while (p <= len && endsWithOddBackslashes(line)) {
            if (p >= len) { line = line.slice(0, -1); break; }
            let e2 = s.indexOf('\n', p);
            if (e2 === -1) e2 = len;
            let more = s.slice(p, e2);
            if (h.strip) more = stripTabs(more);
            line = line.slice(0, -1) + more;
            p = e2 + 1;
          }
        }
        if (line === h.delim) { found = true; break; }
        body += line + '\n';
      }
      if (p > len) p = len;
      this.pos = p;
      if (!found) {
        const last = this.lineAt(len) - (len > 0 && s.charCodeAt(len - 1) === 10 ? 1 : 0);
        this.host.warn(`warning: here-document at line ${startLine} delimited by end-of-file (wanted \`${h.delim}')`, Math.max(last, startLine));
      }
      const word: Word = h.quoted || body === ''
        ? { type: 'Word', parts: body === '' ? [] : [{ type: 'Literal', value: body }] }
        : readHeredocBody(this, body, bodyLine);
      h.redir.heredoc = { body: word, quoted: h.quoted };
    }
  }
}

function stripTabs(line: string): string {
  let i = 0;
  while (line.charCodeAt(i) === 9) i++;
  return i ? line.slice(i) : line;
}

function endsWithOddBackslashes(line: string): boolean {
  let n = 0;
  for (let i = line.length - 1; i >= 0 && line.charCodeAt(i) === 92; i--) n++;
  return (n & 1) === 1;
}
