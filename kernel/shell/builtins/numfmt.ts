// Number parsing and formatting for printf, as glibc does it for bash: strtoimax/strtoumax
// (64-bit, base prefixes, ERANGE clamping) and strtold + %f %e %g %a on an x87 80-bit long
// double (64-bit mantissa), formatted exactly with BigInt arithmetic.

export interface ParsedNum<T> {
  value: T;
  /** Index just past the parsed prefix (0 when nothing was parsed). */
  end: number;
  /** The value overflowed and was clamped (ERANGE). */
  range: boolean;
}

const INTMAX_MAX = 0x7fffffffffffffffn;
const INTMAX_MIN = -0x8000000000000000n;
const UINTMAX_MAX = 0xffffffffffffffffn;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

function digitVal(c: string): number {
  const x = c.charCodeAt(0);
  if (x >= 48 && x <= 57) return x - 48;
  if (x >= 97 && x <= 122) return x - 87;
  if (x >= 65 && x <= 90) return x - 55;
  return 99;
}

/** strtoimax(s, &end, 0) / strtoumax when `unsigned`. */
export function strtoint(s: string, unsigned: boolean): ParsedNum<bigint> {
  let i = 0;
  while (isSpace(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') { neg = s[i] === '-'; i++; }
  let base = 10;
  if (s[i] === '0') {
    if ((s[i + 1] === 'x' || s[i + 1] === 'X') && s[i + 2] !== undefined && digitVal(s[i + 2]) < 16) { base = 16; i += 2; }
    else base = 8;
  }
  const start = i;
  let v = 0n;
  const b = BigInt(base);
  while (i < s.length && digitVal(s[i]) < base) { v = v * b + BigInt(digitVal(s[i])); i++; }
  if (i === start) return { value: 0n, end: 0, range: false };
  if (unsigned) {
    if (v > UINTMAX_MAX) return { value: UINTMAX_MAX, end: i, range: true };
    return { value: neg ? (-v) & UINTMAX_MAX : v, end: i, range: false };
  }
  if (neg) v = -v;
  if (v > INTMAX_MAX) return { value: INTMAX_MAX, end: i, range: true };
  if (v < INTMAX_MIN) return { value: INTMAX_MIN, end: i, range: true };
  return { value: v, end: i, range: false };
}

/** An 80-bit long double: m * 2^e with m < 2^64 (normalised so bit 63 is set unless zero). */
export type LongDouble =
  | { kind: 'num'; neg: boolean; m: bigint; e: number }
  | { kind: 'inf'; neg: boolean }
  | { kind: 'nan'; neg: boolean };

const bitLen = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);
const MAX_EXP = 16384;    // 2^16384 overflows the long double range
const MIN_EXP = -16445;   // exponent of the smallest subnormal (2^-16445); normal numbers have m >= 2^63 at e >= this

/** Rounds num/den (num, den > 0) to a 64-bit mantissa: returns { m, e } with value ≈ m * 2^e. */
function roundToMantissa(num: bigint, den: bigint): { m: bigint; e: number } {
  // choose s so that (num << s) / den has 64 bits
  let s = 64 - (bitLen(num) - bitLen(den));
  let q: bigint, r: bigint, d: bigint;
  for (;;) {
    const n2 = s >= 0 ? num << BigInt(s) : num;
    d = s >= 0 ? den : den << BigInt(-s);
    q = n2 / d; r = n2 % d;
    const bl = bitLen(q);
    if (bl > 64) { s--; continue; }
    if (bl < 64) { s++; continue; }
    break;
  }
  // round half to even
  const twice = r * 2n;
  if (twice > d || (twice === d && (q & 1n) === 1n)) {
    q += 1n;
    if (bitLen(q) > 64) { q >>= 1n; s--; }
  }
  return { m: q, e: -s };
}

/** strtold(s, &end): decimal and hex floats, inf/infinity/nan. */
export function strtold(s: string): ParsedNum<LongDouble> {
  let i = 0;
  while (isSpace(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') { neg = s[i] === '-'; i++; }
  const rest = s.slice(i).toLowerCase();
  if (rest.startsWith('infinity')) return { value: { kind: 'inf', neg }, end: i + 8, range: false };
  if (rest.startsWith('inf')) return { value: { kind: 'inf', neg }, end: i + 3, range: false };
  if (rest.startsWith('nan')) {
    let end = i + 3;
    const m = /^\([0-9a-z_]*\)/i.exec(s.slice(end));
    if (m) end += m[0].length;
    return { value: { kind: 'nan', neg }, end, range: false };
  }
  const zero = (end: number): ParsedNum<LongDouble> => ({ value: { kind: 'num', neg, m: 0n, e: 0 }, end, range: false });
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
    let j = i + 2;
    let mant = 0n, exp = 0, digits = 0;
    while (j < s.length && digitVal(s[j]) < 16) { mant = mant * 16n + BigInt(digitVal(s[j])); j++; digits++; }
    if (s[j] === '.') {
      j++;
      while (j < s.length && digitVal(s[j]) < 16) { mant = mant * 16n + BigInt(digitVal(s[j])); j++; exp -= 4; digits++; }
    }
    if (digits === 0) return zero(i + 1); // just the "0"
    const pm = /^[pP]([-+]?\d+)/.exec(s.slice(j));
    if (pm) { exp += Math.max(-100000, Math.min(100000, Number(pm[1]))); j += pm[0].length; }
    return finish(neg, mant, exp, 1n, j);
  }
  let j = i;
  let mant = 0n, dexp = 0, digits = 0;
  while (j < s.length && s[j] >= '0' && s[j] <= '9') { mant = mant * 10n + BigInt(s.charCodeAt(j) - 48); j++; digits++; }
  if (s[j] === '.') {
    j++;
    while (j < s.length && s[j] >= '0' && s[j] <= '9') { mant = mant * 10n + BigInt(s.charCodeAt(j) - 48); j++; dexp--; digits++; }
  }
  if (digits === 0) return { value: { kind: 'num', neg: false, m: 0n, e: 0 }, end: 0, range: false };
  const em = /^[eE]([-+]?\d+)/.exec(s.slice(j));
  if (em) { dexp += Math.max(-100000, Math.min(100000, Number(em[1]))); j += em[0].length; }
  if (mant === 0n) return zero(j);
  // quick range checks before building huge numbers
  const mag = mant.toString().length + dexp;
  if (mag > 4933) return { value: { kind: 'inf', neg }, end: j, range: true };
  if (mag < -4951) return { value: { kind: 'num', neg, m: 0n, e: 0 }, end: j, range: true };
  if (dexp >= 0) return finish(neg, mant * 10n ** BigInt(dexp), 0, 1n, j);
  return finish(neg, mant, 0, 10n ** BigInt(-dexp), j);
}

/** value = num * 2^exp / den, rounded to a long double. */
function finish(neg: boolean, num: bigint, exp: number, den: bigint, end: number): ParsedNum<LongDouble> {
  if (num === 0n) return { value: { kind: 'num', neg, m: 0n, e: 0 }, end, range: false };
  const { m, e } = roundToMantissa(num, den);
  const e2 = e + exp;
  if (e2 + 64 > MAX_EXP) return { value: { kind: 'inf', neg }, end, range: true };
  if (e2 < MIN_EXP) {
    // subnormal: round the exact value to a multiple of 2^MIN_EXP
    const sh = exp - MIN_EXP;
    let n2 = num, d2 = den;
    if (sh >= 0) n2 <<= BigInt(sh); else d2 <<= BigInt(-sh);
    let q = n2 / d2;
    const r2 = (n2 % d2) * 2n;
    if (r2 > d2 || (r2 === d2 && (q & 1n) === 1n)) q += 1n;
    if (q === 0n) return { value: { kind: 'num', neg, m: 0n, e: 0 }, end, range: true };
    return { value: { kind: 'num', neg, m: q, e: MIN_EXP }, end, range: true };
  }
  return { value: { kind: 'num', neg, m, e: e2 }, end, range: false };
}

/** A long double from an integer (for 'c character values). */
export function ldFromInt(n: bigint): LongDouble {
  if (n === 0n) return { kind: 'num', neg: false, m: 0n, e: 0 };
  const neg = n < 0n;
  const a = neg ? -n : n;
  const { m, e } = roundToMantissa(a, 1n);
  return { kind: 'num', neg, m, e };
}

// ---- exact decimal conversion ----

/** round(m * 2^e * 10^k), half to even (k may be negative). */
function scaledRound(m: bigint, e: number, k: number): bigint {
  let num = m, den = 1n;
  if (e >= 0) num <<= BigInt(e); else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k); else den *= 10n ** BigInt(-k);
  const q = num / den, r = num % den;
  const twice = r * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Decimal exponent X with 10^X <= m*2^e < 10^(X+1) (m > 0). */
function decExponent(m: bigint, e: number): number {
  let x = Math.floor((bitLen(m) - 1 + e) * 0.30102999566398120);
  // verify: 10^x <= v < 10^(x+1)
  const cmp = (p: number): number => { // sign of v - 10^p
    let a = m, b = 1n;
    if (e >= 0) a <<= BigInt(e); else b <<= BigInt(-e);
    if (p >= 0) b *= 10n ** BigInt(p); else a *= 10n ** BigInt(-p);
    return a > b ? 1 : a < b ? -1 : 0;
  };
  while (cmp(x) < 0) x--;
  while (cmp(x + 1) >= 0) x++;
  return x;
}

/** Digits of %.<prec>f for |v| (no sign). */
export function fixedDigits(v: { m: bigint; e: number }, prec: number, alt: boolean): string {
  const q = v.m === 0n ? 0n : scaledRound(v.m, v.e, prec);
  let s = q.toString();
  if (prec === 0) return alt ? s + '.' : s;
  if (s.length <= prec) s = '0'.repeat(prec - s.length + 1) + s;
  return `${s.slice(0, s.length - prec)}.${s.slice(s.length - prec)}`;
}

/** Mantissa digits (prec+1 of them) and exponent of %.<prec>e for |v|. */
function expParts(v: { m: bigint; e: number }, prec: number): { digits: string; x: number } {
  if (v.m === 0n) return { digits: '0'.repeat(prec + 1), x: 0 };
  let x = decExponent(v.m, v.e);
  let q = scaledRound(v.m, v.e, prec - x);
  if (q >= 10n ** BigInt(prec + 1)) { x++; q = scaledRound(v.m, v.e, prec - x); }
  return { digits: q.toString(), x };
}

function expString(digits: string, x: number, prec: number, alt: boolean, upper: boolean): string {
  let s = digits[0];
  if (prec > 0 || alt) s += '.';
  s += digits.slice(1);
  const ax = Math.abs(x);
  s += (upper ? 'E' : 'e') + (x < 0 ? '-' : '+') + (ax < 10 ? '0' : '') + ax;
  return s;
}

export function expDigits(v: { m: bigint; e: number }, prec: number, alt: boolean, upper: boolean): string {
  const { digits, x } = expParts(v, prec);
  return expString(digits, x, prec, alt, upper);
}

export function generalDigits(v: { m: bigint; e: number }, precIn: number, alt: boolean, upper: boolean): string {
  const p = precIn === 0 ? 1 : precIn;
  const { digits, x } = expParts(v, p - 1);
  let s: string;
  if (x < p && x >= -4) s = fixedDigits(v, p - 1 - x, alt);
  else s = expString(digits, x, p - 1, alt, upper);
  if (!alt) {
    // strip trailing zeros of the fraction
    const ePos = s.search(/[eE]/);
    let mant = ePos >= 0 ? s.slice(0, ePos) : s;
    const tail = ePos >= 0 ? s.slice(ePos) : '';
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    s = mant + tail;
  }
  return s;
}

/** %a on an x87 long double: 0x<h>.<15 hex>p<exp>, leading nibble 8–f. */
export function hexDigits(v: { m: bigint; e: number }, prec: number | null, alt: boolean, upper: boolean): string {
  let s: string;
  if (v.m === 0n) {
    s = '0x0' + (prec && prec > 0 ? '.' + '0'.repeat(prec) : alt ? '.' : '') + 'p+0';
  } else {
    let lead = Number(v.m >> 60n);
    let frac = v.m & ((1n << 60n) - 1n);
    let exp = v.e + 60;
    let fracHex: string;
    if (prec === null) {
      fracHex = frac.toString(16).padStart(15, '0').replace(/0+$/, '');
    } else {
      if (prec < 15) {
        const drop = BigInt((15 - prec) * 4);
        const q = frac >> drop, r = frac & ((1n << drop) - 1n);
        const half = 1n << (drop - 1n);
        let f = q;
        if (r > half || (r === half && ((prec === 0 ? BigInt(lead) : q) & 1n) === 1n)) f = q + 1n;
        if (f >= 1n << BigInt(prec * 4)) { f -= 1n << BigInt(prec * 4); lead++; }
        frac = f;
        if (lead === 16) { lead = 1; exp += 4; }
        fracHex = prec === 0 ? '' : frac.toString(16).padStart(prec, '0');
      } else fracHex = frac.toString(16).padStart(15, '0') + '0'.repeat(prec - 15);
    }
    s = '0x' + lead.toString(16) + (fracHex || alt ? '.' : '') + fracHex + 'p' + (exp < 0 ? '-' : '+') + Math.abs(exp);
  }
  return upper ? s.toUpperCase() : s;
}
