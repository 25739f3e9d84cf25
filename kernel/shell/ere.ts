// POSIX extended regular expressions (as glibc's regcomp(REG_EXTENDED) reads them) translated to
// JS RegExp: bracket expressions with [:classes:], intervals, GNU escapes (\w \s \b \< \>).
// `.` matches newline and ^ $ anchor at the ends of the string only (no REG_NEWLINE).
// Returns null for an invalid expression (bash's =~ then returns 2).

const classes: Record<string, string> = {
  alpha: '\\p{L}', digit: '0-9', alnum: '\\p{L}\\p{N}', upper: '\\p{Lu}', lower: '\\p{Ll}',
  space: '\\s', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e\\u00a0-\\u{10ffff}', graph: '\\x21-\\x7e\\u00a1-\\u{10ffff}', xdigit: '0-9A-Fa-f',
};

const WORD = '[\\p{L}\\p{N}_]';
const cache = new Map<string, RegExp | null>();

function litEscape(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

function classLit(c: string): string {
  return /[\\\]\[^\-]/.test(c) ? '\\' + c : c;
}

/** Parses a bracket expression at src[i] === '['; returns [jsClass, nextIndex] or null. */
function bracket(src: string, i: number): [string, number] | null {
  let j = i + 1;
  let neg = false;
  if (src[j] === '^') { neg = true; j++; }
  let body = '';
  let first = true;
  while (j < src.length) {
    const c = src[j]!;
    if (c === ']' && !first) return [`[${neg ? '^' : ''}${body}]`, j + 1];
    first = false;
    if (c === '[' && (src[j + 1] === ':' || src[j + 1] === '=' || src[j + 1] === '.')) {
      const kind = src[j + 1]!;
      const end = src.indexOf(kind + ']', j + 2);
      if (end < 0) return null;
      const name = src.slice(j + 2, end);
      if (kind === ':') {
        const cls = classes[name];
        if (cls === undefined) return null;
        body += cls;
      } else {
        body += [...name].map(classLit).join('');
      }
      j = end + 2;
      continue;
    }
    // a range a-z (a '-' first or last is literal)
    if (src[j + 1] === '-' && src[j + 2] !== undefined && src[j + 2] !== ']') {
      const hi = src[j + 2]!;
      if (hi < c) return null;
      body += `${classLit(c)}-${classLit(hi)}`;
      j += 3;
      continue;
    }
    body += classLit(c);
    j++;
  }
  return null;
}

function translate(src: string): string | null {
  let out = '';
  /** Whether the previous item can take a quantifier. */
  let atom = false;
  let depth = 0;
  /** Where the last atom starts in `out` (for wrapping stacked quantifiers). */
  let atomStart = 0;
  const groupStarts: number[] = [];
  let quantified = false;
  for (let i = 0; i < src.length;) {
    const c = src[i]!;
    const wasQuantified = quantified;
    quantified = false;
    switch (c) {
      case '\\': {
        const n = src[i + 1];
        i += 2;
        if (n === undefined) { atomStart = out.length; out += '\\\\'; atom = true; break; }
        if ('wWsS'.includes(n)) { atomStart = out.length; out += '\\' + n; atom = true; break; }
        if (n === 'b' || n === 'B') { out += '\\' + n; atom = false; break; }
        if (n === '<') { out += `(?<!${WORD})(?=${WORD})`; atom = false; break; }
        if (n === '>') { out += `(?<=${WORD})(?!${WORD})`; atom = false; break; }
        if (n === '`') { out += '^'; atom = false; break; }
        if (n === "'") { out += '$'; atom = false; break; }
        atomStart = out.length;
        out += litEscape(n);
        atom = true;
        break;
      }
      case '[': {
        const b = bracket(src, i);
        if (!b) return null;
        atomStart = out.length;
        out += b[0];
        i = b[1];
        atom = true;
        break;
      }
      case '{': {
        const m = /^\{(\d*)(,(\d*))?\}/.exec(src.slice(i));
        if (!m || !atom || (m[1] === '' && m[2] === undefined)) return null;
        const lo = m[1] === '' ? '0' : m[1]!;
        if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(lo)) return null;
        if (wasQuantified) out = `${out.slice(0, atomStart)}(?:${out.slice(atomStart)})`;
        out += m[2] === undefined ? `{${lo}}` : `{${lo},${m[3] ?? ''}}`;
        quantified = true;
        i += m[0].length;
        atom = true;
        break;
      }
      case '*': case '+': case '?':
        if (!atom) return null;
        // a** is a* in POSIX; JS rejects stacked quantifiers
        if (wasQuantified) out = `${out.slice(0, atomStart)}(?:${out.slice(atomStart)})`;
        out += c;
        quantified = true;
        i++;
        atom = true;
        break;
      case '(':
        depth++;
        groupStarts.push(out.length);
        out += '(';
        i++;
        atom = false;
        break;
      case ')':
        if (depth === 0) { atomStart = out.length; out += '\\)'; i++; atom = true; break; }
        depth--;
        atomStart = groupStarts.pop()!;
        out += ')';
        i++;
        atom = true;
        break;
      case '|':
        out += '|';
        i++;
        atom = false;
        break;
      case '^': out += '^'; i++; atom = false; break;
      case '$': out += '$'; i++; atom = false; break;
      case '.': atomStart = out.length; out += '.'; i++; atom = true; break;
      default: {
        const cp = src.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        atomStart = out.length;
        out += litEscape(ch);
        i += ch.length;
        atom = true;
      }
    }
  }
  if (depth !== 0) return null;
  return out;
}

/**
 * Compiles an ERE. With `tail` (>= 0) the result is sticky and must end exactly `tail`
 * characters before the end of the input (used to find POSIX's longest match).
 */
export function ereToRegExp(src: string, nocase: boolean, tail = -1): RegExp | null {
  const key = `${nocase ? 'i' : '-'}${tail}:${src}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit ? new RegExp(hit) : null;
  const body = translate(src);
  let re: RegExp | null = null;
  if (body !== null) {
    try {
      const flags = 'su' + (nocase ? 'i' : '') + (tail >= 0 ? 'y' : '');
      re = new RegExp(tail >= 0 ? `(?:${body})(?=[\\s\\S]{${tail}}$)` : body, flags);
    } catch {
      re = null;
    }
  }
  if (cache.size > 256) cache.clear();
  cache.set(key, re);
  return re ? new RegExp(re) : null;
}
