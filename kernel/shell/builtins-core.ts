// The builtins that need the interpreter's internals: control flow (break, continue, return,
// exit), eval, source/., exec, command, builtin, set, shift, trap, the job builtins, times,
// suspend, logout. The interpreter looks these up before the general `builtins` map.

import type { Builtin, Shell } from './contracts.ts';
import type { Interp } from './interp.ts';
import { isKeyword } from './interp.ts';
import { KernelError, strerror } from '../errno.ts';
import { Signal } from '../types.ts';
import { BreakLoop, ContinueLoop, ExitShell, ReturnFromFunction } from './control.ts';
import { isSetOption, optionForLetter, setOptionNames } from './options.ts';
import { trapBuiltin } from './trap.ts';
import { jobBuiltins } from './builtins-jobs.ts';
import { findInPath, lookupBuiltin, runArgv } from './exec-simple.ts';
import { singleQuote, quoteForSet, declareValue } from './quote.ts';
import { printCommand } from './print.ts';

const asInterp = (sh: Shell): Interp => sh as Interp;

/** Parses an optional loop/return count: integer text (leading/trailing blanks allowed). */
function numeric(s: string): number | null {
  const t = s.trim();
  return /^[-+]?\d+$/.test(t) ? Number(t) : null;
}

async function loopControl(sh: Interp, args: string[], name: 'break' | 'continue'): Promise<number> {
  let n = 1;
  if (args.length) {
    const v = numeric(args[0]!);
    if (v === null) {
      await sh.error(`${name}: ${args[0]}: numeric argument required`);
      throw new ExitShell(128);
    }
    if (v < 1) {
      await sh.error(`${name}: ${args[0]}: loop count out of range`);
      return 1;
    }
    n = v;
  }
  if (sh.loopDepth === 0) {
    await sh.error(`${name}: only meaningful in a \`for', \`while', or \`until' loop`);
    return 0;
  }
  n = Math.min(n, sh.loopDepth);
  throw name === 'break' ? new BreakLoop(n) : new ContinueLoop(n);
}

async function returnBuiltin(sh: Interp, args: string[]): Promise<number> {
  if (sh.funcDepth === 0 && sh.sourceDepth === 0) {
    await sh.error("return: can only `return' from a function or sourced script");
    return 2;
  }
  let st = sh.lastStatus;
  if (args[0] === '--') args = args.slice(1);
  if (args.length) {
    const v = numeric(args[0]!);
    if (v === null) {
      await sh.error(`return: ${args[0]}: numeric argument required`);
      st = 2;
    } else if (args.length > 1) {
      await sh.error('return: too many arguments');
      throw new ExitShell(1);
    } else st = v & 255;
  }
  throw new ReturnFromFunction(st);
}

async function exitBuiltin(sh: Interp, args: string[]): Promise<number> {
  if (args[0] === '--') args = args.slice(1);
  if (sh.interactive && sh.subshell === 0) await sh.writeErr('exit\n');
  if (sh.interactive && !sh.exitWarned && sh.jobs.some((j) => j.state === 'Stopped')) {
    sh.exitWarned = true;
    await sh.writeErr('There are stopped jobs.\n');
    return 1;
  }
  let st = sh.lastStatus;
  if (args.length) {
    const v = numeric(args[0]!);
    if (v === null) {
      await sh.error(`exit: ${args[0]}: numeric argument required`);
      st = 2;
    } else {
      if (args.length > 1) {
        await sh.error('exit: too many arguments');
        st = 1;
      } else st = v & 255;
    }
  }
  throw new ExitShell(st);
}

async function evalBuiltin(sh: Interp, args: string[]): Promise<number> {
  if (args[0] === '--') args = args.slice(1);
  const text = args.join(' ');
  if (text.trim() === '') return 0;
  return sh.runString(text, 'eval');
}

async function sourceBuiltin(sh: Interp, args: string[], name: string): Promise<number> {
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    await sh.error(`${name}: filename argument required`);
    await sh.writeErr(`${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  const file = args[0]!;
  let path = file;
  if (!file.includes('/') && sh.shoptOptions.has('sourcepath')) {
    const found = findInPath(sh, file, undefined, true);
    if (found !== null) path = found;
  }
  let text: string;
  try {
    text = new TextDecoder().decode(sh.proc.readFile(path));
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    await sh.error(`${file}: ${strerror(e.errno)}`);
    if (sh.setOptions.has('posix') && !sh.interactive) throw new ExitShell(1);
    return 1;
  }
  return sh.sourceText(text, file, args.slice(1));
}

async function execBuiltin(sh: Interp, args: string[]): Promise<number> {
  let clearEnv = false;
  let login = false;
  let argv0: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { i++; break; }
    if (a[0] !== '-' || a.length < 2) break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'c') clearEnv = true;
      else if (c === 'l') login = true;
      else if (c === 'a') {
        argv0 = a.slice(j + 1) || args[++i];
        if (argv0 === undefined) {
          await sh.error('exec: -a: option requires an argument');
          return 2;
        }
        break;
      } else {
        await sh.error(`exec: -${c}: invalid option`);
        await sh.writeErr('exec: usage: exec [-cl] [-a name] [command [argument ...]] [redirection ...]\n');
        return 2;
      }
    }
  }
  const argv = args.slice(i);
  if (argv.length === 0) return 0;
  const env = clearEnv ? {} : sh.vars.environ();
  const shown = argv.slice();
  if (argv0 !== undefined) shown[0] = argv0;
  if (login) shown[0] = `-${shown[0]}`;
  const st = await sh.execArgv(argv, shown, env);
  if (!sh.interactive && !sh.shoptOptions.has('execfail')) throw new ExitShell(st);
  return st;
}

/** How `command -v` / `command -V` describe a name. */
async function describe(sh: Interp, name: string, verbose: boolean): Promise<boolean> {
  const alias = sh.aliases.get(name);
  if (alias !== undefined && sh.shoptOptions.has('expand_aliases')) {
    await sh.write(1, verbose ? `${name} is aliased to \`${alias}'\n` : `alias ${name}=${singleQuote(alias)}\n`);
    return true;
  }
  if (isKeyword(name)) {
    await sh.write(1, verbose ? `${name} is a shell keyword\n` : `${name}\n`);
    return true;
  }
  const fn = sh.functions.get(name);
  if (fn) {
    await sh.write(1, verbose ? `${name} is a function\n${printCommand(fn)}\n` : `${name}\n`);
    return true;
  }
  if (lookupBuiltin(sh, name)) {
    await sh.write(1, verbose ? `${name} is a shell builtin\n` : `${name}\n`);
    return true;
  }
  let path: string | null = null;
  if (name.includes('/')) {
    try { if (sh.proc.access(name, 1)) path = name; } catch (e) { if (!(e instanceof KernelError)) throw e; }
  } else path = sh.hashTable.get(name) ?? findInPath(sh, name);
  if (path !== null) {
    const hashed = !name.includes('/') && sh.hashTable.has(name);
    await sh.write(1, verbose ? `${name} is ${hashed ? `hashed (${path})` : path}\n` : `${path}\n`);
    return true;
  }
  if (verbose) await sh.error(`command: ${name}: not found`);
  return false;
}

async function commandBuiltin(sh: Interp, args: string[]): Promise<number> {
  let p = false;
  let v = false;
  let V = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { i++; break; }
    if (a[0] !== '-' || a.length < 2) break;
    for (const c of a.slice(1)) {
      if (c === 'p') p = true;
      else if (c === 'v') v = true;
      else if (c === 'V') V = true;
      else {
        await sh.error(`command: -${c}: invalid option`);
        await sh.writeErr('command: usage: command [-pVv] command [arg ...]\n');
        return 2;
      }
    }
  }
  const rest = args.slice(i);
  if (rest.length === 0) return 0;
  if (v || V) {
    let st = 0;
    for (const name of rest) if (!(await describe(sh, name, V))) st = 1;
    return st;
  }
  return runArgv(sh, rest, { noFunctions: true, pathVar: p ? '/usr/bin:/bin' : undefined });
}

async function builtinBuiltin(sh: Interp, args: string[]): Promise<number> {
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) return 0;
  return runArgv(sh, args, { builtinOnly: true });
}

async function listVariables(sh: Interp): Promise<void> {
  const utf8 = /utf-?8/i.test(sh.vars.get('LC_ALL') || sh.vars.get('LC_CTYPE') || sh.vars.get('LANG') || '');
  let out = '';
  for (const name of sh.vars.names()) {
    const v = sh.vars.lookup(name);
    if (!v || v.value === undefined) continue;
    if (typeof v.value === 'string') out += `${name}=${quoteForSet(v.value, utf8)}\n`;
    else out += `${name}=${declareValue(v.value, v.attrs.assoc === true, utf8)}\n`;
  }
  if (!sh.setOptions.has('posix')) {
    for (const name of [...sh.functions.keys()].sort()) out += `${printCommand(sh.functions.get(name)!)}\n`;
  }
  await sh.write(1, out);
}

async function setUsage(sh: Interp, bad: string): Promise<number> {
  await sh.error(`set: ${bad}: invalid option`);
  await sh.writeErr('set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n');
  return 2;
}

async function setBuiltin(sh: Interp, args: string[]): Promise<number> {
  if (args.length === 0) {
    await listVariables(sh);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      sh.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-' || a === '+') {
      if (a === '-') { sh.setOptions.delete('xtrace'); sh.setOptions.delete('verbose'); }
      sh.positional = args.slice(i + 1);
      return 0;
    }
    if ((a[0] !== '-' && a[0] !== '+') || a.length < 2) break;
    const on = a[0] === '-';
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'o') {
        const name = args[i + 1];
        if (name === undefined || name.startsWith('-') || name.startsWith('+')) {
          await listOptions(sh, on);
          continue;
        }
        i++;
        if (!isSetOption(name)) {
          await sh.error(`set: ${name}: invalid option name`);
          return 2;
        }
        setOption(sh, name, on);
        continue;
      }
      if (c === 'i') return setUsage(sh, `${a[0]}i`);
      const name = optionForLetter(c);
      if (name === undefined) return setUsage(sh, `${a[0]}${c}`);
      setOption(sh, name, on);
    }
  }
  if (i < args.length) sh.positional = args.slice(i);
  return 0;
}

function setOption(sh: Interp, name: string, on: boolean): void {
  if (on) sh.setOptions.add(name);
  else sh.setOptions.delete(name);
  if (name === 'vi' && on) sh.setOptions.delete('emacs');
  if (name === 'emacs' && on) sh.setOptions.delete('vi');
  if (name === 'posix') sh.posixChanged(on);
}

async function listOptions(sh: Interp, long: boolean): Promise<void> {
  let out = '';
  for (const n of setOptionNames) {
    const on = sh.setOptions.has(n);
    out += long ? `${n.padEnd(15)}\t${on ? 'on' : 'off'}\n` : `set ${on ? '-' : '+'}o ${n}\n`;
  }
  await sh.write(1, out);
}

async function shiftBuiltin(sh: Interp, args: string[]): Promise<number> {
  if (args[0] === '--') args = args.slice(1);
  let n = 1;
  if (args.length) {
    const v = numeric(args[0]!);
    if (v === null) {
      await sh.error(`shift: ${args[0]}: numeric argument required`);
      return 1;
    }
    if (v < 0) {
      await sh.error(`shift: ${args[0]}: shift count out of range`);
      return 1;
    }
    n = v;
  }
  if (n > sh.positional.length) {
    if (sh.shoptOptions.has('shift_verbose')) await sh.error(`shift: ${n}: shift count out of range`);
    return 1;
  }
  sh.positional = sh.positional.slice(n);
  return 0;
}

function fmtCpu(ms: number): string {
  const m = Math.floor(ms / 60000);
  const s = (ms - m * 60000) / 1000;
  return `${m}m${s.toFixed(3)}s`;
}

async function timesBuiltin(sh: Interp): Promise<number> {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  const cpu = p?.cpuUsage?.() ?? { user: 0, system: 0 };
  await sh.write(1, `${fmtCpu(cpu.user / 1000)} ${fmtCpu(cpu.system / 1000)}\n${fmtCpu(0)} ${fmtCpu(0)}\n`);
  return 0;
}

async function suspendBuiltin(sh: Interp, args: string[]): Promise<number> {
  const force = args.includes('-f');
  if (sh.login && !force) {
    await sh.error('suspend: cannot suspend a login shell');
    return 1;
  }
  sh.proc.kill(sh.proc.pid, Signal.SIGSTOP);
  return 0;
}

async function logoutBuiltin(sh: Interp, args: string[]): Promise<number> {
  if (!sh.login) {
    await sh.error("logout: not login shell: use `exit'");
    return 1;
  }
  return exitBuiltin(sh, args);
}

export const coreBuiltins = new Map<string, Builtin>([
  [':', async () => 0],
  ['break', (sh, a) => loopControl(asInterp(sh), a, 'break')],
  ['continue', (sh, a) => loopControl(asInterp(sh), a, 'continue')],
  ['return', (sh, a) => returnBuiltin(asInterp(sh), a)],
  ['exit', (sh, a) => exitBuiltin(asInterp(sh), a)],
  ['logout', (sh, a) => logoutBuiltin(asInterp(sh), a)],
  ['eval', (sh, a) => evalBuiltin(asInterp(sh), a)],
  ['source', (sh, a) => sourceBuiltin(asInterp(sh), a, 'source')],
  ['.', (sh, a) => sourceBuiltin(asInterp(sh), a, '.')],
  ['exec', (sh, a) => execBuiltin(asInterp(sh), a)],
  ['command', (sh, a) => commandBuiltin(asInterp(sh), a)],
  ['builtin', (sh, a) => builtinBuiltin(asInterp(sh), a)],
  ['set', (sh, a) => setBuiltin(asInterp(sh), a)],
  ['shift', (sh, a) => shiftBuiltin(asInterp(sh), a)],
  ['trap', (sh, a) => trapBuiltin(asInterp(sh), a)],
  ['times', (sh) => timesBuiltin(asInterp(sh))],
  ['suspend', (sh, a) => suspendBuiltin(asInterp(sh), a)],
  ...jobBuiltins,
]);
