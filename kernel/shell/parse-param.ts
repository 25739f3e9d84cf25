// `${…}` parameter expansions: names, subscripts, and every operator of ast.ts's ParamOp.

import type { ParamOp, ParamPart, Word } from './ast.ts';
import type { Lexer } from './lexer.ts';
import {
  CTX_UNQ, SUB_TERNARY, SUB_TILDE, SW_DQ, SW_UNQ, isDigit, isIdentifier, isNameChar, isNameStart, isSpecialParam,
  readSubWord, readSubscript,
} from './parse-word.ts';

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

export function readBraceParam(lx: Lexer, ctx: number): ParamPart {
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
