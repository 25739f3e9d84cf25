// A tiny in-memory VfsApi used by the process-layer tests only until kernel/vfs/vfs.ts lands
// (helpers.ts prefers the real Vfs). Regular files, directories, program entries, /dev/null.

import { kerr } from '../../kernel/errno.ts';
import {
  O_ACCMODE, O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_TRUNC, O_WRONLY, S_IFCHR, S_IFDIR, S_IFMT, S_IFREG,
  SEEK_CUR, SEEK_END, SEEK_SET,
  type Dirent, type OpenFile, type PathContext, type ProcSource, type Stat, type VfsApi,
} from '../../kernel/types.ts';

interface Node { mode: number; uid: number; data: Uint8Array; program?: string; ino: number }

let nextIno = 10;

function norm(ctx: PathContext | null, path: string): string {
  if (path === '') throw kerr('ENOENT', 'open', path);
  const parts: string[] = [];
  for (const s of (path.startsWith('/') ? path : `${ctx?.cwd ?? '/'}/${path}`).split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') parts.pop(); else parts.push(s);
  }
  return `/${parts.join('/')}`;
}

class MemFile implements OpenFile {
  flags: number;
  offset = 0;
  readonly path: string;
  #node: Node;
  #refs = 1;
  constructor(node: Node, path: string, flags: number) { this.#node = node; this.path = path; this.flags = flags; }
  read(max: number): Uint8Array {
    if ((this.#node.mode & S_IFMT) === S_IFCHR) return new Uint8Array(0);
    const out = this.#node.data.slice(this.offset, this.offset + max);
    this.offset += out.length;
    return out;
  }
  write(data: Uint8Array): number {
    if ((this.#node.mode & S_IFMT) === S_IFCHR) return data.length;
    if (this.flags & O_APPEND) this.offset = this.#node.data.length;
    const end = this.offset + data.length;
    if (end > this.#node.data.length) {
      const grown = new Uint8Array(end);
      grown.set(this.#node.data);
      this.#node.data = grown;
    }
    this.#node.data.set(data, this.offset);
    this.offset = end;
    return data.length;
  }
  seek(offset: number, whence: number): number {
    const base = whence === SEEK_SET ? 0 : whence === SEEK_CUR ? this.offset : whence === SEEK_END ? this.#node.data.length : NaN;
    if (Number.isNaN(base) || base + offset < 0) throw kerr('EINVAL', 'lseek');
    return (this.offset = base + offset);
  }
  stat(): Stat { return statOf(this.#node); }
  isatty(): boolean { return false; }
  ref(): void { this.#refs++; }
  close(): void { this.#refs--; }
  get refs(): number { return this.#refs; }
}

function statOf(n: Node): Stat {
  return { dev: 1, ino: n.ino, mode: n.mode, nlink: 1, uid: n.uid, gid: n.uid, rdev: 0, size: n.data.length,
    blksize: 4096, blocks: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0, birthtimeMs: 0 };
}

export class MiniVfs implements VfsApi {
  #nodes = new Map<string, Node>();
  procSource: ProcSource | null = null;

  constructor() {
    for (const d of ['/', '/bin', '/usr', '/usr/bin', '/tmp', '/home', '/home/user', '/dev']) this.mkdir(null, d, 0o777);
    this.#nodes.set('/dev/null', { mode: S_IFCHR | 0o666, uid: 0, data: new Uint8Array(0), ino: nextIno++ });
  }

  #get(ctx: PathContext | null, path: string, syscall: string): Node {
    const n = this.#nodes.get(norm(ctx, path));
    if (!n) throw kerr('ENOENT', syscall, path);
    return n;
  }

  open(ctx: PathContext, path: string, flags: number, mode = 0o666): OpenFile {
    const p = norm(ctx, path);
    let n = this.#nodes.get(p);
    if (n && (flags & O_CREAT) && (flags & O_EXCL)) throw kerr('EEXIST', 'open', path);
    if (!n) {
      if (!(flags & O_CREAT)) throw kerr('ENOENT', 'open', path);
      n = { mode: S_IFREG | (mode & ~ctx.umask & 0o7777), uid: ctx.uid, data: new Uint8Array(0), ino: nextIno++ };
      this.#nodes.set(p, n);
    }
    if ((n.mode & S_IFMT) === S_IFDIR && (flags & O_ACCMODE) !== O_RDONLY) throw kerr('EISDIR', 'open', path);
    if ((flags & O_TRUNC) && (flags & O_ACCMODE) !== O_RDONLY) n.data = new Uint8Array(0);
    return new MemFile(n, p, flags);
  }
  stat(ctx: PathContext, path: string): Stat { return statOf(this.#get(ctx, path, 'stat')); }
  lstat(ctx: PathContext, path: string): Stat { return this.stat(ctx, path); }
  access(ctx: PathContext, path: string, mode: number): boolean {
    const n = this.#nodes.get(norm(ctx, path));
    if (!n) return false;
    if (mode === 0) return true;
    const bits = ctx.uid === 0 ? 7 : ((n.uid === ctx.uid ? n.mode >> 6 : n.mode) & 7);
    return (bits & mode) === mode;
  }
  readdir(ctx: PathContext, path: string): Dirent[] {
    const p = norm(ctx, path);
    const pre = p === '/' ? '/' : `${p}/`;
    const out: Dirent[] = [];
    for (const [k, n] of this.#nodes) {
      if (k !== p && k.startsWith(pre) && !k.slice(pre.length).includes('/')) {
        out.push({ name: k.slice(pre.length), type: (n.mode & S_IFMT) === S_IFDIR ? 'dir' : 'file', ino: n.ino });
      }
    }
    return out;
  }
  mkdir(ctx: PathContext | null, path: string, mode = 0o777): void {
    const p = norm(ctx, path);
    if (this.#nodes.has(p)) throw kerr('EEXIST', 'mkdir', path);
    this.#nodes.set(p, { mode: S_IFDIR | mode, uid: ctx?.uid ?? 0, data: new Uint8Array(0), ino: nextIno++ });
  }
  rmdir(): void { throw kerr('ENOSYS', 'rmdir'); }
  unlink(ctx: PathContext, path: string): void { this.#nodes.delete(norm(ctx, path)); }
  rename(): void { throw kerr('ENOSYS', 'rename'); }
  link(): void { throw kerr('ENOSYS', 'link'); }
  symlink(): void { throw kerr('ENOSYS', 'symlink'); }
  readlink(): string { throw kerr('ENOSYS', 'readlink'); }
  realpath(ctx: PathContext, path: string): string { this.#get(ctx, path, 'realpath'); return norm(ctx, path); }
  chmod(ctx: PathContext | null, path: string, mode: number): void {
    const n = this.#get(ctx, path, 'chmod');
    n.mode = (n.mode & S_IFMT) | (mode & 0o7777);
  }
  chown(): void { throw kerr('ENOSYS', 'chown'); }
  utimes(): void { throw kerr('ENOSYS', 'utimes'); }
  truncate(): void { throw kerr('ENOSYS', 'truncate'); }
  readFile(ctx: PathContext, path: string): Uint8Array { return this.#get(ctx, path, 'open').data.slice(); }
  writeFile(ctx: PathContext | null, path: string, data: Uint8Array | string, mode = 0o666): void {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data.slice();
    const p = norm(ctx, path);
    const n = this.#nodes.get(p);
    if (n) n.data = bytes;
    else this.#nodes.set(p, { mode: S_IFREG | mode, uid: ctx?.uid ?? 0, data: bytes, ino: nextIno++ });
  }
  programOf(ctx: PathContext, path: string): string | undefined { return this.#nodes.get(norm(ctx, path))?.program; }
  installProgram(path: string, name: string): void {
    this.#nodes.set(norm(null, path), { mode: S_IFREG | 0o755, uid: 0, data: new Uint8Array(0), program: name, ino: nextIno++ });
  }
  mountHost(): void { throw kerr('ENOSYS', 'mount'); }
  setProcSource(src: ProcSource): void { this.procSource = src; }
  usage(): { bytes: number; inodes: number } { return { bytes: 0, inodes: this.#nodes.size }; }
  clone(): VfsApi { throw kerr('ENOSYS', 'clone'); }
}
