// Shared machinery of the JS utilities: programs from functions, GNU-style option parsing,
// GNU-style messages (quoting, strerror), buffered output and streaming input.
//
// Everything goes through the Proc interface; nothing here touches the host.

import { KernelError, strerror } from '../errno.ts';
import { ProgramExit, errText, rethrowFatal } from './errors.ts';
import type { Proc, Program } from '../types.ts';
import { Output, utf8Locale } from './io.ts';
import { quote } from './quote.ts';

export const GNU_VERSION = '9.1';
export * from './io.ts';
export * from './quote.ts';
export * from './paths.ts';
export * from './errors.ts';

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
        if (e instanceof Error && !(e instanceof KernelError)) {
          // a bug in the utility: report it like the kernel would, without a stack trace
          await ctx.proc.write(2, `${ctx.name}: internal error: ${e.message}\n`);
          return 1;
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
