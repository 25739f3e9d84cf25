// A new shell's variables: the environment (all exported), bash's defaults, and the dynamic
// specials (RANDOM with bash's generator, SECONDS, LINENO, BASHPID, EPOCH*, BASHOPTS…), plus the
// call-stack arrays FUNCNAME / BASH_SOURCE / BASH_LINENO kept in step with the interpreter.

import type { Interp } from './interp.ts';
import { ShellVariables, DEFAULT_DYNAMIC } from './vars.ts';
import { ShellError } from './contracts.ts';
import { commandText } from './cmdtext.ts';
import { optindAssigned } from './builtins/getopts.ts';

export const BASH_VERSION = '5.2.15(1)-release';
const MACHTYPE = 'x86_64-pc-linux-gnu';

/** bash's brand(): Park-Miller minimal standard generator, folded to 15 bits. */
export class BashRandom {
  seed: number;
  #last = 0;
  constructor(seed: number) { this.seed = seed >>> 0; }
  /** get_random_number(): never the same value twice in a row. */
  next(): number {
    let rv: number;
    do rv = this.#brand(); while (rv === this.#last);
    return (this.#last = rv);
  }
  #brand(): number {
    let ret = this.seed === 0 ? 123459876 : this.seed;
    const h = Math.floor(ret / 127773);
    const l = ret % 127773;
    const t = 16807 * l - 2836 * h;
    ret = t < 0 ? t + 0x7fffffff : t;
    this.seed = ret >>> 0;
    return ((ret >>> 16) ^ (ret & 65535)) & 32767;
  }
}

const DYNAMIC = [...DEFAULT_DYNAMIC, 'BASH_SUBSHELL', 'BASHOPTS', 'SHELLOPTS', 'BASH_COMMAND', 'HISTCMD'];

function randomSeed(sh: Interp): number {
  return ((sh.proc.kernel.now() * 1000) ^ (sh.proc.pid << 16) ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0;
}

/** The hooks of a store that serve this interpreter's dynamic values. */
export function variableHooks(sh: Interp) {
  /** While set, the dynamic specials read as their stored (assigned) value. */
  let rawRead = false;
  return {
    dynamicNames: DYNAMIC,
    dynamic: (name: string): string | undefined => {
      if (rawRead) return undefined;
      switch (name) {
        case 'RANDOM': return String((sh.random ??= new BashRandom(randomSeed(sh))).next());
        case 'SRANDOM': return String((Math.random() * 0x100000000) >>> 0);
        case 'LINENO': return String(sh.lineno);
        case 'SECONDS': return String(Math.floor((sh.proc.kernel.now() - sh.startMs) / 1000) + sh.secondsBase);
        case 'BASHPID': return String(sh.proc.pid);
        case 'EPOCHSECONDS': return String(Math.floor(sh.proc.kernel.now() / 1000));
        case 'EPOCHREALTIME': {
          const us = Math.floor((sh.proc.kernel.now() + (performance.now() % 1)) * 1000);
          return `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}`;
        }
        case 'BASH_SUBSHELL': return String(sh.subshell);
        case 'BASHOPTS': return [...sh.shoptOptions].sort().join(':');
        case 'SHELLOPTS': return sh.shellopts;
        case 'BASH_COMMAND': return sh.currentCommand ? commandText(sh.currentCommand) : '';
        case 'HISTCMD': return '1';
        default: return undefined;
      }
    },
    onAssign: (name: string): void => {
      if (name === 'PATH') { sh.hashTable.clear(); return; }
      if (name === 'OPTIND') {
        // (the store calls this while it is being built, before sh.vars is set)
        const vars = sh.vars as ShellVariables | undefined;
        optindAssigned(sh, vars?.get('OPTIND'));
        return;
      }
      if (name !== 'RANDOM' && name !== 'SECONDS') return;
      rawRead = true;
      let stored: string | undefined;
      try { stored = sh.vars.get(name); } finally { rawRead = false; }
      const n = Number(stored ?? 0);
      if (name === 'RANDOM') {
        sh.random = new BashRandom(Number.isFinite(n) ? n : 0);
      } else {
        sh.startMs = sh.proc.kernel.now();
        sh.secondsBase = Number.isFinite(n) ? n : 0;
      }
    },
    allexport: (): boolean => sh.setOptions.has('allexport'),
    arith: (expr: string): bigint => sh.arith(expr),
    warn: (msg: string): void => { void sh.error(msg); },
  };
}

function setDefault(v: ShellVariables, name: string, value: string): void {
  if (v.get(name) === undefined) v.set(name, value);
}

/** Variables of a new (non-subshell) shell. */
export function createVariables(sh: Interp): ShellVariables {
  const v = new ShellVariables(variableHooks(sh));
  const proc = sh.proc;
  for (const [k, val] of Object.entries(proc.env)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) continue;
    try {
      v.declare(k, { exported: true }, { value: val });
    } catch (e) {
      if (!(e instanceof ShellError)) throw e;
    }
  }
  v.set('IFS', ' \t\n');
  if (sh.interactive) {
    setDefault(v, 'PS1', '\\u@\\h:\\w\\$ ');
    setDefault(v, 'PS2', '> ');
  }
  setDefault(v, 'PS4', '+ ');
  v.declare('OPTIND', { integer: true }, { value: '1' });
  v.set('OPTERR', '1');
  setDefault(v, 'PATH', '/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin:.');
  setDefault(v, 'TERM', 'dumb');
  v.set('HOSTNAME', proc.kernel.hostname);
  const lvl = Number(proc.env.SHLVL ?? '0');
  v.declare('SHLVL', { exported: true }, { value: String(Number.isInteger(lvl) && lvl >= 0 ? lvl + 1 : 1) });
  let pwd = proc.env.PWD;
  try {
    if (pwd === undefined || !pwd.startsWith('/') || proc.realpath(pwd) !== proc.realpath('.')) pwd = proc.cwd;
  } catch {
    pwd = proc.cwd;
  }
  v.declare('PWD', { exported: true }, { value: pwd });
  if (v.get('OLDPWD') === undefined) v.declare('OLDPWD', { exported: true });
  v.set('BASH', '/bin/bash');
  v.set('BASH_VERSION', BASH_VERSION);
  v.setArray('BASH_VERSINFO', ['5', '2', '15', '1', 'release', MACHTYPE]);
  v.declare('BASH_VERSINFO', { readonly: true });
  v.declare('UID', { integer: true, readonly: true }, { value: String(proc.uid) });
  v.declare('EUID', { integer: true, readonly: true }, { value: String(proc.uid) });
  v.declare('PPID', { integer: true, readonly: true }, { value: String(proc.ppid) });
  v.setArray('GROUPS', [String(proc.gid)]);
  v.set('MACHTYPE', MACHTYPE);
  v.set('OSTYPE', 'linux-gnu');
  v.set('HOSTTYPE', 'x86_64');
  v.set('SHELL', v.get('SHELL') ?? '/bin/bash');
  v.set('BASH_ARGV0', sh.scriptName);
  v.set('_', sh.scriptName);
  v.setArray('PIPESTATUS', ['0']);
  syncFrames(sh, v);
  return v;
}

/** FUNCNAME, BASH_SOURCE, BASH_LINENO from the interpreter's call frames (innermost first). */
export function syncFrames(sh: Interp, v = sh.vars): void {
  const frames = sh.frames;
  const funcs: string[] = [];
  const sources: string[] = [];
  const lines: string[] = [];
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    if (i === 0 && f.source === '') break;
    funcs.push(f.func);
    sources.push(f.source);
    lines.push(String(f.callLine));
  }
  // (outside functions bash's FUNCNAME has no elements; kept as an empty array so the record
  // is not re-created on every call)
  if (frames.length > 1 || v.lookup('FUNCNAME') !== undefined) v.setArray('FUNCNAME', funcs);
  v.setArray('BASH_SOURCE', sources);
  v.setArray('BASH_LINENO', lines);
}
