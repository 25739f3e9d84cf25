// `$'…'` (ANSI-C quoting): bash's escape decoding.

import type { WordPart } from './ast.ts';
import type { Lexer } from './lexer.ts';

export function readAnsiC(lx: Lexer): WordPart {
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
