// cd, pwd, pushd, popd, dirs — bash's cd.def and pushd.def. The shell's logical working
// directory (symlinks kept, as $PWD shows it) is tracked here; proc.cwd is the physical one.

import type { Shell } from '../contracts.ts';
import { ShellError } from '../contracts.ts';
import { S_IFDIR, S_IFMT } from '../../types.ts';
import { errText, legalNumber, parseOpts, usage, writeOut } from './util.ts';
import { KernelError } from '../../errno.ts';

interface Cwd { logical: string; physical: string }
const cwds = new WeakMap<Shell, Cwd>();

/** The shell's logical working directory (bash's the_current_working_directory). */
export function logicalCwd(sh: Shell): string {
  const phys = sh.proc.cwd;
  const c = cwds.get(sh);
  if (c && c.physical === phys) return c.logical;
  // a new shell (or a fork): trust $PWD when it names the current directory, as bash does at startup
  const pwd = sh.vars.get('PWD');
  if (pwd && pwd[0] === '/' && !/(^|\/)\.\.?(\/|$)/.test(pwd)) {
    try {
      if (sh.proc.realpath(pwd) === phys) {
        cwds.set(sh, { logical: pwd, physical: phys });
        return pwd;
      }
    } catch { /* stale */ }
  }
  cwds.set(sh, { logical: phys, physical: phys });
  return phys;
}

function setLogical(sh: Shell, logical: string): void {
  cwds.set(sh, { logical, physical: sh.proc.cwd });
}

function isDir(sh: Shell, path: string): boolean {
  try {
    return (sh.proc.stat(path).mode & S_IFMT) === S_IFDIR;
  } catch {
    return false;
  }
}

/** sh_canonpath(path, PATH_CHECKDOTDOT|PATH_CHECKEXISTS); null when a check fails. */
export function canonPath(sh: Shell | null, path: string): string | null {
  const double = path.startsWith('//') && path[2] !== '/';
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (sh && !isDir(sh, (double ? '//' : '/') + parts.join('/'))) return null;
      parts.pop();
      continue;
    }
    parts.push(seg);
  }
  const out = (double ? '//' : '/') + parts.join('/');
  if (sh) {
    try { sh.proc.stat(out); } catch { return null; }
  }
  return out;
}

function absolute(dir: string, cwd: string): string {
  if (dir[0] === '/') return dir;
  if (dir === '') return cwd;
  return cwd.endsWith('/') ? cwd + dir : `${cwd}/${dir}`;
}

/** change_to_directory: true on success (errno kept in `err`). */
function changeTo(sh: Shell, dir: string, physical: boolean, err: { e?: unknown }): boolean {
  const t = absolute(dir, logicalCwd(sh));
  const canon = canonPath(sh, t);
  const target = physical ? dir : canon ?? t;
  try {
    sh.proc.chdir(target);
    setLogical(sh, physical || canon === null ? sh.proc.cwd : canon);
    return true;
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    err.e = e;
    if (physical) return false;
  }
  try {
    sh.proc.chdir(dir);
    setLogical(sh, sh.proc.cwd);
    return true;
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    return false;
  }
}

/** bindpwd: OLDPWD = old $PWD, PWD = the new directory. */
function bindPwd(sh: Shell, physical: boolean): number {
  let status = 0;
  const old = sh.vars.get('PWD');
  try { sh.vars.set('OLDPWD', old ?? ''); } catch (e) { if (e instanceof ShellError) status = 1; else throw e; }
  const dir = physical ? sh.proc.cwd : logicalCwd(sh);
  try { sh.vars.set('PWD', dir); } catch (e) { if (e instanceof ShellError) status = 1; else throw e; }
  return status;
}

export async function cd(sh: Shell, args: string[]): Promise<number> {
  return cdAs(sh, args, 'cd');
}

/** cd_builtin; `name` is the command messages are attributed to (pushd and popd call it too). */
async function cdAs(sh: Shell, args: string[], name: string): Promise<number> {
  const parsed = await parseOpts(sh, name, args, 'LPe'); // -@ needs O_XATTR (Solaris): invalid on Linux
  if (typeof parsed === 'number') return parsed;
  let physical = sh.setOptions.has('physical');
  for (const o of parsed.opts) {
    if (o.opt === 'L') physical = false;
    else if (o.opt === 'P') physical = true;
  }
  const rest = parsed.rest;
  let dir: string;
  let print = false;
  if (rest.length === 0) {
    const home = sh.vars.get('HOME');
    if (home === undefined) { await sh.error(`${name}: HOME not set`); return 1; }
    dir = home;
  } else if (rest.length > 1) {
    await sh.error(`${name}: too many arguments`);
    return 1;
  } else if (rest[0] === '-') {
    const old = sh.vars.get('OLDPWD');
    if (old === undefined) { await sh.error(`${name}: OLDPWD not set`); return 1; }
    dir = old;
    print = true;
  } else dir = rest[0];

  const err: { e?: unknown } = {};
  const cdpath = sh.vars.get('CDPATH');
  if (dir[0] !== '/' && cdpath !== undefined && !/^\.\.?(\/|$)/.test(dir) && rest[0] !== '-') {
    for (const entry of cdpath.split(':')) {
      const cand = entry === '' ? `./${dir}` : entry.endsWith('/') ? entry + dir : `${entry}/${dir}`;
      if (changeTo(sh, cand, physical, {})) {
        const st = bindPwd(sh, physical);
        if (entry !== '') {
          const w = await writeOut(sh, name, (physical ? cand : logicalCwd(sh)) + '\n');
          if (w) return w;
        }
        return st;
      }
    }
  }
  if (changeTo(sh, dir, physical, err)) {
    const st = bindPwd(sh, physical);
    if (print) {
      const w = await writeOut(sh, name, dir + '\n');
      if (w) return w;
    }
    return st;
  }
  // cdable_vars: a variable naming a directory
  if (sh.shoptOptions.has('cdable_vars') && rest.length === 1) {
    const v = sh.vars.get(dir);
    if (v !== undefined && changeTo(sh, v, physical, {})) {
      const st = bindPwd(sh, physical);
      await writeOut(sh, name, logicalCwd(sh) + '\n');
      return st;
    }
  }
  await sh.error(`${name}: ${dir}: ${errText(err.e ?? new KernelError(2, 'chdir', dir))}`);
  return 1;
}

export async function pwd(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'pwd', args, 'LP');
  if (typeof parsed === 'number') return parsed;
  let physical = sh.setOptions.has('physical');
  for (const o of parsed.opts) physical = o.opt === 'P';
  let dir: string;
  try {
    dir = physical ? sh.proc.realpath('.') : logicalCwd(sh);
  } catch (e) {
    await sh.error(`pwd: error retrieving current directory: getcwd: cannot access parent directories: ${errText(e)}`);
    return 1;
  }
  return writeOut(sh, 'pwd', dir + '\n');
}

// ---- the directory stack: sh.dirStack[0] is the top (shown right after the cwd) ----

/** polite_directory_format: $HOME prefix as ~. */
function polite(sh: Shell, dir: string): string {
  const home = sh.vars.get('HOME');
  if (home && home.length > 1 && dir.startsWith(home) && (dir.length === home.length || dir[home.length] === '/')) {
    return '~' + dir.slice(home.length);
  }
  return dir;
}

/** bash's pushd_directory_list: bottom first. */
function bottomFirst(sh: Shell): string[] { return [...sh.dirStack].reverse(); }
function store(sh: Shell, list: string[]): void {
  sh.dirStack.splice(0, sh.dirStack.length, ...list.reverse());
}

async function pushdError(sh: Shell, name: string, offset: number, arg: string): Promise<number> {
  if (offset === 0) await sh.error(`${name}: directory stack empty`);
  else await sh.error(`${name}: ${arg}: directory stack index out of range`);
  return 1;
}

const isOption = (s: string, c: string): boolean => s.length === 2 && s[0] === '-' && s[1] === c;

/** cd to dir, then print the stack (change_to_temp). */
async function changeToTemp(sh: Shell, dir: string, name: string): Promise<number> {
  const st = await cdAs(sh, [dir], name);
  if (st === 0) await dirs(sh, []);
  return st;
}

export async function dirs(sh: Shell, args: string[]): Promise<number> {
  let long = false, clear = false, vflag = 0, indexFlag = 0, desired = -1, w = '';
  const list = bottomFirst(sh);
  const offset = list.length;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (isOption(a, 'l')) long = true;
    else if (isOption(a, 'c')) clear = true;
    else if (isOption(a, 'v')) vflag |= 2;
    else if (isOption(a, 'p')) vflag |= 1;
    else if (isOption(a, '-')) break;
    else if (a[0] === '+' || a[0] === '-') {
      w = a.slice(1);
      const n = legalNumber(w);
      if (n === null) {
        await sh.error(`dirs: ${a}: invalid number`);
        return usage(sh, 'dirs');
      }
      const sign = a[0] === '+' ? 1 : -1;
      const ind = Number(n);
      indexFlag = sign > 0 ? 1 : 2;
      if (ind === 0 && sign > 0) desired = 0;
      else if (ind === offset) { indexFlag = sign > 0 ? 2 : 1; desired = 0; }
      else if (ind >= 0 && ind <= offset) desired = sign > 0 ? offset - ind : ind;
      else desired = -1;
    } else {
      await sh.error(`dirs: ${a}: invalid option`);
      return usage(sh, 'dirs');
    }
  }
  if (clear) { sh.dirStack.length = 0; return 0; }
  if (indexFlag && (desired < 0 || desired > offset)) return pushdError(sh, 'dirs', offset, w);
  const fmt = (d: string): string => (long ? d : polite(sh, d));
  let out = '';
  if (indexFlag === 0 || (indexFlag === 1 && desired === 0)) {
    const cwd = fmt(logicalCwd(sh));
    out += vflag & 2 ? ` 0  ${cwd}` : cwd;
    if (indexFlag) return writeOut(sh, 'dirs', out + '\n');
  }
  if (indexFlag) {
    const e = fmt(list[desired]);
    out += vflag & 2 ? `${String(offset - desired).padStart(2)}  ${e}` : e;
  } else {
    for (let i = offset - 1; i >= 0; i--) {
      if (vflag >= 2) out += `\n${String(offset - i).padStart(2)}  ${fmt(list[i])}`;
      else out += (vflag & 1 ? '\n' : ' ') + fmt(list[i]);
    }
  }
  return writeOut(sh, 'dirs', out + '\n');
}

export async function pushd(sh: Shell, args: string[]): Promise<number> {
  let k = 0;
  if (k < args.length && isOption(args[k], '-')) k++;
  const offset = sh.dirStack.length;
  if (k >= args.length) {
    if (offset === 0) { await sh.error('pushd: no other directory'); return 1; }
    const cur = logicalCwd(sh);
    const top = sh.dirStack[0];
    sh.dirStack[0] = cur;
    return changeToTemp(sh, top, 'pushd');
  }
  let noCd = false, rotate = false, num = 0;
  for (; k < args.length; k++) {
    const a = args[k];
    if (isOption(a, 'n')) noCd = true;
    else if (isOption(a, '-')) { k++; break; }
    else if (a === '-') break;
    else if (a[0] === '+' || a[0] === '-') {
      const n = legalNumber(a.slice(1));
      if (n === null) {
        await sh.error(`pushd: ${a}: invalid number`);
        return usage(sh, 'pushd');
      }
      num = Number(n);
      if (a[0] === '-') num = offset - num;
      if (num > offset || num < 0) return pushdError(sh, 'pushd', offset, a);
      rotate = true;
    } else break;
  }
  if (rotate) {
    const full = [logicalCwd(sh), ...sh.dirStack];
    if (num === 0) return noCd ? 0 : changeToTemp(sh, full[0], 'pushd');
    const rotated = [...full.slice(num), ...full.slice(0, num)];
    const target = rotated[0];
    sh.dirStack.splice(0, sh.dirStack.length, ...rotated.slice(1));
    return noCd ? 0 : changeToTemp(sh, target, 'pushd');
  }
  if (k >= args.length) return 0;
  if (k + 1 < args.length) { await sh.error('pushd: too many arguments'); return 1; }
  const dir = args[k];
  const current = logicalCwd(sh);
  const st = noCd ? 0 : await cdAs(sh, [dir], 'pushd');
  if (st !== 0) return 1;
  sh.dirStack.unshift(noCd ? dir : current);
  return dirs(sh, []);
}

export async function popd(sh: Shell, args: string[]): Promise<number> {
  let noCd = false, which = 0, direction = '+', whichWord: string | undefined;
  for (const a of args) {
    if (isOption(a, 'n')) noCd = true;
    else if (isOption(a, '-')) break;
    else if (a[0] === '+' || a[0] === '-') {
      direction = a[0];
      const n = legalNumber(a.slice(1));
      if (n === null) {
        await sh.error(`popd: ${a}: invalid number`);
        return usage(sh, 'popd');
      }
      which = Number(n);
      whichWord = a;
    } else if (a !== '') {
      await sh.error(`popd: ${a}: invalid argument`);
      return usage(sh, 'popd');
    } else break;
  }
  const list = bottomFirst(sh);
  const offset = list.length;
  if (which > offset || which < -offset || (offset === 0 && which === 0)) {
    return pushdError(sh, 'popd', offset, whichWord ?? '');
  }
  if ((direction === '+' && which === 0) || (direction === '-' && which === offset)) {
    if (!noCd) {
      const st = await cdAs(sh, [list[offset - 1]], 'popd');
      if (st !== 0) return st;
    }
    list.pop();
  } else {
    const i = direction === '+' ? offset - which : which;
    if (i < 0 || i > offset) return pushdError(sh, 'popd', offset, whichWord ?? '');
    list.splice(i, 1);
  }
  store(sh, list);
  return dirs(sh, []);
}
