// OpenFiles: live collaborative editing of VM files. An open file is the root type
// doc.getText('file:' + path), listed in doc.getMap('open') as path → { by, at } (plus
// `deleted: true` while the file is gone, `stale: 'EFBIG' | 'EINVAL'` while it is too large or
// not text to mirror). Both directions are kept in step:
//
// - doc → VFS: a change to the text by any origin but ours is written (whole content) to the file
//   synchronously in the text observer. Writes use the VM user's credentials (uid/gid 1000, as
//   vm.fs does): a remote editor can change exactly what the agent's user could, never root-only
//   files. A refused write (EACCES, EROFS…) reverts the text to the file's content. A deleted
//   file is recreated by the next remote edit; a stale one (too big / binary now) is not written.
// - VFS → doc: watch events on an open path (or a directory above it) re-read the file in a
//   microtask (one read per delivery however many events) and apply a minimal diff (common prefix
//   + suffix, replace the middle) with our origin, so remote edits elsewhere in the text merge.
//
// Both sides agree on `synced`, the content file and text had at the last sync. A remote change
// arriving while a file change is still undelivered (the file differs from `synced`) is merged
// three-way: the file's diff from `synced` is mapped through the remote delta onto the text, and
// the merged text is written back. Writing the file fires a watch event whose re-read equals
// `synced`: no doc change, no update.

import type * as Y from 'yjs';
import type { VM } from '../kernel/vm.ts';
import { kerr, KernelError } from '../kernel/errno.ts';
import { S_IFDIR, S_IFMT, S_IFREG, type PathContext, type VfsEvent } from '../kernel/types.ts';

export interface OpenFilesOptions {
  /** Origin of the changes this class makes (default: the OpenFiles instance). */
  origin?: unknown;
  /** Files larger than this are refused (EFBIG), default 1 MiB. */
  maxBytes?: number;
}

export interface OpenEntry { by: string; at: number; deleted?: true; stale?: 'EFBIG' | 'EINVAL' }

interface Bound { text: Y.Text; synced: string; stale: boolean; observer: (ev: Y.YTextEvent, tr: Y.Transaction) => void }
/** A file's text, or why it cannot be mirrored. */
interface Unreadable { why: 'ENOENT' | 'EISDIR' | 'EFBIG' | 'EINVAL' }
type Read = string | Unreadable;
type Delta = Array<{ insert?: unknown; retain?: number; delete?: number }>;

const ROOT: PathContext = { cwd: '/', uid: 0, gid: 0, umask: 0o022 };
const USER: PathContext = { cwd: '/', uid: 1000, gid: 1000, umask: 0o022 };
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** Common prefix and suffix of a and b, never splitting a UTF-16 surrogate pair. */
export function diffRange(a: string, b: string): { start: number; endA: number; endB: number } {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && isHigh(a.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isLow(a.charCodeAt(a.length - s))) s--;
  return { start: p, endA: a.length - s, endB: b.length - s };
}
function isHigh(c: number): boolean { return c >= 0xd800 && c <= 0xdbff; }
function isLow(c: number): boolean { return c >= 0xdc00 && c <= 0xdfff; }

/** Where old position pos lands after delta; `after`: past inserts made exactly at pos. */
function mapPos(delta: Delta, pos: number, after: boolean): number {
  let o = 0, n = 0;
  for (const op of delta) {
    if (op.insert !== undefined) {
      if (o < pos || (o === pos && after)) n += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.retain !== undefined) {
      if (pos < o + op.retain) return n + (pos - o);
      o += op.retain; n += op.retain;
    } else if (op.delete !== undefined) {
      if (pos < o + op.delete) return n;
      o += op.delete;
    }
  }
  return n + (pos - o);
}

function normalize(p: string): string {
  if (typeof p !== 'string' || !p.startsWith('/')) throw new TypeError(`OpenFiles: '${String(p)}' must be an absolute path`);
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop(); else out.push(part);
  }
  return '/' + out.join('/');
}

function under(p: string, prefix: string): boolean {
  return p === prefix || prefix === '/' || (p.startsWith(prefix) && p.charCodeAt(prefix.length) === 47);
}

export class OpenFiles {
  readonly #doc: Y.Doc;
  readonly #vm: VM;
  readonly #open: Y.Map<OpenEntry>;
  readonly #origin: unknown;
  readonly #max: number;
  readonly #bound = new Map<string, Bound>();
  readonly #dirty = new Set<string>();
  #unwatch: (() => void) | null = null;
  #scheduled = false;

  constructor(doc: Y.Doc, vm: VM, opts: OpenFilesOptions = {}) {
    this.#doc = doc;
    this.#vm = vm;
    this.#open = doc.getMap('open');
    this.#origin = opts.origin ?? this;
    this.#max = opts.maxBytes ?? 1024 * 1024;
  }

  /** Binds path (absolute; created empty if missing) to doc.getText('file:' + path) and returns it. */
  open(path: string, by: string): Y.Text {
    let p = this.#canon(path);
    const b = this.#bound.get(p);
    if (b) return b.text;
    let st;
    try { st = this.#vfs.stat(ROOT, p); } catch (e) {
      if (!(e instanceof KernelError) || e.code !== 'ENOENT') throw e;
      this.#vfs.writeFile(USER, p, new Uint8Array(0), 0o644);
      p = this.#canon(p);
      st = this.#vfs.stat(ROOT, p);
    }
    const type = st.mode & S_IFMT;
    if (type === S_IFDIR) throw kerr('EISDIR', 'open', p, 'is a directory: only regular files can be opened for editing');
    if (type !== S_IFREG) throw kerr('EINVAL', 'open', p, 'not a regular file: only regular files can be opened for editing');
    const content = this.#read(p);
    if (typeof content !== 'string') throw this.#refusal(content, p);
    this.#doc.transact(() => {
      this.#bind(p, content);
      this.#open.set(p, { by, at: Date.now() });
    }, this.#origin);
    return this.#bound.get(p)!.text;
  }

  /** Unbinds path, removes it from 'open' and empties its text. */
  close(path: string): void {
    const p = this.#canon(path);
    const b = this.#bound.get(p);
    if (b) {
      b.text.unobserve(b.observer);
      this.#bound.delete(p);
    }
    this.#doc.transact(() => {
      if (this.#open.has(p)) this.#open.delete(p);
      const text = b?.text ?? this.#doc.getText('file:' + p);
      if (text.length > 0) text.delete(0, text.length);
    }, this.#origin);
    if (this.#bound.size === 0) this.#stopWatching();
  }

  isOpen(path: string): boolean { return this.#bound.has(this.#canon(path)); }
  paths(): string[] { return [...this.#bound.keys()]; }

  /** Re-binds every path listed in 'open' (after loading the doc); the file's content wins. */
  restore(): void {
    this.#doc.transact(() => {
      for (const p of [...this.#open.keys()]) {
        if (this.#bound.has(p) || !p.startsWith('/')) continue;
        const content = this.#read(p);
        this.#bind(p, content);
        this.#mark(p, typeof content === 'string' ? null : content);
      }
    }, this.#origin);
  }

  /** Unbinds everything without touching the doc. */
  dispose(): void {
    for (const b of this.#bound.values()) b.text.unobserve(b.observer);
    this.#bound.clear();
    this.#dirty.clear();
    this.#stopWatching();
  }

  get #vfs() { return this.#vm.kernel.vfs; }

  /** The path watch events use: symlinks resolved (as far as the path exists), else lexical. */
  #canon(path: string): string {
    const p = normalize(path);
    if (this.#bound.has(p)) return p;
    try { return this.#vfs.realpath(ROOT, p); } catch { /* missing: resolve the parent */ }
    const i = p.lastIndexOf('/');
    if (i <= 0) return p;
    try { return this.#vfs.realpath(ROOT, p.slice(0, i)).replace(/\/$/, '') + p.slice(i); } catch { return p; }
  }

  /** The file's text, or why it cannot be mirrored. */
  #read(p: string): Read {
    let st;
    try { st = this.#vfs.stat(ROOT, p); } catch { return { why: 'ENOENT' }; }
    if ((st.mode & S_IFMT) === S_IFDIR) return { why: 'EISDIR' };
    if ((st.mode & S_IFMT) !== S_IFREG) return { why: 'EINVAL' };
    if (st.size > this.#max) return { why: 'EFBIG' };
    let data: Uint8Array;
    try { data = this.#vfs.readFile(ROOT, p); } catch { return { why: 'ENOENT' }; }
    if (data.length > this.#max) return { why: 'EFBIG' };
    if (data.includes(0)) return { why: 'EINVAL' };
    try { return utf8.decode(data); } catch { return { why: 'EINVAL' }; }
  }

  #refusal({ why }: Unreadable, p: string): KernelError {
    if (why === 'EFBIG') return kerr('EFBIG', 'open', p, `file is larger than the ${this.#max}-byte limit for live editing`);
    if (why === 'EINVAL') return kerr('EINVAL', 'open', p, 'file is binary (not UTF-8 text): it cannot be edited live');
    if (why === 'EISDIR') return kerr('EISDIR', 'open', p, 'is a directory: only regular files can be opened for editing');
    return kerr('ENOENT', 'open', p);
  }

  /** Observes the text, makes it equal content (if known), starts watching. Inside a transaction. */
  #bind(p: string, content: Read): void {
    const text = this.#doc.getText('file:' + p);
    const ok = typeof content === 'string';
    const b: Bound = { text, synced: ok ? content : text.toString(), stale: !ok && content.why !== 'ENOENT', observer: () => {} };
    b.observer = (ev, tr) => { if (tr.origin !== this.#origin) this.#toFile(p, b, ev); };
    if (ok) this.#apply(text, content);
    text.observe(b.observer);
    this.#bound.set(p, b);
    this.#unwatch ??= this.#vm.fs.watch(this.#onEvent);
  }

  /** Minimal edit turning text into want (our origin; callers may already be in a transaction). */
  #apply(text: Y.Text, want: string): void {
    const have = text.toString();
    if (have === want) return;
    const d = diffRange(have, want);
    this.#doc.transact(() => {
      if (d.endA > d.start) text.delete(d.start, d.endA - d.start);
      if (d.endB > d.start) text.insert(d.start, want.slice(d.start, d.endB));
    }, this.#origin);
  }

  /** A remote change to an open text: merge any undelivered file change, then write the file. */
  #toFile(p: string, b: Bound, ev: Y.YTextEvent): void {
    if (b.stale) return;
    const file = this.#read(p);
    if (typeof file === 'string' && file !== b.synced) {
      const d = diffRange(b.synced, file);
      const delta = ev.delta as Delta;
      const s = mapPos(delta, d.start, true);
      const e = Math.max(s, mapPos(delta, d.endA, false));
      this.#doc.transact(() => {
        if (e > s) b.text.delete(s, e - s);
        if (d.endB > d.start) b.text.insert(s, file.slice(d.start, d.endB));
      }, this.#origin);
    } else if (typeof file !== 'string' && file.why !== 'ENOENT') {
      return;
    }
    const want = b.text.toString();
    try {
      this.#vfs.writeFile(USER, p, encoder.encode(want), 0o644);
      b.synced = want;
      if (typeof file !== 'string') this.#mark(p, null);
    } catch {
      // Not writable for the VM user (or the directory is gone): the file wins.
      if (typeof file === 'string') this.#apply(b.text, b.synced);
    }
  }

  readonly #onEvent = (ev: VfsEvent): void => {
    for (const p of this.#bound.keys()) {
      if (under(p, ev.path) || (ev.oldPath !== undefined && under(p, ev.oldPath))) this.#dirty.add(p);
    }
    if (this.#dirty.size > 0 && !this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(this.#sync);
    }
  };

  /** Re-reads the dirty open files and mirrors their content into the texts. */
  readonly #sync = (): void => {
    this.#scheduled = false;
    const dirty = [...this.#dirty];
    this.#dirty.clear();
    for (const p of dirty) {
      const b = this.#bound.get(p);
      if (!b) continue;
      const content = this.#read(p);
      if (typeof content === 'string') {
        const e = this.#open.get(p);
        if (b.stale || content !== b.synced || e?.deleted || e?.stale) {
          this.#doc.transact(() => { this.#apply(b.text, content); this.#mark(p, null); }, this.#origin);
        }
        b.synced = content;
        b.stale = false;
      } else {
        b.stale = content.why !== 'ENOENT';
        this.#doc.transact(() => this.#mark(p, content), this.#origin);
      }
    }
  };

  /** Sets the entry's deleted / stale flags (only if they change). */
  #mark(p: string, err: Unreadable | null): void {
    const why = err?.why ?? null;
    const old = this.#open.get(p);
    if (!old) return;
    const next: OpenEntry = { by: old.by, at: old.at };
    if (why === 'ENOENT') next.deleted = true;
    else if (why === 'EFBIG') next.stale = 'EFBIG';
    else if (why !== null) next.stale = 'EINVAL';
    if (old.deleted !== next.deleted || old.stale !== next.stale) this.#open.set(p, next);
  }

  #stopWatching(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    this.#scheduled = false;
  }
}
