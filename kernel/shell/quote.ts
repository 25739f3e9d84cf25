// Quoting text for re-input, as bash's lib/sh/shquote.c: ${x@Q} (single quotes), printf %q
// (backslashes), declare -p values (double quotes), `set` listings, and $'…' (ANSI-C) whenever the
// text has a character that is not printable in the locale (utf8: every non-control character
// is printable; C locale: ASCII only).

const encoder = new TextEncoder();

/** isprint()/iswprint() for one character (a code point as a string). */
export function isPrintable(ch: string, utf8 = true): boolean {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return c >= 0x20 && c < 0x7f;
  if (!utf8) return false;
  return !/[\p{Cc}\p{Cs}\p{Cn}]/u.test(ch);
}

/** ansic_shouldquote: some character is not printable. */
export function needsAnsiC(s: string, utf8 = true): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
    if (c >= 0x80) {
      for (const ch of s.slice(i)) if (!isPrintable(ch, utf8)) return true;
      return false;
    }
  }
  return false;
}

const ANSI_ESC: Record<string, string> = {
  '\x1b': 'E', '\x07': 'a', '\v': 'v', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\\': '\\', "'": "'",
};

function octal(n: number): string {
  return '\\' + ((n >> 6) & 7) + ((n >> 3) & 7) + (n & 7);
}

/** $'…' with C escapes (ansic_quote). */
export function ansicQuote(s: string, utf8 = true): string {
  let out = "$'";
  for (const ch of s) {
    const e = ANSI_ESC[ch];
    if (e !== undefined) { out += '\\' + e; continue; }
    if (isPrintable(ch, utf8)) { out += ch; continue; }
    if (ch.codePointAt(0)! < 0x80) out += octal(ch.charCodeAt(0));
    else for (const b of encoder.encode(ch)) out += octal(b);
  }
  return out + "'";
}

/** '…' with ' written as '\'' (sh_single_quote); a lone ' is \'. */
export function singleQuote(s: string): string {
  if (s === "'") return "\\'";
  return "'" + s.replaceAll("'", "'\\''") + "'";
}

/** "…" escaping " $ ` \ (sh_double_quote). */
export function doubleQuote(s: string): string {
  return '"' + s.replace(/["$`\\]/g, '\\$&') + '"';
}

// sh_backslash_quote's table: TAB NL SPACE ! " $ & ' ( ) * , ; < > ? [ \ ] ^ ` { | }
const BS_CHARS = new Set([...'\t\n !"$&\'()*,;<>?[\\]^`{|}']);

/** Backslash before every shell-special character (sh_backslash_quote with flags 1: ~ too). */
export function backslashQuote(s: string): string {
  let out = '';
  let prev = '';
  let first = true;
  for (const ch of s) {
    if (BS_CHARS.has(ch)) out += '\\';
    else if (ch === '#' && first) out += '\\';
    else if (ch === '~' && (first || prev === ':' || prev === '=')) out += '\\';
    out += ch;
    prev = ch;
    first = false;
  }
  return out;
}

/** ${x@Q}: '' for empty, $'…' for unprintable text, else single quotes. */
export function quoteForReuse(s: string, utf8 = true): string {
  if (s === '') return "''";
  if (needsAnsiC(s, utf8)) return ansicQuote(s, utf8);
  return singleQuote(s);
}

/** printf %q: '' for empty, $'…' for unprintable text, else backslashes. */
export function quotePrintf(s: string, utf8 = true): string {
  if (s === '') return "''";
  if (needsAnsiC(s, utf8)) return ansicQuote(s, utf8);
  return backslashQuote(s);
}

/** declare -p / export -p values: $'…' for unprintable text, else double quotes. */
export function quoteForDeclare(s: string, utf8 = true): string {
  if (needsAnsiC(s, utf8)) return ansicQuote(s, utf8);
  return doubleQuote(s);
}

/** sh_contains_shell_metas */
export function hasShellMetas(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    switch (c) {
      case ' ': case '\t': case '\n': case "'": case '"': case '\\': case '|': case '&': case ';':
      case '(': case ')': case '<': case '>': case '!': case '{': case '}': case '*': case '[':
      case '?': case ']': case '^': case '$': case '`':
        return true;
      case '~':
        if (i === 0 || s[i - 1] === '=' || s[i - 1] === ':') return true;
        break;
      case '#':
        if (i === 0) return true;
        break;
    }
  }
  return false;
}

/** `set` listing values: $'…' for unprintable text, single quotes when needed, else bare. */
export function quoteForSet(s: string, utf8 = true): string {
  if (needsAnsiC(s, utf8)) return ansicQuote(s, utf8);
  return hasShellMetas(s) ? singleQuote(s) : s;
}

/** declare -p of a variable's value part: scalar, `(…)` for arrays ([k]="v" pairs). */
export function declareValue(value: string | Map<number, string> | Map<string, string>, assoc: boolean, utf8 = true): string {
  if (typeof value === 'string') return quoteForDeclare(value, utf8);
  let out = '(';
  let first = true;
  for (const [k, v] of value as Map<string | number, string>) {
    const key = assoc ? quoteAssocKey(String(k), utf8) : String(k);
    out += (first ? '' : ' ') + `[${key}]=${quoteForDeclare(v, utf8)}`;
    first = false;
  }
  return out + (assoc && !first ? ' )' : ')');
}

/** An associative-array key in declare -p output: bare unless it needs quoting. */
export function quoteAssocKey(k: string, utf8 = true): string {
  if (needsAnsiC(k, utf8)) return ansicQuote(k, utf8);
  if (hasShellMetas(k)) return doubleQuote(k);
  return k;
}
