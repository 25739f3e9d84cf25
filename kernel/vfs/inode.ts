// Inodes of the in-memory filesystem and the frozen layers they are shared through.
//
// An inode is identified by its number. Directory entries map names to inode numbers (never to
// inode objects), so a VM can copy one inode up into its own table without touching the
// directories that reference it, and hard links stay links after a copy-up. Inode objects that
// sit in a frozen `Layer` (the base image, or a VM's state at the time it was cloned) are never
// mutated again by anybody; see store.ts for the copy-up rules.

import { S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, type DirentType, type Stat } from '../types.ts';

/** st_dev of the in-memory filesystem (every VM's root filesystem). */
export const MEM_DEV = 0x2a;
/** Inode number of the root directory. */
export const ROOT_INO = 1;
export const BLKSIZE = 4096;

/** `cow` bits: this copy still shares `data` / `entries` with another copy of the inode. */
export const COW_DATA = 1;
export const COW_ENTRIES = 2;
/** `acct` bits: the inode counts against this VM's inode quota / its size against the byte quota. */
export const ACCT_INODE = 1;
export const ACCT_BYTES = 2;

export class Inode {
  readonly ino: number;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  rdev = 0;
  /** Regular files: logical size (data may be larger: capacity). Symlinks: target byte length. */
  size = 0;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  birthtimeMs: number;
  /** Regular files: contents; bytes in [size, data.length) are always zero. */
  data: Uint8Array | null = null;
  /** Directories: name -> inode number (no '.' or '..'). */
  entries: Map<string, number> | null = null;
  /** Directories: inode number of the parent ('..'); the root is its own parent. */
  parent = 0;
  /** Symlinks: the target text. */
  target = '';
  /** Executables of the base image: the registered program this file runs. */
  program: string | null = null;
  cow = 0;
  acct = 0;

  constructor(ino: number, mode: number, uid: number, gid: number, nowMs: number) {
    this.ino = ino;
    this.mode = mode;
    this.uid = uid;
    this.gid = gid;
    this.nlink = (mode & S_IFMT) === S_IFDIR ? 2 : 1;
    this.atimeMs = this.mtimeMs = this.ctimeMs = this.birthtimeMs = nowMs;
    if ((mode & S_IFMT) === S_IFDIR) this.entries = new Map();
  }

  /** A private copy for copy-up: metadata copied, data and entries shared until written. */
  copy(): Inode {
    const c = new Inode(this.ino, 0, this.uid, this.gid, this.birthtimeMs);
    c.mode = this.mode;
    c.nlink = this.nlink;
    c.rdev = this.rdev;
    c.size = this.size;
    c.atimeMs = this.atimeMs;
    c.mtimeMs = this.mtimeMs;
    c.ctimeMs = this.ctimeMs;
    c.data = this.data;
    c.entries = this.entries;
    c.parent = this.parent;
    c.target = this.target;
    c.program = this.program;
    c.cow = (this.data !== null ? COW_DATA : 0) | (this.entries !== null ? COW_ENTRIES : 0);
    c.acct = this.acct;
    return c;
  }

  get type(): number { return this.mode & S_IFMT; }
  isDir(): boolean { return (this.mode & S_IFMT) === S_IFDIR; }
  isReg(): boolean { return (this.mode & S_IFMT) === S_IFREG; }
  isLink(): boolean { return (this.mode & S_IFMT) === S_IFLNK; }
  isChr(): boolean { return (this.mode & S_IFMT) === S_IFCHR; }

  stat(): Stat {
    const dir = (this.mode & S_IFMT) === S_IFDIR;
    const size = dir ? BLKSIZE : (this.mode & S_IFMT) === S_IFCHR ? 0 : this.size;
    return {
      dev: MEM_DEV, ino: this.ino, mode: this.mode, nlink: this.nlink, uid: this.uid, gid: this.gid,
      rdev: this.rdev, size, blksize: BLKSIZE,
      blocks: (this.mode & S_IFMT) === S_IFLNK ? 0 : Math.ceil(size / BLKSIZE) * (BLKSIZE / 512),
      atimeMs: this.atimeMs, mtimeMs: this.mtimeMs, ctimeMs: this.ctimeMs, birthtimeMs: this.birthtimeMs,
    };
  }
}

/** A frozen set of inodes, looked up after the layers above it. */
export interface Layer {
  readonly map: ReadonlyMap<number, Inode>;
  readonly parent: Layer | null;
  readonly depth: number;
}

/** What a new VM's filesystem starts from. */
export interface Snapshot {
  readonly layer: Layer | null;
  /** First inode number the VM may allocate. */
  readonly nextIno: number;
  /** The /proc directory (a mount point for the synthetic proc filesystem). */
  readonly procIno: number;
}

export function direntType(mode: number): DirentType {
  switch (mode & S_IFMT) {
    case S_IFDIR: return 'dir';
    case S_IFLNK: return 'symlink';
    case S_IFCHR: return 'chardev';
    case 0o060000: return 'blockdev';
    case 0o010000: return 'fifo';
    case 0o140000: return 'socket';
    default: return 'file';
  }
}

/** UTF-8 byte length of a string, without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

export const EMPTY = new Uint8Array(0);
