// Word-level parsing: quoting, $-expansions, $(…), `…`, $((…)),
// tildes, assignment words and array literals, extglob groups, here-document bodies.
// Functions take the Lexer and advance lx.pos; a nested `$(…)` may splice aliases into lx.src,
// so callers re-read lx.src after any call that can parse commands.

import type { ArrayElement, Assignment, Word, WordPart } from './ast.ts';
import { ShellSyntaxError } from './contracts.ts';
import { Lexer } from './lexer.ts';
import { readAnsiC } from './parse-ansic.ts';
import { readBraceParam } from './parse-param.ts';

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
export function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
/** Single-character special parameters: @ * # ? - $ ! */
export function isSpecialParam(c: number): boolean {
  return c === 64 || c === 42 || c === 35 || c === 63 || c === 45 || c === 36 || c === 33;
}
export function isIdentifier(s: string): boolean {
  if (s.length === 0 || !isNameStart(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) if (!isNameChar(s.charCodeAt(i))) return false;
  return true;
}
function isExtglobChar(c: number): boolean { return c === 64 || c === 42 || c === 43 || c === 63 || c === 33; }

// contexts for $-expansions
export const CTX_UNQ = 0;
export const CTX_DQ = 1;
export const CTX_HEREDOC = 2;

// sub-word modes
export const SW_UNQ = 0;      // like an unquoted word, but blanks and metacharacters are literal
export const SW_DQ = 1;       // double-quote rules (' literal, " nests)
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

// ---- side tables for print.ts (the AST shape stays exactly as ast.ts defines it) ----

/** Source text bash keeps verbatim when it prints commands: `…` bodies, $[…], a `$((` that was a command substitution. */
export const verbatim = new WeakMap<WordPart, string>();
/** List items inside $(…) that a newline (not `;`) separated from the next one: bash prints those newlines. */
export const newlineSeparated = new WeakSet<object>();

/** Source text as bash stores it: backslash-newline pairs are gone. */
function storedText(s: string): string {
  if (!s.includes('\\\n')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') { out += s[i]; continue; }
    if (s[i + 1] !== '\n') out += s[i] + (s[i + 1] ?? '');
    i++;
  }
  return out;
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
  const start = lx.pos;
  const saved = lx.assignOk;
  lx.assignOk = false;
  const elements: ArrayElement[] = [];
  let p = lx.pos + 1;
  for (;;) {
    const s = lx.src;
    let c = s.charCodeAt(p);
    while (c === 32 || c === 9 || c === 10 || (c === 92 && s.charCodeAt(p + 1) === 10)) { p += c === 92 ? 2 : 1; c = s.charCodeAt(p); }
    if (c === 35) { const nl = s.indexOf('\n', p); p = nl === -1 ? s.length : nl; continue; }
    if (c !== c) { lx.assignOk = saved; throw lx.eofError(')', lx.lineAt(start)); }
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
export function readSubscript(lx: Lexer, allowBlank: boolean): Word | null {
  const w = readSubWord(lx, SW_UNQ, ']', allowBlank ? SUB_BRACKETS : SUB_BRACKETS | SUB_NOBLANK);
  if (w) lx.pos++;
  return w;
}

// ---- double quotes, $, backquotes ----

function readDQ(lx: Lexer): WordPart {
  const start = lx.pos;
  let s = lx.src;
  let p = start + 1;
  const parts: WordPart[] = [];
  let text = '';
  let escapes = false;
  for (;;) {
    const c = s.charCodeAt(p);
    if (c !== c) throw lx.eofError('"', lx.lineAt(start));
    if (c === 34) { p++; break; }
    if (c === 92) {
      const n = s.charCodeAt(p + 1);
      if (n === 36 || n === 96 || n === 34 || n === 92) { text += s[p + 1]; p += 2; escapes = true; continue; }
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
  const part: WordPart = { type: 'DoubleQuoted', parts };
  // escapes can't be told apart once decoded: keep the text for the printer (bash 5.2 reformats $(…), so not then)
  if (escapes && !parts.some((x) => x.type === 'CommandSub')) verbatim.set(part, storedText(s.slice(start, p)));
  return part;
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
    const part: WordPart = { type: 'CommandSub', body, backquote: false };
    if (s.charCodeAt(p + 2) === 40) verbatim.set(part, storedText(lx.src.slice(p, lx.pos)));
    return part;
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
    const part: WordPart = { type: 'Arith', expr };
    verbatim.set(part, storedText(s.slice(p, e + 1)));
    return part;
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
  const part: WordPart = { type: 'CommandSub', body, backquote: true };
  verbatim.set(part, storedText(s.slice(start, p)));
  return part;
}

// ---- sub-words (operator arguments, subscripts, arithmetic text, here-doc bodies) ----

export const SUB_TILDE = 1;     // tilde prefix allowed at the start
export const SUB_TERNARY = 2;   // `?`…`:` pairs don't stop at `:` (substring offsets)
const SUB_BRACKETS = 4;  // nested [ ] are counted (subscripts)
const SUB_NOBLANK = 8;   // fail on unquoted blanks (subscripts outside assignment context)

/**
 * Reads parts until an unquoted char of `stops` (not consumed) at nesting depth 0, or until
 * `limit`. Returns null at end of input (or at an unquoted newline/blank for subscripts).
 */
export function readSubWord(lx: Lexer, mode: number, stops: string, flags: number, limit = -1): Word | null {
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
