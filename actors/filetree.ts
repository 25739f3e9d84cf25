// FileTree: the session doc's `files` map (absolute path → { type, size, mtime, mode }) kept in
// step with one VM's filesystem. start() reconciles the map with a full scan of the roots in one
// transaction, then watches the VFS: events only mark paths dirty; a flush (at most every flushMs,
// or flush() now) re-stats each dirty path against the *current* filesystem, so the order of the
// events does not matter and a burst (`seq 1 100000 > f`: ~72 'modify' events) becomes one
// transaction. Entries whose values did not change are never rewritten, so no-op events produce
// no doc update.
//
// Dirty marks: create / modify / attrib → re-stat the path (shallow); created directories,
// deletes and both sides of a rename → deep (a missing path drops it and every key under it; an
// existing directory is rescanned and keys under it that no longer exist are dropped). Create /
// delete / rename also re-stat the parent directory, whose mtime changed. `mode` holds the
// permission bits (st_mode & 0o7777); the type is in `type`. Symlinks are not followed.

import type * as Y from 'yjs';
import type { VM } from '../kernel/vm.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, type PathContext, type Stat, type VfsEvent } from '../kernel/types.ts';

export interface FileEntry { type: 'file' | 'dir' | 'symlink' | 'other'; size: number; mtime: number; mode: number }

export interface FileTreeOptions {
  /** Subtrees to mirror (absolute paths), default ['/']. */
  roots?: string[];
  /** Path prefixes never mirrored, default ['/proc', '/dev', '/sys']. */
  exclude?: string[];
  /** Longest delay between a change and its flush, default 16 ms. */
  flushMs?: number;
  /** Most keys the map holds, default 20000; past it new paths are skipped and `truncated` is set. */
  maxEntries?: number;
  /** Transaction origin of the changes this class makes. */
  origin?: unknown;
}

const ROOT: PathContext = { cwd: '/', uid: 0, gid: 0, umask: 0o022 };

function entryOf(st: Stat): FileEntry {
  const t = st.mode & S_IFMT;
  const type = t === S_IFREG ? 'file' : t === S_IFDIR ? 'dir' : t === S_IFLNK ? 'symlink' : 'other';
  return { type, size: st.size, mtime: st.mtimeMs, mode: st.mode & 0o7777 };
}

function same(a: unknown, b: FileEntry): boolean {
  if (a === null || typeof a !== 'object') return false;
  const e = a as FileEntry;
  return e.type === b.type && e.size === b.size && e.mtime === b.mtime && e.mode === b.mode;
}

function under(path: string, prefix: string): boolean {
  if (prefix === '/') return path.startsWith('/');
  return path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47);
}

function parentOf(p: string): string | null {
  if (p === '/') return null;
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function child(dir: string, name: string): string { return dir === '/' ? `/${name}` : `${dir}/${name}`; }

function clean(p: string): string {
  if (typeof p !== 'string' || !p.startsWith('/')) throw new TypeError(`FileTree: '${String(p)}' must be an absolute path`);
  return p.length > 1 && p.endsWith('/') ? p.replace(/\/+$/, '') || '/' : p;
}

export class FileTree {
  readonly #doc: Y.Doc;
  readonly #vm: VM;
  readonly #map: Y.Map<FileEntry>;
  readonly #roots: string[];
  readonly #exclude: string[];
  readonly #flushMs: number;
  readonly #max: number;
  readonly #origin: unknown;
  /** Dirty paths → deep (true) or shallow (false) reconcile. */
  #dirty = new Map<string, boolean>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #unwatch: (() => void) | null = null;
  #truncated = false;

  constructor(doc: Y.Doc, vm: VM, opts: FileTreeOptions = {}) {
    this.#doc = doc;
    this.#vm = vm;
    this.#map = doc.getMap('files');
    this.#roots = (opts.roots ?? ['/']).map(clean);
    this.#exclude = (opts.exclude ?? ['/proc', '/dev', '/sys']).map(clean);
    this.#flushMs = opts.flushMs ?? 16;
    this.#max = opts.maxEntries ?? 20000;
    this.#origin = opts.origin ?? null;
  }

  /** True once a path was left out because the map reached maxEntries. */
  get truncated(): boolean { return this.#truncated; }

  #inScope(p: string): boolean {
    return this.#roots.some((r) => under(p, r)) && !this.#exclude.some((x) => under(p, x));
  }

  /** Full scan of the roots into the map (dropping keys that no longer exist), then watch. */
  start(): void {
    if (this.#unwatch) return;
    this.#unwatch = this.#vm.fs.watch(this.#onEvent);
    const seen = new Set<string>();
    this.#doc.transact(() => {
      for (const r of this.#roots) if (this.#inScope(r)) this.#scan(r, seen);
      const stale: string[] = [];
      for (const k of this.#map.keys()) if (!seen.has(k)) stale.push(k);
      for (const k of stale) this.#map.delete(k);
      const info = this.#doc.getMap('sessionInfo');
      if (!this.#truncated && info.get('filesTruncated') === true) info.set('filesTruncated', false);
    }, this.#origin);
  }

  readonly #onEvent = (ev: VfsEvent): void => {
    const p = ev.path;
    if (ev.type === 'rename') {
      this.#mark(ev.oldPath!, true, true);
      this.#mark(p, true, true);
    } else if (ev.type === 'delete') {
      this.#mark(p, true, true);
    } else if (ev.type === 'create') {
      this.#mark(p, ev.kind === 'dir', true);
    } else {
      this.#mark(p, false, false);
    }
    if (this.#dirty.size > 0 && this.#timer === null && this.#unwatch !== null) {
      this.#timer = setTimeout(() => { this.#timer = null; this.flush(); }, this.#flushMs);
    }
  };

  #mark(p: string, deep: boolean, parent: boolean): void {
    if (this.#inScope(p) && !this.#dirty.get(p)) this.#dirty.set(p, deep);
    if (!parent) return;
    const d = parentOf(p);
    if (d !== null && this.#inScope(d) && !this.#dirty.has(d)) this.#dirty.set(d, false);
  }

  /** Applies the pending changes now, in one transaction (none if nothing changed). */
  flush(): void {
    if (this.#timer !== null) { clearTimeout(this.#timer); this.#timer = null; }
    if (this.#dirty.size === 0) return;
    const dirty = this.#dirty;
    this.#dirty = new Map();
    // Prefixes whose keys below are all gone, and rescanned directories with what they hold now.
    const gone = new Set<string>();
    const rescanned = new Map<string, Set<string>>();
    this.#doc.transact(() => {
      for (const [p, deep] of dirty) {
        const st = this.#lstat(p);
        if (st === null) {
          if (this.#map.has(p)) this.#map.delete(p);
          gone.add(p);
        } else if (deep && (st.mode & S_IFMT) === S_IFDIR) {
          const seen = new Set<string>();
          this.#scan(p, seen);
          rescanned.set(p, seen);
        } else {
          this.#put(p, entryOf(st));
        }
      }
      if (gone.size === 0 && rescanned.size === 0) return;
      const drop: string[] = [];
      for (const k of this.#map.keys()) {
        for (let a = parentOf(k); a !== null; a = parentOf(a)) {
          if (gone.has(a)) { drop.push(k); break; }
          const seen = rescanned.get(a);
          if (seen !== undefined) { if (!seen.has(k)) drop.push(k); break; }
        }
      }
      for (const k of drop) this.#map.delete(k);
    }, this.#origin);
  }

  #lstat(p: string): Stat | null {
    try { return this.#vm.kernel.vfs.lstat(ROOT, p); } catch { return null; }
  }

  /** Puts p and everything below it (in scope) into the map, adding each path to seen. */
  #scan(p: string, seen: Set<string>): void {
    const st = this.#lstat(p);
    if (st === null) return;
    seen.add(p);
    this.#put(p, entryOf(st));
    if ((st.mode & S_IFMT) !== S_IFDIR) return;
    let list;
    try { list = this.#vm.kernel.vfs.readdir(ROOT, p); } catch { return; }
    for (const d of list) {
      if (d.name === '.' || d.name === '..') continue;
      const c = child(p, d.name);
      if (this.#inScope(c)) this.#scan(c, seen);
    }
  }

  #put(p: string, e: FileEntry): void {
    const old = this.#map.get(p);
    if (old !== undefined) {
      if (!same(old, e)) this.#map.set(p, e);
      return;
    }
    if (this.#map.size >= this.#max) {
      if (!this.#truncated) {
        this.#truncated = true;
        this.#doc.getMap('sessionInfo').set('filesTruncated', true);
      }
      return;
    }
    this.#map.set(p, e);
  }

  /** Stops watching and drops pending changes (the map keeps what it holds). */
  dispose(): void {
    if (this.#timer !== null) { clearTimeout(this.#timer); this.#timer = null; }
    this.#unwatch?.();
    this.#unwatch = null;
    this.#dirty.clear();
  }
}
