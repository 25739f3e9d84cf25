// Word-level parsing: quoting, $-expansions (${…} with every operator), $(…), `…`, $((…)),
// tildes, assignment words and array literals, extglob groups, here-document bodies.
// Functions take the Lexer and advance lx.pos; a nested `$(…)` may splice aliases into lx.src,
// so callers re-read lx.src after any call that can parse commands.

import type { ArrayElement, Assignment, ParamOp, ParamPart, Word, WordPart } from './ast.ts';
import { ShellSyntaxError } from './contracts.ts';
import { Lexer } from './lexer.ts';

// ---- character classes ----

const META = 1;     // ends an unquoted word: blank, newline, ; & | < > ( )
const SPECIAL = 2;  // starts a quoting or expansion construct: \ ' " $ `
const CLS = new Uint8Array(128);
for (const ch of ' \t\n;&|<>()') CLS[ch.charCodeAt(0)] = META;
for (const ch of '\\\'"$`') CLS[ch.charCodeAt(0)] = SPECIAL;

export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
export function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
/** Single-character special parameters: @ * # ? - $ ! */
function isSpecialParam(c: number): boolean {
  return c === 64 || c === 42 || c === 35 || c === 63 || c === 45 || c === 36 || c === 33;
}
export function isIdentifier(s: string): boolean {
  if (s.length === 0 || !isNameStart(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) if (!isNameChar(s.charCodeAt(i))) return false;
  return true;
}
function isExtglobChar(c: number): boolean { return c === 64 || c === 42 || c === 43 || c === 63 || c === 33; }

// contexts for $-expansions
const CTX_UNQ = 0;
const CTX_DQ = 1;
const CTX_HEREDOC = 2;

// sub-word modes
const SW_UNQ = 0;      // like an unquoted word, but blanks and metacharacters are literal
const SW_DQ = 1;       // double-quote rules (' literal, " nests)
const SW_ARITH = 2;    // arithmetic text: like SW_DQ
const SW_HEREDOC = 3;  // here-doc body: only $ ` \ are special; \ escapes $ ` \ newline

function lit(value: string): WordPart { return { type: 'Literal', value }; }

function pushPart(parts: WordPart[], x: WordPart): void {
  if (x.type === 'Literal') pushLit(parts, x.value); else parts.push(x);
}

function pushLit(parts: WordPart[], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.type === 'Literal') parts[parts.length - 1] = lit(last.value + text);
  else parts.push(lit(text));
}

// ---- shell words ----

/** Reads one word at lx.pos into lx.tokWord (and lx.tokAssign when it looks like an assignment). */
export function readWord(lx: Lexer): void {
  let s = lx.src;
  let len = s.length;
  let p = lx.pos;
  const start = p;
  const parts: WordPart[] = [];
  let text = '';
  let prefix: WordPart[] | null = null;
  let assign: Assignment | null = null;
  let inAssign = false;
  let depth = 0; // inside an extglob / regex (…) group: metacharacters are literal
  const c0 = s.charCodeAt(p);

  if (isNameStart(c0)) {
    let e = p + 1;
    while (e < len && isNameChar(s.charCodeAt(e))) e++;
    const c = s.charCodeAt(e);
    if (c === 61 || c === 91 || (c === 43 && s.charCodeAt(e + 1) === 61)) {
      const name = s.slice(p, e);
      let index: Word | null = null;
      let q = e;
      if (c === 91) {
        lx.pos = e + 1;
        index = readSubscript(lx, lx.assignOk);
        s = lx.src; len = s.length;
        q = index ? lx.pos : -1;
      }
      let append = false;
      if (q >= 0 && s.charCodeAt(q) === 43 && s.charCodeAt(q + 1) === 61) { append = true; q += 2; }
      else if (q >= 0 && s.charCodeAt(q) === 61) q += 1;
      else q = -1;
      if (q >= 0) {
        prefix = [];
        if (index) { prefix.push(lit(name + '[')); for (const x of index.parts) pushPart(prefix, x); pushLit(prefix, append ? ']+=' : ']='); }
        else prefix.push(lit(name + (append ? '+=' : '=')));
        assign = { name, append, value: null };
        if (index) assign.index = index;
        p = q;
        inAssign = true;
        if (s.charCodeAt(p) === 40 && lx.assignOk) {
          lx.pos = p;
          const elements = readArray(lx);
          s = lx.src; len = s.length;
          assign.array = elements;
          pushLit(prefix, '(');
          elements.forEach((el, i) => {
            if (i) pushLit(prefix!, ' ');
            if (el.index) { pushLit(prefix!, '['); for (const x of el.index.parts) pushPart(prefix!, x); pushLit(prefix!, ']='); }
            for (const x of el.value.parts) pushPart(prefix!, x);
          });
          pushLit(prefix, ')');
          lx.tokWord = { type: 'Word', parts: prefix };
          lx.tokAssign = assign;
          return;
        }
      } else {
        p = start;
        lx.pos = start;
      }
    }
  }

  // a tilde prefix at the start of the word or of an assignment value
  if (s.charCodeAt(p) === 126) {
    const e = tildeEnd(s, p, inAssign);
    if (e >= 0) { parts.push({ type: 'Tilde', user: s.slice(p + 1, e) }); p = e; }
  }

  for (;;) {
    const c = s.charCodeAt(p);
    if (c !== c) break; // end of input
    if (c >= 128 || (CLS[c] === 0 && !(c === 58 && inAssign))) {
      let e = p + 1;
      while (e < len) {
        const d = s.charCodeAt(e);
        if (d < 128 && (CLS[d] !== 0 || (d === 58 && inAssign))) break;
        e++;
      }
      text += s.slice(p, e);
      p = e;
      continue;
    }
    if (CLS[c] === META) {
      if (c === 40) { // (
        if (depth > 0 || lx.regexMode ||
            (text.length > 0 && isExtglobChar(text.charCodeAt(text.length - 1)) && (lx.forcePattern || lx.host.extglob()))) {
          depth++; text += '('; p++; continue;
        }
        break;
      }
      if (c === 41) { if (depth > 0) { depth--; text += ')'; p++; continue; } break; }
      if ((c === 60 || c === 62) && s.charCodeAt(p + 1) === 40) { // <( >(
        if (text) { pushLit(parts, text); text = ''; }
        lx.pos = p + 2;
        const body = lx.host.parseComsub(lx);
        s = lx.src; len = s.length; p = lx.pos;
        parts.push({ type: 'ProcessSub', direction: c === 60 ? '<' : '>', body });
        continue;
      }
      if (depth > 0 || (c === 124 && lx.regexMode)) { text += s[p]; p++; continue; }
      break;
    }
    switch (c) {
      case 58: // ':' in an assignment value: a tilde may follow
        text += ':';
        p++;
        if (s.charCodeAt(p) === 126) {
          const e = tildeEnd(s, p, true);
          if (e >= 0) {
            if (text) { pushLit(parts, text); text = ''; }
            parts.push({ type: 'Tilde', user: s.slice(p + 1, e) });
            p = e;
          }
        }
        continue;
      case 92: { // backslash
        const n = s.charCodeAt(p + 1);
        if (n === 10) { p += 2; continue; }
        if (n !== n) { text += '\\'; p++; continue; }
        if (text) { pushLit(parts, text); text = ''; }
        const w = n >= 0xd800 && n <= 0xdbff ? 3 : 2;
        parts.push({ type: 'Escaped', value: s.slice(p + 1, p + w) });
        p += w;
        continue;
      }
      case 39: { // '
        const e = s.indexOf("'", p + 1);
        if (e === -1) throw lx.eofError("'", lx.lineAt(p));
        if (text) { pushLit(parts, text); text = ''; }
        parts.push({ type: 'SingleQuoted', value: s.slice(p + 1, e) });
        p = e + 1;
        continue;
      }
      case 34: { // "
        if (text) { pushLit(parts, text); text = ''; }
        lx.pos = p;
        parts.push(readDQ(lx));
        s = lx.src; len = s.length; p = lx.pos;
        continue;
      }
      case 36: { // $
        lx.pos = p;
        const part = readDollar(lx, CTX_UNQ);
        s = lx.src; len = s.length;
        if (part) {
          if (text) { pushLit(parts, text); text = ''; }
          parts.push(part);
          p = lx.pos;
        } else { text += '$'; p++; }
        continue;
      }
      default: { // `
        if (text) { pushLit(parts, text); text = ''; }
        lx.pos = p;
        parts.push(readBackquote(lx, false));
        p = lx.pos;
      }
    }
  }
  if (depth > 0) throw lx.eofError(')', lx.lineAt(start));
  if (text) { if (parts.length === 0) parts.push({ type: 'Literal', value: text }); else pushLit(parts, text); }
  lx.pos = p;
  if (prefix && assign) {
    assign.value = { type: 'Word', parts };
    const all = prefix.slice();
    for (const x of parts) pushPart(all, x);
    lx.tokWord = { type: 'Word', parts: all };
    lx.tokAssign = assign;
  } else {
    lx.tokWord = { type: 'Word', parts };
    lx.tokAssign = null;
  }
}

/** End of a tilde prefix starting at p (the `~`), or -1 when the prefix contains quoting/expansions. */
function tildeEnd(s: string, p: number, inAssign: boolean): number {
  let e = p + 1;
  for (; e < s.length; e++) {
    const d = s.charCodeAt(e);
    if (d === 47 || (inAssign && d === 58)) break;
    if (d < 128 && CLS[d] !== 0) {
      if (CLS[d] === META) break;
      return -1;
    }
  }
  return e;
}

/** `name=(…)`: lx.pos at `(`; returns the elements, lx.pos after `)`. */
function readArray(lx: Lexer): ArrayElement[] {
  const startLine = lx.lineAt(lx.pos);
  const saved = lx.assignOk;
  lx.assignOk = false;
  const elements: ArrayElement[] = [];
  let p = lx.pos + 1;
  for (;;) {
    const s = lx.src;
    let c = s.charCodeAt(p);
    while (c === 32 || c === 9 || c === 10 || (c === 92 && s.charCodeAt(p + 1) === 10)) { p += c === 92 ? 2 : 1; c = s.charCodeAt(p); }
    if (c === 35) { const nl = s.indexOf('\n', p); p = nl === -1 ? s.length : nl; continue; }
    if (c !== c) { lx.assignOk = saved; throw lx.eofError(')', startLine); }
    if (c === 41) { p++; break; }
    if (c < 128 && CLS[c] === META && !((c === 60 || c === 62) && s.charCodeAt(p + 1) === 40)) {
      lx.assignOk = saved;
      let t = s[p];
      const n = s[p + 1];
      if ((c === 59 && (n === ';' || n === '&')) || (c === 38 && (n === '&' || n === '>')) || (c === 124 && (n === '|' || n === '&'))) t += n;
      throw new ShellSyntaxError(`syntax error near unexpected token \`${t}'`, lx.lineAt(p), lx.sourceLineAt(p));
    }
    let index: Word | null = null;
    if (c === 91) {
      lx.pos = p + 1;
      index = readSubscript(lx, true);
      if (index && lx.src.charCodeAt(lx.pos) === 61) p = lx.pos + 1;
      else index = null;
    }
    lx.pos = p;
    readWord(lx);
    p = lx.pos;
    elements.push({ index, value: lx.tokWord! });
  }
  lx.assignOk = saved;
  lx.pos = p;
  return elements;
}

/** `[…]` subscript: lx.pos just after `[`; returns the word with lx.pos after `]`, or null. */
function readSubscript(lx: Lexer, allowBlank: boolean): Word | null {
  const w = readSubWord(lx, SW_UNQ, ']', allowBlank ? SUB_BRACKETS : SUB_BRACKETS | SUB_NOBLANK);
  if (w) lx.pos++;
  return w;
}

// ---- double quotes, $, backquotes ----

function readDQ(lx: Lexer): WordPart {
  const startLine = lx.lineAt(lx.pos);
  let s = lx.src;
  let p = lx.pos + 1;
  const parts: WordPart[] = [];
  let text = '';
  for (;;) {
    const c = s.charCodeAt(p);
    if (c !== c) throw lx.eofError('"', startLine);
    if (c === 34) { p++; break; }
    if (c === 92) {
      const n = s.charCodeAt(p + 1);
      if (n === 36 || n === 96 || n === 34 || n === 92) { text += s[p + 1]; p += 2; continue; }
      if (n === 10) { p += 2; continue; }
      text += '\\'; p++;
      continue;
    }
    if (c === 36) {
      lx.pos = p;
      const part = readDollar(lx, CTX_DQ);
      s = lx.src;
      if (part) { if (text) { pushLit(parts, text); text = ''; } parts.push(part); p = lx.pos; } else { text += '$'; p++; }
      continue;
    }
    if (c === 96) {
      if (text) { pushLit(parts, text); text = ''; }
      lx.pos = p;
      parts.push(readBackquote(lx, true));
      p = lx.pos;
      continue;
    }
    let e = p + 1;
    while (e < s.length) { const d = s.charCodeAt(e); if (d === 34 || d === 92 || d === 36 || d === 96) break; e++; }
    text += s.slice(p, e);
    p = e;
  }
  if (text) pushLit(parts, text);
  lx.pos = p;
  return { type: 'DoubleQuoted', parts };
}

/** A `$…` construct at lx.pos; null when the `$` is literal. */
function readDollar(lx: Lexer, ctx: number): WordPart | null {
  const s = lx.src;
  const p = lx.pos;
  const n = s.charCodeAt(p + 1);
  if (n === 40) { // (
    if (s.charCodeAt(p + 2) === 40) {
      const end = scanArith(s, p + 3);
      if (end === -2) throw lx.eofError(')', lx.lineAt(p));
      if (end >= 0) {
        const expr = readArithText(lx, p + 3, end);
        lx.pos = end + 2;
        return { type: 'Arith', expr };
      }
    }
    lx.pos = p + 2;
    const body = lx.host.parseComsub(lx);
    return { type: 'CommandSub', body, backquote: false };
  }
  if (n === 123) return readBraceParam(lx, ctx);
  if (n === 91) { // $[ … ]
    let depth = 0, e = p + 2;
    for (; e < s.length; e++) {
      const d = s.charCodeAt(e);
      if (d === 91) depth++;
      else if (d === 93) { if (depth === 0) break; depth--; }
    }
    if (e >= s.length) throw lx.eofError(']', lx.lineAt(p));
    const expr = readArithText(lx, p + 2, e);
    lx.pos = e + 1;
    return { type: 'Arith', expr };
  }
  if (n === 39 && ctx === CTX_UNQ) return readAnsiC(lx);
  if (n === 34 && ctx === CTX_UNQ) { lx.pos = p + 1; return readDQ(lx); }
  if (isNameStart(n)) {
    let e = p + 2;
    while (e < s.length && isNameChar(s.charCodeAt(e))) e++;
    lx.pos = e;
    return { type: 'Param', name: s.slice(p + 1, e), braced: false };
  }
  if (isDigit(n) || isSpecialParam(n)) {
    lx.pos = p + 2;
    return { type: 'Param', name: s[p + 1], braced: false };
  }
  return null;
}

/**
 * Finds the `))` closing `$((`/`((` text starting at p: the index of its first `)`; -1 when the
 * parens don't pair up that way (a nested subshell), -2 at end of input.
 */
export function scanArith(s: string, p: number): number {
  let depth = 0;
  const len = s.length;
  while (p < len) {
    const c = s.charCodeAt(p);
    if (c === 92) { p += 2; continue; }
    if (c === 39 || c === 96) { const e = s.indexOf(s[p], p + 1); if (e === -1) return -2; p = e + 1; continue; }
    if (c === 34) {
      p++;
      while (p < len && s.charCodeAt(p) !== 34) p += s.charCodeAt(p) === 92 ? 2 : 1;
      p++;
      continue;
    }
    if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) return s.charCodeAt(p + 1) === 41 ? p : -1;
      depth--;
    }
    p++;
  }
  return -2;
}

/** Arithmetic text between start and end as a Word (expansions inside are parsed). */
export function readArithText(lx: Lexer, start: number, end: number): Word {
  lx.pos = start;
  return readSubWord(lx, SW_ARITH, '', 0, end)!;
}

function readBackquote(lx: Lexer, inDQ: boolean): WordPart {
  const s = lx.src;
  const start = lx.pos;
  let p = start + 1;
  let text = '';
  for (;;) {
    const c = s.charCodeAt(p);
    if (c !== c) throw lx.eofError('`', lx.lineAt(start));
    if (c === 96) { p++; break; }
    if (c === 92) {
      const n = s.charCodeAt(p + 1);
      if (n === 36 || n === 96 || n === 92 || (n === 34 && inDQ)) { text += s[p + 1]; p += 2; continue; }
      text += '\\'; p++;
      continue;
    }
    let e = p + 1;
    while (e < s.length) { const d = s.charCodeAt(e); if (d === 96 || d === 92) break; e++; }
    text += s.slice(p, e);
    p = e;
  }
  lx.pos = p;
  const body = lx.host.parseNested(text, lx.lineAt(start));
  return { type: 'CommandSub', body, backquote: true };
}

// ---- ${…} ----

/** End of a parameter name at p inside `${`: identifier, digits, or one special char; -1 if none. */
function scanParamName(s: string, p: number): number {
  const c = s.charCodeAt(p);
  if (isNameStart(c)) { let e = p + 1; while (e < s.length && isNameChar(s.charCodeAt(e))) e++; return e; }
  if (isDigit(c)) { let e = p + 1; while (e < s.length && isDigit(s.charCodeAt(e))) e++; return e; }
  if (isSpecialParam(c)) return p + 1;
  return -1;
}

function isAtOrStar(w: Word): boolean {
  if (w.parts.length !== 1) return false;
  const x = w.parts[0];
  return x.type === 'Literal' && (x.value === '@' || x.value === '*');
}

function readBraceParam(lx: Lexer, ctx: number): ParamPart {
  const start = lx.pos;
  let s = lx.src;
  const p = start + 2;
  const c = s.charCodeAt(p);
  const wordMode = ctx === CTX_UNQ ? SW_UNQ : SW_DQ;

  if (c === 35) { // ${#…}
    if (s.charCodeAt(p + 1) === 125) { lx.pos = p + 2; return { type: 'Param', name: '#', braced: true }; }
    const r = scanParamName(s, p + 1);
    if (r > 0) {
      const name = s.slice(p + 1, r);
      let q = r;
      let index: Word | null = null;
      if (s.charCodeAt(q) === 91 && isIdentifier(name)) {
        lx.pos = q + 1;
        index = readSubscript(lx, true);
        s = lx.src;
        q = index ? lx.pos : -1;
      }
      if (q >= 0 && s.charCodeAt(q) === 125) {
        lx.pos = q + 1;
        const part: ParamPart = { type: 'Param', name, op: { op: 'length' }, braced: true };
        if (index) part.index = index;
        return part;
      }
    }
    return readParamOp(lx, start, { type: 'Param', name: '#', braced: true }, p + 1, wordMode);
  }

  if (c === 33 && s.charCodeAt(p + 1) !== 125) { // ${!…}
    const r = scanParamName(s, p + 1);
    if (r < 0) return badSubstitution(lx, start);
    const name = s.slice(p + 1, r);
    const part: ParamPart = { type: 'Param', name, indirect: true, braced: true };
    let q = r;
    if (isIdentifier(name)) {
      const d = s.charCodeAt(r);
      if ((d === 42 || d === 64) && s.charCodeAt(r + 1) === 125) {
        lx.pos = r + 2;
        return { type: 'Param', name, op: { op: 'prefixNames', star: d === 42 }, braced: true };
      }
      if (d === 91) {
        lx.pos = r + 1;
        const index = readSubscript(lx, true);
        s = lx.src;
        if (!index) return badSubstitution(lx, start);
        q = lx.pos;
        if (isAtOrStar(index) && s.charCodeAt(q) === 125) {
          lx.pos = q + 1;
          return { type: 'Param', name, index, op: { op: 'keys', star: (index.parts[0] as { value: string }).value === '*' }, braced: true };
        }
        part.index = index;
      }
    }
    return readParamOp(lx, start, part, q, wordMode);
  }

  const r = scanParamName(s, p);
  if (r < 0) return badSubstitution(lx, start);
  const name = s.slice(p, r);
  const part: ParamPart = { type: 'Param', name, braced: true };
  let q = r;
  if (s.charCodeAt(q) === 91 && isIdentifier(name)) {
    lx.pos = q + 1;
    const index = readSubscript(lx, true);
    if (!index) return badSubstitution(lx, start);
    part.index = index;
    q = lx.pos;
  }
  return readParamOp(lx, start, part, q, wordMode);
}

/** Parses the operator part of `${…}` at q, fills part.op, and consumes the closing `}`. */
function readParamOp(lx: Lexer, start: number, part: ParamPart, q: number, wordMode: number): ParamPart {
  const s = lx.src;
  const c = s.charCodeAt(q);
  let op: ParamOp;
  const word = (from: number, stops: string, flags: number, mode = wordMode): Word => {
    lx.pos = from;
    const w = readSubWord(lx, mode, stops, flags);
    if (!w) throw lx.eofError('}', lx.lineAt(start));
    return w;
  };
  switch (c) {
    case 125: lx.pos = q + 1; return part;
    case 58: { // :
      const n = s.charCodeAt(q + 1);
      if (n === 45 || n === 61 || n === 63 || n === 43) {
        op = { op: DEFAULT_OPS[n], colon: true, word: word(q + 2, '}', SUB_TILDE) };
      } else {
        const offset = word(q + 1, ':}', SUB_TERNARY);
        let length: Word | null = null;
        if (lx.src.charCodeAt(lx.pos) === 58) length = word(lx.pos + 1, '}', 0);
        op = { op: 'substring', offset, length };
      }
      break;
    }
    case 45: case 61: case 63: case 43: // - = ? +
      op = { op: DEFAULT_OPS[c], colon: false, word: word(q + 1, '}', SUB_TILDE) };
      break;
    case 35: case 37: { // # %
      const longest = s.charCodeAt(q + 1) === c;
      const pattern = word(q + (longest ? 2 : 1), '}', SUB_TILDE, SW_UNQ);
      op = { op: c === 35 ? 'removePrefix' : 'removeSuffix', longest, pattern };
      break;
    }
    case 47: { // /
      const n = s.charCodeAt(q + 1);
      const mode = n === 47 ? 'all' : n === 35 ? 'prefix' : n === 37 ? 'suffix' : 'first';
      const pattern = word(q + (mode === 'first' ? 1 : 2), '/}', SUB_TILDE, SW_UNQ);
      let replacement: Word | null = null;
      if (lx.src.charCodeAt(lx.pos) === 47) replacement = word(lx.pos + 1, '}', SUB_TILDE, SW_UNQ);
      op = { op: 'replace', mode, pattern, replacement };
      break;
    }
    case 94: case 44: case 126: { // ^ , ~
      const twice = s.charCodeAt(q + 1) === c;
      const mode = c === 94 ? (twice ? 'upperAll' : 'upperFirst') : c === 44 ? (twice ? 'lowerAll' : 'lowerFirst') : (twice ? 'toggleAll' : 'toggleFirst');
      const pat = word(q + (twice ? 2 : 1), '}', 0, SW_UNQ);
      op = { op: 'case', mode, pattern: pat.parts.length ? pat : null };
      break;
    }
    case 64: { // @X
      const letter = s[q + 1];
      if (letter && 'UuLQEPAKak'.includes(letter) && s.charCodeAt(q + 2) === 125) {
        lx.pos = q + 3;
        part.op = { op: 'transform', letter };
        return part;
      }
      return badSubstitution(lx, start);
    }
    default:
      return badSubstitution(lx, start);
  }
  if (lx.src.charCodeAt(lx.pos) !== 125) throw lx.eofError('}', lx.lineAt(start));
  lx.pos++;
  part.op = op;
  return part;
}

const DEFAULT_OPS: Record<number, 'default' | 'assign' | 'error' | 'alternate'> = { 45: 'default', 61: 'assign', 63: 'error', 43: 'alternate' };

/**
 * `${…}` that is not a valid parameter expansion. bash reports "bad substitution" only when the
 * word is expanded, so it is represented as a braced ParamPart whose name is the raw text between
 * the braces (never a valid parameter name); the expander reports `${<name>}: bad substitution`.
 */
function badSubstitution(lx: Lexer, start: number): ParamPart {
  lx.pos = start + 2;
  const w = readSubWord(lx, SW_UNQ, '}', 0);
  if (!w) throw lx.eofError('}', lx.lineAt(start));
  const name = lx.src.slice(start + 2, lx.pos);
  lx.pos++;
  return { type: 'Param', name, braced: true };
}

// ---- sub-words (operator arguments, subscripts, arithmetic text, here-doc bodies) ----

const SUB_TILDE = 1;     // tilde prefix allowed at the start
const SUB_TERNARY = 2;   // `?`…`:` pairs don't stop at `:` (substring offsets)
const SUB_BRACKETS = 4;  // nested [ ] are counted (subscripts)
const SUB_NOBLANK = 8;   // fail on unquoted blanks (subscripts outside assignment context)

/**
 * Reads parts until an unquoted char of `stops` (not consumed) at nesting depth 0, or until
 * `limit`. Returns null at end of input (or at an unquoted newline/blank for subscripts).
 */
function readSubWord(lx: Lexer, mode: number, stops: string, flags: number, limit = -1): Word | null {
  let s = lx.src;
  let p = lx.pos;
  const end = limit >= 0 ? limit : s.length;
  const parts: WordPart[] = [];
  let text = '';
  let brackets = 0, ternary = 0, parens = 0;
  const flush = (): void => { if (text) { pushLit(parts, text); text = ''; } };
  if ((flags & SUB_TILDE) && mode === SW_UNQ && s.charCodeAt(p) === 126) {
    let e = p + 1;
    for (; e < end; e++) {
      const d = s.charCodeAt(e);
      if (d === 47 || stops.includes(s[e])) break;
      if (d < 128 && CLS[d] === SPECIAL) { e = -1; break; }
    }
    if (e >= 0 && e < end) {
      parts.push({ type: 'Tilde', user: s.slice(p + 1, e) });
      p = e;
    }
  }
  for (;;) {
    if (p >= end) {
      if (limit >= 0) break;
      return null;
    }
    const c = s.charCodeAt(p);
    // stop characters
    if (stops && brackets === 0 && stops.includes(s[p])) {
      if (!(c === 58 && (flags & SUB_TERNARY) && (ternary > 0 || parens > 0))) break;
      if (ternary > 0) ternary--;
      text += ':'; p++;
      continue;
    }
    if (flags & SUB_BRACKETS) {
      if (c === 91) brackets++;
      else if (c === 93) brackets--;
      else if (c === 10) return null;
      else if ((flags & SUB_NOBLANK) && c < 128 && CLS[c] === META) return null;
    }
    if (flags & SUB_TERNARY) {
      if (c === 63) ternary++;
      else if (c === 40) parens++;
      else if (c === 41 && parens > 0) parens--;
    }
    switch (c) {
      case 92: { // backslash
        const n = s.charCodeAt(p + 1);
        if (n === 10) { p += 2; continue; }
        if (n !== n || p + 1 >= end) { text += '\\'; p++; continue; }
        if (mode === SW_UNQ) {
          flush();
          const w = n >= 0xd800 && n <= 0xdbff ? 3 : 2;
          parts.push({ type: 'Escaped', value: s.slice(p + 1, p + w) });
          p += w;
        } else if (mode === SW_HEREDOC) {
          if (n === 36 || n === 96 || n === 92) { flush(); parts.push({ type: 'Escaped', value: s[p + 1] }); p += 2; } else { text += '\\'; p++; }
        } else if (n === 36 || n === 96 || n === 34 || n === 92 || (n === 125 && stops.includes('}'))) {
          text += s[p + 1]; p += 2;
        } else { text += '\\'; p++; }
        continue;
      }
      case 39: // '
        if (mode === SW_UNQ) {
          const e = s.indexOf("'", p + 1);
          if (e === -1 || e >= end) throw lx.eofError("'", lx.lineAt(p));
          flush();
          parts.push({ type: 'SingleQuoted', value: s.slice(p + 1, e) });
          p = e + 1;
          continue;
        }
        break;
      case 34: // "
        if (mode !== SW_HEREDOC) {
          flush();
          lx.pos = p;
          parts.push(readDQ(lx));
          s = lx.src; p = lx.pos;
          continue;
        }
        break;
      case 36: { // $
        lx.pos = p;
        const part = readDollar(lx, mode === SW_UNQ ? CTX_UNQ : mode === SW_HEREDOC ? CTX_HEREDOC : CTX_DQ);
        s = lx.src;
        if (part) { flush(); parts.push(part); p = lx.pos; continue; }
        text += '$'; p++;
        continue;
      }
      case 96: // `
        flush();
        lx.pos = p;
        parts.push(readBackquote(lx, mode === SW_DQ || mode === SW_ARITH));
        p = lx.pos;
        continue;
    }
    text += s[p];
    p++;
  }
  flush();
  lx.pos = p;
  return { type: 'Word', parts };
}

/** An unquoted here-document body as a Word (parsed by a sub-lexer over the body text). */
export function readHeredocBody(lx: Lexer, body: string, line: number): Word {
  const sub = new Lexer(body, lx.host, line, false);
  return readSubWord(sub, SW_HEREDOC, '', 0, body.length)!;
}

// ---- $'…' ----

function readAnsiC(lx: Lexer): WordPart {
  const s = lx.src;
  const start = lx.pos;
  let p = start + 2;
  let out = '';
  let bytes: number[] | null = null;
  let truncated = false;
  const flushBytes = (): void => { if (bytes) { out += decodeUtf8(bytes); bytes = null; } };
  const addByte = (b: number): void => {
    b &= 0xff;
    if (b === 0) { truncated = true; return; }
    (bytes ??= []).push(b);
  };
  const add = (text: string): void => { flushBytes(); out += text; };
  for (;;) {
    const c = s.charCodeAt(p);
    if (c !== c) throw lx.eofError("'", lx.lineAt(start));
    if (c === 39) { p++; break; }
    if (c !== 92) {
      let e = p + 1;
      while (e < s.length) { const d = s.charCodeAt(e); if (d === 39 || d === 92) break; e++; }
      if (!truncated) add(s.slice(p, e));
      p = e;
      continue;
    }
    const n = s[p + 1];
    p += 2;
    if (n === undefined) throw lx.eofError("'", lx.lineAt(start));
    if (truncated) { continue; }
    switch (n) {
      case 'a': add('\x07'); break;
      case 'b': add('\b'); break;
      case 'e': case 'E': add('\x1b'); break;
      case 'f': add('\f'); break;
      case 'n': add('\n'); break;
      case 'r': add('\r'); break;
      case 't': add('\t'); break;
      case 'v': add('\v'); break;
      case '\\': add('\\'); break;
      case "'": add("'"); break;
      case '"': add('"'); break;
      case '?': add('?'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        let v = n.charCodeAt(0) - 48, k = 1;
        while (k < 3 && s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 55) { v = v * 8 + s.charCodeAt(p) - 48; p++; k++; }
        addByte(v);
        break;
      }
      case 'x': {
        let v = 0, k = 0;
        while (k < 2 && hexVal(s.charCodeAt(p)) >= 0) { v = v * 16 + hexVal(s.charCodeAt(p)); p++; k++; }
        if (k === 0) add('\\x'); else addByte(v);
        break;
      }
      case 'u': case 'U': {
        const max = n === 'u' ? 4 : 8;
        let v = 0, k = 0;
        while (k < max && hexVal(s.charCodeAt(p)) >= 0) { v = v * 16 + hexVal(s.charCodeAt(p)); p++; k++; }
        if (k === 0) add('\\' + n);
        else if (v === 0) truncated = true;
        else add(v <= 0x10ffff ? String.fromCodePoint(v) : '\ufffd');
        break;
      }
      case 'c': {
        let x = s[p];
        if (x === undefined || x === "'") { add('\\c'); break; }
        p++;
        if (x === '\\' && s[p] === '\\') p++;
        const v = x === '?' ? 0x7f : x.toUpperCase().charCodeAt(0) & 0x1f;
        if (v === 0) truncated = true; else add(String.fromCharCode(v));
        break;
      }
      default: add('\\' + n);
    }
  }
  flushBytes();
  lx.pos = p;
  return { type: 'AnsiC', value: out };
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Decodes bytes as UTF-8; bytes that don't form valid sequences map to U+0080–U+00FF. */
function decodeUtf8(b: number[]): string {
  let out = '';
  for (let i = 0; i < b.length;) {
    const x = b[i];
    let need = 0, cp = 0;
    if (x < 0x80) { out += String.fromCharCode(x); i++; continue; }
    if (x >= 0xc2 && x <= 0xdf) { need = 1; cp = x & 0x1f; }
    else if (x >= 0xe0 && x <= 0xef) { need = 2; cp = x & 0x0f; }
    else if (x >= 0xf0 && x <= 0xf4) { need = 3; cp = x & 0x07; }
    let ok = need > 0 && i + need < b.length;
    for (let k = 1; ok && k <= need; k++) {
      const y = b[i + k];
      if (y === undefined || (y & 0xc0) !== 0x80) ok = false; else cp = (cp << 6) | (y & 0x3f);
    }
    if (ok && cp >= (need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000) && cp <= 0x10ffff) {
      out += String.fromCodePoint(cp);
      i += need + 1;
    } else {
      out += String.fromCharCode(x);
      i++;
    }
  }
  return out;
}
