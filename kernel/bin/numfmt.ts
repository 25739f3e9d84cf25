// printf-style formatting of floating point values (%f %e %g %a and upper-case forms) on exact
// decimals, rounding half to even like glibc. Used by seq (default and -f formats).

/** An exact decimal: (-1)^neg * d / 10^scale, or an infinity/NaN. */
export interface Dec {
  neg: boolean;
  d: bigint;
  scale: number;
  special?: 'inf' | 'nan';
}

export interface Conv {
  flags: string;
  width: number;
  /** -1 when not given */
  prec: number;
  conv: string;
}

const buf = new DataView(new ArrayBuffer(8));

/** The exact decimal value of a double. */
export function decFromNumber(v: number): Dec {
  if (Number.isNaN(v)) return { neg: false, d: 0n, scale: 0, special: 'nan' };
  const neg = v < 0 || Object.is(v, -0);
  if (!Number.isFinite(v)) return { neg, d: 0n, scale: 0, special: 'inf' };
  buf.setFloat64(0, Math.abs(v));
  const bits = buf.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  if (mant === 0n) return { neg, d: 0n, scale: 0 };
  if (exp >= 0) return { neg, d: mant << BigInt(exp), scale: 0 };
  return { neg, d: mant * 5n ** BigInt(-exp), scale: -exp };
}

export function decToNumber(x: Dec): number {
  if (x.special === 'nan') return NaN;
  if (x.special === 'inf') return x.neg ? -Infinity : Infinity;
  const v = Number(`${x.d}e-${x.scale}`);
  return x.neg ? -v : v;
}

const pow10cache: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 64) return (pow10cache[n] ??= 10n ** BigInt(n));
  return 10n ** BigInt(n);
}

/** d / 10^drop rounded half to even. */
function roundDrop(d: bigint, drop: number): bigint {
  if (drop <= 0) return d * pow10(-drop);
  const p = pow10(drop);
  const q = d / p;
  const r = d % p;
  const twice = r * 2n;
  if (twice > p || (twice === p && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Digits of |x| with exactly `prec` fraction digits. */
export function fixedDigits(x: Dec, prec: number): string {
  const q = roundDrop(x.d, x.scale - prec);
  let s = q.toString();
  if (prec === 0) return s;
  if (s.length <= prec) s = s.padStart(prec + 1, '0');
  return `${s.slice(0, s.length - prec)}.${s.slice(s.length - prec)}`;
}

/** [mantissa digits (prec+1 of them), decimal exponent] of |x| rounded to prec+1 significant digits. */
function sciDigits(x: Dec, prec: number): [string, number] {
  if (x.d === 0n) return ['0'.repeat(prec + 1), 0];
  const len = x.d.toString().length;
  let exp = len - 1 - x.scale;
  let q = roundDrop(x.d, len - (prec + 1));
  let s = q.toString();
  if (s.length > prec + 1) {
    // rounding carried into a new digit (9.99 -> 10.0)
    exp++;
    q = roundDrop(x.d, len - prec);
    s = q.toString();
    if (s.length < prec + 1) s = s.padEnd(prec + 1, '0');
  }
  if (s.length < prec + 1) s = s.padEnd(prec + 1, '0');
  return [s, exp];
}

function expText(exp: number): string {
  const a = Math.abs(exp);
  return `${exp < 0 ? '-' : '+'}${a < 10 ? '0' : ''}${a}`;
}

function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

function hexFloat(v: number, prec: number, upper: boolean): string {
  // glibc long double style: leading hex digit 8..f
  if (v === 0) return `0x0${prec > 0 ? `.${'0'.repeat(prec)}` : ''}p+0`;
  let e = Math.floor(Math.log2(v)) - 3;
  let m = v / 2 ** e;
  while (m >= 16) {
    m /= 2;
    e++;
  }
  while (m < 8) {
    m *= 2;
    e--;
  }
  let lead = Math.floor(m);
  let frac = m - lead;
  let digits = '';
  const maxDigits = prec >= 0 ? prec : 16;
  for (let i = 0; i < maxDigits && (prec >= 0 || frac > 0); i++) {
    frac *= 16;
    const dgt = Math.floor(frac);
    digits += dgt.toString(16);
    frac -= dgt;
  }
  if (prec >= 0 && frac * 2 >= 1) {
    // round the last hex digit (ties away; glibc rounds to even, rare in practice)
    let arr = digits.split('').map((c) => parseInt(c, 16));
    let i = arr.length - 1;
    for (; i >= 0; i--) {
      arr[i]!++;
      if (arr[i]! < 16) break;
      arr[i] = 0;
    }
    if (i < 0) lead++;
    digits = arr.map((n) => n.toString(16)).join('');
    if (lead >= 16) {
      lead = 8;
      e++;
      arr = [];
    }
  }
  const s = `0x${lead.toString(16)}${digits ? `.${digits}` : ''}p${e >= 0 ? '+' : ''}${e}`;
  return upper ? s.toUpperCase() : s;
}

/** Formats x for one conversion (%f %F %e %E %g %G %a %A) with its flags, width and precision. */
export function formatFloat(x: Dec, c: Conv): string {
  const upper = c.conv === 'F' || c.conv === 'E' || c.conv === 'G' || c.conv === 'A';
  const alt = c.flags.includes('#');
  let body: string;
  if (x.special) {
    body = x.special === 'inf' ? 'inf' : 'nan';
    if (upper) body = body.toUpperCase();
  } else {
    const conv = c.conv.toLowerCase();
    const prec = c.prec < 0 ? 6 : c.prec;
    if (conv === 'f') {
      body = fixedDigits(x, prec);
      if (alt && prec === 0) body += '.';
    } else if (conv === 'e') {
      const [m, e] = sciDigits(x, prec);
      body = `${m[0]}${prec > 0 || alt ? '.' : ''}${m.slice(1)}e${expText(e)}`;
    } else if (conv === 'g') {
      const p = prec === 0 ? 1 : prec;
      const [, e] = sciDigits(x, p - 1);
      if (p > e && e >= -4) {
        body = fixedDigits(x, p - 1 - e);
        if (!alt) body = stripZeros(body);
        else if (!body.includes('.')) body += '.';
      } else {
        const [m] = sciDigits(x, p - 1);
        let mant = `${m[0]}${p - 1 > 0 || alt ? '.' : ''}${m.slice(1)}`;
        if (!alt) mant = stripZeros(mant);
        body = `${mant}e${expText(e)}`;
      }
    } else {
      body = hexFloat(Math.abs(decToNumber(x)), c.prec, false);
    }
    if (upper) body = body.toUpperCase();
  }
  const sign = x.neg && !(x.special === 'nan') ? '-' : c.flags.includes('+') ? '+' : c.flags.includes(' ') ? ' ' : '';
  const len = sign.length + body.length;
  if (len >= c.width) return sign + body;
  if (c.flags.includes('-')) return sign + body + ' '.repeat(c.width - len);
  if (c.flags.includes('0') && !x.special) {
    const prefix = body.startsWith('0x') || body.startsWith('0X') ? body.slice(0, 2) : '';
    return sign + prefix + '0'.repeat(c.width - len) + body.slice(prefix.length);
  }
  return ' '.repeat(c.width - len) + sign + body;
}
