// Host directory mounts: a host directory seen at a guest path, through node:fs sync calls.
//
// Containment: the VFS resolves every path component itself. A host node is only ever named by
// its mount root (realpath'd at mount time) plus components that were each lstat'ed and found
// not to be symlinks; symlinks found on the host are read with readlink and followed in the
// guest's namespace (absolute targets start at the guest root, '..' at the mount root leaves to
// the guest mount point). The host OS is never asked to follow a link, so nothing outside the
// mounted directory is reachable. Non-regular host files (FIFOs, sockets, devices) cannot be opened.
// Files appear owned by the mount point's owner; modes are the host's.

import type * as NodeFs from 'node:fs';
import { Errno, kerr, type ErrnoName, type KernelError } from '../errno.ts';
import type { Limits } from '../limits.ts';
import {
  O_ACCMODE, O_APPEND, O_NONBLOCK, O_RDONLY, O_TRUNC,
  type Dirent, type DirentType, type OpenFile, type PathContext, type Stat,
} from '../types.ts';
import { Description, DirDesc, seekOffset } from './description.ts';
import { ExtNode } from './extnode.ts';
import { EMPTY } from './inode.ts';
import type { WatchPoint } from './watch.ts';

type Fs = typeof NodeFs;

function nodeFs(): Fs {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = p?.getBuiltinModule?.('node:fs') as Fs | undefined;
  if (fs === undefined) throw kerr('ENOSYS', 'mount', undefined, 'host mounts need Node.js');
  return fs;
}

/** A node:fs error as a KernelError with the same errno name. */
export function hostError(e: unknown, syscall: string, path: string): KernelError {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && code in Errno) return kerr(code as ErrnoName, syscall, path);
  if (code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE') return kerr('EINVAL', syscall, path);
  return kerr('EIO', syscall, path);
}

let nextDev = 0x100;

export class HostMount {
  readonly fs: Fs;
  readonly root: string;
  /** Guest path of the mount point. */
  readonly guest: string;
  readonly guestIno: number;
  readonly readOnly: boolean;
  readonly dev: number;
  readonly uid: number;
  readonly gid: number;
  readonly limits: Limits;

  constructor(host: string, guest: string, guestIno: number, readOnly: boolean, uid: number, gid: number, limits: Limits) {
    const fs = nodeFs();
    let root: string;
    try {
      root = fs.realpathSync(host);
      if (!fs.statSync(root).isDirectory()) throw kerr('ENOTDIR', 'mount', host);
    } catch (e) {
      throw (e as KernelError).errno ? e : hostError(e, 'mount', host);
    }
    this.fs = fs;
    this.root = root === '/' ? '' : root;
    this.guest = guest;
    this.guestIno = guestIno;
    this.readOnly = readOnly;
    this.dev = nextDev++;
    this.uid = uid;
    this.gid = gid;
    this.limits = limits;
  }

  rootNode(path: string): HostNode {
    return new HostNode(this, '', this.#lstat(this.root || '/', path));
  }

  #lstat(p: string, path: string): NodeFs.Stats {
    try { return this.fs.lstatSync(p); } catch (e) { throw hostError(e, 'stat', path); }
  }
}

function typeOf(st: NodeFs.Stats | NodeFs.Dirent): DirentType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isCharacterDevice()) return 'chardev';
  if (st.isBlockDevice()) return 'blockdev';
  if (st.isFIFO()) return 'fifo';
  return 'socket';
}

export class HostNode extends ExtNode {
  readonly mount: HostMount;
  /** Path below the mount root: '' or 'a/b'. */
  readonly rel: string;
  readonly #st: NodeFs.Stats;

  constructor(mount: HostMount, rel: string, st: NodeFs.Stats) {
    super();
    this.mount = mount;
    this.rel = rel;
    this.#st = st;
  }

  get type(): DirentType { return typeOf(this.#st); }
  get mode(): number { return this.#st.mode; }
  get uid(): number { return this.mount.uid; }
  get gid(): number { return this.mount.gid; }
  get fs(): object { return this.mount; }
  get mountIno(): number { return this.mount.guestIno; }
  get readOnly(): boolean { return this.mount.readOnly; }
  get hostPath(): string { return this.rel === '' ? this.mount.root || '/' : `${this.mount.root}/${this.rel}`; }

  #child(name: string): string { return `${this.mount.root}/${this.rel === '' ? name : `${this.rel}/${name}`}`; }
  #childRel(name: string): string { return this.rel === '' ? name : `${this.rel}/${name}`; }

  stat(): Stat { return toStat(this.#st, this.mount); }

  parent(): ExtNode | null {
    if (this.rel === '') return null;
    const i = this.rel.lastIndexOf('/');
    const rel = i < 0 ? '' : this.rel.slice(0, i);
    const p = rel === '' ? this.mount.root || '/' : `${this.mount.root}/${rel}`;
    try { return new HostNode(this.mount, rel, this.mount.fs.lstatSync(p)); } catch (e) { throw hostError(e, 'lookup', p); }
  }

  same(other: ExtNode): boolean {
    return other instanceof HostNode && other.mount === this.mount && other.#st.ino === this.#st.ino &&
      other.#st.dev === this.#st.dev;
  }

  override lookup(_ctx: PathContext, name: string, path: string): ExtNode | null {
    if (this.type !== 'dir') throw kerr('ENOTDIR', 'lookup', path);
    try {
      return new HostNode(this.mount, this.#childRel(name), this.mount.fs.lstatSync(this.#child(name)));
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw hostError(e, 'lookup', path);
    }
  }

  /**
   * The link text. Absolute targets inside the mounted host directory are rewritten to the same
   * place under the guest mount point; any other absolute target is a guest path.
   */
  override readlink(_ctx: PathContext, path: string): string {
    if (this.type !== 'symlink') throw kerr('EINVAL', 'readlink', path);
    let t: string;
    try { t = this.mount.fs.readlinkSync(this.hostPath, 'utf8'); } catch (e) { throw hostError(e, 'readlink', path); }
    const root = this.mount.root;
    if (root !== '' && t.startsWith(root) && (t.length === root.length || t.charCodeAt(root.length) === 47)) {
      return this.mount.guest + t.slice(root.length);
    }
    return t;
  }

  override readdir(_ctx: PathContext, path: string): Dirent[] {
    if (this.type !== 'dir') throw kerr('ENOTDIR', 'readdir', path);
    const fs = this.mount.fs;
    try {
      const out: Dirent[] = [];
      for (const d of fs.readdirSync(this.hostPath, { withFileTypes: true })) {
        let ino = 0;
        try { ino = fs.lstatSync(this.#child(d.name)).ino; } catch { /* vanished */ }
        out.push({ name: d.name, type: typeOf(d), ino });
      }
      return out;
    } catch (e) {
      throw hostError(e, 'readdir', path);
    }
  }

  open(ctx: PathContext, flags: number, path: string): OpenFile {
    const t = this.type;
    if (t === 'dir') {
      return new DirDesc({ readdir: () => this.readdir(ctx, path), stat: () => this.#fresh(path).stat() },
        flags, ctx.cwd, path);
    }
    if (t !== 'file') throw kerr('ENXIO', 'open', path);
    if (this.readOnly && ((flags & O_ACCMODE) !== O_RDONLY || (flags & O_TRUNC))) throw kerr('EROFS', 'open', path);
    return this.#openHost(this.hostPath, flags, 0, ctx, path);
  }

  #openHost(p: string, flags: number, create: number, ctx: PathContext, path: string): OpenFile {
    const fs = this.mount.fs;
    const c = fs.constants;
    let hf = (flags & O_ACCMODE) | c.O_NOFOLLOW | create;
    if (flags & O_TRUNC) hf |= c.O_TRUNC;
    if (flags & O_APPEND) hf |= c.O_APPEND;
    let fd: number;
    try { fd = fs.openSync(p, hf, 0o666); } catch (e) { throw hostError(e, 'open', path); }
    return new HostFileDesc(this.mount, fd, flags & (O_ACCMODE | O_APPEND | O_NONBLOCK), ctx.cwd, path);
  }

  #fresh(path: string): HostNode {
    try { return new HostNode(this.mount, this.rel, this.mount.fs.lstatSync(this.hostPath)); } catch (e) {
      throw hostError(e, 'stat', path);
    }
  }

  #write(syscall: string, path: string, fn: () => void): void {
    if (this.mount.readOnly) throw kerr('EROFS', syscall, path);
    try { fn(); } catch (e) { throw hostError(e, syscall, path); }
  }

  override create(ctx: PathContext, name: string, mode: number, flags: number, path: string): OpenFile {
    if (this.mount.readOnly) throw kerr('EROFS', 'open', path);
    const c = this.mount.fs.constants;
    const f = this.#openHost(this.#child(name), flags, c.O_CREAT | c.O_EXCL, ctx, path);
    try { this.mount.fs.chmodSync(this.#child(name), mode & 0o7777); } catch { /* keep the host's mode */ }
    return f;
  }

  override mkdir(_ctx: PathContext, name: string, mode: number, path: string): void {
    this.#write('mkdir', path, () => this.mount.fs.mkdirSync(this.#child(name), { mode }));
  }
  override unlink(name: string, path: string): void {
    this.#write('unlink', path, () => this.mount.fs.unlinkSync(this.#child(name)));
  }
  override rmdir(name: string, path: string): void {
    this.#write('rmdir', path, () => this.mount.fs.rmdirSync(this.#child(name)));
  }
  override rename(name: string, to: ExtNode, toName: string, path: string): void {
    if (!(to instanceof HostNode) || to.mount !== this.mount) throw kerr('EXDEV', 'rename', path);
    this.#write('rename', path, () => this.mount.fs.renameSync(this.#child(name), to.#child(toName)));
  }
  override link(src: ExtNode, name: string, path: string): void {
    if (!(src instanceof HostNode) || src.mount !== this.mount) throw kerr('EXDEV', 'link', path);
    this.#write('link', path, () => this.mount.fs.linkSync(src.hostPath, this.#child(name)));
  }
  override symlink(target: string, name: string, path: string): void {
    this.#write('symlink', path, () => this.mount.fs.symlinkSync(target, this.#child(name)));
  }
  override chmod(mode: number, path: string): void {
    if (this.type === 'symlink') throw kerr('ENOTSUP', 'chmod', path);
    this.#write('chmod', path, () => this.mount.fs.chmodSync(this.hostPath, mode & 0o7777));
  }
  override chown(uid: number, gid: number, path: string): void {
    if (this.mount.readOnly) throw kerr('EROFS', 'chown', path);
    if ((uid === -1 || uid === this.mount.uid) && (gid === -1 || gid === this.mount.gid)) return;
    throw kerr('EPERM', 'chown', path);
  }
  override utimes(atimeMs: number, mtimeMs: number, path: string): void {
    this.#write('utime', path, () => this.mount.fs.utimesSync(this.hostPath, atimeMs / 1000, mtimeMs / 1000));
  }
  override truncate(len: number, path: string): void {
    if (len > this.mount.limits.fileSize) throw kerr('EFBIG', 'truncate', path);
    this.#write('truncate', path, () => this.mount.fs.truncateSync(this.hostPath, len));
  }
}

function toStat(st: NodeFs.Stats, m: HostMount): Stat {
  return {
    dev: m.dev, ino: st.ino, mode: st.mode, nlink: st.nlink, uid: m.uid, gid: m.gid, rdev: 0,
    size: st.size, blksize: st.blksize || 4096, blocks: st.blocks,
    atimeMs: st.atimeMs, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, birthtimeMs: st.birthtimeMs,
  };
}

/** A host regular file, open. */
export class HostFileDesc extends Description {
  readonly #m: HostMount;
  #fd: number;
  /** Set by the VFS that opened it: where writes are reported while somebody watches. */
  watchPoint: WatchPoint | null = null;

  constructor(m: HostMount, fd: number, flags: number, cwd: string, raw: string) {
    super(flags, cwd, raw);
    this.#m = m;
    this.#fd = fd;
  }

  read(max: number): Uint8Array {
    this.canRead();
    if (max <= 0) return EMPTY;
    const buf = new Uint8Array(Math.min(max, 1 << 20));
    let n: number;
    try { n = this.#m.fs.readSync(this.#fd, buf, 0, buf.length, this.offset); } catch (e) { throw hostError(e, 'read', this.path); }
    this.offset += n;
    return n === buf.length ? buf : buf.slice(0, n);
  }

  write(data: Uint8Array): number {
    this.canWrite();
    const fs = this.#m.fs;
    try {
      if (this.flags & O_APPEND) this.offset = fs.fstatSync(this.#fd).size;
      const max = this.#m.limits.fileSize;
      if (data.length > 0 && this.offset >= max) throw kerr('EFBIG', 'write');
      const len = Math.min(data.length, max - this.offset);
      const n = fs.writeSync(this.#fd, data, 0, len, this.offset);
      this.offset += n;
      const w = this.watchPoint?.watch;
      if (w != null && n > 0) w.written(this, this.path);
      return n;
    } catch (e) {
      throw (e as KernelError).errno ? e : hostError(e, 'write', this.path);
    }
  }

  override seek(offset: number, whence: number): number {
    let size = 0;
    try { size = this.#m.fs.fstatSync(this.#fd).size; } catch (e) { throw hostError(e, 'lseek', this.path); }
    return (this.offset = seekOffset(this.offset, size, offset, whence));
  }

  stat(): Stat {
    try { return toStat(this.#m.fs.fstatSync(this.#fd), this.#m); } catch (e) { throw hostError(e, 'fstat', this.path); }
  }

  protected override release(): void {
    try { this.#m.fs.closeSync(this.#fd); } catch { /* already gone */ }
    this.#fd = -1;
  }
}
