// The inode table of one VM filesystem: a private top map over frozen shared layers, plus file
// data operations, quotas (vfsBytes, vfsInodes, fileSize) and open counts.
//
// Copy-on-write rules: `get(ino)` returns whichever copy is visible (read only!); `mut(ino)`
// returns the VM's private copy, copying the inode up from a frozen layer first. A copied inode
// shares its data / entries with the frozen copy until `ownData` / `ownEntries` copies them.

import { kerr } from '../errno.ts';
import type { Limits } from '../limits.ts';
import {
  ACCT_BYTES, ACCT_INODE, COW_DATA, COW_ENTRIES, EMPTY, Inode, type Layer,
} from './inode.ts';
import type { WatchPoint, WriteWatch } from './watch.ts';

const MAX_LAYERS = 4;

export class MemStore implements WatchPoint {
  /** The VFS's change watch while somebody watches (set by Vfs.watch); descriptions report writes. */
  watch: WriteWatch | null = null;
  #top: Map<number, Inode> | null = null;
  #lower: Layer | null;
  #opens: Map<number, number> | null = null;
  nextIno: number;
  /** Usage beyond the shared base. */
  bytes = 0;
  inodes = 0;
  readonly limits: Limits;
  readonly now: () => number;

  constructor(lower: Layer | null, nextIno: number, limits: Limits, now: () => number) {
    this.#lower = lower;
    this.nextIno = nextIno;
    this.limits = limits;
    this.now = now;
  }

  get(ino: number): Inode | undefined {
    const t = this.#top;
    if (t !== null) {
      const n = t.get(ino);
      if (n !== undefined) return n;
    }
    for (let l = this.#lower; l !== null; l = l.parent) {
      const n = l.map.get(ino);
      if (n !== undefined) return n;
    }
    return undefined;
  }

  /** The private, mutable copy of an inode (copied up on first use). */
  mut(ino: number): Inode {
    let t = this.#top;
    if (t !== null) {
      const n = t.get(ino);
      if (n !== undefined) return n;
    } else {
      t = this.#top = new Map();
    }
    for (let l = this.#lower; l !== null; l = l.parent) {
      const n = l.map.get(ino);
      if (n !== undefined) {
        const c = n.copy();
        t.set(ino, c);
        return c;
      }
    }
    throw kerr('EIO', 'inode', String(ino), `inode ${ino} vanished`);
  }

  /** A new inode, counted against the inode quota. */
  alloc(mode: number, uid: number, gid: number, syscall: string, path: string, bytes = 0): Inode {
    if (this.inodes >= this.limits.vfsInodes) throw kerr('ENOSPC', syscall, path);
    if (bytes > 0 && this.bytes + bytes > this.limits.vfsBytes) throw kerr('ENOSPC', syscall, path);
    const n = new Inode(this.nextIno++, mode, uid, gid, this.now());
    n.acct = ACCT_INODE | ACCT_BYTES;
    this.inodes++;
    this.bytes += bytes;
    (this.#top ??= new Map()).set(n.ino, n);
    return n;
  }

  /** Adds an inode built elsewhere (base image construction); not counted. */
  put(n: Inode): void {
    (this.#top ??= new Map()).set(n.ino, n);
  }

  /** Directory entries of a private copy, owned (copied if still shared). */
  ownEntries(dir: Inode): Map<string, number> {
    if (dir.cow & COW_ENTRIES) {
      dir.entries = new Map(dir.entries!);
      dir.cow &= ~COW_ENTRIES;
    }
    return dir.entries!;
  }

  /** Charges `delta` bytes to the byte quota; throws ENOSPC if it does not fit. */
  charge(delta: number, syscall: string, path?: string): void {
    if (delta > 0 && this.bytes + delta > this.limits.vfsBytes) throw kerr('ENOSPC', syscall, path);
    this.bytes += delta;
  }

  // ---- file data ----

  read(ino: number, pos: number, max: number): Uint8Array {
    const n = this.get(ino);
    if (n === undefined || n.data === null || pos >= n.size || max <= 0) return EMPTY;
    const end = Math.min(n.size, pos + max);
    return n.data.slice(pos, end);
  }

  /** Writes data at pos (zero-filling any hole); returns bytes written (partial at a quota). */
  write(ino: number, pos: number, src: Uint8Array, syscall: string, path?: string): number {
    let len = src.length;
    if (len === 0) return 0;
    const lim = this.limits;
    if (pos >= lim.fileSize) throw kerr('EFBIG', syscall, path);
    if (pos + len > lim.fileSize) len = lim.fileSize - pos;
    const n = this.mut(ino);
    const counted = (n.acct & ACCT_BYTES) !== 0;
    const size = n.size;
    let end = pos + len;
    let need = (end > size ? end - size : 0) + (counted ? 0 : size);
    if (need > 0 && this.bytes + need > lim.vfsBytes) {
      const room = lim.vfsBytes - this.bytes - (counted ? 0 : size);
      if (room < 0) throw kerr('ENOSPC', syscall, path);
      if (size + room < end) end = size + room;
      if (end <= pos) throw kerr('ENOSPC', syscall, path);
      len = end - pos;
      need = (end > size ? end - size : 0) + (counted ? 0 : size);
    }
    this.#reserve(n, end);
    n.data!.set(len === src.length ? src : src.subarray(0, len), pos);
    if (end > size) n.size = end;
    if (!counted) n.acct |= ACCT_BYTES;
    this.bytes += need;
    n.mtimeMs = n.ctimeMs = this.now();
    return len;
  }

  truncate(ino: number, len: number, syscall: string, path?: string): void {
    const lim = this.limits;
    if (len > lim.fileSize) throw kerr('EFBIG', syscall, path);
    const n = this.mut(ino);
    const size = n.size;
    const counted = (n.acct & ACCT_BYTES) !== 0;
    const delta = (counted ? len - size : len);
    if (delta > 0 && this.bytes + delta > lim.vfsBytes) throw kerr('ENOSPC', syscall, path);
    if (len > size) {
      this.#reserve(n, len);
    } else if (len < size) {
      if (n.cow & COW_DATA) {
        n.data = len === 0 ? null : n.data!.slice(0, len);
        n.cow &= ~COW_DATA;
      } else if (n.data !== null) {
        if (len === 0 && n.data.length > 4096) n.data = null;
        else n.data.fill(0, len, size);
      }
    }
    n.size = len;
    if (!counted) n.acct |= ACCT_BYTES;
    this.bytes += delta;
    n.mtimeMs = n.ctimeMs = this.now();
  }

  /** Makes n.data private and at least `end` bytes long (capacity doubling). */
  #reserve(n: Inode, end: number): void {
    const d = n.data;
    const shared = (n.cow & COW_DATA) !== 0;
    if (d !== null && !shared && d.length >= end) return;
    const cap = d === null ? 0 : d.length;
    let size = shared ? Math.max(end, n.size) : Math.max(end, cap * 2, 64);
    if (size > this.limits.fileSize && end <= this.limits.fileSize) size = Math.max(end, this.limits.fileSize);
    const nd = new Uint8Array(size);
    if (d !== null && n.size > 0) nd.set(n.size < d.length ? d.subarray(0, n.size) : d);
    n.data = nd;
    n.cow &= ~COW_DATA;
  }

  // ---- lifetime ----

  /** An open file description now refers to ino. */
  retain(ino: number): void {
    const o = (this.#opens ??= new Map());
    o.set(ino, (o.get(ino) ?? 0) + 1);
  }

  /** An open file description on ino was released; frees the inode if it has no names left. */
  release(ino: number): void {
    const o = this.#opens;
    if (o === null) return;
    const c = (o.get(ino) ?? 1) - 1;
    if (c > 0) { o.set(ino, c); return; }
    o.delete(ino);
    const n = this.get(ino);
    if (n !== undefined && n.nlink === 0) this.#free(n);
  }

  /** Drops one name of a non-directory (or the only name of a directory). */
  unlinked(ino: number): void {
    const cur = this.get(ino);
    if (cur === undefined) return;
    const last = cur.isDir() || cur.nlink <= 1;
    if (last && !(this.#opens?.has(ino))) { this.#free(cur); return; }
    const n = this.mut(ino);
    n.nlink = last ? 0 : n.nlink - 1;
    n.ctimeMs = this.now();
  }

  #free(n: Inode): void {
    if (n.acct & ACCT_INODE) this.inodes--;
    if (n.acct & ACCT_BYTES) this.bytes -= n.isLink() || n.isReg() ? n.size : 0;
    this.#top?.delete(n.ino);
  }

  // ---- layers ----

  /**
   * Freezes the current state into a shared layer and starts a fresh private top over it.
   * Nothing in the returned layer is mutated afterwards.
   */
  freeze(): Layer | null {
    const t = this.#top;
    if (t !== null && t.size > 0) {
      const parent = this.#lower;
      const depth = parent === null ? 1 : parent.depth + 1;
      if (depth > MAX_LAYERS) {
        const merged = new Map<number, Inode>();
        const chain: Layer[] = [];
        for (let l = parent; l !== null; l = l.parent) chain.push(l);
        for (let i = chain.length - 1; i >= 0; i--) for (const [k, v] of chain[i].map) merged.set(k, v);
        for (const [k, v] of t) merged.set(k, v);
        this.#lower = { map: merged, parent: null, depth: 1 };
      } else {
        this.#lower = { map: t, parent, depth };
      }
    }
    this.#top = null;
    return this.#lower;
  }

  /** A copy-on-write twin over the (frozen) current state: same counters, same next inode. */
  fork(): MemStore {
    const lower = this.freeze();
    const c = new MemStore(lower, this.nextIno, this.limits, this.now);
    c.bytes = this.bytes;
    c.inodes = this.inodes;
    // Inodes kept alive only by this store's open files are garbage in the twin.
    if (this.#opens !== null) {
      for (const ino of this.#opens.keys()) {
        const n = this.get(ino);
        if (n !== undefined && n.nlink === 0) {
          if (n.acct & ACCT_INODE) c.inodes--;
          if (n.acct & ACCT_BYTES) c.bytes -= n.isLink() || n.isReg() ? n.size : 0;
        }
      }
    }
    return c;
  }
}
