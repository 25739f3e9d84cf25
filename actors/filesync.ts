// Which of a VM's files changed (from vm.fs.watch) → FileRecords; and restoring records into a
// fresh VM made from the shared base image.
//
// Record semantics (what a list of records means, in order): a 'file' / 'symlink' / 'deleted'
// record at P replaces whatever was at P *including its whole subtree*; a 'dir' record at P makes P
// a directory with that mode/owner/mtime and keeps its children. So "last record per path wins,
// and a non-directory record drops earlier records below it" (mergeFileRecords) is equivalent to
// applying the records one by one. A directory that is created fresh (mkdir, or moved in by a
// rename) gets tombstones for every child the base image has there and the VM does not, so that a
// later restore onto the base image does not resurrect base files under a recreated directory.
//
// Gaps: hard links are restored as independent copies; symlinks keep their owner but not mtime;
// file types other than file/dir/symlink (devices) are recorded as deleted.

import { KernelError } from '../kernel/errno.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, type PathContext, type Stat, type VfsApi, type VfsEvent } from '../kernel/types.ts';
import { VM } from '../kernel/vm.ts';

export interface FileRecord {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'deleted';
  mode: number; uid: number; gid: number; mtimeMs: number;
  data?: Uint8Array; target?: string;
}

const ROOT: PathContext = Object.freeze({ cwd: '/', uid: 0, gid: 0, umask: 0 });
const FRESH = 1;   // a directory created or moved in: compare its children with the base image
const SUBTREE = 2; // a directory moved in: record its whole subtree
const RESET = 4;   // a directory moved away (or in): what was below it is void — tombstone first

function gone(e: unknown): boolean {
  return e instanceof KernelError && (e.code === 'ENOENT' || e.code === 'ENOTDIR');
}
function under(path: string, root: string): boolean {
  return path === root || (path.startsWith(root) && (root === '/' || path.charCodeAt(root.length) === 47));
}
function parentOf(p: string): string { const i = p.lastIndexOf('/'); return i <= 0 ? '/' : p.slice(0, i); }
function child(dir: string, name: string): string { return dir === '/' ? `/${name}` : `${dir}/${name}`; }
function tombstone(path: string): FileRecord { return { path, type: 'deleted', mode: 0, uid: 0, gid: 0, mtimeMs: 0 }; }
function names(vfs: VfsApi, path: string): string[] {
  return vfs.readdir(ROOT, path).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
}

export class FileSync {
  readonly #vm: VM;
  readonly #sink: (records: FileRecord[]) => void;
  readonly #exclude: string[];
  #pristine: VM | null = null;
  #dirty = new Map<string, number>();
  #unwatch: (() => void) | null = null;
  #warned = false;

  constructor(vm: VM, sink: (records: FileRecord[]) => void, opts: { exclude?: string[]; pristine?: VM } = {}) {
    this.#vm = vm;
    this.#sink = sink;
    this.#exclude = opts.exclude ?? ['/proc', '/dev', '/sys'];
    this.#pristine = opts.pristine ?? null;
  }

  /** Paths changed since the last flush. */
  get dirty(): number { return this.#dirty.size; }

  start(): void {
    if (this.#unwatch === null) this.#unwatch = this.#vm.fs.watch(this.#onEvent);
  }

  #excluded(path: string): boolean { return this.#exclude.some((x) => under(path, x)); }

  #mark(path: string, flags = 0): void {
    if (this.#excluded(path)) return;
    this.#dirty.set(path, (this.#dirty.get(path) ?? 0) | flags);
  }

  readonly #onEvent = (ev: VfsEvent): void => {
    const dir = ev.kind === 'dir';
    switch (ev.type) {
      case 'modify': case 'attrib': this.#mark(ev.path); return;
      case 'create': this.#mark(ev.path, dir ? FRESH : 0); this.#mark(parentOf(ev.path)); return;
      case 'delete': this.#mark(ev.path); this.#mark(parentOf(ev.path)); return;
      case 'rename':
        this.#mark(ev.path, dir ? RESET | FRESH | SUBTREE : 0);
        this.#mark(parentOf(ev.path));
        if (ev.oldPath !== undefined) { this.#mark(ev.oldPath, dir ? RESET : 0); this.#mark(parentOf(ev.oldPath)); }
    }
  };

  /** Reads every dirty path now and hands the records to the sink; returns how many. */
  flush(): number {
    if (this.#dirty.size === 0) return 0;
    const dirty = this.#dirty;
    this.#dirty = new Map();
    const vfs = this.#vm.kernel.vfs;
    const out: FileRecord[] = [];
    const done = new Set<string>();
    const emit = (r: FileRecord) => { if (!done.has(r.path)) { done.add(r.path); out.push(r); } };
    const visit = (path: string, flags: number): void => {
      if (done.has(path) || this.#excluded(path)) return;
      // A reset path gets a tombstone before its current record (which then starts from nothing).
      if (flags & RESET) out.push(tombstone(path));
      let st: Stat;
      try { st = vfs.lstat(ROOT, path); } catch (e) {
        if (gone(e)) { if (flags & RESET) done.add(path); else emit(tombstone(path)); return; }
        return this.#warn(path, e);
      }
      let rec: FileRecord;
      try { rec = readRecord(vfs, path, st); } catch (e) {
        if (gone(e)) { emit(tombstone(path)); return; }
        return this.#warn(path, e);
      }
      emit(rec);
      if (rec.type !== 'dir') return;
      if (flags & FRESH) {
        const have = new Set(names(vfs, path));
        for (const n of this.#baseNames(path)) if (!have.has(n)) emit(tombstone(child(path, n)));
      }
      if (flags & SUBTREE) for (const n of names(vfs, path).sort()) visit(child(path, n), FRESH | SUBTREE); // (the reset above covers them)
    };
    for (const path of [...dirty.keys()].sort()) visit(path, dirty.get(path)!);
    if (out.length > 0) {
      try { this.#sink(out); } catch (e) {
        for (const [p, f] of dirty) this.#mark(p, f); // not recorded: stay dirty for the next flush
        throw e;
      }
    }
    return out.length;
  }

  /**
   * Records the whole difference between the VM and the base image (for a session that starts
   * from an existing VM, e.g. a fork): every path that differs, tombstones for base paths it
   * lacks. Pending dirty paths are included. Returns how many records went to the sink.
   */
  flushAll(): number {
    this.#dirty.clear();
    const vfs = this.#vm.kernel.vfs;
    const base = (this.#pristine ??= new VM()).kernel.vfs;
    const out: FileRecord[] = [];
    const walk = (path: string): void => {
      if (this.#excluded(path)) return;
      let rec: FileRecord;
      try { rec = readRecord(vfs, path, vfs.lstat(ROOT, path)); } catch (e) { return this.#warn(path, e); }
      let old: FileRecord | null = null;
      try { old = readRecord(base, path, base.lstat(ROOT, path)); } catch { /* not in the base */ }
      if (old === null || !sameRecord(old, rec)) out.push(rec);
      if (rec.type !== 'dir') return;
      const have = names(vfs, path).sort();
      if (old?.type === 'dir') {
        const set = new Set(have);
        for (const n of names(base, path)) if (!set.has(n) && !this.#excluded(child(path, n))) out.push(tombstone(child(path, n)));
      }
      for (const n of have) walk(child(path, n));
    };
    walk('/');
    if (out.length > 0) this.#sink(out);
    return out.length;
  }

  #baseNames(path: string): string[] {
    const base = (this.#pristine ??= new VM());
    try { return names(base.kernel.vfs, path); } catch { return []; }
  }

  #warn(path: string, e: unknown): void {
    if (this.#warned) return;
    this.#warned = true;
    console.warn(`agentvm filesync: cannot record ${path} (skipped; further errors not logged):`, e);
  }

  dispose(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    this.#dirty.clear();
    if (this.#pristine !== null) { void this.#pristine.dispose(); this.#pristine = null; }
  }
}

function sameRecord(a: FileRecord, b: FileRecord): boolean {
  if (a.type !== b.type || a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid || a.target !== b.target) return false;
  if (a.type !== 'symlink' && a.mtimeMs !== b.mtimeMs) return false;
  const x = a.data, y = b.data;
  if (x === undefined || y === undefined) return x === y;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function readRecord(vfs: VfsApi, path: string, st: Stat): FileRecord {
  const base = { path, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtimeMs: st.mtimeMs };
  switch (st.mode & S_IFMT) {
    case S_IFREG: return { ...base, type: 'file', data: vfs.readFile(ROOT, path) };
    case S_IFDIR: return { ...base, type: 'dir' };
    case S_IFLNK: return { ...base, type: 'symlink', target: vfs.readlink(ROOT, path) };
    default: return tombstone(path);
  }
}

/**
 * Folds records into `into` (path → record) with the record semantics above; paths that got a
 * non-directory record (their earlier subtree is void) are added to `wiped` if given.
 */
export function mergeFileRecords(into: Map<string, FileRecord>, records: Iterable<FileRecord>, wiped?: Set<string>): void {
  const wipes = new Map<string, number>(); // path → index of its last non-directory record
  const latest = new Map<string, { r: FileRecord; at: number }>();
  let i = 0;
  for (const r of records) {
    if (r.type !== 'dir') { wipes.set(r.path, i); wiped?.add(r.path); }
    latest.set(r.path, { r, at: i++ });
  }
  // An entry dies when a strict ancestor got a non-directory record after it.
  const killed = (path: string, at: number): boolean => {
    for (let p = path; p !== '/';) {
      p = parentOf(p);
      const w = wipes.get(p);
      if (w !== undefined && w > at) return true;
    }
    return false;
  };
  if (wipes.size > 0) for (const p of [...into.keys()]) if (killed(p, -1)) into.delete(p);
  for (const [p, { r, at }] of latest) if (!killed(p, at)) into.set(p, r);
}

function removeTree(vfs: VfsApi, path: string): void {
  const st = vfs.lstat(ROOT, path);
  if ((st.mode & S_IFMT) === S_IFDIR) {
    for (const n of names(vfs, path)) removeTree(vfs, child(path, n));
    vfs.rmdir(ROOT, path);
  } else vfs.unlink(ROOT, path);
}

function lstatOrNull(vfs: VfsApi, path: string): Stat | null {
  try { return vfs.lstat(ROOT, path); } catch (e) { if (gone(e)) return null; throw e; }
}

function ensureParents(vfs: VfsApi, path: string): void {
  let at = '';
  for (const part of parentOf(path).split('/')) {
    if (part === '') continue;
    at += `/${part}`;
    const st = lstatOrNull(vfs, at);
    if (st !== null && (st.mode & S_IFMT) === S_IFDIR) continue;
    if (st !== null) removeTree(vfs, at);
    vfs.mkdir(ROOT, at, 0o755);
  }
}

/**
 * Restores records into a VM (a fresh one made from the base image, or one that already holds
 * some of them: applying is idempotent). Last record per path wins. Throws an AggregateError
 * after applying everything it could if some records failed.
 */
export function applyFileRecords(vm: VM, records: FileRecord[]): void {
  const vfs = vm.kernel.vfs;
  const merged = new Map<string, FileRecord>();
  mergeFileRecords(merged, records);
  const errors: unknown[] = [];
  const dirs: FileRecord[] = [];
  for (const path of [...merged.keys()].sort()) {
    const r = merged.get(path)!;
    try {
      const st = lstatOrNull(vfs, path);
      if (r.type === 'deleted') { if (st !== null) removeTree(vfs, path); continue; }
      const want = r.type === 'dir' ? S_IFDIR : r.type === 'file' ? S_IFREG : S_IFLNK;
      let exists = st !== null;
      if (want === S_IFLNK && st !== null && (st.mode & S_IFMT) === S_IFLNK && vfs.readlink(ROOT, path) === (r.target ?? '')) continue;
      if (st !== null && ((st.mode & S_IFMT) !== want || want === S_IFLNK)) { removeTree(vfs, path); exists = false; }
      if (!exists) ensureParents(vfs, path);
      if (r.type === 'symlink') {
        // Created as its owner when the parent allows it (there is no lchown), else as root.
        try { vfs.symlink({ cwd: '/', uid: r.uid, gid: r.gid, umask: 0 }, r.target ?? '', path); } catch (e) {
          if (!(e instanceof KernelError) || (e.code !== 'EACCES' && e.code !== 'EPERM')) throw e;
          vfs.symlink(ROOT, r.target ?? '', path);
        }
        continue;
      }
      if (r.type === 'dir') {
        if (!exists) vfs.mkdir(ROOT, path, 0o700);
        dirs.push(r);
      } else {
        vfs.writeFile(ROOT, path, r.data ?? new Uint8Array(0), 0o600);
      }
      vfs.chown(ROOT, path, r.uid, r.gid); // before chmod: chown clears set-id bits
      vfs.chmod(ROOT, path, r.mode & 0o7777);
      if (r.type === 'file') vfs.utimes(ROOT, path, r.mtimeMs, r.mtimeMs);
    } catch (e) { errors.push(e); }
  }
  // Directory mtimes last: creating their children above changed them.
  for (const r of dirs) {
    try { vfs.utimes(ROOT, r.path, r.mtimeMs, r.mtimeMs); } catch (e) { errors.push(e); }
  }
  if (errors.length > 0) throw new AggregateError(errors, `applyFileRecords: ${errors.length} record(s) could not be restored`);
}

// ---- binary form (journal payloads) ----
// u8 version | u8 type | u8 flags(1 target, 2 data) | u32 mode uid gid | f64 mtime | u32 len + path
// [| u32 len + target] [| u32 len + data]

const TYPES = ['file', 'dir', 'symlink', 'deleted'] as const;
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

export function encodeFileRecord(r: FileRecord): Uint8Array {
  const t = TYPES.indexOf(r.type);
  if (t < 0) throw new TypeError(`bad file record type ${String(r.type)}`);
  const path = enc.encode(r.path);
  const target = r.target === undefined ? null : enc.encode(r.target);
  const data = r.data ?? null;
  const b = new Uint8Array(27 + path.length + (target ? 4 + target.length : 0) + (data ? 4 + data.length : 0));
  const v = new DataView(b.buffer);
  b[0] = 1; b[1] = t; b[2] = (target ? 1 : 0) | (data ? 2 : 0);
  v.setUint32(3, r.mode >>> 0, true); v.setUint32(7, r.uid >>> 0, true); v.setUint32(11, r.gid >>> 0, true);
  v.setFloat64(15, r.mtimeMs, true);
  let o = 23;
  for (const part of [path, target, data]) {
    if (part === null) continue;
    v.setUint32(o, part.length, true);
    b.set(part, o + 4);
    o += 4 + part.length;
  }
  return b;
}

export function decodeFileRecord(b: Uint8Array): FileRecord {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 27 || b[0] !== 1 || b[1]! > 3) throw new Error('decodeFileRecord: not a file record');
  let o = 23;
  const take = (): Uint8Array => {
    const len = v.getUint32(o, true);
    if (o + 4 + len > b.length) throw new Error('decodeFileRecord: truncated record');
    const part = b.slice(o + 4, o + 4 + len);
    o += 4 + len;
    return part;
  };
  const r: FileRecord = {
    path: dec.decode(take()), type: TYPES[b[1]!]!,
    mode: v.getUint32(3, true), uid: v.getUint32(7, true), gid: v.getUint32(11, true), mtimeMs: v.getFloat64(15, true),
  };
  if (b[2]! & 1) r.target = dec.decode(take());
  if (b[2]! & 2) r.data = take();
  if (o !== b.length) throw new Error('decodeFileRecord: trailing bytes');
  return r;
}
