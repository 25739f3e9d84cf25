// GNU-style quoting of names in messages, after gnulib's quotearg: shell-escape (quotef),
// shell-escape-always (quoteaf) and locale quoting (quote: 'x' in C, ‘x’ in UTF-8).

import { utf8Decode } from './io.ts';

const encoder = new TextEncoder();

const SHELL_SPECIAL = new Set(' !"$&\'()*;<=>?[\\^`|\t\n');
const SHELL_COMPAT = /^[A-Za-z0-9%+,\-./:@\]_ ']$/;

function octal3(n: number): string {
  return n.toString(8).padStart(3, '0');
}

export function shellEscapeChar(code: number): string {
  switch (code) {
    case 7: return '\\a';
    case 8: return '\\b';
    case 9: return '\\t';
    case 10: return '\\n';
    case 11: return '\\v';
    case 12: return '\\f';
    case 13: return '\\r';
    default: return `\\${octal3(code)}`;
  }
}

/** The bytes of a JS string as a file name (UTF-8). */
function nameBytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** True if a name needs quoting in shell-escape style. */
export function needsQuoting(s: string): boolean {
  if (s === '') return true;
  const b = nameBytes(s);
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 32 || c >= 127) return true;
    const ch = String.fromCharCode(c);
    if (SHELL_SPECIAL.has(ch)) return true;
    if ((ch === '#' || ch === '~') && i === 0) return true;
  }
  if (s === '{' || s === '}') return true;
  return false;
}

/**
 * quotearg's shell-escape style: unchanged when safe, else '…' (or "…" when it holds a single
 * quote and nothing else special), control and non-ASCII bytes as $'\ooo'. `always` quotes safe
 * names too (shell-escape-always, used by quoteaf).
 */
export function shellQuote(s: string, always = false): string {
  if (!always && !needsQuoting(s)) return s;
  const b = nameBytes(s);
  let hasSingle = false;
  let compat = true;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    const ch = String.fromCharCode(c);
    if (c === 39) hasSingle = true;
    if (c >= 32 && c < 127 && (SHELL_COMPAT.test(ch) || ((ch === '#' || ch === '~') && i === 0))) continue;
    compat = false;
  }
  if (hasSingle && compat) return `"${s}"`;
  let out = "'";
  let inEscape = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 32 || c >= 127) {
      if (!inEscape) {
        out += "'$'";
        inEscape = true;
      }
      out += shellEscapeChar(c);
      continue;
    }
    if (inEscape) {
      out += "''";
      inEscape = false;
    }
    out += c === 39 ? "'\\''" : String.fromCharCode(c);
  }
  return out + "'";
}

/** quotef: quote a file name only if needed (shell-escape). */
export function quotef(s: string): string {
  return shellQuote(s, false);
}

/** quoteaf: always quote a file name (shell-escape-always). */
export function quoteaf(s: string): string {
  return shellQuote(s, true);
}

/**
 * quote(): gnulib locale quoting: 'x' in the C locale (\\ and ' escaped C-style), ‘x’ in a
 * UTF-8 locale. Use ctx.q(), which knows the locale.
 */
export function quote(s: string, utf8 = false): string {
  const b = nameBytes(s);
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 39 && !utf8) out += "\\'";
    else if (c === 92) out += '\\\\';
    else if (c < 32 || c === 127) out += shellEscapeChar(c);
    else if (c >= 128) {
      if (utf8) {
        // keep whole UTF-8 sequences
        let j = i + 1;
        while (j < b.length && (b[j]! & 0xc0) === 0x80) j++;
        out += utf8Decode(b.subarray(i, j));
        i = j - 1;
      } else out += shellEscapeChar(c);
    } else out += String.fromCharCode(c);
  }
  return utf8 ? `\u2018${out}\u2019` : `'${out}'`;
}
