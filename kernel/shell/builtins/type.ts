// type [-afptP] name [name ...] — bash's describe_command.

import type { Shell } from '../contracts.ts';
import { S_IFDIR, S_IFMT } from '../../types.ts';
import { parseOpts, singleQuote, writeOut } from './util.ts';
import { isEnabledBuiltin, isReservedWord } from './names.ts';
import { loadPrinter, printFunction } from './fnprint.ts';

export interface DescribeFlags {
  all?: boolean; noFuncs?: boolean; pathOnly?: boolean; forcePath?: boolean; type?: boolean;
  shortDesc?: boolean; reusable?: boolean;
}

function executable(sh: Shell, path: string): boolean {
  try {
    const st = sh.proc.stat(path);
    if ((st.mode & S_IFMT) === S_IFDIR) return false;
    return sh.proc.access(path, 1);
  } catch {
    return false;
  }
}

function isFile(sh: Shell, path: string): boolean {
  try {
    return (sh.proc.stat(path).mode & S_IFMT) !== S_IFDIR;
  } catch {
    return false;
  }
}

/**
 * `name` along PATH: every executable (all), or the first executable — else the first plain
 * file, as bash's FS_EXEC_PREFERRED search reports it.
 */
function pathMatches(sh: Shell, name: string, all: boolean): string[] {
  const out: string[] = [];
  let fallback: string | null = null;
  const path = sh.vars.get('PATH') ?? '';
  for (const dir of path.split(':')) {
    const cand = dir === '' ? name : dir.endsWith('/') ? dir + name : `${dir}/${name}`;
    if (executable(sh, cand)) {
      out.push(cand);
      if (!all) break;
    } else if (!all && fallback === null && isFile(sh, cand)) fallback = cand;
  }
  if (!all && out.length === 0 && fallback !== null) out.push(fallback);
  return out;
}

/** describe_command: appends to out, returns whether anything was found. */
export async function describe(sh: Shell, name: string, f: DescribeFlags, out: string[]): Promise<boolean> {
  let found = false;
  const all = !!f.all;
  if (!f.forcePath && sh.shoptOptions.has('expand_aliases') && sh.aliases.has(name)) {
    const v = sh.aliases.get(name)!;
    if (f.type) out.push('alias\n');
    else if (f.shortDesc) out.push(`${name} is aliased to \`${v}'\n`);
    else if (f.reusable) out.push(`alias ${name}=${singleQuote(v)}\n`);
    found = true;
    if (!all) return true;
  }
  if (!f.forcePath && isReservedWord(name)) {
    if (f.type) out.push('keyword\n');
    else if (f.shortDesc) out.push(`${name} is a shell keyword\n`);
    else if (f.reusable) out.push(`${name}\n`);
    found = true;
    if (!all) return true;
  }
  const fn = !f.forcePath && !f.noFuncs ? sh.functions.get(name) : undefined;
  if (fn) {
    if (f.type) out.push('function\n');
    else if (f.shortDesc) {
      await loadPrinter();
      out.push(`${name} is a function\n${printFunction(name, fn)}\n`);
    } else if (f.reusable) out.push(`${name}\n`);
    found = true;
    if (!all) return true;
  }
  if (!f.forcePath && isEnabledBuiltin(sh, name)) {
    if (f.type) out.push('builtin\n');
    else if (f.shortDesc) {
      const special = sh.setOptions.has('posix') && SPECIAL.has(name);
      out.push(`${name} is a ${special ? 'special ' : ''}shell builtin\n`);
    } else if (f.reusable) out.push(`${name}\n`);
    found = true;
    if (!all) return true;
  }
  if (name.includes('/')) {
    if (executable(sh, name)) {
      if (f.type) out.push('file\n');
      else if (f.shortDesc) out.push(`${name} is ${name}\n`);
      else if (f.reusable || f.pathOnly) out.push(`${name}\n`);
      return true;
    }
    return found;
  }
  if (!all || f.forcePath) {
    const hashed = sh.hashTable.get(name);
    if (hashed !== undefined) {
      if (f.type) out.push('file\n');
      else if (f.shortDesc) out.push(`${name} is hashed (${hashed})\n`);
      else if (f.reusable || f.pathOnly) out.push(`${hashed}\n`);
      return true;
    }
  }
  for (const p of pathMatches(sh, name, all)) {
    found = true;
    if (f.type) out.push('file\n');
    else if (f.shortDesc) out.push(`${name} is ${p}\n`);
    else if (f.reusable || f.pathOnly) out.push(`${p}\n`);
  }
  return found;
}

const SPECIAL = new Set(['break', ':', '.', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset']);

export async function type(sh: Shell, args: string[]): Promise<number> {
  // bash also accepts the long forms -type, -path, -all
  const norm = args.map(a => (a === '-type' ? '-t' : a === '-path' ? '-p' : a === '-all' ? '-a' : a));
  const parsed = await parseOpts(sh, 'type', norm, 'afptP');
  if (typeof parsed === 'number') return parsed;
  const f: DescribeFlags = {};
  for (const o of parsed.opts) {
    if (o.opt === 'a') f.all = true;
    else if (o.opt === 'f') f.noFuncs = true;
    else if (o.opt === 'p') { f.pathOnly = true; f.type = false; }
    else if (o.opt === 't') { f.type = true; f.pathOnly = false; }
    else { f.pathOnly = true; f.forcePath = true; f.type = false; }
  }
  if (!f.type && !f.pathOnly) f.shortDesc = true;
  let failed = false;
  for (const name of parsed.rest) {
    const out: string[] = [];
    const found = await describe(sh, name, f, out);
    const w = await writeOut(sh, 'type', out.join(''));
    if (w) return w;
    if (!found && !f.pathOnly && !f.type) await sh.error(`type: ${name}: not found`);
    if (!found) failed = true;
  }
  return failed ? 1 : 0;
}
