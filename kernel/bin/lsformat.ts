// Layout helpers for ls: gnulib human_readable (-h), name quoting styles, and GNU ls's column
// fitting (-C, -x) with tab-based indentation.

import { needsQuoting, shellQuote, utf8Encode } from './util.ts';
import { wcwidth } from './wcwidth.ts';

const SUFFIXES = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y', 'R', 'Q'];

/**
 * gnulib human_readable with human_autoscale | human_SI | human_ceiling, as ls -h/--si use it:
 * values below the base print as integers, else one decimal below 10 ("1.1K"), rounded up.
 */
export function humanReadable(n: number, base = 1024): string {
  if (n < base) return String(Math.ceil(n));
  let amt = Math.floor(n);
  let tenths = 0;
  let rounding = 0; // 0: exact, 1: < half, 2: half, 3: > half
  let exponent = 0;
  do {
    const r10 = (amt % base) * 10 + tenths;
    const r2 = (r10 % base) * 2 + (rounding >> 1);
    amt = Math.floor(amt / base);
    tenths = Math.floor(r10 / base);
    rounding = r2 < base ? (r2 !== 0 ? 1 : 0) : 2 + (base < r2 ? 1 : 0);
    exponent++;
  } while (base <= amt && exponent < SUFFIXES.length - 1);
  let text: string;
  if (amt < 10) {
    if (rounding > 0) {
      tenths++;
      rounding = 0;
      if (tenths === 10) {
        amt++;
        tenths = 0;
      }
    }
    if (amt < 10) {
      text = `${amt}.${tenths}`;
      tenths = rounding = 0;
      return text + suffix(exponent, base);
    }
  }
  if (tenths + rounding > 0) {
    amt++;
    if (amt === base && exponent < SUFFIXES.length - 1) {
      exponent++;
      return `1.0${suffix(exponent, base)}`;
    }
  }
  return String(amt) + suffix(exponent, base);
}

function suffix(exponent: number, base: number): string {
  const s = SUFFIXES[exponent]!;
  return base === 1000 && s === 'K' ? 'k' : s;
}

export type QuotingStyle = 'literal' | 'shell' | 'shell-always' | 'shell-escape' | 'shell-escape-always' | 'c' | 'escape' | 'locale' | 'clocale';

const C_ESC: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

function cEscape(name: string, quoteChar: string): string {
  let out = '';
  for (const b of utf8Encode(name)) {
    if (b === 92) out += '\\\\';
    else if (quoteChar && b === quoteChar.charCodeAt(0)) out += `\\${quoteChar}`;
    else if (C_ESC[b]) out += C_ESC[b];
    else if (b < 32 || b >= 127) out += `\\${b.toString(8).padStart(3, '0')}`;
    else if (!quoteChar && b === 32) out += '\\ ';
    else out += String.fromCharCode(b);
  }
  return out;
}

/** A name as ls prints it in `style`; `hideControl` (-q) turns non-printables into '?'. */
export function quoteName(name: string, style: QuotingStyle, hideControl: boolean): { text: string; quoted: boolean } {
  switch (style) {
    case 'literal':
      return { text: hideControl ? name.replace(/[\x00-\x1f\x7f]/g, '?') : name, quoted: false };
    case 'shell':
    case 'shell-always': {
      const clean = hideControl ? name.replace(/[\x00-\x1f\x7f]/g, '?') : name;
      if (style === 'shell' && !needsQuoting(clean)) return { text: clean, quoted: false };
      return { text: `'${clean.replace(/'/g, "'\\''")}'`, quoted: true };
    }
    case 'shell-escape':
    case 'shell-escape-always': {
      const always = style === 'shell-escape-always';
      const q = shellQuote(name, always);
      return { text: q, quoted: q !== name || always };
    }
    case 'c':
      return { text: `"${cEscape(name, '"')}"`, quoted: true };
    case 'escape':
      return { text: cEscape(name, ''), quoted: false };
    case 'locale':
    case 'clocale':
      return { text: `'${cEscape(name, "'")}'`, quoted: true };
  }
}

/** Display width of text on a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cw = wcwidth(ch.codePointAt(0)!);
    w += cw < 0 ? 1 : cw;
  }
  return w;
}

/** GNU ls indent(): tabs (every `tabsize` columns, 0 = none) and spaces from column `from` to `to`. */
export function indent(from: number, to: number, tabsize: number): string {
  let out = '';
  while (from < to) {
    if (tabsize !== 0 && Math.floor(to / tabsize) > Math.floor((from + 1) / tabsize)) {
      out += '\t';
      from += tabsize - (from % tabsize);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}

const MIN_COLUMN_WIDTH = 3;

/**
 * GNU calculate_columns: the most columns (and their widths) that fit `lineLength` for items of
 * the given widths, filled down columns (-C) or across rows (-x).
 */
export function fitColumns(widths: number[], lineLength: number, byColumns: boolean): number[] {
  const n = widths.length;
  let maxIdx = lineLength === 0 ? n : Math.floor(lineLength / MIN_COLUMN_WIDTH) + (lineLength % MIN_COLUMN_WIDTH !== 0 ? 1 : 0);
  const maxCols = Math.min(maxIdx, n);
  maxIdx = maxCols;
  const valid: boolean[] = [];
  const lineLen: number[] = [];
  const colArr: number[][] = [];
  for (let i = 0; i < maxCols; i++) {
    valid.push(true);
    lineLen.push((i + 1) * MIN_COLUMN_WIDTH);
    colArr.push(new Array(i + 1).fill(MIN_COLUMN_WIDTH));
  }
  for (let f = 0; f < n; f++) {
    const nameLength = widths[f]!;
    for (let i = 0; i < maxCols; i++) {
      if (!valid[i]) continue;
      const idx = byColumns ? Math.floor(f / Math.floor((n + i) / (i + 1))) : f % (i + 1);
      const real = nameLength + (idx === i ? 0 : 2);
      const arr = colArr[i]!;
      if (arr[idx]! < real) {
        lineLen[i]! += real - arr[idx]!;
        arr[idx] = real;
        valid[i] = lineLength === 0 || lineLen[i]! < lineLength;
      }
    }
  }
  let cols = maxCols;
  for (; cols > 1; cols--) if (valid[cols - 1]) break;
  return cols >= 1 ? colArr[cols - 1]! : [0];
}
