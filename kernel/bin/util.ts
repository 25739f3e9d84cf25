// Shared machinery of the JS utilities: programs from functions, GNU-style option parsing,
// GNU-style messages (quoting, strerror), buffered output and streaming input.
//
// Everything goes through the Proc interface; nothing here touches the host.

import { Errno, KernelError, strerror } from '../errno.ts';
import type { Proc, Program } from '../types.ts';

export const GNU_VERSION = '9.1';
/** Bytes asked of proc.read at a time. */
export const READ_CHUNK = 64 * 1024;
/** Output is flushed once this many bytes are pending. */
export const WRITE_CHUNK = 8 * 1024;

const encoder = new TextEncoder();
const utf8 = new TextDecoder();

// ---- program exits and errors ----

/** Thrown by helpers to end the program with a status (and optional text already formatted). */
export class ProgramExit extends Error {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  constructor(status: number, stderr = '', stdout = '') {
    super(`exit ${status}`);
    this.name = 'ProgramExit';
    this.status = status;
    this.stderr = stderr;
    this.stdout = stdout;
  }
}

/** Rethrows what a program must not swallow: the kernel's unwinds, EPIPE, and non-kernel errors. */
export function rethrowFatal(e: unknown): asserts e is KernelError {
  if (!(e instanceof KernelError) || e.errno === Errno.EPIPE) throw e;
}

/** The text GNU tools print for an error: strerror of a KernelError, the message of anything else. */
export function errText(e: unknown): string {
  if (e instanceof KernelError) return strerror(e.errno);
  return e instanceof Error ? e.message : String(e);
}

export function isErrno(e: unknown, name: keyof typeof Errno): boolean {
  return e instanceof KernelError && e.errno === Errno[name];
}

// ---- quoting like gnulib's quotearg (C locale) ----

const SHELL_SPECIAL = new Set(' !"$&\'()*;<=>?[\\^`|\t\n');
const SHELL_COMPAT = /^[A-Za-z0-9%+,\-./:@\]_ ']$/;

function octal3(n: number): string {
  return n.toString(8).padStart(3, '0');
}

function shellEscapeChar(code: number): string {
  switch (code) {
    case 7: return '\\a';
    case 8: return '\\b';
    case 9: return '\\t';
    case 10: return '\\n';
    case 11: return '\\v';
    case 12: return '\\f';
    case 13: return '\\r';
    default: return `\\${octal3(code)}`;
  }
}

/** The bytes of a JS string as a file name (UTF-8). */
function nameBytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** True if a name needs quoting in shell-escape style. */
export function needsQuoting(s: string): boolean {
  if (s === '') return true;
  const b = nameBytes(s);
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 32 || c >= 127) return true;
    const ch = String.fromCharCode(c);
    if (SHELL_SPECIAL.has(ch)) return true;
    if ((ch === '#' || ch === '~') && i === 0) return true;
  }
  if (s === '{' || s === '}') return true;
  return false;
}

/**
 * quotearg's shell-escape style: unchanged when safe, else '…' (or "…" when it holds a single
 * quote and nothing else special), control and non-ASCII bytes as $'\ooo'. `always` quotes safe
 * names too (shell-escape-always, used by quoteaf).
 */
export function shellQuote(s: string, always = false): string {
  if (!always && !needsQuoting(s)) return s;
  const b = nameBytes(s);
  let hasSingle = false;
  let compat = true;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    const ch = String.fromCharCode(c);
    if (c === 39) hasSingle = true;
    if (c >= 32 && c < 127 && (SHELL_COMPAT.test(ch) || ((ch === '#' || ch === '~') && i === 0))) continue;
    compat = false;
  }
  if (hasSingle && compat) return `"${s}"`;
  let out = "'";
  let inEscape = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 32 || c >= 127) {
      if (!inEscape) {
        out += "'$'";
        inEscape = true;
      }
      out += shellEscapeChar(c);
      continue;
    }
    if (inEscape) {
      out += "''";
      inEscape = false;
    }
    out += c === 39 ? "'\\''" : String.fromCharCode(c);
  }
  return out + "'";
}

/** quotef: quote a file name only if needed (shell-escape). */
export function quotef(s: string): string {
  return shellQuote(s, false);
}

/** quoteaf: always quote a file name (shell-escape-always). */
export function quoteaf(s: string): string {
  return shellQuote(s, true);
}

/**
 * quote(): gnulib locale quoting: 'x' in the C locale (\\ and ' escaped C-style), ‘x’ in a
 * UTF-8 locale. Use ctx.q(), which knows the locale.
 */
export function quote(s: string, utf8 = false): string {
  const b = nameBytes(s);
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 39 && !utf8) out += "\\'";
    else if (c === 92) out += '\\\\';
    else if (c < 32 || c === 127) out += shellEscapeChar(c);
    else if (c >= 128) {
      if (utf8) {
        // keep whole UTF-8 sequences
        let j = i + 1;
        while (j < b.length && (b[j]! & 0xc0) === 0x80) j++;
        out += utf8Decode(b.subarray(i, j));
        i = j - 1;
      } else out += shellEscapeChar(c);
    } else out += String.fromCharCode(c);
  }
  return utf8 ? `\u2018${out}\u2019` : `'${out}'`;
}

// ---- byte strings ("binary" strings: one char per byte, like the C locale sees text) ----

/** Bytes → string with one char per byte (ISO-8859-1; never windows-1252). */
export function bin(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let i = start; i < end; i += 8192) {
    const j = Math.min(end, i + 8192);
    s += String.fromCharCode.apply(null, bytes.subarray(i, j) as unknown as number[]);
  }
  return s;
}

/** A byte string (chars 0..255) back to bytes. */
export function unbin(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A JS string (argv, env) as the byte string a C program would see (UTF-8 bytes). */
export function argBytes(s: string): string {
  return bin(encoder.encode(s));
}

export function utf8Decode(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Compares two strings by Unicode code point (= UTF-8 byte order, strcmp in the C locale). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // surrogates (0xD800-0xDFFF) encode code points above 0xFFFF: they sort after 0xE000-0xFFFF
      const sx = x >= 0xd800 && x <= 0xdfff;
      const sy = y >= 0xd800 && y <= 0xdfff;
      if (sx !== sy) return sx ? 1 : -1;
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/** Whether the process's locale is a UTF-8 one (LC_ALL > LC_CTYPE > LANG). */
export function utf8Locale(proc: Proc): boolean {
  const env = proc.env;
  const v = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(v);
}

// ---- buffered output ----

/** Collects output and writes it in chunks; flush() before exiting or waiting for input. */
export class Output {
  readonly proc: Proc;
  readonly fd: number;
  #buf: Uint8Array;
  #len = 0;
  constructor(proc: Proc, fd = 1, initial = WRITE_CHUNK * 2) {
    this.proc = proc;
    this.fd = fd;
    this.#buf = new Uint8Array(initial);
  }

  get pending(): number {
    return this.#len;
  }

  /** True once enough is pending that the caller should `await flush()`. */
  get full(): boolean {
    return this.#len >= WRITE_CHUNK;
  }

  #room(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + n) size *= 2;
    const nb = new Uint8Array(size);
    nb.set(this.#buf.subarray(0, this.#len));
    this.#buf = nb;
  }

  /** Appends bytes. */
  put(data: Uint8Array): void {
    this.#room(data.length);
    this.#buf.set(data, this.#len);
    this.#len += data.length;
  }

  /** Appends one byte. */
  byte(c: number): void {
    if (this.#len >= this.#buf.length) this.#room(1);
    this.#buf[this.#len++] = c;
  }

  /** Appends text as UTF-8. */
  text(s: string): void {
    this.#room(s.length * 3);
    const r = encoder.encodeInto(s, this.#buf.subarray(this.#len));
    this.#len += r.written;
  }

  /** Appends a byte string (one char per byte). */
  bin(s: string): void {
    this.#room(s.length);
    const buf = this.#buf;
    let p = this.#len;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.#len = p;
  }

  /** Writes everything pending (the kernel may keep the array, so a fresh buffer follows). */
  async flush(): Promise<void> {
    if (this.#len === 0) return;
    const data = this.#buf.subarray(0, this.#len);
    this.#buf = new Uint8Array(Math.max(WRITE_CHUNK * 2, Math.min(this.#buf.length, 1 << 20)));
    this.#len = 0;
    await this.proc.write(this.fd, data);
  }

  /** Flushes if `full`. */
  async maybeFlush(): Promise<void> {
    if (this.#len >= WRITE_CHUNK) await this.flush();
  }
}

// ---- the program context ----

export interface Ctx {
  readonly proc: Proc;
  /** The name messages use: argv[0] as given (GNU's program_name). */
  readonly name: string;
  /** argv without argv[0]. */
  readonly args: string[];
  /** Buffered stdout. */
  readonly out: Output;
  /** Status to return: warn() sets it to 1. */
  status: number;
  /** Flushes stdout, then prints "name: msg" on stderr (does not change status). */
  say(msg: string): Promise<void>;
  /** Like say(), and sets status to 1. */
  warn(msg: string): Promise<void>;
  /** Ends the program: "name: msg" on stderr, status (default 1). */
  fail(msg: string, status?: number): never;
  /** Ends the program with a usage error: "name: msg\nTry 'name --help' …", the tool's usage status. */
  usage(msg: string): never;
  /** Ends the program with just "Try 'name --help' …" (after messages already printed). */
  tryHelp(): never;
  /** Status for usage errors (1 by default; ls/sort 2, env 125). */
  usageStatus: number;
  /** gnulib quote() in the process's locale: 'x' (C) or ‘x’ (UTF-8). */
  q(s: string): string;
}

export type Main = (ctx: Ctx) => Promise<number | void>;

class Context implements Ctx {
  readonly proc: Proc;
  readonly name: string;
  readonly args: string[];
  readonly out: Output;
  status = 0;
  usageStatus = 1;
  constructor(proc: Proc, fallbackName: string) {
    this.proc = proc;
    this.name = proc.argv[0] || fallbackName;
    this.args = proc.argv.slice(1);
    this.out = new Output(proc, 1);
  }
  async say(msg: string): Promise<void> {
    await this.out.flush();
    await this.proc.write(2, `${this.name}: ${msg}\n`);
  }
  async warn(msg: string): Promise<void> {
    this.status = 1;
    await this.say(msg);
  }
  fail(msg: string, status = 1): never {
    throw new ProgramExit(status, `${this.name}: ${msg}\n`);
  }
  usage(msg: string): never {
    throw new ProgramExit(this.usageStatus, `${this.name}: ${msg}\nTry '${this.name} --help' for more information.\n`);
  }
  tryHelp(): never {
    throw new ProgramExit(this.usageStatus, `Try '${this.name} --help' for more information.\n`);
  }
  #utf8: boolean | undefined;
  q(s: string): string {
    this.#utf8 ??= utf8Locale(this.proc);
    return quote(s, this.#utf8);
  }
}

/** A Program from a function: messages, --help/--version exits and output flushing handled. */
export function defineProgram(name: string, main: Main): Program {
  return {
    name,
    async run(proc: Proc): Promise<number> {
      const ctx = new Context(proc, name);
      let status: number;
      try {
        const r = await main(ctx);
        status = typeof r === 'number' ? r : ctx.status;
        await ctx.out.flush();
      } catch (e) {
        if (e instanceof ProgramExit) {
          if (e.stdout) ctx.out.text(e.stdout);
          await ctx.out.flush();
          if (e.stderr) await proc.write(2, e.stderr);
          return e.status;
        }
        rethrowFatal(e);
        // A KernelError nobody handled (e.g. a write error on stdout).
        await writeErrorExit(ctx, e);
        return 1;
      }
      return status;
    },
  };
}

async function writeErrorExit(ctx: Context, e: KernelError): Promise<void> {
  const msg = e.syscall === 'write' ? `write error: ${strerror(e.errno)}` : errText(e);
  try {
    await ctx.proc.write(2, `${ctx.name}: ${msg}\n`);
  } catch (e2) {
    rethrowFatal(e2);
  }
}

// ---- option parsing (getopt_long) ----

export type ArgKind = 'none' | 'required' | 'optional';

export interface OptSpec {
  /** Short option character. */
  short?: string;
  /** Long option name (without --). */
  long?: string;
  arg?: ArgKind;
  /** Result key (default: long name, else short char). */
  key?: string;
  /** Name of the argument in --help (default NUM/WORD-ish from arg). */
  argName?: string;
  /** --help text; omit to hide the option from --help. */
  help?: string;
}

export interface CommandSpec {
  /** Usage lines after "Usage: NAME " (first) and "  or:  NAME " (others). */
  usage: string | string[];
  /** Description printed after the usage lines. */
  about?: string;
  options: OptSpec[];
  /** Text after the option list. */
  after?: string;
  /** Stop at the first operand (getopt '+' mode), like env. */
  stopAtOperand?: boolean;
  /** Accept only --help/--version when they are the sole argument (true, false). */
}

export interface ParsedOpt {
  key: string;
  /** The option as the user spelled it, for messages: "-n" or "--lines". */
  name: string;
  value: string | undefined;
}

export class Options {
  readonly list: ParsedOpt[];
  readonly operands: string[];
  constructor(list: ParsedOpt[], operands: string[]) {
    this.list = list;
    this.operands = operands;
  }
  has(key: string): boolean {
    return this.list.some((o) => o.key === key);
  }
  /** Last value given for key. */
  get(key: string): string | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i]!.key === key) return this.list[i]!.value;
    return undefined;
  }
  all(key: string): string[] {
    return this.list.filter((o) => o.key === key).map((o) => o.value ?? '');
  }
}

function keyOf(o: OptSpec): string {
  return o.key ?? o.long ?? o.short!;
}

const HELP_OPT: OptSpec = { long: 'help', key: '--help', help: 'display this help and exit' };
const VERSION_OPT: OptSpec = { long: 'version', key: '--version', help: 'output version information and exit' };

/** --help text in GNU's layout. */
export function helpText(name: string, spec: CommandSpec): string {
  const usages = Array.isArray(spec.usage) ? spec.usage : [spec.usage];
  let s = `Usage: ${name} ${usages[0]}\n`;
  for (const u of usages.slice(1)) s += `  or:  ${name} ${u}\n`;
  if (spec.about) s += `${spec.about}\n`;
  const opts = spec.options.filter((o) => o.help);
  if (opts.length) s += '\n';
  for (const o of [...opts, HELP_OPT, VERSION_OPT]) {
    let left = o.short ? `  -${o.short}` : '    ';
    if (o.long) left += `${o.short ? ', ' : '  '}--${o.long}`;
    const an = o.argName ?? 'ARG';
    if (o.arg === 'required') left += o.long ? `=${an}` : ` ${an}`;
    else if (o.arg === 'optional') left += o.long ? `[=${an}]` : `[${an}]`;
    const lines = o.help!.split('\n');
    if (left.length >= 28) s += `${left}\n${' '.repeat(29)}${lines[0]}\n`;
    else s += `${left.padEnd(29)}${lines[0]}\n`;
    for (const l of lines.slice(1)) s += `${' '.repeat(31)}${l}\n`;
  }
  if (spec.after) s += `\n${spec.after}\n`;
  s += `\nagentvm ${name.replace(/.*\//, '')}: a TypeScript implementation following GNU coreutils ${GNU_VERSION}.\n`;
  return s;
}

export function versionText(name: string): string {
  const base = name.replace(/.*\//, '');
  return `${base} (GNU coreutils compatible; agentvm) ${GNU_VERSION}\n` +
    'This is a TypeScript reimplementation for agentvm, not the GNU program.\n';
}

/**
 * GNU getopt_long: combined short flags (-abc), -nVALUE / -n VALUE, --long, --long=value,
 * --long VALUE, unique prefixes of long names, `--` ending options, `-` as an operand,
 * operands permuted after options unless POSIXLY_CORRECT or spec.stopAtOperand.
 * --help and --version end the program (status 0). Errors end it with ctx.usageStatus.
 */
export function parseOptions(ctx: Ctx, spec: CommandSpec, args: string[] = ctx.args): Options {
  const all = [...spec.options, HELP_OPT, VERSION_OPT];
  const longs = all.filter((o) => o.long);
  const list: ParsedOpt[] = [];
  const operands: string[] = [];
  const stopEarly = spec.stopAtOperand || ctx.proc.env.POSIXLY_CORRECT !== undefined;
  let i = 0;
  while (i < args.length) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const nm = eq < 0 ? a.slice(2) : a.slice(2, eq);
      let match = longs.find((o) => o.long === nm);
      if (!match) {
        const cands = longs.filter((o) => o.long!.startsWith(nm));
        const distinct = cands.filter((o, k) => cands.findIndex((p) => keyOf(p) === keyOf(o) && p.arg === o.arg) === k);
        if (distinct.length === 0) ctx.usage(`unrecognized option '${a}'`);
        if (distinct.length > 1) {
          ctx.usage(`option '${a}' is ambiguous; possibilities:${cands.map((o) => ` '--${o.long}'`).join('')}`);
        }
        match = cands[0]!;
      }
      const kind = match.arg ?? 'none';
      let value: string | undefined;
      if (eq >= 0) {
        if (kind === 'none') ctx.usage(`option '--${match.long}' doesn't allow an argument`);
        value = a.slice(eq + 1);
      } else if (kind === 'required') {
        if (i + 1 >= args.length) ctx.usage(`option '--${match.long}' requires an argument`);
        value = args[++i];
      }
      i++;
      if (match === HELP_OPT) throw new ProgramExit(0, '', helpText(ctx.name, spec));
      if (match === VERSION_OPT) throw new ProgramExit(0, '', versionText(ctx.name));
      list.push({ key: keyOf(match), name: `--${match.long}`, value });
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let j = 1;
      i++;
      while (j < a.length) {
        const ch = a[j]!;
        const o = all.find((x) => x.short === ch);
        if (!o) ctx.usage(`invalid option -- '${ch}'`);
        const kind = o.arg ?? 'none';
        j++;
        if (kind === 'none') {
          list.push({ key: keyOf(o), name: `-${ch}`, value: undefined });
          continue;
        }
        let value: string | undefined;
        if (j < a.length) value = a.slice(j);
        else if (kind === 'required') {
          if (i >= args.length) ctx.usage(`option requires an argument -- '${ch}'`);
          value = args[i++];
        }
        list.push({ key: keyOf(o), name: `-${ch}`, value });
        break;
      }
      continue;
    }
    if (stopEarly) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(a);
    i++;
  }
  return new Options(list, operands);
}

/**
 * argmatch: a value for an option that takes one of fixed words (with unique-prefix matching).
 * `groups` lists the accepted spellings per meaning, first spelling = the meaning's name.
 */
export function argMatch(ctx: Ctx, opt: string, value: string, groups: string[][]): string {
  for (const g of groups) if (g.includes(value)) return g[0]!;
  const hits = groups.filter((g) => g.some((w) => w.startsWith(value)));
  if (value !== '' && hits.length === 1) return hits[0]![0]!;
  const kind = hits.length > 1 && value !== '' ? 'ambiguous' : 'invalid';
  let msg = `${kind} argument ${ctx.q(value)} for ${ctx.q(opt)}\nValid arguments are:`;
  for (const g of groups) msg += `\n  - ${g.map((w) => ctx.q(w)).join(', ')}`;
  // argmatch_die is usage (EXIT_FAILURE) in every tool, whatever its own usage status
  throw new ProgramExit(1, `${ctx.name}: ${msg}\nTry '${ctx.name} --help' for more information.\n`);
}

// ---- numbers with GNU suffixes ----

const SUFFIX_POW: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 };
const UINTMAX = (1n << 64n) - 1n;

/**
 * gnulib xstrtoumax with the suffixes head/tail accept ("bkKmMGTPEZY" plus KB/KiB forms):
 * b=512, K=KiB=1024, KB=1000, M=1024², … Returns the value, null when invalid, or 'overflow'
 * beyond 2^64-1.
 */
export function parseSize(s: string, suffixes = 'bkKmMGTPEZY'): bigint | null | 'overflow' {
  const m = /^[ \t\n\v\f\r]*\+?(\d+)(.*)$/s.exec(s);
  if (!m) return null;
  let n = BigInt(m[1]!);
  const suf = m[2]!;
  if (suf !== '') {
    const unit = suf[0]!;
    if (!suffixes.includes(unit)) return null;
    if (unit === 'b') {
      if (suf.length > 1) return null;
      n *= 512n;
    } else {
      const rest = suf.slice(1);
      let base: bigint;
      if (rest === '' || rest === 'iB') base = 1024n;
      else if (rest === 'B') base = 1000n;
      else return null;
      const pow = SUFFIX_POW[unit];
      if (pow === undefined) return null;
      n *= base ** BigInt(pow);
    }
  }
  return n > UINTMAX ? 'overflow' : n;
}

/** head/tail counts: "invalid number of lines: 'x'" (status 1) on errors. */
export function parseCount(ctx: Ctx, s: string, what: 'lines' | 'bytes'): number {
  const v = parseSize(s);
  if (v === null) ctx.fail(`invalid number of ${what}: ${ctx.q(s)}`);
  if (v === 'overflow') ctx.fail(`invalid number of ${what}: ${ctx.q(s)}: Value too large for defined data type`);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

// ---- streaming input ----

/** Opens a file operand for reading ('-' = stdin); returns the fd. Throws KernelError. */
export function openInput(proc: Proc, path: string): number {
  if (path === '-') return 0;
  return proc.open(path, 0);
}

export function closeInput(proc: Proc, fd: number): void {
  if (fd === 0) return;
  try {
    proc.close(fd);
  } catch (e) {
    rethrowFatal(e);
  }
}

/** Reads fd chunk by chunk until end of file. */
export async function* chunks(proc: Proc, fd: number, size = READ_CHUNK): AsyncGenerator<Uint8Array> {
  for (;;) {
    const c = await proc.read(fd, size);
    if (c.length === 0) return;
    yield c;
  }
}

/**
 * Splits a stream into lines (without their delimiter), yielding them in batches as they
 * arrive. `last.terminated` tells whether the final line had a delimiter.
 */
export class LineReader {
  readonly proc: Proc;
  readonly fd: number;
  readonly delim: number;
  /** Whether the last line returned ended with the delimiter. */
  terminated = true;
  #pending: Uint8Array[] = [];
  #pendingLen = 0;
  #eof = false;
  constructor(proc: Proc, fd: number, delim = 10) {
    this.proc = proc;
    this.fd = fd;
    this.delim = delim;
  }

  /** The next batch of complete lines, or null at end of input. */
  async batch(): Promise<Uint8Array[] | null> {
    for (;;) {
      if (this.#eof) return null;
      const c = await this.proc.read(this.fd, READ_CHUNK);
      if (c.length === 0) {
        this.#eof = true;
        if (this.#pendingLen === 0) return null;
        const line = this.#takePending(new Uint8Array(0));
        this.terminated = false;
        return [line];
      }
      const lines: Uint8Array[] = [];
      let start = 0;
      let idx = c.indexOf(this.delim);
      while (idx >= 0) {
        const piece = c.subarray(start, idx);
        lines.push(this.#pendingLen ? this.#takePending(piece) : piece);
        start = idx + 1;
        idx = c.indexOf(this.delim, start);
      }
      if (start < c.length) {
        this.#pending.push(c.subarray(start));
        this.#pendingLen += c.length - start;
      }
      if (lines.length) {
        this.terminated = true;
        return lines;
      }
    }
  }

  #takePending(tail: Uint8Array): Uint8Array {
    const out = new Uint8Array(this.#pendingLen + tail.length);
    let p = 0;
    for (const piece of this.#pending) {
      out.set(piece, p);
      p += piece.length;
    }
    out.set(tail, p);
    this.#pending = [];
    this.#pendingLen = 0;
    return out;
  }
}

/**
 * Like LineReader, but lines come as byte strings (one char per byte), decoded a chunk at a
 * time: far fewer allocations for line-oriented tools that compare text (sort, uniq).
 */
export class BinLineReader {
  readonly proc: Proc;
  readonly fd: number;
  readonly delim: string;
  /** Whether the last line returned ended with the delimiter. */
  terminated = true;
  #carry = '';
  #eof = false;
  constructor(proc: Proc, fd: number, delim = 10) {
    this.proc = proc;
    this.fd = fd;
    this.delim = String.fromCharCode(delim);
  }

  /** The next batch of complete lines, or null at end of input. */
  async batch(): Promise<string[] | null> {
    for (;;) {
      if (this.#eof) return null;
      const c = await this.proc.read(this.fd, READ_CHUNK);
      if (c.length === 0) {
        this.#eof = true;
        if (this.#carry === '') return null;
        this.terminated = false;
        const last = this.#carry;
        this.#carry = '';
        return [last];
      }
      const text = this.#carry + bin(c);
      const lines = text.split(this.delim);
      this.#carry = lines.pop()!;
      if (lines.length) {
        this.terminated = true;
        return lines;
      }
    }
  }
}

/** Concatenates byte arrays. */
export function concatBytes(parts: Uint8Array[], total?: number): Uint8Array {
  const n = total ?? parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Reads a whole fd (only for tools that must, like sort). */
export async function readAll(proc: Proc, fd: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const c of chunks(proc, fd)) {
    parts.push(c);
    total += c.length;
  }
  return parts.length === 1 ? parts[0]! : concatBytes(parts, total);
}

// ---- paths ----

/** Last component of a path, as basename(1) without suffix handling. */
export function baseName(p: string): string {
  if (p === '') return '';
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  if (end === 1 && p[0] === '/') return '/';
  const s = p.lastIndexOf('/', end - 1);
  return p.slice(s + 1, end);
}

/** dirname(1) semantics. */
export function dirName(p: string): string {
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  const s = p.lastIndexOf('/', end - 1);
  if (s < 0) return '.';
  let d = s;
  while (d > 0 && p[d - 1] === '/') d--;
  if (d === 0) return '/';
  return p.slice(0, d);
}

/** Joins a directory and a name the way coreutils builds child paths (no doubled slash). */
export function joinPath(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** Normalizes an absolute path lexically (., .., repeated slashes). */
export function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const c of p.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') parts.pop();
    else parts.push(c);
  }
  return `/${parts.join('/')}`;
}

/** Absolute form of a path relative to the process's cwd (lexical). */
export function absPath(proc: Proc, p: string): string {
  return normalizePath(p.startsWith('/') ? p : `${proc.cwd}/${p}`);
}

// ---- users and groups (from /etc/passwd and /etc/group, read through the VFS) ----

export class IdNames {
  readonly proc: Proc;
  #users: Map<number, string> | undefined;
  #groups: Map<number, string> | undefined;
  #userIds: Map<string, number> | undefined;
  #groupIds: Map<string, number> | undefined;
  constructor(proc: Proc) {
    this.proc = proc;
  }
  #load(path: string): [Map<number, string>, Map<string, number>] {
    const byId = new Map<number, string>();
    const byName = new Map<string, number>();
    let text = '';
    try {
      text = utf8Decode(this.proc.readFile(path));
    } catch (e) {
      rethrowFatal(e);
    }
    for (const line of text.split('\n')) {
      const f = line.split(':');
      if (f.length < 3 || f[0] === '') continue;
      const id = Number(f[2]);
      if (!Number.isInteger(id)) continue;
      if (!byId.has(id)) byId.set(id, f[0]!);
      if (!byName.has(f[0]!)) byName.set(f[0]!, id);
    }
    return [byId, byName];
  }
  user(uid: number): string | undefined {
    if (!this.#users) [this.#users, this.#userIds] = this.#load('/etc/passwd');
    return this.#users.get(uid);
  }
  group(gid: number): string | undefined {
    if (!this.#groups) [this.#groups, this.#groupIds] = this.#load('/etc/group');
    return this.#groups.get(gid);
  }
  uidOf(name: string): number | undefined {
    if (!this.#userIds) [this.#users, this.#userIds] = this.#load('/etc/passwd');
    return this.#userIds.get(name);
  }
  gidOf(name: string): number | undefined {
    if (!this.#groupIds) [this.#groups, this.#groupIds] = this.#load('/etc/group');
    return this.#groupIds.get(name);
  }
}
