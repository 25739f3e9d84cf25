// Open file descriptions of the VFS: the common base (flags, offset, reference counting, lazy
// path) and the in-memory kinds: regular files, directories and read-only buffers (/proc files).

import { kerr } from '../errno.ts';
import {
  O_ACCMODE, O_APPEND, O_RDONLY, O_WRONLY, SEEK_CUR, SEEK_END, SEEK_SET,
  type Dirent, type OpenFile, type Stat,
} from '../types.ts';
import { direntType } from './inode.ts';
import { joinPath } from './path.ts';
import type { MemStore } from './store.ts';

export abstract class Description implements OpenFile {
  flags: number;
  offset = 0;
  #cwd: string;
  #raw: string;
  #path: string | null = null;
  #refs = 1;

  constructor(flags: number, cwd: string, raw: string) {
    this.flags = flags;
    this.#cwd = cwd;
    this.#raw = raw;
  }

  /** Absolute, lexically normalized path the file was opened by. */
  get path(): string {
    return (this.#path ??= joinPath(this.#cwd, this.#raw));
  }

  abstract read(max: number): Uint8Array | Promise<Uint8Array>;
  abstract write(data: Uint8Array): number | Promise<number>;
  abstract stat(): Stat;

  seek(_offset: number, _whence: number): number {
    throw kerr('ESPIPE', 'lseek');
  }

  isatty(): boolean { return false; }

  ref(): void { this.#refs++; }

  close(): void {
    if (this.#refs <= 0) return;
    if (--this.#refs === 0) this.release();
  }

  /** Called once, when the last reference is closed. */
  protected release(): void {}

  protected canRead(): void {
    if ((this.flags & O_ACCMODE) === O_WRONLY) throw kerr('EBADF', 'read');
  }

  protected canWrite(): void {
    if ((this.flags & O_ACCMODE) === O_RDONLY) throw kerr('EBADF', 'write');
  }
}

/** lseek arithmetic shared by the seekable descriptions. */
export function seekOffset(cur: number, size: number, offset: number, whence: number): number {
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = cur + offset;
  else if (whence === SEEK_END) pos = size + offset;
  else throw kerr('EINVAL', 'lseek');
  if (!Number.isSafeInteger(pos) || pos < 0) throw kerr('EINVAL', 'lseek');
  return pos;
}

/** A regular file of the in-memory filesystem. */
export class FileDesc extends Description {
  readonly store: MemStore;
  readonly ino: number;

  constructor(store: MemStore, ino: number, flags: number, cwd: string, raw: string) {
    super(flags, cwd, raw);
    this.store = store;
    this.ino = ino;
    store.retain(ino);
  }

  read(max: number): Uint8Array {
    this.canRead();
    const d = this.store.read(this.ino, this.offset, max);
    this.offset += d.length;
    return d;
  }

  write(data: Uint8Array): number {
    this.canWrite();
    if (this.flags & O_APPEND) this.offset = this.store.get(this.ino)!.size;
    const n = this.store.write(this.ino, this.offset, data, 'write');
    this.offset += n;
    const w = this.store.watch;
    if (w !== null && n > 0) w.written(this, this.ino);
    return n;
  }

  override seek(offset: number, whence: number): number {
    return (this.offset = seekOffset(this.offset, this.store.get(this.ino)!.size, offset, whence));
  }

  stat(): Stat { return this.store.get(this.ino)!.stat(); }

  protected override release(): void { this.store.release(this.ino); }
}

/** Lists a directory of the in-memory filesystem. */
export function memReaddir(store: MemStore, ino: number): Dirent[] {
  const dir = store.get(ino);
  const out: Dirent[] = [];
  if (dir === undefined || dir.entries === null) return out;
  for (const [name, cino] of dir.entries) {
    const c = store.get(cino);
    if (c !== undefined) out.push({ name, type: direntType(c.mode), ino: cino });
  }
  return out;
}

/** Where a directory description gets its listing and status from. */
export interface DirSource {
  readdir(): Dirent[];
  stat(): Stat;
}

/** A directory opened with open(2): read() fails with EISDIR, readdir() lists it. */
export class DirDesc extends Description {
  readonly #src: DirSource;
  readonly store: MemStore | null;
  readonly ino: number;

  constructor(src: DirSource, flags: number, cwd: string, raw: string, store: MemStore | null = null, ino = 0) {
    super(flags, cwd, raw);
    this.#src = src;
    this.store = store;
    this.ino = ino;
    store?.retain(ino);
  }

  read(_max: number): Uint8Array { throw kerr('EISDIR', 'read'); }
  write(_data: Uint8Array): number { throw kerr('EBADF', 'write'); }
  override seek(offset: number, whence: number): number {
    if (whence === SEEK_END) throw kerr('EINVAL', 'lseek');
    return (this.offset = seekOffset(this.offset, 0, offset, whence));
  }
  stat(): Stat { return this.#src.stat(); }
  readdir(): Dirent[] { return this.#src.readdir(); }
  protected override release(): void { this.store?.release(this.ino); }
}

/** Read-only contents fixed at open time (/proc files). */
export class BufferDesc extends Description {
  readonly #data: Uint8Array;
  readonly #stat: () => Stat;

  constructor(data: Uint8Array, stat: () => Stat, flags: number, cwd: string, raw: string) {
    super(flags, cwd, raw);
    this.#data = data;
    this.#stat = stat;
  }

  read(max: number): Uint8Array {
    this.canRead();
    const start = this.offset;
    if (start >= this.#data.length || max <= 0) return new Uint8Array(0);
    const end = Math.min(this.#data.length, start + max);
    this.offset = end;
    return this.#data.slice(start, end);
  }

  write(_data: Uint8Array): number {
    this.canWrite();
    throw kerr('EIO', 'write');
  }

  override seek(offset: number, whence: number): number {
    return (this.offset = seekOffset(this.offset, this.#data.length, offset, whence));
  }

  stat(): Stat { return this.#stat(); }
}
