// printf [-v var] format [arguments]: bash's printf.def on bytes, 64-bit integers (BigInt) and
// x87 long doubles (numfmt.ts). The format is reused while arguments remain.

import type { Shell } from '../contracts.ts';
import { ShellError } from '../contracts.ts';
import { ByteBuf, decodeEscapes, utf8Locale } from './escapes.ts';
import {
  expDigits, fixedDigits, generalDigits, hexDigits, ldFromInt, strtoint, strtold, type LongDouble,
} from './numfmt.ts';
import { quotePrintf } from '../quote.ts';
import { strftime } from './strftime.ts';
import { assign, encoder, errText, isAssignTarget, isName, parseOpts, usage } from './util.ts';
import { KernelError, strerror } from '../../errno.ts';

const LENMODS = 'hjlLtz';
const FLAGS = "#'-+ 0";

interface Spec { flags: string; width: number | null; prec: number | null }

class Printer {
  readonly sh: Shell;
  readonly args: string[];
  readonly utf8: boolean;
  readonly out = new ByteBuf();
  argi = 0;
  status = 0;
  constructor(sh: Shell, args: string[]) {
    this.sh = sh;
    this.args = args;
    this.utf8 = utf8Locale(sh);
  }

  /** Messages for stderr, printed in order before the output (bash's stdout is buffered). */
  readonly msgs: string[] = [];
  warn(msg: string): void {
    this.msgs.push(`printf: ${msg}`);
  }

  next(): string | undefined {
    return this.argi < this.args.length ? this.args[this.argi++] : undefined;
  }

  /** sh_invalidnum */
  #invalid(s: string): void {
    const what = s[0] === '0' && s[1] >= '0' && s[1] <= '9' ? 'invalid octal number'
      : s[0] === '0' && s[1] === 'x' ? 'invalid hex number' : 'invalid number';
    this.warn(`${s}: ${what}`);
    this.status = 1;
  }

  /** Value of a leading-quote argument ('c / "c): the character's code. */
  #charValue(a: string): bigint {
    if (a.length < 2) return 0n;
    if (this.utf8) return BigInt(a.codePointAt(1)!);
    return BigInt(encoder.encode(a.slice(1))[0]);
  }

  getInt(unsigned: boolean): bigint {
    const a = this.next();
    if (a === undefined || a === '') return 0n;
    if (a[0] === "'" || a[0] === '"') {
      const v = this.#charValue(a);
      return unsigned ? v & 0xffffffffffffffffn : v;
    }
    const r = strtoint(a, unsigned);
    if (r.end === 0 || r.end < a.length) this.#invalid(a);
    else if (r.range) this.warn(`warning: ${a}: ${strerror(34)}`);
    return r.value;
  }

  getFloat(): LongDouble {
    const a = this.next();
    if (a === undefined || a === '') return ldFromInt(0n);
    if (a[0] === "'" || a[0] === '"') return ldFromInt(this.#charValue(a));
    const r = strtold(a);
    if (r.end === 0 || r.end < a.length) this.#invalid(a);
    else if (r.range) this.warn(`warning: ${a}: ${strerror(34)}`);
    return r.value;
  }

  /** Width / precision from a `*` argument (clamped to int). */
  getStarInt(): number {
    const v = this.getInt(false);
    if (v > 0x7fffffffn) return 0x7fffffff;
    if (v < -0x7fffffffn) return -0x7fffffff;
    return Number(v);
  }

  /** Pads bytes to the width, honouring '-'. */
  pad(body: Uint8Array, s: Spec): void {
    const w = s.width ?? 0;
    if (w > body.length && !s.flags.includes('-')) for (let i = body.length; i < w; i++) this.out.byte(32);
    this.out.bytes(body);
    if (w > body.length && s.flags.includes('-')) for (let i = body.length; i < w; i++) this.out.byte(32);
  }

  /** %s-like output: precision truncates (bytes), width pads. */
  str(bytes: Uint8Array, s: Spec): void {
    const body = s.prec !== null && s.prec < bytes.length ? bytes.subarray(0, s.prec) : bytes;
    this.pad(body, s);
  }

  /** Lays out sign + prefix + digits with zero or space padding. */
  number(sign: string, prefix: string, digits: string, s: Spec, zeroOk: boolean): void {
    const w = s.width ?? 0;
    const len = sign.length + prefix.length + digits.length;
    let text: string;
    if (len >= w) text = sign + prefix + digits;
    else if (s.flags.includes('-')) text = sign + prefix + digits + ' '.repeat(w - len);
    else if (zeroOk && s.flags.includes('0')) text = sign + prefix + '0'.repeat(w - len) + digits;
    else text = ' '.repeat(w - len) + sign + prefix + digits;
    this.out.str(text);
  }

  int(conv: string, s: Spec): void {
    const signed = conv === 'd' || conv === 'i';
    const v = this.getInt(!signed);
    const neg = v < 0n;
    const abs = neg ? -v : v;
    const base = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
    let digits = abs.toString(base);
    if (conv === 'X') digits = digits.toUpperCase();
    if (s.prec !== null) {
      if (s.prec === 0 && abs === 0n) digits = '';
      else if (digits.length < s.prec) digits = '0'.repeat(s.prec - digits.length) + digits;
    }
    let sign = '';
    if (signed) sign = neg ? '-' : s.flags.includes('+') ? '+' : s.flags.includes(' ') ? ' ' : '';
    let prefix = '';
    if (s.flags.includes('#')) {
      if (conv === 'o' && digits[0] !== '0') digits = '0' + digits;
      else if ((conv === 'x' || conv === 'X') && abs !== 0n) prefix = conv === 'x' ? '0x' : '0X';
    }
    this.number(sign, prefix, digits, s, s.prec === null);
  }

  float(conv: string, s: Spec): void {
    const v = this.getFloat();
    const upper = conv === 'F' || conv === 'E' || conv === 'G' || conv === 'A';
    const alt = s.flags.includes('#');
    const sign = v.neg ? '-' : s.flags.includes('+') ? '+' : s.flags.includes(' ') ? ' ' : '';
    if (v.kind !== 'num') {
      const t = v.kind === 'inf' ? 'inf' : 'nan';
      this.number(sign, '', upper ? t.toUpperCase() : t, s, false);
      return;
    }
    const prec = s.prec ?? 6;
    let body: string;
    let prefix = '';
    switch (conv) {
      case 'f': case 'F': body = fixedDigits(v, prec, alt); break;
      case 'e': case 'E': body = expDigits(v, prec, alt, upper); break;
      case 'g': case 'G': body = generalDigits(v, prec, alt, upper); break;
      default: {
        const h = hexDigits(v, s.prec, alt, upper);
        prefix = h.slice(0, 2);
        body = h.slice(2);
      }
    }
    this.number(sign, prefix, body, s, true);
  }
}

/** Runs the format once; returns 'stop' after \c in %b, 'error' after a format error. */
function runFormat(p: Printer, fmt: string): 'ok' | 'stop' | 'error' {
  const sh = p.sh;
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const pct = fmt.indexOf('%', i);
    const litEnd = pct < 0 ? n : pct;
    if (litEnd > i) decodeEscapes(fmt.slice(i, litEnd), { mode: 'format', utf8: p.utf8, warn: m => p.warn(m) }, p.out);
    if (pct < 0) break;
    const start = pct;
    i = pct + 1;
    if (fmt[i] === '%') { p.out.byte(37); i++; continue; }
    const spec: Spec = { flags: '', width: null, prec: null };
    while (i < n && FLAGS.includes(fmt[i])) spec.flags += fmt[i++];
    if (fmt[i] === '*') {
      i++;
      const w = p.getStarInt();
      if (w < 0) { spec.flags += '-'; spec.width = -w; } else spec.width = w;
    } else {
      let w = '';
      while (fmt[i] >= '0' && fmt[i] <= '9') w += fmt[i++];
      if (w) spec.width = Math.min(Number(w), 0x7fffffff);
    }
    if (fmt[i] === '.') {
      i++;
      if (fmt[i] === '*') {
        i++;
        const pr = p.getStarInt();
        spec.prec = pr < 0 ? null : pr;
      } else {
        let pr = '';
        while (fmt[i] >= '0' && fmt[i] <= '9') pr += fmt[i++];
        spec.prec = pr ? Math.min(Number(pr), 0x7fffffff) : 0;
      }
    }
    while (i < n && LENMODS.includes(fmt[i])) i++;
    if (i >= n) {
      p.warn(`\`${fmt.slice(start)}': missing format character`);
      return 'error';
    }
    const conv = fmt[i++];
    switch (conv) {
      case 'c': {
        const a = p.next();
        const b = a === undefined || a === '' ? new Uint8Array([0]) : encoder.encode(a).subarray(0, 1);
        p.pad(b, spec);
        break;
      }
      case 's': p.str(encoder.encode(p.next() ?? ''), spec); break;
      case 'b': {
        const buf = new ByteBuf();
        const stop = decodeEscapes(p.next() ?? '', { mode: 'b', utf8: p.utf8, warn: m => p.warn(m) }, buf);
        p.str(buf.toBytes(), spec);
        if (stop) return 'stop';
        break;
      }
      case 'q': p.str(encoder.encode(quotePrintf(p.next() ?? '', p.utf8)), spec); break;
      case 'Q': {
        let a = encoder.encode(p.next() ?? '');
        if (spec.prec !== null && spec.prec < a.length) a = a.subarray(0, spec.prec);
        p.pad(encoder.encode(quotePrintf(new TextDecoder().decode(a), p.utf8)), spec);
        break;
      }
      case '(': {
        let depth = 1, j = i;
        for (; j < n; j++) {
          if (fmt[j] === '(') depth++;
          else if (fmt[j] === ')' && --depth === 0) break;
        }
        if (fmt[j + 1] !== 'T') {
          p.warn(`warning: \`${fmt[j + 1] ?? ''}': invalid time format specification`);
          p.out.byte(37);
          i = start + 1;
          continue;
        }
        let tf = fmt.slice(i, j);
        if (tf === '') tf = '%X';
        i = j + 2;
        const a = p.argi < p.args.length ? p.getInt(false) : -1n;
        const nowSec = Math.floor(sh.proc.kernel.now() / 1000);
        let secs: number;
        if (a === -1n) secs = nowSec;
        else if (a === -2n) secs = nowSec - Number(sh.vars.get('SECONDS') ?? 0);
        else secs = Number(a);
        const text = strftime(tf, secs, sh.vars.get('TZ'));
        p.str(encoder.encode(text.length >= 128 ? '' : text), spec);
        break;
      }
      case 'n': {
        const name = p.next();
        if (name) {
          if (!isName(name)) {
            p.warn(`\`${name}': not a valid identifier`);
            return 'error';
          }
          sh.vars.set(name, String(p.out.length));
        }
        break;
      }
      case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
        p.int(conv, spec);
        break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        p.float(conv, spec);
        break;
      default:
        p.warn(`\`${conv}': invalid format character`);
        return 'error';
    }
  }
  return 'ok';
}

export async function printf(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'printf', args, 'v:');
  if (typeof parsed === 'number') return parsed;
  let target: string | undefined;
  for (const o of parsed.opts) target = o.arg;
  if (target !== undefined && !isAssignTarget(target)) {
    await sh.error(`printf: \`${target}': not a valid identifier`);
    return 2;
  }
  if (parsed.rest.length === 0) return usage(sh, 'printf');
  const fmt = parsed.rest[0];
  const p = new Printer(sh, parsed.rest.slice(1));
  let result: 'ok' | 'stop' | 'error' = 'ok';
  try {
    for (;;) {
      const before = p.argi;
      result = runFormat(p, fmt);
      if (result !== 'ok') break;
      if (p.argi >= p.args.length || p.argi === before) break;
    }
  } catch (e) {
    for (const m of p.msgs) await sh.error(m);
    if (e instanceof ShellError) { await sh.error(e.message); return e.status; }
    throw e;
  }
  for (const m of p.msgs) await sh.error(m);
  const status = result === 'error' ? 1 : p.status;
  if (target !== undefined) {
    let text = p.out.toString();
    const nul = text.indexOf('\0');
    if (nul >= 0) text = text.slice(0, nul);
    try {
      assign(sh, target, text);
    } catch (e) {
      if (e instanceof ShellError) { await sh.error(e.message); return 1; }
      throw e;
    }
    return status;
  }
  if (p.out.length > 0) {
    try {
      await sh.write(1, p.out.toBytes());
    } catch (e) {
      if (e instanceof KernelError) { await sh.error(`printf: write error: ${errText(e)}`); return 1; }
      throw e;
    }
  }
  return status;
}
