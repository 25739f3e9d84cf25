// Pathname expansion over a process's view of the filesystem, as bash does it: per-component
// matching, hidden files only with an explicit leading dot (or dotglob), `**` with globstar (not
// descending into symlinks), a trailing `/` matching directories only, GLOBIGNORE, and results
// sorted in the C locale (byte order).

import { S_IFDIR, S_IFMT, type Proc } from '../types.ts';
import { hasGlobChars, matchPattern, unescapePattern, type PatternOptions } from './pattern.ts';
import { compareC } from './vars.ts';

export interface GlobOptions {
  dotglob?: boolean;
  /** Accepted for symmetry; the caller drops the word when glob returns null. */
  nullglob?: boolean;
  /** Accepted for symmetry; the caller reports "no match: PAT" when glob returns null. */
  failglob?: boolean;
  globstar?: boolean;
  nocaseglob?: boolean;
  extglob?: boolean;
  /** bash 5.2 default on: `.` and `..` never match. */
  globskipdots?: boolean;
  /** The GLOBIGNORE value, if set and non-empty. */
  globignore?: string;
}

/** Splits at unescaped and escaped slashes (a `\/` still separates components). */
function components(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      if (pattern[i + 1] === '/') { out.push(cur); cur = ''; i++; continue; }
      cur += c + pattern[i + 1];
      i++;
      continue;
    }
    if (c === '/') { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

function join(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : dir + '/' + name;
}

function isDir(proc: Proc, path: string): boolean {
  try {
    return (proc.stat(path === '' ? '.' : path).mode & S_IFMT) === S_IFDIR;
  } catch {
    return false;
  }
}

function exists(proc: Proc, path: string): boolean {
  try {
    proc.lstat(path);
    return true;
  } catch {
    return false;
  }
}

function list(proc: Proc, dir: string): { name: string; type: string }[] {
  try {
    return proc.readdir(dir === '' ? '.' : dir);
  } catch {
    return [];
  }
}

/**
 * Expands a pattern (quoted characters backslash-escaped) into the matching paths, sorted;
 * null when nothing matches.
 */
export function glob(pattern: string, proc: Proc, opts: GlobOptions = {}): string[] | null {
  const ignore = opts.globignore ? opts.globignore.split(':').filter((p) => p !== '') : null;
  const dotglob = !!opts.dotglob || ignore !== null;
  const skipdots = opts.globskipdots !== false || ignore !== null;
  const popts: PatternOptions = { extglob: opts.extglob, nocase: opts.nocaseglob, pathname: true, period: !dotglob };
  const comps = components(pattern);
  let paths: string[] = [''];
  let i = 0;
  if (comps[0] === '') {
    // absolute, possibly with several leading slashes
    let lead = '';
    while (i < comps.length - 1 && comps[i] === '') { lead += '/'; i++; }
    paths = [lead];
  }
  const n = comps.length;
  let dirsOnly = false;
  for (; i < n; i++) {
    const comp = comps[i]!;
    const last = i === n - 1;
    if (comp === '') {
      if (last) { dirsOnly = true; break; }
      paths = paths.map((p) => p + '/');
      continue;
    }
    if (opts.globstar && comp === '**') {
      const next: string[] = [];
      const restIsEmpty = last || (i === n - 2 && comps[n - 1] === '');
      for (const p of paths) {
        if (last) {
          // `**` at the end: every file and directory below p (and p/ itself when p is a directory)
          if (p !== '' && !p.endsWith('/') && isDir(proc, p)) next.push(p + '/');
          walk(proc, p, dotglob, (path) => next.push(path), ALL);
        } else if (restIsEmpty) {
          // `**/`: p itself (unless it is the empty top) and every directory below it
          if (p !== '') next.push(p);
          walk(proc, p, dotglob, (path) => next.push(path), DIRS_AND_LINKS);
        } else {
          next.push(p);
          walk(proc, p, dotglob, (path) => next.push(path), DIRS);
        }
      }
      paths = next;
      if (restIsEmpty && !last) { dirsOnly = true; break; }
      continue;
    }
    if (hasGlobChars(comp, !!opts.extglob)) {
      const next: string[] = [];
      for (const p of paths) {
        const names = list(proc, p).map((d) => d.name);
        if (!skipdots && comp.startsWith('.')) names.push('.', '..');
        for (const name of names) {
          if (skipdots && (name === '.' || name === '..')) continue;
          if (!matchPattern(comp, name, popts)) continue;
          const path = join(p, name);
          if (!last && !isDir(proc, path)) continue;
          next.push(path);
        }
      }
      paths = next;
    } else {
      const name = unescapePattern(comp);
      paths = paths.map((p) => join(p, name));
      if (last) paths = paths.filter((p) => exists(proc, p));
    }
    if (paths.length === 0) return null;
  }
  if (dirsOnly) paths = paths.filter((p) => isDir(proc, p)).map((p) => (p.endsWith('/') ? p : p + '/'));
  if (ignore) {
    paths = paths.filter((p) => {
      const base = p.slice(p.lastIndexOf('/', p.length - 2) + 1).replace(/\/$/, '');
      if (base === '.' || base === '..') return false;
      return !ignore.some((g) => matchPattern(g, p, { extglob: opts.extglob, pathname: true }));
    });
  }
  if (paths.length === 0) return null;
  return paths.sort(compareC);
}

const ALL = 0, DIRS = 1, DIRS_AND_LINKS = 2;

/** Everything below dir (depth first), hidden entries only with dotglob; symlinks not followed. */
function walk(proc: Proc, dir: string, dotglob: boolean, out: (path: string) => void, mode: number): void {
  for (const d of list(proc, dir)) {
    if (d.name === '.' || d.name === '..') continue;
    if (!dotglob && d.name.startsWith('.')) continue;
    const path = join(dir, d.name);
    const directory = d.type === 'dir';
    if (directory || mode === ALL) out(path);
    else if (mode === DIRS_AND_LINKS && d.type === 'symlink' && isDir(proc, path)) out(path);
    if (directory) walk(proc, path, dotglob, out, mode);
  }
}

/** True when the word (pattern form) needs pathname expansion at all. */
export { hasGlobChars };
