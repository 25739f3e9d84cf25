// Backslash escapes as echo -e, printf's format string and printf %b decode them, into bytes
// (so \xff and \0377 produce the raw byte, as in bash).

import type { Shell } from '../contracts.ts';
import { encoder } from './util.ts';

/** A growable byte buffer. */
export class ByteBuf {
  #buf = new Uint8Array(64);
  #len = 0;

  get length(): number { return this.#len; }

  #grow(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.#buf.subarray(0, this.#len));
    this.#buf = b;
  }

  byte(b: number): void {
    this.#grow(1);
    this.#buf[this.#len++] = b & 0xff;
  }

  bytes(b: Uint8Array): void {
    this.#grow(b.length);
    this.#buf.set(b, this.#len);
    this.#len += b.length;
  }

  str(s: string): void {
    if (s === '') return;
    let ascii = true;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) { ascii = false; break; }
    if (ascii) {
      this.#grow(s.length);
      for (let i = 0; i < s.length; i++) this.#buf[this.#len++] = s.charCodeAt(i);
    } else this.bytes(encoder.encode(s));
  }

  toBytes(): Uint8Array { return this.#buf.slice(0, this.#len); }
  toString(): string { return new TextDecoder().decode(this.#buf.subarray(0, this.#len)); }
}

/** UTF-8 encoding of a code point, extended past U+10FFFF the way bash's u32cconv does. */
export function utf8Bytes(cp: number, out: ByteBuf): void {
  if (cp < 0x80) out.byte(cp);
  else if (cp < 0x800) { out.byte(0xc0 | (cp >> 6)); out.byte(0x80 | (cp & 0x3f)); }
  else if (cp < 0x10000) {
    out.byte(0xe0 | (cp >> 12)); out.byte(0x80 | ((cp >> 6) & 0x3f)); out.byte(0x80 | (cp & 0x3f));
  } else if (cp < 0x200000) {
    out.byte(0xf0 | (cp >> 18)); out.byte(0x80 | ((cp >> 12) & 0x3f));
    out.byte(0x80 | ((cp >> 6) & 0x3f)); out.byte(0x80 | (cp & 0x3f));
  } else if (cp < 0x4000000) {
    out.byte(0xf8 | (cp >> 24)); out.byte(0x80 | ((cp >> 18) & 0x3f)); out.byte(0x80 | ((cp >> 12) & 0x3f));
    out.byte(0x80 | ((cp >> 6) & 0x3f)); out.byte(0x80 | (cp & 0x3f));
  } else {
    out.byte(0xfc | ((cp >>> 30) & 1)); out.byte(0x80 | ((cp >> 24) & 0x3f)); out.byte(0x80 | ((cp >> 18) & 0x3f));
    out.byte(0x80 | ((cp >> 12) & 0x3f)); out.byte(0x80 | ((cp >> 6) & 0x3f)); out.byte(0x80 | (cp & 0x3f));
  }
}

/** True when the shell's LC_ALL / LC_CTYPE / LANG names a UTF-8 locale. */
export function utf8Locale(sh: Shell): boolean {
  const loc = sh.vars.get('LC_ALL') || sh.vars.get('LC_CTYPE') || sh.vars.get('LANG') || '';
  return /utf-?8/i.test(loc);
}

const isOct = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

export interface EscapeOpts {
  /** 'echo': echo -e rules; 'format': printf format string; 'b': printf %b argument. */
  mode: 'echo' | 'format' | 'b';
  /** Emit \u / \U as UTF-8 (else C-locale behaviour: the escape text for non-ASCII). */
  utf8: boolean;
  /** Called with "missing hex digit for \x" style messages (format and %b). */
  warn?: (msg: string) => void;
}

/**
 * Appends the decoded form of s to out. Returns true when `\c` was seen (echo -e and %b:
 * stop all output).
 */
export function decodeEscapes(s: string, o: EscapeOpts, out: ByteBuf): boolean {
  let lit = 0; // start of pending literal run
  const n = s.length;
  let i = 0;
  while (i < n) {
    const bs = s.indexOf('\\', i);
    if (bs < 0 || bs + 1 >= n) break;
    out.str(s.slice(lit, bs));
    const c = s[bs + 1];
    i = bs + 2;
    switch (c) {
      case 'a': out.byte(7); break;
      case 'b': out.byte(8); break;
      case 'e': case 'E': out.byte(27); break;
      case 'f': out.byte(12); break;
      case 'n': out.byte(10); break;
      case 'r': out.byte(13); break;
      case 't': out.byte(9); break;
      case 'v': out.byte(11); break;
      case '\\': out.byte(92); break;
      case '\'': case '"': case '?':
        if (o.mode === 'format') out.str(c);
        else out.str('\\' + c);
        break;
      case 'c':
        if (o.mode === 'format') { out.str('\\c'); break; }
        return true;
      case 'x': {
        let v = 0, k = 0;
        while (k < 2 && isHex(s[i])) { v = v * 16 + parseInt(s[i], 16); i++; k++; }
        if (k === 0) {
          if (o.mode !== 'echo') o.warn?.('missing hex digit for \\x');
          out.str('\\x');
        } else out.byte(v);
        break;
      }
      case 'u': case 'U': {
        const max = c === 'u' ? 4 : 8;
        let v = 0, k = 0;
        while (k < max && isHex(s[i])) { v = v * 16 + parseInt(s[i], 16); i++; k++; }
        if (k === 0) {
          if (o.mode !== 'echo') o.warn?.(`missing unicode digit for \\${c}`);
          out.str('\\' + c);
        } else if (v < 0x80 || o.utf8) utf8Bytes(v >>> 0, out);
        else out.str(c === 'u' ? `\\u${v.toString(16).toUpperCase().padStart(4, '0')}` : `\\U${v.toString(16).toUpperCase().padStart(8, '0')}`);
        break;
      }
      default:
        if (isOct(c)) {
          if (o.mode === 'echo' && c !== '0') { out.str('\\' + c); break; }
          let v = c.charCodeAt(0) - 48;
          // echo: \0 followed by up to 3 digits; %b: \0 followed by up to 3, \N up to 2 more;
          // format: up to 3 digits in all.
          let more = o.mode === 'echo' ? 3 : 2 + (v === 0 && o.mode === 'b' ? 1 : 0);
          while (more-- > 0 && isOct(s[i])) { v = v * 8 + (s.charCodeAt(i) - 48); i++; }
          out.byte(v);
        } else {
          out.str('\\' + c);
        }
    }
    lit = i;
  }
  out.str(s.slice(lit));
  return false;
}
