// Comparisons GNU sort (and ls -v) use, in the C locale, on byte strings (one char per byte):
// numeric (-n), general numeric (-g), human numeric (-h), month (-M) and version (-V).

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10;
}

/** A -n number, decomposed so comparisons are exact at any length. */
export interface NumKey {
  neg: boolean;
  int: string; // no leading zeros
  frac: string; // no trailing zeros
  /** the value as a double when it is exact (at most 15 significant digits) */
  v: number | undefined;
}

/** Parses the -n prefix of s: blanks, optional '-', digits, optional '.digits' (no thousands separator in C). */
export function numKey(s: string): NumKey {
  let i = 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  let neg = false;
  if (s.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  let j = i;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  let int = s.slice(i, j);
  let frac = '';
  if (s.charCodeAt(j) === 46) {
    let k = j + 1;
    while (k < s.length && isDigit(s.charCodeAt(k))) k++;
    frac = s.slice(j + 1, k);
  }
  let z = 0;
  while (z < int.length && int.charCodeAt(z) === 48) z++;
  int = int.slice(z);
  let e = frac.length;
  while (e > 0 && frac.charCodeAt(e - 1) === 48) e--;
  frac = frac.slice(0, e);
  if (int === '' && frac === '') neg = false;
  let v: number | undefined;
  if (int.length + frac.length <= 15) {
    v = Number(`${int || '0'}.${frac || '0'}`);
    if (neg) v = -v;
  }
  return { neg, int, frac, v };
}

function cmpMagnitude(a: NumKey, b: NumKey): number {
  if (a.int.length !== b.int.length) return a.int.length < b.int.length ? -1 : 1;
  if (a.int !== b.int) return a.int < b.int ? -1 : 1;
  if (a.frac !== b.frac) return a.frac < b.frac ? -1 : 1;
  return 0;
}

export function numCompare(a: NumKey, b: NumKey): number {
  if (a.v !== undefined && b.v !== undefined) return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  if (a.neg !== b.neg) return a.neg ? -1 : 1;
  const d = cmpMagnitude(a, b);
  return a.neg ? -d : d;
}

// ---- -h: human numeric ----

const UNIT_ORDER: Record<string, number> = { K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8, R: 9, Q: 10 };

export interface HumanKey {
  order: number;
  num: NumKey;
}

export function humanKey(s: string): HumanKey {
  let i = 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  const minus = s.charCodeAt(i) === 45;
  let p = i + (minus ? 1 : 0);
  let nonzero = false;
  while (p < s.length && isDigit(s.charCodeAt(p))) {
    if (s.charCodeAt(p) !== 48) nonzero = true;
    p++;
  }
  if (s.charCodeAt(p) === 46) {
    p++;
    while (p < s.length && isDigit(s.charCodeAt(p))) {
      if (s.charCodeAt(p) !== 48) nonzero = true;
      p++;
    }
  }
  let order = 0;
  if (nonzero) {
    order = UNIT_ORDER[s[p] ?? ''] ?? 0;
    if (minus) order = -order;
  }
  return { order, num: numKey(s) };
}

export function humanCompare(a: HumanKey, b: HumanKey): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return numCompare(a.num, b.num);
}

// ---- -g: general numeric (strtold prefix) ----

const FLOAT_RE = /^[ \t\n\v\f\r]*([+-]?(?:0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan(?:\([0-9A-Za-z_]*\))?))/i;

/** strtod of the longest numeric prefix; undefined when nothing converts. */
export function strtod(s: string): number | undefined {
  const m = FLOAT_RE.exec(s);
  if (!m) return undefined;
  let t = m[1]!;
  const neg = t.startsWith('-');
  if (t[0] === '+' || t[0] === '-') t = t.slice(1);
  let v: number;
  const lower = t.toLowerCase();
  if (lower.startsWith('inf')) v = Infinity;
  else if (lower.startsWith('nan')) v = NaN;
  else if (lower.startsWith('0x')) {
    const hm = /^0x([0-9a-f]*)\.?([0-9a-f]*)(?:p([+-]?\d+))?$/.exec(lower)!;
    const digits = hm[1]! + hm[2]!;
    v = digits === '' ? 0 : parseInt(digits, 16) / 16 ** hm[2]!.length;
    if (hm[3]) v *= 2 ** Number(hm[3]);
  } else v = Number(t);
  return neg ? -v : v;
}

export function generalCompare(a: number | undefined, b: number | undefined): number {
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  // NaNs after conversion errors but before numbers
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  return 1;
}

// ---- -M: months ----

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export function monthKey(s: string): number {
  let i = 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  const m = s.slice(i, i + 3).replace(/[a-z]/g, (c) => c.toUpperCase());
  return MONTHS.indexOf(m) + 1;
}

// ---- -V: gnulib filevercmp ----

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function fileprefixLen(s: string): number {
  const n = s.length;
  let prefixlen = 0;
  let i = 0;
  for (;;) {
    if (i === n) return prefixlen;
    i++;
    prefixlen = i;
    while (i + 1 < n && s.charCodeAt(i) === 46 && (isAlpha(s.charCodeAt(i + 1)) || s.charCodeAt(i + 1) === 126)) {
      for (i += 2; i < n && (isAlpha(s.charCodeAt(i)) || isDigit(s.charCodeAt(i)) || s.charCodeAt(i) === 126); i++) { /* suffix */ }
    }
  }
}

function order(s: string, pos: number, len: number): number {
  if (pos === len) return -1;
  const c = s.charCodeAt(pos);
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 126) return -2;
  return c + 256;
}

function verrevcmp(s1: string, l1: number, s2: string, l2: number): number {
  let p1 = 0;
  let p2 = 0;
  while (p1 < l1 || p2 < l2) {
    let firstDiff = 0;
    while ((p1 < l1 && !isDigit(s1.charCodeAt(p1))) || (p2 < l2 && !isDigit(s2.charCodeAt(p2)))) {
      const c1 = order(s1, p1, l1);
      const c2 = order(s2, p2, l2);
      if (c1 !== c2) return c1 - c2;
      p1++;
      p2++;
    }
    while (p1 < l1 && s1.charCodeAt(p1) === 48) p1++;
    while (p2 < l2 && s2.charCodeAt(p2) === 48) p2++;
    while (p1 < l1 && p2 < l2 && isDigit(s1.charCodeAt(p1)) && isDigit(s2.charCodeAt(p2))) {
      if (!firstDiff) firstDiff = s1.charCodeAt(p1) - s2.charCodeAt(p2);
      p1++;
      p2++;
    }
    if (p1 < l1 && isDigit(s1.charCodeAt(p1))) return 1;
    if (p2 < l2 && isDigit(s2.charCodeAt(p2))) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** gnulib filevercmp: version-aware name comparison (sort -V, ls -v). */
export function filevercmp(a: string, b: string): number {
  if (a === '') return b === '' ? 0 : -1;
  if (b === '') return 1;
  if (a[0] === '.') {
    if (b[0] !== '.') return -1;
    const adot = a.length === 1;
    const bdot = b.length === 1;
    if (adot) return bdot ? 0 : -1;
    if (bdot) return 1;
    const add = a === '..';
    const bdd = b === '..';
    if (add) return bdd ? 0 : -1;
    if (bdd) return 1;
  } else if (b[0] === '.') return 1;
  const ap = fileprefixLen(a);
  const bp = fileprefixLen(b);
  const onePass = ap === a.length && bp === b.length;
  const r = verrevcmp(a, ap, b, bp);
  return r || onePass ? r : verrevcmp(a, a.length, b, b.length);
}
