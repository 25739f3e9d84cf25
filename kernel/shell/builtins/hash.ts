// hash [-lr] [-p pathname] [-dt] [name ...] — the shell's command hash table (sh.hashTable).

import type { Shell } from '../contracts.ts';
import { S_IFDIR, S_IFMT } from '../../types.ts';
import { bashHashOrder, parseOpts, writeOut } from './util.ts';
import { isEnabledBuiltin } from './names.ts';

/** Hit counts per hash table; entries the interpreter added by running a command count 1. */
const hits = new WeakMap<Map<string, string>, Map<string, number>>();

function hitTable(sh: Shell): Map<string, number> {
  let h = hits.get(sh.hashTable);
  if (!h) { h = new Map(); hits.set(sh.hashTable, h); }
  return h;
}

/** For the interpreter: a hashed command was used once more. */
export function hashHit(sh: Shell, name: string): void {
  const h = hitTable(sh);
  h.set(name, (h.get(name) ?? 0) + 1);
}

function hitsOf(sh: Shell, name: string): number {
  return hitTable(sh).get(name) ?? 1;
}

/** PATH search for an executable regular file (what hashing a name looks up). */
export function searchPath(sh: Shell, name: string): string | null {
  const path = sh.vars.get('PATH') ?? '';
  for (const dir of path.split(':')) {
    const cand = dir === '' ? name : dir.endsWith('/') ? dir + name : `${dir}/${name}`;
    try {
      const st = sh.proc.stat(cand);
      if ((st.mode & S_IFMT) === S_IFDIR) continue;
      if (sh.proc.access(cand, 1)) return cand;
    } catch { /* next */ }
  }
  return null;
}

export async function hash(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'hash', args, 'dlp:rt');
  if (typeof parsed === 'number') return parsed;
  let del = false, list = false, path: string | undefined, reset = false, show = false;
  for (const o of parsed.opts) {
    if (o.opt === 'd') del = true;
    else if (o.opt === 'l') list = true;
    else if (o.opt === 'p') path = o.arg;
    else if (o.opt === 'r') reset = true;
    else show = true;
  }
  const names = parsed.rest;
  const table = sh.hashTable;
  if (reset) { table.clear(); hitTable(sh).clear(); }
  if (names.length === 0) {
    if (show || del) {
      await sh.error(`hash: -${show ? 't' : 'd'}: option requires an argument`);
      return 1;
    }
    if (reset) return 0;
    if (table.size === 0) {
      if (!list) return writeOut(sh, 'hash', 'hash: hash table empty\n');
      return 0;
    }
    let out = list ? '' : 'hits\tcommand\n';
    for (const n of bashHashOrder(table.keys(), 256)) {
      const p = table.get(n)!;
      out += list ? `builtin hash -p ${p} ${n}\n` : `${String(hitsOf(sh, n)).padStart(4)}\t${p}\n`;
    }
    return writeOut(sh, 'hash', out);
  }
  let status = 0;
  let out = '';
  for (const n of names) {
    if (show) {
      const p = table.get(n);
      if (p === undefined) {
        if (out) { await writeOut(sh, 'hash', out); out = ''; }
        await sh.error(`hash: ${n}: not found`);
        status = 1;
      } else if (list) out += `builtin hash -p ${p} ${n}\n`;
      else out += names.length > 1 ? `${n}\t${p}\n` : `${p}\n`;
      continue;
    }
    if (del) {
      if (!table.delete(n)) {
        await sh.error(`hash: ${n}: not found`);
        status = 1;
      }
      hitTable(sh).delete(n);
      continue;
    }
    if (path !== undefined) {
      table.set(n, path);
      hitTable(sh).set(n, 0);
      continue;
    }
    if (n.includes('/')) continue;
    if (isEnabledBuiltin(sh, n) || sh.functions.has(n)) continue;
    const found = searchPath(sh, n);
    if (found === null) {
      await sh.error(`hash: ${n}: not found`);
      status = 1;
      continue;
    }
    table.delete(n);
    table.set(n, found);
    hitTable(sh).set(n, 0);
  }
  const w = await writeOut(sh, 'hash', out);
  return w || status;
}
