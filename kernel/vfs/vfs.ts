// The per-VM virtual filesystem: the VfsApi operations with Linux errno semantics, over a
// copy-on-write inode store (store.ts) that starts as the shared base image, with path
// resolution in resolver.ts. atime is not updated by reads (as with the noatime mount option).
//
// watch(): change events (watch.ts). Paths are canonical: the parent directory's path comes from
// the inode tree (parent links, cached per namespace generation), a followed path's from a second
// resolution done only while somebody watches. Writes through an open description report the path
// it was opened by (resolved to its canonical form) if that path still names the same inode;
// otherwise (renamed or unlinked since open, opened by a lexically odd path) no 'modify' is
// emitted. Host mounts emit for changes made through this VFS only (not for the host's own
// changes); mknod does not exist here. A rename onto an existing name is one 'rename' event
// (the replaced file is implied, as with inotify's IN_MOVED_TO).

import { kerr } from '../errno.ts';
import { resolveLimits, type Limits } from '../limits.ts';
import {
  O_ACCMODE, O_APPEND, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_RDONLY, O_TRUNC, O_WRONLY,
  S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG,
  type Dirent, type MountSpec, type OpenFile, type PathContext, type ProcSource, type Stat, type VfsApi,
  type VfsEvent, type VfsListener,
} from '../types.ts';
import { defaultBaseImage, PROGRAM_MAGIC, programContent, type BaseImage } from './baseimage.ts';
import { DirDesc, FileDesc, memReaddir } from './description.ts';
import { openDevice } from './devices.ts';
import { ExtNode, type Node } from './extnode.ts';
import { HostFileDesc, HostMount, HostNode } from './hostfs.ts';
import { Inode, ROOT_INO, utf8Length } from './inode.ts';
import { normalizePath } from './path.ts';
import { FdNode, type ProcHost } from './procfs.ts';
import { FOLLOW, isDir, isLink, PARENT, R_OK, Resolver, W_OK, X_OK } from './resolver.ts';
import { MemStore } from './store.ts';
import { VfsWatch } from './watch.ts';

const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const LINK_MAX = 65000;
const STATUS_FLAGS = O_ACCMODE | O_APPEND | O_NONBLOCK;
/** Owner of mount points that mountHost creates: the VM's regular user. */
const MOUNT_OWNER = 1000;
const ROOT_CTX: PathContext = Object.freeze({ cwd: '/', uid: 0, gid: 0, umask: 0o022 });

export interface VfsOptions {
  /** Shared base tree (default: the process-wide defaultBaseImage()). */
  base?: BaseImage;
  limits?: Limits;
  /** Clock for timestamps (ms since epoch); default Date.now. */
  now?: () => number;
}

function special(name: string): boolean {
  return name === '' || name === '.' || name === '..';
}

export class Vfs implements VfsApi {
  readonly #r: Resolver;
  readonly #base: BaseImage;
  readonly #limits: Limits;
  readonly #now: () => number;
  #bootMs: number;
  #procSource: ProcSource | null = null;
  /** Change listeners and their queue; null (no cost) while nobody watches. */
  #watch: VfsWatch | null = null;

  constructor(opts: VfsOptions = {}) {
    const base = opts.base ?? defaultBaseImage();
    const snap = base.snapshot();
    this.#base = base;
    this.#limits = opts.limits ?? resolveLimits();
    this.#now = opts.now ?? Date.now;
    const store = new MemStore(snap.layer, snap.nextIno, this.#limits, this.#now);
    this.#r = new Resolver(store, this.#limits, snap.procIno, () => this.#procHost());
    this.#bootMs = this.#now();
  }

  // ================= helpers =================

  #mayModify(ctx: PathContext, dir: Node, sc: string, path: string): void {
    if (dir instanceof ExtNode && dir.readOnly) throw kerr('EROFS', sc, path);
    if (!this.#r.perm(ctx, dir, W_OK | X_OK)) throw kerr('EACCES', sc, path);
  }

  #sticky(ctx: PathContext, dir: Node, child: Node, sc: string, path: string): void {
    if ((dir.mode & S_ISVTX) && ctx.uid !== 0 && ctx.uid !== child.uid && ctx.uid !== dir.uid) {
      throw kerr('EPERM', sc, path);
    }
  }

  // ---- watch helpers (called only while #watch is set) ----

  #kind(n: Node): VfsEvent['kind'] {
    if (n instanceof Inode) {
      const t = n.mode & S_IFMT;
      return t === S_IFREG ? 'file' : t === S_IFDIR ? 'dir' : t === S_IFLNK ? 'symlink' : 'other';
    }
    const t = n.type;
    return t === 'file' || t === 'dir' || t === 'symlink' ? t : 'other';
  }

  /** Canonical path of a directory node, from the inode tree; null if unknown (/proc, removed). */
  #dirPath(dir: Node): string | null {
    if (!(dir instanceof Inode)) {
      if (!(dir instanceof HostNode)) return null;
      const mp = this.#r.store.get(dir.mountIno);
      const base = mp === undefined ? null : this.#dirPath(mp);
      if (base === null || dir.rel === '') return base;
      return base === '/' ? `/${dir.rel}` : `${base}/${dir.rel}`;
    }
    const w = this.#watch!;
    const r = this.#r;
    if (w.dirGen !== r.gen) { w.dirPaths.clear(); w.dirGen = r.gen; }
    const hit = w.dirPaths.get(dir.ino);
    if (hit !== undefined) return hit;
    const store = r.store;
    const names: string[] = [];
    let n = store.get(dir.ino);
    for (let depth = 0; n !== undefined && n.ino !== ROOT_INO; depth++) {
      const p = store.get(n.parent);
      if (p === undefined || p.entries === null || p.ino === n.ino || depth > this.#limits.pathMax) return null;
      const up = w.dirPaths.get(p.ino);
      let name: string | null = null;
      for (const [k, v] of p.entries) if (v === n.ino) { name = k; break; }
      if (name === null) return null;
      names.push(name);
      if (up !== undefined) { names.push(up === '/' ? '' : up.slice(1)); break; }
      n = p;
    }
    if (n === undefined) return null;
    names.reverse();
    const path = names.length === 0 ? '/' : names[0] === '' ? `/${names.slice(1).join('/')}` : `/${names.join('/')}`;
    w.dirPaths.set(dir.ino, path);
    return path;
  }

  #at(dir: Node, name: string): string | null {
    const d = this.#dirPath(dir);
    return d === null ? null : d === '/' ? `/${name}` : `${d}/${name}`;
  }

  /** Canonical path `path` resolves to now, if it is still `node` (a second walk, as root). */
  #canon(ctx: PathContext, path: string, node: Node | null): string | null {
    const trace: string[] = [];
    const c = ctx.uid === 0 ? ctx : { ...ctx, uid: 0, gid: 0 };
    let n: Node;
    try { n = this.#r.walk(c, path, FOLLOW, 'watch', trace); } catch { return null; }
    if (n instanceof Inode) {
      if (node !== null && (!(node instanceof Inode) || node.ino !== n.ino)) return null;
    } else if (!(n instanceof HostNode)) {
      return null;
    }
    return `/${trace.join('/')}`;
  }

  /** Where a description's write is reported: its open path, if that still names the file. */
  #locate(file: { readonly path: string }, key: number | string): string | null {
    const n = typeof key === 'number' ? this.#r.store.get(key) ?? null : null;
    if (typeof key === 'number' && n === null) return null;
    return this.#canon(ROOT_CTX, file.path, n);
  }

  #hostOpened(f: OpenFile): OpenFile {
    if (f instanceof HostFileDesc) f.watchPoint = this.#r.store;
    return f;
  }

  /** Subscribes to changes of this filesystem; returns the unsubscribe function. */
  watch(listener: VfsListener): () => void {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    let w = this.#watch;
    if (w === null) {
      w = this.#watch = new VfsWatch((f, k) => this.#locate(f, k));
      this.#r.store.watch = w;
    }
    const fn = (ev: VfsEvent) => listener(ev);
    w.listeners.add(fn);
    return () => {
      if (!w.listeners.delete(fn) || w.listeners.size > 0 || this.#watch !== w) return;
      this.#watch = null;
      if (this.#r.store.watch === w) this.#r.store.watch = null;
    };
  }

  /** Number of active watch() listeners (0: the VFS keeps no watch state at all). */
  get watchers(): number {
    return this.#watch === null ? 0 : this.#watch.listeners.size;
  }

  /** A new inode named `name` in the in-memory directory `dir`. */
  #newNode(ctx: PathContext, dir: Inode, name: string, mode: number, sc: string, path: string, bytes = 0): Inode {
    const store = this.#r.store;
    const n = store.alloc(mode, ctx.uid, dir.mode & S_ISGID ? dir.gid : ctx.gid, sc, path, bytes);
    const d = store.mut(dir.ino);
    store.ownEntries(d).set(name, n.ino);
    d.mtimeMs = d.ctimeMs = n.birthtimeMs;
    if ((mode & S_IFMT) === S_IFDIR) {
      n.parent = d.ino;
      d.nlink++;
      if (d.mode & S_ISGID) n.mode |= S_ISGID;
    }
    const w = this.#watch;
    if (w !== null) w.emit('create', this.#at(d, name), this.#kind(n));
    return n;
  }

  // ================= open =================

  open(ctx: PathContext, path: string, flags: number, mode = 0o666): OpenFile {
    if ((flags & O_ACCMODE) === O_ACCMODE) throw kerr('EINVAL', 'open', path);
    let node: Node;
    if ((flags & O_CREAT) === 0) {
      node = this.#r.walk(ctx, path, flags & O_NOFOLLOW ? 0 : FOLLOW, 'open', null);
      if ((flags & O_NOFOLLOW) && isLink(node)) throw kerr('ELOOP', 'open', path);
      return this.#openNode(ctx, node, flags, path);
    }
    let dir = this.#r.parentOf(ctx, path, 'open');
    let name = this.#r.leaf;
    let trail = this.#r.trail;
    let links = this.#r.links;
    for (;;) {
      if (special(name)) throw kerr('EISDIR', 'open', path);
      const child = this.#r.child(ctx, dir, name, path);
      if (child === null) {
        if (trail) throw kerr('EISDIR', 'open', path);
        this.#mayModify(ctx, dir, 'open', path);
        const m = mode & ~ctx.umask & 0o7777;
        if (dir instanceof ExtNode) {
          const f = this.#hostOpened(dir.create(ctx, name, m, flags, path));
          this.#watch?.emit('create', this.#at(dir, name), 'file');
          return f;
        }
        const f = this.#newNode(ctx, dir, name, S_IFREG | m, 'open', path);
        return new FileDesc(this.#r.store, f.ino, flags & STATUS_FLAGS, ctx.cwd, path);
      }
      if (flags & O_EXCL) throw kerr('EEXIST', 'open', path);
      if (isLink(child)) {
        if (flags & O_NOFOLLOW) throw kerr('ELOOP', 'open', path);
        if (++links > this.#limits.symlinkDepth) throw kerr('ELOOP', 'open', path);
        const t = child instanceof ExtNode ? child.follow(ctx) : null;
        if (t !== null) { node = t; break; }
        const target = child instanceof Inode ? child.target : child.readlink(ctx, path);
        if (target.length === 0) throw kerr('ENOENT', 'open', path);
        dir = this.#r.walkFrom(ctx, target.charCodeAt(0) === 47 ? this.#r.root() : dir, path, target, PARENT, 'open',
          null, links) as Node;
        name = this.#r.leaf;
        trail ||= this.#r.trail;
        links = this.#r.links;
        continue;
      }
      node = child instanceof Inode && child.isDir() ? this.#r.enter(child, path) : child;
      break;
    }
    if (trail && !isDir(node)) throw kerr('ENOTDIR', 'open', path);
    return this.#openNode(ctx, node, flags, path);
  }

  #openNode(ctx: PathContext, node: Node, flags: number, path: string): OpenFile {
    const acc = flags & O_ACCMODE;
    const fl = flags & STATUS_FLAGS;
    if (node instanceof FdNode) {
      if ((flags & O_DIRECTORY) && !isDir(node)) throw kerr('ENOTDIR', 'open', path);
      return node.open(ctx, fl, path);
    }
    if (isDir(node)) {
      if (acc !== O_RDONLY || (flags & O_CREAT)) throw kerr('EISDIR', 'open', path);
      if (!this.#r.perm(ctx, node, R_OK)) throw kerr('EACCES', 'open', path);
      if (node instanceof ExtNode) return node.open(ctx, fl, path);
      const store = this.#r.store;
      const ino = node.ino;
      return new DirDesc({ readdir: () => memReaddir(store, ino), stat: () => store.get(ino)!.stat() },
        fl, ctx.cwd, path, store, ino);
    }
    if (flags & O_DIRECTORY) throw kerr('ENOTDIR', 'open', path);
    if (isLink(node)) throw kerr('ELOOP', 'open', path);
    let want = acc === O_RDONLY ? R_OK : acc === O_WRONLY ? W_OK : R_OK | W_OK;
    if (flags & O_TRUNC) want |= W_OK;
    if (node instanceof ExtNode) {
      if (node.readOnly && (want & W_OK)) throw kerr('EROFS', 'open', path);
      if (!this.#r.perm(ctx, node, want)) throw kerr('EACCES', 'open', path);
      const f = this.#hostOpened(node.open(ctx, fl | (flags & O_TRUNC), path));
      const w = this.#watch;
      if (w !== null && (flags & O_TRUNC)) {
        const p = this.#canon(ctx, path, null);
        if (p !== null) w.modified(p, p);
      }
      return f;
    }
    if (!this.#r.perm(ctx, node, want)) throw kerr('EACCES', 'open', path);
    const store = this.#r.store;
    const ino = node.ino;
    const type = node.mode & S_IFMT;
    if (type === S_IFCHR) return openDevice(node.rdev, () => store.get(ino)!.stat(), ctx, fl, ctx.cwd, path);
    if (type !== S_IFREG) throw kerr('ENXIO', 'open', path);
    if (flags & O_TRUNC) {
      store.truncate(ino, 0, 'open', path);
      const w = this.#watch;
      if (w !== null) w.modified(ino, this.#canon(ctx, path, node));
    }
    return new FileDesc(store, ino, fl, ctx.cwd, path);
  }

  /** The node an open file description of this VFS refers to (for /proc/<pid>/fd/N). */
  #nodeOf(file: OpenFile): Node | null {
    if ((file instanceof FileDesc || file instanceof DirDesc) && file.store === this.#r.store) {
      return this.#r.store.get(file.ino) ?? null;
    }
    return null;
  }

  // ================= metadata =================

  stat(ctx: PathContext, path: string): Stat { return this.#r.walk(ctx, path, FOLLOW, 'stat', null).stat(); }

  lstat(ctx: PathContext, path: string): Stat { return this.#r.walk(ctx, path, 0, 'lstat', null).stat(); }

  access(ctx: PathContext, path: string, mode: number): boolean {
    let n: Node | null;
    try { n = this.#r.probe(ctx, path, FOLLOW, 'access'); } catch { return false; }
    if (n === null) return false;
    if ((mode & 7) === 0) return true;
    if ((mode & W_OK) && n instanceof ExtNode && n.readOnly) return false;
    return this.#r.perm(ctx, n, mode & 7);
  }

  readdir(ctx: PathContext, path: string): Dirent[] {
    const n = this.#r.walk(ctx, path, FOLLOW, 'scandir', null);
    if (!isDir(n)) throw kerr('ENOTDIR', 'scandir', path);
    if (!this.#r.perm(ctx, n, R_OK)) throw kerr('EACCES', 'scandir', path);
    return n instanceof Inode ? memReaddir(this.#r.store, n.ino) : n.readdir(ctx, path);
  }

  readlink(ctx: PathContext, path: string): string {
    const n = this.#r.walk(ctx, path, 0, 'readlink', null);
    if (n instanceof ExtNode) return n.readlink(ctx, path);
    if (!n.isLink()) throw kerr('EINVAL', 'readlink', path);
    return n.target;
  }

  realpath(ctx: PathContext, path: string): string {
    const trace: string[] = [];
    this.#r.walk(ctx, path, FOLLOW, 'realpath', trace);
    return `/${trace.join('/')}`;
  }

  chmod(ctx: PathContext, path: string, mode: number): void {
    const n = this.#r.walk(ctx, path, FOLLOW, 'chmod', null);
    if (ctx.uid !== 0 && ctx.uid !== n.uid) throw kerr('EPERM', 'chmod', path);
    let m = mode & 0o7777;
    if (ctx.uid !== 0 && ctx.gid !== n.gid) m &= ~S_ISGID;
    if (n instanceof ExtNode) n.chmod(m, path);
    else {
      const w = this.#r.store.mut(n.ino);
      w.mode = (w.mode & S_IFMT) | m;
      w.ctimeMs = this.#now();
    }
    this.#attrib(ctx, path, n);
  }

  #attrib(ctx: PathContext, path: string, n: Node): void {
    const w = this.#watch;
    if (w !== null) w.emit('attrib', isDir(n) ? this.#dirPath(n) : this.#canon(ctx, path, n), this.#kind(n));
  }

  chown(ctx: PathContext, path: string, uid: number, gid: number): void {
    const n = this.#r.walk(ctx, path, FOLLOW, 'chown', null);
    if (ctx.uid !== 0) {
      if (uid !== -1 && uid !== n.uid) throw kerr('EPERM', 'chown', path);
      if (gid !== -1 && gid !== n.gid && (ctx.uid !== n.uid || gid !== ctx.gid)) throw kerr('EPERM', 'chown', path);
      if (ctx.uid !== n.uid && (uid !== -1 || gid !== -1)) throw kerr('EPERM', 'chown', path);
    }
    if (n instanceof ExtNode) return n.chown(uid, gid, path);
    if (uid === -1 && gid === -1) return;
    const w = this.#r.store.mut(n.ino);
    if (uid !== -1) w.uid = uid;
    if (gid !== -1) w.gid = gid;
    if ((w.mode & S_IFMT) !== S_IFDIR) {
      w.mode &= ~0o4000;
      if (w.mode & 0o010) w.mode &= ~S_ISGID;
    }
    w.ctimeMs = this.#now();
    this.#attrib(ctx, path, n);
  }

  utimes(ctx: PathContext, path: string, atimeMs: number, mtimeMs: number): void {
    const n = this.#r.walk(ctx, path, FOLLOW, 'utime', null);
    if (ctx.uid !== 0 && ctx.uid !== n.uid) {
      // Non-owners may only "touch" to the current time, and need write permission for it.
      if (!this.#r.perm(ctx, n, W_OK)) throw kerr('EACCES', 'utime', path);
      const now = this.#now();
      if (Math.abs(atimeMs - now) > 1000 || Math.abs(mtimeMs - now) > 1000) throw kerr('EPERM', 'utime', path);
    }
    if (n instanceof ExtNode) n.utimes(atimeMs, mtimeMs, path);
    else {
      const w = this.#r.store.mut(n.ino);
      w.atimeMs = atimeMs;
      w.mtimeMs = mtimeMs;
      w.ctimeMs = this.#now();
    }
    this.#attrib(ctx, path, n);
  }

  truncate(ctx: PathContext, path: string, len: number): void {
    const n = this.#r.walk(ctx, path, FOLLOW, 'truncate', null);
    if (isDir(n)) throw kerr('EISDIR', 'truncate', path);
    if (!Number.isSafeInteger(len) || len < 0) throw kerr('EINVAL', 'truncate', path);
    if (n instanceof ExtNode && n.readOnly) throw kerr('EROFS', 'truncate', path);
    if (!this.#r.perm(ctx, n, W_OK)) throw kerr('EACCES', 'truncate', path);
    if (n instanceof ExtNode) {
      n.truncate(len, path);
      const w = this.#watch;
      if (w !== null) { const p = this.#canon(ctx, path, null); if (p !== null) w.modified(p, p); }
      return;
    }
    if (!n.isReg()) throw kerr('EINVAL', 'truncate', path);
    this.#r.store.truncate(n.ino, len, 'truncate', path);
    const w = this.#watch;
    if (w !== null) w.modified(n.ino, this.#canon(ctx, path, n));
  }

  // ================= namespace =================

  mkdir(ctx: PathContext, path: string, mode = 0o777): void {
    const dir = this.#r.parentOf(ctx, path, 'mkdir');
    const name = this.#r.leaf;
    if (special(name) || this.#r.child(ctx, dir, name, path) !== null) throw kerr('EEXIST', 'mkdir', path);
    this.#mayModify(ctx, dir, 'mkdir', path);
    const m = mode & ~ctx.umask & 0o1777;
    if (dir instanceof ExtNode) {
      dir.mkdir(ctx, name, m, path);
      this.#watch?.emit('create', this.#at(dir, name), 'dir');
      return;
    }
    this.#newNode(ctx, dir, name, S_IFDIR | m, 'mkdir', path);
  }

  rmdir(ctx: PathContext, path: string): void {
    const dir = this.#r.parentOf(ctx, path, 'rmdir');
    const name = this.#r.leaf;
    if (name === '') throw kerr('EBUSY', 'rmdir', path);
    if (name === '.') throw kerr('EINVAL', 'rmdir', path);
    if (name === '..') throw kerr('ENOTEMPTY', 'rmdir', path);
    const child = this.#r.child(ctx, dir, name, path);
    if (child === null) throw kerr('ENOENT', 'rmdir', path);
    if (!isDir(child)) throw kerr('ENOTDIR', 'rmdir', path);
    this.#mayModify(ctx, dir, 'rmdir', path);
    this.#sticky(ctx, dir, child, 'rmdir', path);
    if (dir instanceof ExtNode) {
      dir.rmdir(name, path);
      this.#r.gen++;
      this.#watch?.emit('delete', this.#at(dir, name), 'dir');
      return;
    }
    const c = child as Inode;
    if (this.#r.isMountPoint(c.ino)) throw kerr('EBUSY', 'rmdir', path);
    if (c.entries!.size > 0) throw kerr('ENOTEMPTY', 'rmdir', path);
    const store = this.#r.store;
    const d = store.mut(dir.ino);
    store.ownEntries(d).delete(name);
    d.nlink--;
    d.mtimeMs = d.ctimeMs = this.#now();
    store.unlinked(c.ino);
    this.#r.gen++;
    this.#watch?.emit('delete', this.#at(d, name), 'dir');
  }

  unlink(ctx: PathContext, path: string): void {
    const dir = this.#r.parentOf(ctx, path, 'unlink');
    const name = this.#r.leaf;
    if (special(name)) throw kerr('EISDIR', 'unlink', path);
    const child = this.#r.child(ctx, dir, name, path);
    if (child === null) throw kerr('ENOENT', 'unlink', path);
    if (isDir(child)) throw kerr('EISDIR', 'unlink', path);
    if (this.#r.trail) {
      let target: Node | null = null;
      try { target = this.#r.walk(ctx, path, FOLLOW, 'unlink', null); } catch { /* dangling */ }
      throw kerr(target !== null && isDir(target) ? 'EISDIR' : 'ENOTDIR', 'unlink', path);
    }
    this.#mayModify(ctx, dir, 'unlink', path);
    this.#sticky(ctx, dir, child, 'unlink', path);
    if (dir instanceof ExtNode) {
      dir.unlink(name, path);
      this.#r.gen++;
      this.#watch?.emit('delete', this.#at(dir, name), this.#kind(child));
      return;
    }
    const store = this.#r.store;
    const d = store.mut(dir.ino);
    store.ownEntries(d).delete(name);
    d.mtimeMs = d.ctimeMs = this.#now();
    store.unlinked((child as Inode).ino);
    this.#r.gen++;
    this.#watch?.emit('delete', this.#at(d, name), this.#kind(child));
  }

  rename(ctx: PathContext, from: string, to: string): void {
    const sdir = this.#r.parentOf(ctx, from, 'rename');
    const sname = this.#r.leaf;
    const strail = this.#r.trail;
    const ddir = this.#r.parentOf(ctx, to, 'rename');
    const dname = this.#r.leaf;
    const dtrail = this.#r.trail;
    if (special(sname) || special(dname)) throw kerr('EBUSY', 'rename', from);
    const src = this.#r.child(ctx, sdir, sname, from);
    if (src === null) throw kerr('ENOENT', 'rename', from);
    const srcDir = isDir(src);
    if (!srcDir && (strail || dtrail)) throw kerr('ENOTDIR', 'rename', strail ? from : to);
    const sfs = sdir instanceof ExtNode ? sdir.fs : null;
    const dfs = ddir instanceof ExtNode ? ddir.fs : null;
    if (sfs !== dfs) throw kerr('EXDEV', 'rename', from);
    const dst = this.#r.child(ctx, ddir, dname, to);
    this.#mayModify(ctx, sdir, 'rename', from);
    this.#mayModify(ctx, ddir, 'rename', to);
    this.#sticky(ctx, sdir, src, 'rename', from);
    if (dst !== null) {
      if (src instanceof Inode ? dst instanceof Inode && dst.ino === src.ino : dst instanceof ExtNode && src.same(dst)) {
        return;
      }
      this.#sticky(ctx, ddir, dst, 'rename', to);
      if (srcDir) {
        if (!isDir(dst)) throw kerr('ENOTDIR', 'rename', to);
        if (dst instanceof Inode) {
          if (this.#r.isMountPoint(dst.ino)) throw kerr('EBUSY', 'rename', to);
          if (dst.entries!.size > 0) throw kerr('ENOTEMPTY', 'rename', to);
        }
      } else if (isDir(dst)) {
        throw kerr('EISDIR', 'rename', to);
      }
    }
    if (sdir instanceof ExtNode) {
      sdir.rename(sname, ddir as ExtNode, dname, from);
      this.#r.gen++;
      this.#watch?.rename(this.#at(sdir, sname), this.#at(ddir, dname), this.#kind(src));
      return;
    }
    const s = src as Inode;
    const sd = sdir as Inode;
    const dd = ddir as Inode;
    if (this.#r.isMountPoint(s.ino)) throw kerr('EBUSY', 'rename', from);
    const store = this.#r.store;
    if (srcDir && sd.ino !== dd.ino) {
      for (let a = dd; ; a = store.get(a.parent)!) {
        if (a.ino === s.ino) throw kerr('EINVAL', 'rename', from);
        if (a.ino === ROOT_INO || a.parent === a.ino) break;
      }
      if (!this.#r.perm(ctx, s, W_OK)) throw kerr('EACCES', 'rename', from);
    }
    const now = this.#now();
    const d1 = store.mut(sd.ino);
    store.ownEntries(d1).delete(sname);
    const d2 = store.mut(dd.ino);
    store.ownEntries(d2).set(dname, s.ino);
    if (dst !== null) {
      if (isDir(dst)) d2.nlink--;
      store.unlinked((dst as Inode).ino);
    }
    if (srcDir && sd.ino !== dd.ino) {
      store.mut(s.ino).parent = dd.ino;
      d1.nlink--;
      d2.nlink++;
    }
    store.mut(s.ino).ctimeMs = now;
    d1.mtimeMs = d1.ctimeMs = d2.mtimeMs = d2.ctimeMs = now;
    this.#r.gen++;
    this.#watch?.rename(this.#at(d1, sname), this.#at(d2, dname), this.#kind(s));
  }

  link(ctx: PathContext, existing: string, newPath: string): void {
    const src = this.#r.walk(ctx, existing, 0, 'link', null);
    if (isDir(src)) throw kerr('EPERM', 'link', existing);
    const dir = this.#r.parentOf(ctx, newPath, 'link');
    const name = this.#r.leaf;
    if (special(name) || this.#r.child(ctx, dir, name, newPath) !== null) throw kerr('EEXIST', 'link', newPath);
    if (this.#r.trail) throw kerr('ENOENT', 'link', newPath);
    if ((src instanceof ExtNode ? src.fs : null) !== (dir instanceof ExtNode ? dir.fs : null)) {
      throw kerr('EXDEV', 'link', existing);
    }
    this.#mayModify(ctx, dir, 'link', newPath);
    if (dir instanceof ExtNode) {
      dir.link(src as ExtNode, name, newPath);
      this.#watch?.emit('create', this.#at(dir, name), this.#kind(src));
      return;
    }
    const s = src as Inode;
    if (s.nlink >= LINK_MAX) throw kerr('EMLINK', 'link', existing);
    const store = this.#r.store;
    const now = this.#now();
    const w = store.mut(s.ino);
    w.nlink++;
    w.ctimeMs = now;
    const d = store.mut(dir.ino);
    store.ownEntries(d).set(name, s.ino);
    d.mtimeMs = d.ctimeMs = now;
    this.#watch?.emit('create', this.#at(d, name), this.#kind(s));
  }

  symlink(ctx: PathContext, target: string, linkPath: string): void {
    if (target.length === 0) throw kerr('ENOENT', 'symlink', linkPath);
    const size = utf8Length(target);
    if (size >= this.#limits.pathMax) throw kerr('ENAMETOOLONG', 'symlink', linkPath);
    const dir = this.#r.parentOf(ctx, linkPath, 'symlink');
    const name = this.#r.leaf;
    if (special(name) || this.#r.child(ctx, dir, name, linkPath) !== null) throw kerr('EEXIST', 'symlink', linkPath);
    if (this.#r.trail) throw kerr('ENOENT', 'symlink', linkPath);
    this.#mayModify(ctx, dir, 'symlink', linkPath);
    if (dir instanceof ExtNode) {
      dir.symlink(target, name, linkPath);
      this.#watch?.emit('create', this.#at(dir, name), 'symlink');
      return;
    }
    const n = this.#newNode(ctx, dir, name, S_IFLNK | 0o777, 'symlink', linkPath, size);
    n.target = target;
    n.size = size;
  }

  // ================= whole files =================

  readFile(ctx: PathContext, path: string): Uint8Array {
    const n = this.#r.walk(ctx, path, FOLLOW, 'open', null);
    if (n instanceof Inode && n.isReg()) {
      if (!this.#r.perm(ctx, n, R_OK)) throw kerr('EACCES', 'open', path);
      return n.data === null ? new Uint8Array(0) : n.data.slice(0, n.size);
    }
    if (isDir(n)) throw kerr('EISDIR', 'read', path);
    const f = this.#openNode(ctx, n, O_RDONLY, path);
    try {
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const c = f.read(65536);
        if (c instanceof Promise) throw kerr('EAGAIN', 'read', path, 'file needs asynchronous reads');
        if (c.length === 0) break;
        total += c.length;
        if (total > this.#limits.fileSize) throw kerr('EFBIG', 'read', path);
        chunks.push(c);
      }
      if (chunks.length === 1) return chunks[0]!;
      const out = new Uint8Array(total);
      let off = 0;
      for (const c of chunks) { out.set(c, off); off += c.length; }
      return out;
    } finally {
      f.close();
    }
  }

  writeFile(ctx: PathContext, path: string, data: Uint8Array, mode = 0o666): void {
    const f = this.open(ctx, path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    try {
      let off = 0;
      while (off < data.length) {
        const n = f.write(off === 0 ? data : data.subarray(off));
        if (n instanceof Promise) throw kerr('EAGAIN', 'write', path, 'file needs asynchronous writes');
        if (n <= 0) throw kerr('EIO', 'write', path);
        off += n;
      }
    } finally {
      f.close();
    }
  }

  // ================= programs, mounts, /proc =================

  programOf(ctx: PathContext, path: string): string | undefined {
    const n = this.#r.walk(ctx, path, FOLLOW, 'execve', null);
    if (!(n instanceof Inode) || !n.isReg()) return undefined;
    if (n.program !== null) return n.program;
    return programFromData(n.data, n.size);
  }

  installProgram(path: string, name: string): void {
    const abs = normalizePath(path);
    try {
      const n = this.#r.walk(ROOT_CTX, abs, FOLLOW, 'open', null);
      if (n instanceof Inode && n.isReg() && n.program === name && (n.mode & 0o7777) === 0o755) return;
    } catch { /* created below */ }
    const slash = abs.lastIndexOf('/');
    this.#mkdirp(abs.slice(0, slash) || '/', 0, 0);
    this.writeFile(ROOT_CTX, abs, programContent(name), 0o755);
    const n = this.#r.walk(ROOT_CTX, abs, FOLLOW, 'open', null);
    if (!(n instanceof Inode)) throw kerr('EINVAL', 'open', path, 'programs live in the in-memory filesystem');
    const w = this.#r.store.mut(n.ino);
    w.mode = S_IFREG | 0o755;
    w.program = name;
  }

  /** mkdir -p as root; directories it creates are owned by uid:gid. */
  #mkdirp(path: string, uid: number, gid: number): void {
    let at = '';
    for (const name of path.split('/')) {
      if (name === '' || name === '.') continue;
      at += `/${name}`;
      let n: Node | null = null;
      try { n = this.#r.walk(ROOT_CTX, at, FOLLOW, 'mkdir', null); } catch (e) {
        if ((e as { code?: string }).code !== 'ENOENT') throw e;
      }
      if (n !== null) {
        if (!isDir(n)) throw kerr('ENOTDIR', 'mkdir', path);
        continue;
      }
      const dir = this.#r.parentOf(ROOT_CTX, at, 'mkdir');
      if (dir instanceof ExtNode) {
        const name = this.#r.leaf;
        dir.mkdir(ROOT_CTX, name, 0o755, at);
        this.#watch?.emit('create', this.#at(dir, name), 'dir');
        continue;
      }
      const d = this.#newNode(ROOT_CTX, dir, this.#r.leaf, S_IFDIR | 0o755, 'mkdir', at);
      d.uid = uid;
      d.gid = gid;
    }
  }

  mountHost(spec: MountSpec): void {
    if (spec.guest.charCodeAt(0) !== 47) throw kerr('EINVAL', 'mount', spec.guest, 'guest path must be absolute');
    const guest = normalizePath(spec.guest);
    if (guest === '/') throw kerr('EBUSY', 'mount', guest);
    // Missing mount point directories are owned by the VM user, so the mounted files are usable.
    this.#mkdirp(guest, MOUNT_OWNER, MOUNT_OWNER);
    const mp = this.#r.walk(ROOT_CTX, guest, FOLLOW, 'mount', null);
    if (!(mp instanceof Inode)) throw kerr('EINVAL', 'mount', guest, 'mount point inside another mount');
    if (this.#r.isMountPoint(mp.ino)) throw kerr('EBUSY', 'mount', guest);
    const m = new HostMount(spec.host, guest, mp.ino, spec.readOnly === true, mp.uid, mp.gid, this.#limits);
    (this.#r.mounts ??= new Map()).set(mp.ino, m);
    this.#r.gen++;
  }

  setProcSource(src: ProcSource): void {
    this.#procSource = src;
  }

  #procHost(): ProcHost {
    return {
      procIno: this.#r.procIno,
      source: () => this.#procSource,
      mounts: () => this.#mountsText(),
      usage: () => this.usage(),
      quotaBytes: () => this.#limits.vfsBytes,
      uptimeMs: () => this.#now() - this.#bootMs,
      now: () => this.#now(),
      nodeOf: (f) => this.#nodeOf(f),
    };
  }

  #mountsText(): string {
    const esc = (s: string) => s.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
    let out = 'rootfs / tmpfs rw,noatime 0 0\nproc /proc proc rw,nosuid,nodev,noexec 0 0\n';
    for (const m of this.#r.mounts?.values() ?? []) out += `hostfs ${esc(m.guest)} hostfs ${m.readOnly ? 'ro' : 'rw'} 0 0\n`;
    return out;
  }

  // ================= VM-level =================

  usage(): { bytes: number; inodes: number } {
    return { bytes: this.#r.store.bytes, inodes: this.#r.store.inodes };
  }

  clone(): Vfs {
    const c = new Vfs({ base: this.#base, limits: this.#limits, now: this.#now });
    c.#r.store = this.#r.store.fork();
    c.#r.procIno = this.#r.procIno;
    c.#bootMs = this.#bootMs;
    c.#r.mounts = this.#r.mounts === null ? null : new Map(this.#r.mounts);
    return c;
  }
}

/** The program named by an "agentvm-program NAME" file (a copy of a /bin entry), if it is one. */
function programFromData(data: Uint8Array | null, size: number): string | undefined {
  const m = PROGRAM_MAGIC;
  if (data === null || size <= m.length + 1 || size > 256 || data[size - 1] !== 10) return undefined;
  for (let i = 0; i < m.length; i++) if (data[i] !== m.charCodeAt(i)) return undefined;
  let name = '';
  for (let i = m.length; i < size - 1; i++) {
    const c = data[i]!;
    if (c <= 32 || c >= 127 || c === 47) return undefined;
    name += String.fromCharCode(c);
  }
  return name;
}
