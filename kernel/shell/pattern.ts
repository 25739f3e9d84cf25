// Shell pattern matching (bash's strmatch): * ? [...] with classes, backslash escapes, extglob
// ?() *() +() @() !(), plus the ${x#p} ${x%p} ${x/p/r} helpers. Patterns use backslash-escaping
// for quoted characters (expandPattern produces them that way). Compiled patterns are cached.

export interface PatternOptions {
  extglob?: boolean;
  nocase?: boolean;
  /** `*`, `?` and brackets never match `/` (pathname expansion). */
  pathname?: boolean;
  /** A leading `.` must be matched by a literal `.` (hidden files). */
  period?: boolean;
}

type Node =
  | { t: 'lit'; s: string }
  | { t: 'any' }
  | { t: 'star' }
  | { t: 'class'; src: string; neg: boolean }
  | { t: 'ext'; op: string; alts: Node[][] };

interface Compiled {
  /** Exact text when the pattern has no special characters (and no nocase). */
  literal: string | null;
  re: RegExp | null;
  /** Backtracking form, for !(…) */
  nodes: Node[] | null;
  opts: PatternOptions;
}

const CACHE_MAX = 512;
const cache = new Map<string, Compiled>();

const CLASSES: Record<string, string> = {
  alpha: '\\p{L}',
  digit: '0-9',
  alnum: '\\p{L}0-9',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
  space: '\\s',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~\\p{P}\\p{S}',
  cntrl: '\\p{Cc}',
  print: '\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}',
  graph: '\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}',
  xdigit: '0-9A-Fa-f',
  word: '\\p{L}0-9_',
};

function reEscape(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}
function classEscape(c: string): string {
  return /[\\\]\[^\-]/.test(c) ? '\\' + c : c;
}

// ---- parsing ----

class PatternParser {
  readonly p: string;
  i = 0;
  readonly extglob: boolean;
  hasNeg = false;
  special = false;
  constructor(p: string, extglob: boolean) { this.p = p; this.extglob = extglob; }

  /** Parses until end (or, inside an extglob group, until `|` or `)` at depth 0). */
  parseSeq(inGroup: boolean): Node[] {
    const p = this.p;
    const out: Node[] = [];
    let lit = '';
    const flush = (): void => { if (lit) { out.push({ t: 'lit', s: lit }); lit = ''; } };
    while (this.i < p.length) {
      const c = p[this.i]!;
      if (inGroup && (c === '|' || c === ')')) break;
      if (this.extglob && '?*+@!'.includes(c) && p[this.i + 1] === '(') {
        const save = this.i;
        this.i += 2;
        const alts: Node[][] = [];
        let ok = false;
        for (;;) {
          alts.push(this.parseSeq(true));
          if (this.i >= p.length) break;
          if (p[this.i] === '|') { this.i++; continue; }
          if (p[this.i] === ')') { this.i++; ok = true; break; }
        }
        if (ok) {
          flush();
          this.special = true;
          if (c === '!') this.hasNeg = true;
          out.push({ t: 'ext', op: c, alts });
          continue;
        }
        this.i = save;
      }
      if (c === '\\') {
        if (this.i + 1 < p.length) { lit += p[this.i + 1]; this.i += 2; } else { lit += '\\'; this.i++; }
        continue;
      }
      if (c === '*') {
        flush();
        this.special = true;
        if (out.length === 0 || out[out.length - 1]!.t !== 'star') out.push({ t: 'star' });
        this.i++;
        continue;
      }
      if (c === '?') { flush(); this.special = true; out.push({ t: 'any' }); this.i++; continue; }
      if (c === '[') {
        const cls = this.parseBracket();
        if (cls) { flush(); this.special = true; out.push(cls); continue; }
        lit += '['; this.i++;
        continue;
      }
      lit += c;
      this.i++;
    }
    flush();
    return out;
  }

  /** `[...]` at this.i; null (and this.i unchanged) when there is no closing bracket. */
  parseBracket(): Node | null {
    const p = this.p;
    let j = this.i + 1;
    let neg = false;
    if (p[j] === '!' || p[j] === '^') { neg = true; j++; }
    let src = '';
    let first = true;
    while (j < p.length) {
      const c = p[j]!;
      if (c === ']' && !first) {
        this.i = j + 1;
        return { t: 'class', src, neg };
      }
      first = false;
      if (c === '[' && (p[j + 1] === ':' || p[j + 1] === '=' || p[j + 1] === '.')) {
        const kind = p[j + 1]!;
        const end = p.indexOf(kind + ']', j + 2);
        if (end >= 0) {
          const name = p.slice(j + 2, end);
          j = end + 2;
          if (kind === ':') {
            src += CLASSES[name] ?? '';
          } else {
            // [=c=] and [.c.]: the character itself
            const ch = [...name][0] ?? '';
            src += classEscape(ch);
          }
          continue;
        }
      }
      if (c === '\\' && j + 1 < p.length) j++;
      const lo = codePointAtStr(p, j);
      let k = j + (lo > 0xffff ? 2 : 1);
      if (p[k] === '-' && k + 1 < p.length && p[k + 1] !== ']') {
        k++;
        if (p[k] === '\\' && k + 1 < p.length) k++;
        let hi: number;
        const end = p[k] === '[' && p[k + 1] === '.' ? p.indexOf('.]', k + 2) : -1;
        if (end >= 0) { hi = codePointAtStr(p.slice(k + 2, end), 0); k = end + 2; } else { hi = codePointAtStr(p, k); k += hi > 0xffff ? 2 : 1; }
        if (lo <= hi) src += classEscape(String.fromCodePoint(lo)) + '-' + classEscape(String.fromCodePoint(hi));
        j = k;
        continue;
      }
      const ch = String.fromCodePoint(lo);
      src += classEscape(ch);
      j = k;
    }
    return null;
  }
}

function codePointAtStr(s: string, i: number): number {
  return s.codePointAt(i) ?? 0;
}

// ---- compiling ----

function nodesToRe(nodes: Node[], o: PatternOptions): string {
  let s = '';
  for (const n of nodes) s += nodeToRe(n, o);
  return s;
}

function nodeToRe(n: Node, o: PatternOptions): string {
  switch (n.t) {
    case 'lit': {
      let s = '';
      for (const ch of n.s) s += reEscape(ch);
      return s;
    }
    case 'any': return o.pathname ? '[^/]' : '[^]';
    case 'star': return o.pathname ? '[^/]*' : '[^]*';
    case 'class':
      if (n.neg) return `[^${o.pathname ? '/' : ''}${n.src}]`;
      if (n.src === '') return '(?!)';
      return `[${n.src}]`;
    case 'ext': {
      const body = n.alts.map((a) => nodesToRe(a, o)).join('|');
      switch (n.op) {
        case '?': return `(?:${body})?`;
        case '*': return `(?:${body})*`;
        case '+': return `(?:${body})+`;
        default: return `(?:${body})`;
      }
    }
  }
}

function compile(pattern: string, o: PatternOptions): Compiled {
  const key = (o.extglob ? 'e' : '') + (o.nocase ? 'i' : '') + (o.pathname ? 'p' : '') + (o.period ? '.' : '') + ':' + pattern;
  let c = cache.get(key);
  if (c) return c;
  const parser = new PatternParser(pattern, !!o.extglob);
  const nodes = parser.parseSeq(false);
  c = { literal: null, re: null, nodes: null, opts: o };
  if (!parser.special && !o.nocase && !o.period) {
    c.literal = nodes.length === 0 ? '' : (nodes[0] as { s: string }).s;
  } else if (parser.hasNeg) {
    c.nodes = nodes;
  } else {
    let src = nodesToRe(nodes, o);
    if (o.period && !(nodes[0]?.t === 'lit' && nodes[0].s.startsWith('.'))) src = '(?!\\.)(?:' + src + ')';
    c.re = new RegExp('^(?:' + src + ')$', o.nocase ? 'iu' : 'u');
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, c);
  return c;
}

// ---- backtracking matcher (for !(…)) ----

function classMatches(n: { src: string; neg: boolean }, ch: string, o: PatternOptions): boolean {
  const re = classRe(n.src, o.nocase);
  const m = re.test(ch);
  if (n.neg) return !m && !(o.pathname && ch === '/');
  return m;
}
const classCache = new Map<string, RegExp>();
function classRe(src: string, nocase?: boolean): RegExp {
  const k = (nocase ? 'i' : '') + src;
  let re = classCache.get(k);
  if (!re) {
    re = new RegExp(src === '' ? '(?!)' : `^[${src}]$`, nocase ? 'iu' : 'u');
    if (classCache.size > CACHE_MAX) classCache.clear();
    classCache.set(k, re);
  }
  return re;
}

/** Does nodes[ni..] match exactly s[si..end)? */
function bt(nodes: Node[], ni: number, s: string, si: number, end: number, o: PatternOptions): boolean {
  while (ni < nodes.length) {
    const n = nodes[ni]!;
    switch (n.t) {
      case 'lit': {
        const len = n.s.length;
        if (si + len > end) return false;
        const part = s.slice(si, si + len);
        if (o.nocase ? part.toLowerCase() !== n.s.toLowerCase() : part !== n.s) return false;
        si += len;
        ni++;
        continue;
      }
      case 'any': {
        if (si >= end) return false;
        const cp = s.codePointAt(si)!;
        const l = cp > 0xffff ? 2 : 1;
        if (o.pathname && s[si] === '/') return false;
        si += l;
        ni++;
        continue;
      }
      case 'class': {
        if (si >= end) return false;
        const ch = String.fromCodePoint(s.codePointAt(si)!);
        if (!classMatches(n, ch, o)) return false;
        si += ch.length;
        ni++;
        continue;
      }
      case 'star': {
        if (ni === nodes.length - 1) {
          return !o.pathname || s.indexOf('/', si) < 0 || s.indexOf('/', si) >= end;
        }
        for (let k = si; k <= end; k++) {
          if (bt(nodes, ni + 1, s, k, end, o)) return true;
          if (k < end && o.pathname && s[k] === '/') return false;
        }
        return false;
      }
      case 'ext':
        return extMatch(n, nodes, ni, s, si, end, o);
    }
  }
  return si === end;
}

function altsMatchWhole(alts: Node[][], s: string, a: number, b: number, o: PatternOptions): boolean {
  for (const alt of alts) if (bt(alt, 0, s, a, b, o)) return true;
  return false;
}

function extMatch(n: { op: string; alts: Node[][] }, nodes: Node[], ni: number, s: string, si: number, end: number, o: PatternOptions): boolean {
  const rest = (k: number): boolean => bt(nodes, ni + 1, s, k, end, o);
  switch (n.op) {
    case '@':
      for (let k = si; k <= end; k++) if (altsMatchWhole(n.alts, s, si, k, o) && rest(k)) return true;
      return false;
    case '?':
      if (rest(si)) return true;
      for (let k = si; k <= end; k++) if (altsMatchWhole(n.alts, s, si, k, o) && rest(k)) return true;
      return false;
    case '*':
    case '+': {
      // one or more repetitions from si, each non-empty (empty repetitions add nothing)
      const rep = (from: number, count: number): boolean => {
        if ((count > 0 || n.op === '*') && rest(from)) return true;
        for (let k = from + 1; k <= end; k++) {
          if (altsMatchWhole(n.alts, s, from, k, o) && rep(k, count + 1)) return true;
        }
        if (count === 0 && n.op === '+' && altsMatchWhole(n.alts, s, from, from, o) && rest(from)) return true;
        return false;
      };
      return rep(si, 0);
    }
    case '!':
      for (let k = si; k <= end; k++) {
        if (o.pathname && k > si && s[k - 1] === '/') break;
        if (!altsMatchWhole(n.alts, s, si, k, o) && rest(k)) return true;
      }
      return false;
  }
  return false;
}

function runCompiled(c: Compiled, s: string): boolean {
  if (c.literal !== null) return s === c.literal;
  if (c.re) return c.re.test(s);
  const o = c.opts;
  if (o.period && s.startsWith('.')) {
    const first = c.nodes![0];
    if (!(first?.t === 'lit' && first.s.startsWith('.'))) return false;
  }
  return bt(c.nodes!, 0, s, 0, s.length, o);
}

// ---- public API ----

/** Matches the whole of `text` against a shell pattern. */
export function matchPattern(pattern: string, text: string, opts: PatternOptions = {}): boolean {
  return runCompiled(compile(pattern, opts), text);
}

/** The anchored RegExp for a pattern, or null when it needs the backtracking matcher (`!(…)`). */
export function patternToRegExp(pattern: string, opts: PatternOptions = {}): RegExp | null {
  const c = compile(pattern, opts);
  if (c.re) return c.re;
  if (c.literal !== null) {
    let s = '';
    for (const ch of c.literal) s += reEscape(ch);
    return new RegExp('^' + s + '$', 'u');
  }
  return null;
}

/** True when the pattern has an unquoted glob character (* ? [ with a closing ], or an extglob group). */
export function hasGlobChars(pattern: string, extglob = false): boolean {
  let open = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '*' || c === '?') return true;
    if (c === '[') open = true;
    else if (c === ']' && open) return true;
    else if (extglob && (c === '+' || c === '@' || c === '!') && pattern[i + 1] === '(') return true;
  }
  return false;
}

/** Removes pattern backslash-escapes (quote removal of a pattern that matched nothing). */
export function unescapePattern(p: string): string {
  if (p.indexOf('\\') < 0) return p;
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\' && i + 1 < p.length) { out += p[++i]; continue; }
    out += c;
  }
  return out;
}

const SPECIAL = /[\\*?[\]()|+@!^-]/;
/** Backslash-escapes every character special in a pattern (quoted text → literal pattern). */
export function escapePattern(s: string): string {
  if (!SPECIAL.test(s)) return s;
  let out = '';
  for (const ch of s) out += SPECIAL.test(ch) ? '\\' + ch : ch;
  return out;
}

/** Code-point boundaries of s (so patterns never split a surrogate pair). */
function boundaries(s: string): number[] | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const b: number[] = [0];
      for (let j = 0; j < s.length;) {
        const cp = s.codePointAt(j)!;
        j += cp > 0xffff ? 2 : 1;
        b.push(j);
      }
      return b;
    }
  }
  return null;
}

function positions(s: string): number[] {
  const b = boundaries(s);
  if (b) return b;
  const out = new Array<number>(s.length + 1);
  for (let i = 0; i <= s.length; i++) out[i] = i;
  return out;
}

/** ${x#p} (shortest) / ${x##p} (longest). */
export function removePrefix(value: string, pattern: string, longest: boolean, opts: PatternOptions = {}): string {
  const c = compile(pattern, opts);
  if (c.literal !== null) return value.startsWith(c.literal) ? value.slice(c.literal.length) : value;
  const pos = positions(value);
  if (longest) {
    for (let k = pos.length - 1; k >= 0; k--) if (runCompiled(c, value.slice(0, pos[k]))) return value.slice(pos[k]);
  } else {
    for (let k = 0; k < pos.length; k++) if (runCompiled(c, value.slice(0, pos[k]))) return value.slice(pos[k]);
  }
  return value;
}

/** ${x%p} (shortest) / ${x%%p} (longest). */
export function removeSuffix(value: string, pattern: string, longest: boolean, opts: PatternOptions = {}): string {
  const c = compile(pattern, opts);
  if (c.literal !== null) return value.endsWith(c.literal) ? value.slice(0, value.length - c.literal.length) : value;
  const pos = positions(value);
  if (longest) {
    for (let k = 0; k < pos.length; k++) if (runCompiled(c, value.slice(pos[k]))) return value.slice(0, pos[k]);
  } else {
    for (let k = pos.length - 1; k >= 0; k--) if (runCompiled(c, value.slice(pos[k]))) return value.slice(0, pos[k]);
  }
  return value;
}

export type ReplaceMode = 'first' | 'all' | 'prefix' | 'suffix';

/**
 * ${x/p/r} ${x//p/r} ${x/#p/r} ${x/%p/r}. `rep` gets the matched text (for `&` with
 * patsub_replacement). An empty pattern changes nothing except with the # and % anchors.
 */
export function replacePattern(value: string, pattern: string, rep: (match: string) => string, mode: ReplaceMode, opts: PatternOptions = {}): string {
  const c = compile(pattern, opts);
  if (pattern === '') {
    if (mode === 'prefix') return rep('') + value;
    if (mode === 'suffix') return value + rep('');
    return value;
  }
  const pos = positions(value);
  const n = pos.length - 1;
  if (mode === 'prefix') {
    for (let k = n; k >= 0; k--) {
      const m = value.slice(0, pos[k]);
      if (runCompiled(c, m)) return rep(m) + value.slice(pos[k]);
    }
    return value;
  }
  if (mode === 'suffix') {
    for (let k = 0; k <= n; k++) {
      const m = value.slice(pos[k]);
      if (runCompiled(c, m)) return value.slice(0, pos[k]) + rep(m);
    }
    return value;
  }
  let out = '';
  let i = 0;
  let copied = 0;
  while (i < n) {
    let found = -1;
    if (c.literal !== null) {
      const at = value.indexOf(c.literal, pos[i]);
      if (at < 0) break;
      // advance i to the boundary at `at`
      while (pos[i]! < at) i++;
      found = i + [...c.literal].length;
    } else {
      for (let j = n; j >= i; j--) {
        if (runCompiled(c, value.slice(pos[i], pos[j]))) { found = j; break; }
      }
      if (found < 0) { i++; continue; }
    }
    out += value.slice(copied, pos[i]) + rep(value.slice(pos[i], pos[found]));
    if (found === i) {
      // empty match: copy one character and move on
      out += value.slice(pos[i], pos[i + 1]);
      i++;
    } else {
      i = found;
    }
    copied = pos[i]!;
    if (mode === 'first') break;
  }
  return out + value.slice(copied);
}
