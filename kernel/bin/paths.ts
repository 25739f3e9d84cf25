// Paths as coreutils treats them (basename, dirname, joining) and user/group names from the
// VM's /etc/passwd and /etc/group.

import type { Proc } from '../types.ts';
import { rethrowFatal } from './errors.ts';
import { utf8Decode } from './io.ts';

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
