// Brace expansion, as bash's braces.c: {a,b,c}, nesting, sequences {1..10..2} {a..e} {01..10},
// invalid forms left alone. It works on the word's structure: only unquoted literal text takes
// part; quoted parts and expansions are opaque characters that never split or close a brace.

import type { Word, WordPart } from './ast.ts';

/** A literal character, or an opaque part (quoted text, expansion). */
type BTok = string | WordPart;

const MAX_SEQUENCE = 1 << 24;

function isBraceWs(t: BTok | undefined): boolean {
  return t === undefined || t === ' ' || t === '\t' || t === '\n';
}

/** bash's brace_gobbler: index of `satisfy` at level 0 (with the comma rule for `}`), or -1. */
function gobble(toks: BTok[], from: number, satisfy: string): [number, number] {
  let level = 0;
  let commas = satisfy === '}' ? 0 : 1;
  let i = from;
  while (i < toks.length) {
    const c = toks[i]!;
    if (typeof c !== 'string') { i++; continue; }
    if (c === '$' && toks[i + 1] === '{') { level++; i += 2; continue; }
    if (c === satisfy && level === 0 && commas > 0) {
      if (c === '{' && (i === 0 || isBraceWs(toks[i - 1])) && (isBraceWs(toks[i + 1]) || toks[i + 1] === '}')) {
        i++;
        continue;
      }
      return [1, i];
    }
    if (c === '{') level++;
    else if (c === '}' && level) level--;
    else if (satisfy === '}' && c === ',' && level === 0) commas++;
    else if (satisfy === '}' && c === '.' && toks[i + 1] === '.' && toks[i + 2] !== '}' && level === 0) commas++;
    i++;
  }
  return [0, i];
}

function concat(a: BTok[][], b: BTok[][]): BTok[][] {
  if (b.length === 0) return a;
  const out: BTok[][] = [];
  for (const x of a) for (const y of b) out.push(x.concat(y));
  return out;
}

function expandToks(toks: BTok[]): BTok[][] {
  let i = 0;
  let c = 0;
  for (;;) {
    [c, i] = gobble(toks, i, '{');
    if (!c) break;
    const [c2] = gobble(toks, i + 1, '}');
    if (c2) break;
    i++;
  }
  if (!c) return [toks];
  const preamble = toks.slice(0, i);
  const start = ++i;
  [c, i] = gobble(toks, i, '}');
  if (!c) return [toks];
  const amble = toks.slice(start, i);
  let tack: BTok[][];
  if (!amble.includes(',')) {
    const seq = seqterm(amble);
    if (seq) tack = seq;
    else if (i + 1 < toks.length) tack = [toks.slice(start - 1, i + 1)];
    else return [toks];
  } else {
    tack = expandAmble(amble);
  }
  let result = concat([preamble], tack);
  const post = toks.slice(i + 1);
  if (post.length) result = concat(result, expandToks(post));
  return result;
}

function expandAmble(amble: BTok[]): BTok[][] {
  const out: BTok[][] = [];
  let start = 0;
  let i = 0;
  for (;;) {
    const [c, j] = gobble(amble, i, ',');
    i = j;
    out.push(...expandToks(amble.slice(start, i)));
    if (!c) break;
    i++;
    start = i;
  }
  return out;
}

const INT_RE = /^\s*[-+]?[0-9]+\s*$/;
const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);

/** strtoimax prefix: [value, end index] or null when there are no digits. */
function strtoimax(s: string, at: number): [bigint, number] | null {
  const m = /^[-+]?[0-9]+/.exec(s.slice(at));
  if (!m) return null;
  return [BigInt(m[0]), at + m[0].length];
}

const INT64_MAX = (1n << 63n) - 1n, INT64_MIN = -(1n << 63n);

/** {x..y[..incr]} */
function seqterm(amble: BTok[]): BTok[][] | null {
  let text = '';
  for (const t of amble) {
    if (typeof t !== 'string') return null;
    text += t;
  }
  const dots = text.indexOf('..');
  if (dots < 0) return null;
  const lhs = text.slice(0, dots);
  const rhs = text.slice(dots + 2);
  if (lhs === '' || rhs === '') return null;
  const lhsInt = INT_RE.test(lhs);
  const lhsT = lhsInt ? 'int' : isAlpha(lhs[0]) && lhs.length === 1 ? 'char' : 'bad';
  let rhsT: string;
  let ep: number;
  let tr = 0n;
  if (/^[0-9]/.test(rhs) || (/^[-+]/.test(rhs) && /^[0-9]/.test(rhs.slice(1)))) {
    const r = strtoimax(rhs, 0)!;
    tr = r[0];
    ep = r[1];
    rhsT = tr > INT64_MAX || tr < INT64_MIN || (ep < rhs.length && rhs[ep] !== '.') ? 'bad' : 'int';
  } else if (isAlpha(rhs[0]) && (rhs.length === 1 || rhs[1] === '.')) {
    rhsT = 'char';
    ep = 1;
  } else {
    return null;
  }
  let incr = 1n;
  const rhsLen = ep;
  if (rhsT !== 'bad') {
    if (rhs[ep] === '.' && rhs[ep + 1] === '.' && ep + 2 < rhs.length) {
      const r = strtoimax(rhs, ep + 2);
      if (r) { incr = r[0]; ep = r[1]; } else ep += 2;
      if (incr > INT64_MAX || incr < INT64_MIN) rhsT = 'bad';
    }
    if (ep !== rhs.length) rhsT = 'bad';
  }
  if (lhsT !== rhsT || lhsT === 'bad') return null;
  let start: bigint, end: bigint;
  let width = 0;
  let zero = false;
  if (lhsT === 'char') {
    start = BigInt(lhs.charCodeAt(0));
    end = BigInt(rhs.charCodeAt(0));
  } else {
    start = BigInt(lhs.trim());
    end = tr;
    if (start > INT64_MAX || start < INT64_MIN) return null;
    const ll = lhs.length, rl = rhsLen;
    if (ll > 1 && lhs[0] === '0') { width = ll; zero = true; }
    if (ll > 2 && lhs[0] === '-' && lhs[1] === '0') { width = ll; zero = true; }
    if (rl > 1 && rhs[0] === '0' && width < rl) { width = rl; zero = true; }
    if (rl > 2 && rhs[0] === '-' && rhs[1] === '0' && width < rl) { width = rl; zero = true; }
    if (zero) width = Math.max(width, ll, rl);
  }
  if (incr === 0n) incr = 1n;
  if (start > end && incr > 0n) incr = -incr;
  else if (start < end && incr < 0n) incr = -incr;
  const span = end > start ? end - start : start - end;
  const absIncr = incr < 0n ? -incr : incr;
  if (span / absIncr + 1n > BigInt(MAX_SEQUENCE)) return null;
  const out: BTok[][] = [];
  let n = start;
  for (;;) {
    if (lhsT === 'char') {
      const ch = String.fromCharCode(Number(n));
      // a generated backslash quotes nothing: it leaves a quoted empty string
      out.push(ch === '\\' ? [{ type: 'Escaped', value: '' }] : [ch]);
    } else if (zero) {
      const neg = n < 0n;
      let digits = (neg ? -n : n).toString();
      const w = width - (neg ? 1 : 0);
      if (digits.length < w) digits = '0'.repeat(w - digits.length) + digits;
      out.push([...(neg ? '-' : '') + digits]);
    } else {
      out.push([...n.toString()]);
    }
    n += incr;
    if ((incr < 0n && n < end) || (incr > 0n && n > end)) break;
  }
  return out;
}

function toToks(word: Word): BTok[] {
  const toks: BTok[] = [];
  for (const p of word.parts) {
    if (p.type === 'Literal') for (const ch of p.value) toks.push(ch);
    else toks.push(p);
  }
  return toks;
}

const NAME_CHAR = /[A-Za-z0-9_]/;

function toWord(toks: BTok[], assignment: Word['assignment']): Word {
  const parts: WordPart[] = [];
  let lit = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (typeof t === 'string') { lit += t; continue; }
    // bash brace-expands the text before parameters: `$x{a,b}` becomes `$xa $xb`
    if (t.type === 'Param' && !t.braced && !t.op && !t.index && !t.indirect && /^[A-Za-z_]/.test(t.name)) {
      let name = t.name;
      while (i + 1 < toks.length && typeof toks[i + 1] === 'string' && NAME_CHAR.test(toks[i + 1] as string)) name += toks[++i];
      if (name !== t.name) {
        if (lit) { parts.push({ type: 'Literal', value: lit }); lit = ''; }
        parts.push({ ...t, name });
        continue;
      }
    }
    if (lit) { parts.push({ type: 'Literal', value: lit }); lit = ''; }
    parts.push(t);
  }
  if (lit) parts.push({ type: 'Literal', value: lit });
  const w: Word = { type: 'Word', parts };
  if (assignment) w.assignment = assignment;
  return w;
}

/** True when some unquoted literal text of the word has a `{`. */
export function hasBrace(word: Word): boolean {
  for (const p of word.parts) if (p.type === 'Literal' && p.value.includes('{')) return true;
  return false;
}

/** Brace-expands one word into one or more words (the word itself when nothing expands). */
export function braceExpand(word: Word): Word[] {
  if (!hasBrace(word)) return [word];
  const results = expandToks(toToks(word));
  if (results.length === 1 && results[0]!.length === 0 && word.parts.length === 0) return [word];
  return results.map((t) => toWord(t, word.assignment));
}
