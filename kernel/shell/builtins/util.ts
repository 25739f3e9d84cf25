// Helpers shared by the builtins: bash's internal_getopt, usage errors, identifier checks,
// assignment to `name` / `name[sub]` targets and errno texts.

import type { Shell } from '../contracts.ts';
import { ShellError } from '../contracts.ts';
import { KernelError, strerror } from '../../errno.ts';

export const encoder = new TextEncoder();

/** Exit status of a usage error (EX_USAGE). */
export const EX_USAGE = 2;

/** The `usage:` line of each builtin, printed on stderr without the "bash: line N:" prefix. */
export const usages: Record<string, string> = {
  alias: 'alias [-p] [name[=value] ... ]',
  caller: 'caller [expr]',
  cd: 'cd [-L|[-P [-e]] [-@]] [dir]',
  compgen: 'compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]',
  declare: 'declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]',
  dirs: 'dirs [-clpv] [+N] [-N]',
  enable: 'enable [-a] [-dnps] [-f filename] [name ...]',
  export: 'export [-fn] [name[=value] ...] or export -p',
  getopts: 'getopts optstring name [arg ...]',
  hash: 'hash [-lr] [-p pathname] [-dt] [name ...]',
  help: 'help [-dms] [pattern ...]',
  let: 'let arg [arg ...]',
  local: 'local [option] name[=value] ...',
  mapfile: 'mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]',
  popd: 'popd [-n] [+N | -N]',
  printf: 'printf [-v var] format [arguments]',
  pushd: 'pushd [-n] [+N | -N | dir]',
  pwd: 'pwd [-LP]',
  read: 'read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]',
  readarray: 'readarray [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]',
  readonly: 'readonly [-aAf] [name[=value] ...] or readonly -p',
  shopt: 'shopt [-pqsu] [-o] [optname ...]',
  type: 'type [-afptP] name [name ...]',
  typeset: 'typeset [-aAfFgiIlnrtux] name[=value] ... or typeset -p [-aAfFilnrtux] [name ...]',
  ulimit: 'ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]',
  umask: 'umask [-p] [-S] [mode]',
  unalias: 'unalias [-a] name [name ...]',
  unset: 'unset [-f] [-v] [-n] [name ...]',
};

/** Prints "<name>: usage: …" on stderr (bash's builtin_usage) and returns EX_USAGE. */
export async function usage(sh: Shell, name: string): Promise<number> {
  const u = usages[name];
  if (u) await sh.write(2, `${name}: usage: ${u}\n`);
  return EX_USAGE;
}

export interface ParsedOpts {
  /** Options in order: letter, '+' or '-' prefix, argument when the option takes one. */
  opts: { opt: string; plus: boolean; arg?: string }[];
  /** Remaining operands. */
  rest: string[];
}

/**
 * bash's internal_getopt for builtins. `spec` lists letters; a letter followed by ':' takes an
 * argument, followed by ';' takes an optional attached argument (unused here). With `plus`,
 * `+x` options are recognised too. Options stop at `--`, `-`, or the first operand.
 * On error prints the message and usage line and returns the status (2) instead.
 */
export async function parseOpts(
  sh: Shell, name: string, args: string[], spec: string, opts: { plus?: boolean; numbers?: boolean } = {},
): Promise<ParsedOpts | number> {
  const out: ParsedOpts = { opts: [], rest: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { i++; break; }
    if (a.length < 2 || (a[0] !== '-' && !(opts.plus && a[0] === '+'))) break;
    // bash treats a negative number as an operand for builtins that take -N
    if (opts.numbers && /^[-+]\d+$/.test(a)) break;
    const plus = a[0] === '+';
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      const k = spec.indexOf(c);
      if (k < 0 || c === ':' || c === ';') {
        await sh.error(`${name}: ${a[0]}${c}: invalid option`);
        return usage(sh, name);
      }
      if (spec[k + 1] === ':') {
        let arg: string;
        if (j + 1 < a.length) arg = a.slice(j + 1);
        else if (i + 1 < args.length) arg = args[++i];
        else {
          await sh.error(`${name}: ${a[0]}${c}: option requires an argument`);
          return usage(sh, name);
        }
        out.opts.push({ opt: c, plus, arg });
        break;
      }
      out.opts.push({ opt: c, plus });
    }
  }
  out.rest = args.slice(i);
  return out;
}

export function isName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

/** Splits `name[subscript]` into its parts; null when not of that form. */
export function splitSubscript(s: string): { name: string; index: string } | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(s);
  if (!m || m[2] === '') return null;
  return { name: m[1], index: m[2] };
}

/** True for `name` or `name[sub]` (what read, printf -v and getopts accept). */
export function isAssignTarget(s: string): boolean {
  return isName(s) || splitSubscript(s) !== null;
}

/** Evaluates an indexed-array subscript (arithmetic) or keeps an assoc key as is. */
export function subscriptKey(sh: Shell, name: string, index: string): string {
  const v = sh.vars.lookup(name);
  if (v && v.attrs.assoc) return index;
  return sh.arith(index).toString();
}

/** Assigns `value` to `target` (a name or `name[sub]`), as read / printf -v / getopts do. */
export function assign(sh: Shell, target: string, value: string): void {
  const sub = splitSubscript(target);
  if (sub) sh.vars.setElement(sub.name, subscriptKey(sh, sub.name, sub.index), value);
  else sh.vars.set(target, value);
}

/** Text of an error thrown by a kernel call (strerror) or the shell. */
export function errText(e: unknown): string {
  if (e instanceof KernelError) return strerror(e.errno);
  if (e instanceof ShellError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Parses a decimal integer as bash's legal_number does (surrounding blanks allowed, 64-bit). */
export function legalNumber(s: string): bigint | null {
  const m = /^[ \t\n\v\f\r]*([-+]?\d+)[ \t]*$/.exec(s);
  if (!m) return null;
  const n = BigInt(m[1]);
  if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n) return null;
  return n;
}

/** Single-quotes s for re-input the way bash's sh_single_quote does ('it'\''s'). */
export { singleQuote } from '../quote.ts';

/** Writes to stdout; reports write errors as bash does ("<name>: write error: …") and returns 1. */
export async function writeOut(sh: Shell, name: string, text: string): Promise<number> {
  if (text === '') return 0;
  try {
    await sh.write(1, text);
    return 0;
  } catch (e) {
    if (e instanceof KernelError) {
      await sh.error(`${name}: write error: ${strerror(e.errno)}`);
      return 1;
    }
    throw e;
  }
}

/** bash's hash_string (FNV-1 variant) over the UTF-8 bytes of s. */
export function bashHash(s: string): number {
  let h = 2166136261 >>> 0;
  for (const b of encoder.encode(s)) {
    h = (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) >>> 0;
    h = (h ^ b) >>> 0;
  }
  return h;
}

/** Keys (given in insertion order) in the order bash walks a hash table of nbuckets buckets. */
export function bashHashOrder(keys: Iterable<string>, nbuckets: number): string[] {
  const arr = [...keys].map((k, i) => ({ k, b: bashHash(k) & (nbuckets - 1), i }));
  arr.sort((x, y) => x.b - y.b || y.i - x.i);
  return arr.map(x => x.k);
}
