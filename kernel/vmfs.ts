// vm.fs: the VM's filesystem shaped like node:fs/promises, for the embedding app. Paths are VM
// paths (relative ones resolve against the VM's cwd); errors are KernelErrors with Node's `code`.

import { KernelError, kerr } from './errno.ts';
import {
  O_APPEND, O_CREAT, O_TRUNC, O_WRONLY, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG,
  type Dirent, type DirentType, type PathContext, type Stat, type VfsApi, type VfsListener,
} from './types.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class VmStats {
  dev: number; ino: number; mode: number; nlink: number; uid: number; gid: number; rdev: number;
  size: number; blksize: number; blocks: number;
  atimeMs: number; mtimeMs: number; ctimeMs: number; birthtimeMs: number;
  constructor(s: Stat) {
    this.dev = s.dev; this.ino = s.ino; this.mode = s.mode; this.nlink = s.nlink; this.uid = s.uid; this.gid = s.gid;
    this.rdev = s.rdev; this.size = s.size; this.blksize = s.blksize; this.blocks = s.blocks;
    this.atimeMs = s.atimeMs; this.mtimeMs = s.mtimeMs; this.ctimeMs = s.ctimeMs; this.birthtimeMs = s.birthtimeMs;
  }
  get atime(): Date { return new Date(this.atimeMs); }
  get mtime(): Date { return new Date(this.mtimeMs); }
  get ctime(): Date { return new Date(this.ctimeMs); }
  get birthtime(): Date { return new Date(this.birthtimeMs); }
  isFile(): boolean { return (this.mode & S_IFMT) === S_IFREG; }
  isDirectory(): boolean { return (this.mode & S_IFMT) === S_IFDIR; }
  isSymbolicLink(): boolean { return (this.mode & S_IFMT) === S_IFLNK; }
  isCharacterDevice(): boolean { return (this.mode & S_IFMT) === 0o020000; }
  isFIFO(): boolean { return (this.mode & S_IFMT) === 0o010000; }
  isSocket(): boolean { return (this.mode & S_IFMT) === 0o140000; }
  isBlockDevice(): boolean { return (this.mode & S_IFMT) === 0o060000; }
}

export class VmDirent {
  readonly name: string;
  readonly parentPath: string;
  readonly #type: DirentType;
  constructor(d: Dirent, parentPath: string) { this.name = d.name; this.#type = d.type; this.parentPath = parentPath; }
  isFile(): boolean { return this.#type === 'file'; }
  isDirectory(): boolean { return this.#type === 'dir'; }
  isSymbolicLink(): boolean { return this.#type === 'symlink'; }
  isCharacterDevice(): boolean { return this.#type === 'chardev'; }
  isBlockDevice(): boolean { return this.#type === 'blockdev'; }
  isFIFO(): boolean { return this.#type === 'fifo'; }
  isSocket(): boolean { return this.#type === 'socket'; }
}

type Data = string | Uint8Array;
function bytes(data: Data): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof Uint8Array) return data;
  throw new TypeError('file data must be a string or a Uint8Array');
}
function join(dir: string, name: string): string { return dir.endsWith('/') ? dir + name : `${dir}/${name}`; }
function parentOf(p: string): string { const i = p.lastIndexOf('/'); return i <= 0 ? '/' : p.slice(0, i); }

export class VmFs {
  readonly #vfs: VfsApi;
  readonly #ctx: PathContext;

  constructor(vfs: VfsApi, cwd: string, cred: { uid: number; gid: number } = { uid: 1000, gid: 1000 }) {
    this.#vfs = vfs;
    this.#ctx = { cwd, uid: cred.uid, gid: cred.gid, umask: 0o022 };
  }

  #path(p: unknown, what = 'path'): string {
    if (typeof p !== 'string' || p === '') throw new TypeError(`${what} must be a non-empty string`);
    return p;
  }

  async readFile(path: string): Promise<Uint8Array>;
  async readFile(path: string, encoding: 'utf8' | 'utf-8' | { encoding: 'utf8' | 'utf-8' }): Promise<string>;
  async readFile(path: string, encoding?: string | { encoding?: string }): Promise<Uint8Array | string> {
    const data = this.#vfs.readFile(this.#ctx, this.#path(path));
    const enc = typeof encoding === 'string' ? encoding : encoding?.encoding;
    return enc ? decoder.decode(data) : data;
  }

  async writeFile(path: string, data: Data, opts: { mode?: number; recursive?: boolean } = {}): Promise<void> {
    const p = this.#path(path);
    if (opts.recursive) await this.mkdir(parentOf(this.#abs(p)), { recursive: true });
    this.#vfs.writeFile(this.#ctx, p, bytes(data), opts.mode);
  }

  #abs(p: string): string { return p.startsWith('/') ? p : join(this.#ctx.cwd, p); }

  async appendFile(path: string, data: Data): Promise<void> {
    const f = this.#vfs.open(this.#ctx, this.#path(path), O_WRONLY | O_CREAT | O_APPEND, 0o666);
    try {
      const b = bytes(data);
      let off = 0;
      while (off < b.length) off += await f.write(b.subarray(off));
    } finally { f.close(); }
  }

  async mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): Promise<string | undefined> {
    const p = this.#path(path);
    if (!opts.recursive) { this.#vfs.mkdir(this.#ctx, p, opts.mode ?? 0o777); return undefined; }
    const abs = this.#abs(p);
    let first: string | undefined;
    let cur = '';
    for (const part of abs.split('/')) {
      if (!part) continue;
      cur += '/' + part;
      try {
        this.#vfs.mkdir(this.#ctx, cur, opts.mode ?? 0o777);
        first ??= cur;
      } catch (e) {
        if (!(e instanceof KernelError) || e.code !== 'EEXIST') throw e;
        if (!this.#vfs.stat(this.#ctx, cur) || (this.#vfs.stat(this.#ctx, cur).mode & S_IFMT) !== S_IFDIR) {
          throw kerr('ENOTDIR', 'mkdir', cur);
        }
      }
    }
    return first;
  }

  async readdir(path: string): Promise<string[]>;
  async readdir(path: string, opts: { withFileTypes: true }): Promise<VmDirent[]>;
  async readdir(path: string, opts?: { withFileTypes?: boolean }): Promise<string[] | VmDirent[]> {
    const p = this.#path(path);
    const list = this.#vfs.readdir(this.#ctx, p).filter((d) => d.name !== '.' && d.name !== '..');
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return opts?.withFileTypes ? list.map((d) => new VmDirent(d, p)) : list.map((d) => d.name);
  }

  async stat(path: string): Promise<VmStats> { return new VmStats(this.#vfs.stat(this.#ctx, this.#path(path))); }
  async lstat(path: string): Promise<VmStats> { return new VmStats(this.#vfs.lstat(this.#ctx, this.#path(path))); }
  async exists(path: string): Promise<boolean> {
    try { this.#vfs.lstat(this.#ctx, this.#path(path)); return true; } catch (e) {
      if (e instanceof KernelError && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return false;
      throw e;
    }
  }

  async rm(path: string, opts: { recursive?: boolean; force?: boolean } = {}): Promise<void> {
    const p = this.#path(path);
    let st: Stat;
    try { st = this.#vfs.lstat(this.#ctx, p); } catch (e) {
      if (opts.force && e instanceof KernelError && e.code === 'ENOENT') return;
      throw e;
    }
    if ((st.mode & S_IFMT) === S_IFDIR) {
      if (!opts.recursive) throw kerr('EISDIR', 'rm', p, 'Path is a directory: pass { recursive: true }');
      for (const d of this.#vfs.readdir(this.#ctx, p)) {
        if (d.name === '.' || d.name === '..') continue;
        await this.rm(join(p, d.name), { recursive: true, force: opts.force });
      }
      this.#vfs.rmdir(this.#ctx, p);
    } else {
      this.#vfs.unlink(this.#ctx, p);
    }
  }

  /**
   * Calls listener with every change to the VM's files (VfsEvent: create / modify / delete /
   * rename / attrib, absolute canonical VM paths), in order, in a microtask after the change.
   * Returns the unsubscribe function.
   */
  watch(listener: VfsListener): () => void { return this.#vfs.watch(listener); }

  async unlink(path: string): Promise<void> { this.#vfs.unlink(this.#ctx, this.#path(path)); }
  async rmdir(path: string): Promise<void> { this.#vfs.rmdir(this.#ctx, this.#path(path)); }
  async rename(from: string, to: string): Promise<void> { this.#vfs.rename(this.#ctx, this.#path(from, 'from'), this.#path(to, 'to')); }
  async symlink(target: string, path: string): Promise<void> { this.#vfs.symlink(this.#ctx, this.#path(target, 'target'), this.#path(path)); }
  async link(existing: string, path: string): Promise<void> { this.#vfs.link(this.#ctx, this.#path(existing, 'existing'), this.#path(path)); }
  async readlink(path: string): Promise<string> { return this.#vfs.readlink(this.#ctx, this.#path(path)); }
  async realpath(path: string): Promise<string> { return this.#vfs.realpath(this.#ctx, this.#path(path)); }
  async chmod(path: string, mode: number): Promise<void> { this.#vfs.chmod(this.#ctx, this.#path(path), mode); }
  async truncate(path: string, len = 0): Promise<void> { this.#vfs.truncate(this.#ctx, this.#path(path), len); }
  async utimes(path: string, atime: number | Date, mtime: number | Date): Promise<void> {
    const ms = (t: number | Date) => (t instanceof Date ? t.getTime() : t * 1000);
    this.#vfs.utimes(this.#ctx, this.#path(path), ms(atime), ms(mtime));
  }

  /** Copies a file, or a directory tree with { recursive: true } (symlinks copied as links). */
  async cp(from: string, to: string, opts: { recursive?: boolean } = {}): Promise<void> {
    const src = this.#path(from, 'from');
    const dst = this.#path(to, 'to');
    const st = this.#vfs.lstat(this.#ctx, src);
    const type = st.mode & S_IFMT;
    if (type === S_IFDIR) {
      if (!opts.recursive) throw kerr('EISDIR', 'cp', src, 'Is a directory: pass { recursive: true }');
      try { this.#vfs.mkdir(this.#ctx, dst, st.mode & 0o7777); } catch (e) {
        if (!(e instanceof KernelError) || e.code !== 'EEXIST') throw e;
      }
      for (const d of this.#vfs.readdir(this.#ctx, src)) {
        if (d.name === '.' || d.name === '..') continue;
        await this.cp(join(src, d.name), join(dst, d.name), opts);
      }
    } else if (type === S_IFLNK) {
      this.#vfs.symlink(this.#ctx, this.#vfs.readlink(this.#ctx, src), dst);
    } else {
      const data = this.#vfs.readFile(this.#ctx, src);
      const f = this.#vfs.open(this.#ctx, dst, O_WRONLY | O_CREAT | O_TRUNC, st.mode & 0o7777);
      try {
        let off = 0;
        while (off < data.length) off += await f.write(data.subarray(off));
      } finally { f.close(); }
    }
  }
}
