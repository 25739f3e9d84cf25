// Path resolution (namei) for one VM filesystem: walks a path one component at a time without
// splitting it: '.', '..' (physical: '..' of a symlink's target directory; '..' of '/' is '/'),
// symlinks (ELOOP beyond limits.symlinkDepth), trailing slashes (the result must be a directory;
// they force following a final symlink), search permission on every directory, and mount points
// (/proc, host mounts). The working directory is resolved without permission checks (the process
// holds it, as on Linux) and cached until the namespace changes.

import { kerr } from '../errno.ts';
import type { Limits } from '../limits.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, type PathContext } from '../types.ts';
import { ExtNode, type Node } from './extnode.ts';
import type { HostMount } from './hostfs.ts';
import { Inode, ROOT_INO } from './inode.ts';
import { normalizePath } from './path.ts';
import { ProcFs, type ProcHost } from './procfs.ts';
import type { MemStore } from './store.ts';

/** Follow a final symlink. */
export const FOLLOW = 1;
/** Stop before the last component, leaving it in `leaf` (and `trail`: it had a trailing slash). */
export const PARENT = 2;
/** No search-permission checks (the working directory). */
export const NOPERM = 4;
/** Resolution failures return null instead of throwing (cheap negative lookups for access()). */
export const SOFT = 8;
export const R_OK = 4;
export const W_OK = 2;
export const X_OK = 1;

export function isDir(n: Node): boolean {
  return n instanceof Inode ? (n.mode & S_IFMT) === S_IFDIR : n.type === 'dir';
}
export function isLink(n: Node): boolean {
  return n instanceof Inode ? (n.mode & S_IFMT) === S_IFLNK : n.type === 'symlink';
}

export class Resolver {
  /** The VM's inode store (replaced by Vfs.clone). */
  store: MemStore;
  readonly limits: Limits;
  /** The /proc mount point. */
  procIno: number;
  /** Host mounts by mount point inode. */
  mounts: Map<number, HostMount> | null = null;
  /** Bumped by every change that can alter what an existing path resolves to. */
  gen = 0;
  // Results of a PARENT walk (resolution is synchronous, so fields are safe).
  leaf = '';
  trail = false;
  links = 0;
  readonly #procHost: () => ProcHost;
  #proc: ProcFs | null = null;
  #cwdPath: string | null = null;
  #cwdIno = 0;
  #cwdGen = -1;

  constructor(store: MemStore, limits: Limits, procIno: number, procHost: () => ProcHost) {
    this.store = store;
    this.limits = limits;
    this.procIno = procIno;
    this.#procHost = procHost;
  }

  root(): Inode { return this.store.get(ROOT_INO)!; }

  perm(ctx: PathContext, n: Node, want: number): boolean {
    const mode = n.mode;
    if (ctx.uid === 0) return (want & X_OK) === 0 || (mode & S_IFMT) === S_IFDIR || (mode & 0o111) !== 0;
    const bits = ctx.uid === n.uid ? mode >> 6 : ctx.gid === n.gid ? mode >> 3 : mode;
    return (bits & want) === want;
  }

  /** A directory inode as seen through mounts (/proc, host mounts). */
  enter(n: Inode, path: string): Node {
    const ino = n.ino;
    if (ino === this.procIno) return (this.#proc ??= new ProcFs(this.#procHost())).root();
    const m = this.mounts;
    if (m !== null) {
      const mt = m.get(ino);
      if (mt !== undefined) return mt.rootNode(path);
    }
    return n;
  }

  isMountPoint(ino: number): boolean {
    return ino === this.procIno || (this.mounts !== null && this.mounts.has(ino));
  }

  up(cur: Node): Node {
    const store = this.store;
    if (cur instanceof Inode) return store.get(cur.parent) ?? this.root();
    const p = cur.parent();
    if (p !== null) return p;
    const mp = store.get(cur.mountIno);
    return (mp !== undefined ? store.get(mp.parent) : undefined) ?? this.root();
  }

  child(ctx: PathContext, dir: Node, name: string, path: string): Node | null {
    if (dir instanceof Inode) {
      const ino = dir.entries!.get(name);
      return ino === undefined ? null : this.store.get(ino) ?? null;
    }
    return dir.lookup(ctx, name, path);
  }

  #cwdNode(ctx: PathContext, sc: string, path: string): Node {
    const cwd = ctx.cwd;
    if (cwd === this.#cwdPath && this.#cwdGen === this.gen) {
      const n = this.store.get(this.#cwdIno);
      if (n !== undefined) return n;
    }
    let n: Node;
    try {
      n = this.walkFrom(ctx, this.root(), cwd, cwd, FOLLOW | NOPERM, sc, null, 0) as Node;
    } catch (e) {
      throw kerr((e as { code?: string }).code === 'ENOTDIR' ? 'ENOTDIR' : 'ENOENT', sc, path);
    }
    if (!isDir(n)) throw kerr('ENOTDIR', sc, path);
    // Only in-memory directories are cached: /proc and host nodes depend on the caller and the host.
    if (n instanceof Inode) {
      this.#cwdPath = cwd;
      this.#cwdGen = this.gen;
      this.#cwdIno = n.ino;
    }
    return n;
  }

  walk(ctx: PathContext, path: string, how: number, sc: string, trace: string[] | null): Node {
    return this.#resolve(ctx, path, how, sc, trace) as Node;
  }

  /** #walk that returns null instead of throwing for resolution failures. */
  probe(ctx: PathContext, path: string, how: number, sc: string): Node | null {
    return this.#resolve(ctx, path, how | SOFT, sc, null);
  }

  #fail(how: number, code: 'ENOENT' | 'ENOTDIR' | 'EACCES' | 'ELOOP' | 'ENAMETOOLONG', sc: string, path: string): null {
    if (how & SOFT) return null;
    throw kerr(code, sc, path);
  }

  #resolve(ctx: PathContext, path: string, how: number, sc: string, trace: string[] | null): Node | null {
    const n = path.length;
    if (n === 0) return this.#fail(how, 'ENOENT', sc, path);
    if (n >= this.limits.pathMax) return this.#fail(how, 'ENAMETOOLONG', sc, path);
    let start: Node;
    if (path.charCodeAt(0) === 47) start = this.root();
    else if (trace !== null) start = this.walk(ctx, normalizePath(ctx.cwd), FOLLOW, sc, trace);
    else start = this.#cwdNode(ctx, sc, path);
    return this.walkFrom(ctx, start, path, path, how, sc, trace, 0);
  }

  /**
   * Resolves p from `cur`. FOLLOW: follow a final symlink. PARENT: stop before the last component
   * and leave it in #leaf (#trail: it had a trailing slash). `trace` collects the canonical path.
   */
  walkFrom(
    ctx: PathContext, cur: Node, orig: string, p: string, how: number, sc: string,
    trace: string[] | null, links: number,
  ): Node | null {
    const store = this.store;
    const nameMax = this.limits.nameMax;
    let i = 0;
    let mustDir = false;
    for (;;) {
      const len = p.length;
      while (i < len && p.charCodeAt(i) === 47) i++;
      if (i >= len) {
        if (mustDir && !isDir(cur)) return this.#fail(how, 'ENOTDIR', sc, orig);
        if (how & PARENT) { this.leaf = ''; this.trail = false; }
        this.links = links;
        return cur;
      }
      let j = p.indexOf('/', i);
      if (j < 0) j = len;
      let k = j;
      while (k < len && p.charCodeAt(k) === 47) k++;
      const last = k >= len;
      if (j - i > nameMax) return this.#fail(how, 'ENAMETOOLONG', sc, orig);
      if (!isDir(cur)) return this.#fail(how, 'ENOTDIR', sc, orig);
      if ((how & NOPERM) === 0 && !this.perm(ctx, cur, X_OK)) return this.#fail(how, 'EACCES', sc, orig);
      const name = p.slice(i, j);
      if (last && (how & PARENT)) {
        this.leaf = name;
        this.trail = j < len;
        this.links = links;
        return cur;
      }
      i = j;
      if (name === '.') { mustDir = true; continue; }
      if (name === '..') {
        cur = this.up(cur);
        if (trace !== null) trace.pop();
        mustDir = true;
        continue;
      }
      let child: Node | null;
      if (cur instanceof Inode) {
        const ino = cur.entries!.get(name);
        child = ino === undefined ? null : store.get(ino) ?? null;
      } else {
        child = cur.lookup(ctx, name, orig);
      }
      if (child === null) return this.#fail(how, 'ENOENT', sc, orig);
      if (isLink(child) && (!last || (how & FOLLOW) !== 0 || j < len)) {
        if (++links > this.limits.symlinkDepth) return this.#fail(how, 'ELOOP', sc, orig);
        if (child instanceof ExtNode && trace === null) {
          const t = child.follow(ctx);
          if (t !== null) { cur = t; mustDir = j < len; continue; }
        }
        const target = child instanceof Inode ? child.target : child.readlink(ctx, orig);
        if (target.length === 0) return this.#fail(how, 'ENOENT', sc, orig);
        p = j < len ? target + p.slice(j) : target;
        i = 0;
        if (target.charCodeAt(0) === 47) {
          cur = this.root();
          if (trace !== null) trace.length = 0;
        }
        mustDir = false;
        continue;
      }
      cur = child instanceof Inode && (child.mode & S_IFMT) === S_IFDIR ? this.enter(child, orig) : child;
      if (trace !== null) trace.push(name);
      mustDir = j < len;
    }
  }

  /** PARENT walk: the directory that holds the last component (in #leaf / #trail). */
  parentOf(ctx: PathContext, path: string, sc: string): Node {
    return this.walk(ctx, path, PARENT, sc, null);
  }
}
