// seq: print a sequence of numbers (GNU options -f -s -w). Decimal arguments are computed
// exactly (no floating point drift: `seq 0 0.1 0.3` ends at 0.3); output is produced in chunks,
// so `seq 1 10000000 | head -2` ends at once.

import { defineProgram, parseOptions, type Ctx } from './util.ts';
import { decFromNumber, fixedDigits, formatFloat, type Conv, type Dec } from './numfmt.ts';

const spec = {
  usage: ['[OPTION]... LAST', '[OPTION]... FIRST LAST', '[OPTION]... FIRST INCREMENT LAST'],
  about: 'Print numbers from FIRST to LAST, in steps of INCREMENT.',
  options: [
    { short: 'f', long: 'format', arg: 'required' as const, argName: 'FORMAT', help: 'use printf style floating-point FORMAT' },
    { short: 's', long: 'separator', arg: 'required' as const, argName: 'STRING', help: 'use STRING to separate numbers (default: \\n)' },
    { short: 'w', long: 'equal-width', help: 'equalize width by padding with leading zeroes' },
  ],
  stopAtOperand: true,
};

/** An operand: exact decimal (most) or a double (hex, infinities). */
interface Operand {
  exact: Dec | null;
  value: number;
  /** digits after the point that matter for the default format; Infinity = use %g */
  precision: number;
  width: number;
  negZero: boolean;
}

function scanArg(ctx: Ctx, arg: string): Operand {
  const s = arg.replace(/^[ \t\n\v\f\r]+/, '');
  const dm = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (dm && (dm[2] !== '' || (dm[3] !== undefined && dm[3] !== ''))) {
    const neg = dm[1] === '-';
    const intPart = dm[2]!;
    const fracPart = dm[3] ?? '';
    const exp = dm[4] !== undefined ? Number(dm[4]) : 0;
    let d = BigInt((intPart + fracPart) || '0');
    let scale = fracPart.length - exp;
    if (scale < 0) {
      d *= 10n ** BigInt(-scale);
      scale = 0;
    }
    let precision = fracPart.length;
    let width = s.length;
    if (dm[3] !== undefined) {
      if (fracPart.length === 0) width--;
      else if (intPart === '') width++;
    }
    if (dm[4] !== undefined) {
      precision = exp < 0 ? precision - exp : precision - Math.min(precision, exp);
      const x: Dec = { neg, d, scale };
      width = (neg ? 1 : 0) + fixedDigits(x, precision).length;
    }
    const exact: Dec = { neg: neg && d !== 0n, d, scale };
    return { exact, value: Number(s), precision, width, negZero: neg && d === 0n };
  }
  const lower = s.toLowerCase();
  const sign = lower.startsWith('-') ? -1 : 1;
  const body = lower.replace(/^[+-]/, '');
  if (body === 'inf' || body === 'infinity') {
    return { exact: null, value: sign * Infinity, precision: 0, width: s.length, negZero: false };
  }
  if (/^nan(\(.*\))?$/.test(body)) ctx.usage(`invalid 'not-a-number' argument: ${ctx.q(arg)}`);
  const hm = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(body);
  if (hm && (hm[1] !== '' || (hm[2] ?? '') !== '')) {
    const digits = hm[1]! + (hm[2] ?? '');
    let v = parseInt(digits || '0', 16) / 16 ** (hm[2] ?? '').length;
    if (hm[3]) v *= 2 ** Number(hm[3]);
    return { exact: null, value: sign * v, precision: Infinity, width: s.length, negZero: false };
  }
  ctx.usage(`invalid floating point argument: ${ctx.q(arg)}`);
}

interface Format {
  prefix: string;
  suffix: string;
  conv: Conv;
}

function parseFormat(ctx: Ctx, fmt: string): Format {
  let prefix = '';
  let i = 0;
  const lit = (): string => {
    let out = '';
    while (i < fmt.length) {
      if (fmt[i] === '%') {
        if (fmt[i + 1] === '%') {
          out += '%';
          i += 2;
          continue;
        }
        break;
      }
      out += fmt[i++];
    }
    return out;
  };
  prefix = lit();
  if (i >= fmt.length) ctx.fail(`format ${ctx.q(fmt)} has no % directive`);
  i++;
  const m = /^([-+ #0']*)(\d*)(?:\.(\d*))?(L?)(.?)/.exec(fmt.slice(i))!;
  i += m[0].length;
  const conv = m[5]!;
  if (conv === '') ctx.fail(`format ${ctx.q(fmt)} ends in %`);
  if (!'aAeEfFgG'.includes(conv)) ctx.fail(`format ${ctx.q(fmt)} has unknown %${conv} directive`);
  const suffix = lit();
  if (i < fmt.length) ctx.fail(`format ${ctx.q(fmt)} has too many % directives`);
  return {
    prefix, suffix,
    conv: { flags: m[1]!, width: m[2] ? Number(m[2]) : 0, prec: m[3] !== undefined ? Number(m[3] || '0') : -1, conv },
  };
}

function cmpDec(a: Dec, b: Dec): number {
  const s = Math.max(a.scale, b.scale);
  const x = (a.neg ? -a.d : a.d) * 10n ** BigInt(s - a.scale);
  const y = (b.neg ? -b.d : b.d) * 10n ** BigInt(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const seq = defineProgram('seq', async (ctx: Ctx) => {
  const args = ctx.args;
  // options stop at the first operand, and at anything that looks like a negative number
  let k = 0;
  while (k < args.length) {
    const a = args[k]!;
    if (a === '--') {
      k++;
      break;
    }
    if (!a.startsWith('-') || a === '-' || /^-[.\d]/.test(a)) break;
    if (a.startsWith('--')) {
      const nm = a.slice(2).split('=')[0]!;
      if (!a.includes('=') && nm !== '' && ['format', 'separator'].some((n) => n.startsWith(nm)) && !'equal-width'.startsWith(nm)) k++;
    } else {
      for (let j = 1; j < a.length; j++) {
        if (a[j] === 'f' || a[j] === 's') {
          if (j === a.length - 1) k++;
          break;
        }
      }
    }
    k++;
  }
  const o = parseOptions(ctx, spec, args.slice(0, k));
  const operands = [...o.operands, ...args.slice(k)];
  const format = o.get('format');
  const sep = o.get('separator') ?? '\n';
  const equalWidth = o.has('equal-width');
  if (operands.length === 0) ctx.usage('missing operand');
  if (operands.length > 3) ctx.usage(`extra operand ${ctx.q(operands[3]!)}`);
  const fmt = format !== undefined ? parseFormat(ctx, format) : null;
  if (fmt && equalWidth) ctx.usage('format string may not be specified when printing equal width strings');
  const one = (): Operand => ({ exact: { neg: false, d: 1n, scale: 0 }, value: 1, precision: 0, width: 1, negZero: false });
  const first = operands.length > 1 ? scanArg(ctx, operands[0]!) : one();
  const step = operands.length > 2 ? scanArg(ctx, operands[1]!) : one();
  const last = scanArg(ctx, operands[operands.length - 1]!);
  if (step.value === 0 && (step.exact ? step.exact.d === 0n : true)) {
    ctx.usage(`invalid Zero increment value: ${ctx.q(operands[1]!)}`);
  }

  // the default format: %.Pf (or %0W.Pf with -w) when all precisions are known, else %g
  const prec = Math.max(first.precision, step.precision);
  let conv: Conv;
  if (fmt) conv = fmt.conv;
  else if (prec !== Infinity && last.precision !== Infinity) {
    let width = 0;
    if (equalWidth) {
      let firstW = first.width + (prec - first.precision);
      let lastW = last.width + (prec - last.precision);
      if (last.precision && prec === 0) lastW--;
      if (last.precision === 0 && prec) lastW++;
      if (first.precision === 0 && prec) firstW++;
      width = Math.max(firstW, lastW);
    }
    conv = { flags: equalWidth ? '0' : '', width, prec, conv: 'f' };
  } else conv = { flags: '', width: 0, prec: -1, conv: 'g' };
  const prefix = fmt?.prefix ?? '';
  const suffix = fmt?.suffix ?? '';

  const out = ctx.out;
  let count = 0;
  const emit = (x: Dec, negZero: boolean): void => {
    if (count++) out.text(sep);
    let s = formatFloat(x, conv);
    if (negZero && !x.neg) s = formatFloat({ ...x, neg: true }, conv);
    out.text(prefix + s + suffix);
  };

  // Fast path for the common case (integers in the safe range, default format): plain numbers.
  const plainInt = (o: Operand) => o.exact !== null && o.exact.scale === 0 && !o.negZero && Number.isSafeInteger(o.value);
  if (!fmt && conv.conv === 'f' && conv.prec === 0 && conv.width === 0 && plainInt(first) && plainInt(step) && plainInt(last)) {
    const inc = step.value;
    const end = last.value;
    for (let x = first.value; inc > 0 ? x <= end : x >= end; x += inc) {
      if (count++) out.text(sep);
      out.text(String(x));
      if (out.full) await out.flush();
    }
    if (count) out.text('\n');
    return;
  }
  const up = step.value > 0 || (step.exact !== null && !step.exact.neg);
  if (first.exact && step.exact) {
    // exact decimal arithmetic
    let x: Dec = first.exact;
    const st = step.exact;
    const lastExact = last.exact;
    const lastVal = last.value;
    let i = 0;
    // fast path: plain integers in the safe range, default format
    if (!fmt && !equalWidth && x.scale === 0 && st.scale === 0 && (!lastExact || lastExact.scale === 0) && !first.negZero) {
      const MAX = Number.MAX_SAFE_INTEGER;
      let n = Number(x.neg ? -x.d : x.d);
      const s = Number(st.neg ? -st.d : st.d);
      const lim = lastExact ? Number(lastExact.neg ? -lastExact.d : lastExact.d) : lastVal;
      if (Math.abs(n) < MAX && Math.abs(s) < MAX && Math.abs(lim) <= MAX || !Number.isFinite(lim)) {
        let buf = '';
        while ((up ? n <= lim : n >= lim) && Math.abs(n) <= MAX - Math.abs(s)) {
          buf += count++ ? sep + n : String(n);
          n += s;
          if (buf.length >= 8192) {
            out.text(buf);
            buf = '';
            await out.flush();
          }
        }
        out.text(buf);
        x = { neg: n < 0, d: BigInt(Math.abs(n)), scale: 0 };
        i = count;
      }
    }
    for (;;) {
      if (lastExact) {
        const c = cmpDec(x, lastExact);
        if (up ? c > 0 : c < 0) break;
      } else {
        const v = Number(`${x.neg ? '-' : ''}${x.d}e-${x.scale}`);
        if (up ? v > lastVal : v < lastVal) break;
      }
      emit(x, i === 0 && first.negZero);
      if (out.full) await out.flush();
      i++;
      const s = Math.max(x.scale, st.scale);
      const a = (x.neg ? -x.d : x.d) * 10n ** BigInt(s - x.scale);
      const b = (st.neg ? -st.d : st.d) * 10n ** BigInt(s - st.scale);
      const sum = a + b;
      x = { neg: sum < 0n, d: sum < 0n ? -sum : sum, scale: s };
    }
  } else {
    const f = first.value;
    const st = step.value;
    for (let i = 0; ; i++) {
      const x = f + i * st;
      if (Number.isNaN(x) || (up ? x > last.value : x < last.value)) break;
      emit(decFromNumber(x), false);
      if (out.full) await out.flush();
      if (!Number.isFinite(x) || (i > 0 && x === f + (i - 1) * st)) break;
    }
  }
  if (count) out.text('\n');
});
