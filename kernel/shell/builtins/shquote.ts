// Quoting for re-input, as bash's lib/sh/shquote.c does it: printf %q (backslash or $'…'),
// declare -p values ("…" or $'…') and assoc keys. (Private to the builtins; the expander's
// quote.ts serves ${x@Q}.)

import { encoder } from './util.ts';

/** isprint() in the C locale (ASCII only) or, with utf8, every non-control character. */
function printable(ch: string, utf8: boolean): boolean {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return c >= 0x20 && c < 0x7f;
  if (!utf8) return false;
  return !/[\p{Cc}\p{Cs}\p{Cn}]/u.test(ch);
}

/** ansic_shouldquote: any character that is not printable. */
export function needsAnsiC(s: string, utf8: boolean): boolean {
  for (const ch of s) if (!printable(ch, utf8)) return true;
  return false;
}

/** ansic_quote: $'…' with C escapes; other unprintable bytes as \NNN octal. */
export function ansiCQuote(s: string, utf8: boolean): string {
  let r = "$'";
  for (const ch of s) {
    switch (ch) {
      case '\x07': r += '\\a'; continue;
      case '\b': r += '\\b'; continue;
      case '\f': r += '\\f'; continue;
      case '\n': r += '\\n'; continue;
      case '\r': r += '\\r'; continue;
      case '\t': r += '\\t'; continue;
      case '\v': r += '\\v'; continue;
      case '\x1b': r += '\\E'; continue;
      case '\\': r += '\\\\'; continue;
      case "'": r += "\\'"; continue;
    }
    if (printable(ch, utf8)) { r += ch; continue; }
    for (const b of encoder.encode(ch)) r += '\\' + b.toString(8).padStart(3, '0');
  }
  return r + "'";
}

const BACKSLASH_CHARS = new Set([...'\t\n !"$&\'()*,;<>?[\\]^`{|}']);

/** sh_backslash_quote(s, 0, 3): backslash before shell metacharacters, `#` and `~` at word starts. */
export function backslashQuote(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (BACKSLASH_CHARS.has(c)) r += '\\';
    else if (c === '#' && i === 0) r += '\\';
    else if (c === '~' && (i === 0 || s[i - 1] === ':' || s[i - 1] === '=')) r += '\\';
    r += c;
  }
  return r;
}

/** printf %q: '' for empty, $'…' when unprintable characters appear, else backslash quoting. */
export function quoteForReuse(s: string, utf8: boolean): string {
  if (s === '') return "''";
  if (needsAnsiC(s, utf8)) return ansiCQuote(s, utf8);
  return backslashQuote(s);
}

/** sh_double_quote: "…" with \ before " $ ` \. */
export function doubleQuote(s: string): string {
  return `"${s.replace(/["$`\\]/g, '\\$&')}"`;
}

/** A value as declare -p / set print it: "…" or $'…'. */
export function quoteValue(s: string, utf8: boolean): string {
  return needsAnsiC(s, utf8) ? ansiCQuote(s, utf8) : doubleQuote(s);
}

const META_CHARS = new Set([...' \t\n\'"\\|&;()<>!{}*[?]^$`']);

/** sh_contains_shell_metas. */
export function hasShellMetas(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (META_CHARS.has(c)) return true;
    if (c === '~' && (i === 0 || s[i - 1] === '=' || s[i - 1] === ':')) return true;
    if (c === '#' && i === 0) return true;
  }
  return false;
}

/** An associative array key as declare -p prints it inside [ ]. */
export function quoteAssocKey(k: string, utf8: boolean): string {
  if (needsAnsiC(k, utf8)) return ansiCQuote(k, utf8);
  if (hasShellMetas(k) || k === '@' || k === '*') return doubleQuote(k);
  return k;
}
