// Nodes of filesystems that are not the in-memory tree: /proc and host mounts. The VFS resolves
// paths through them with the same walk as through inodes and calls these methods for the
// operations; permission checks (mode bits against the caller) stay in the VFS.

import { kerr } from '../errno.ts';
import type { Dirent, DirentType, OpenFile, PathContext, Stat } from '../types.ts';
import type { Inode } from './inode.ts';

/** A node reached by path resolution: an in-memory inode or a node of a mounted filesystem. */
export type Node = Inode | ExtNode;

export abstract class ExtNode {
  abstract readonly type: DirentType;
  /** st_mode (type and permission bits), owner and group, for permission checks. */
  abstract readonly mode: number;
  abstract readonly uid: number;
  abstract readonly gid: number;
  /** The filesystem (mount) this node belongs to: rename/link across filesystems is EXDEV. */
  abstract readonly fs: object;
  /** Inode number of the in-memory directory this filesystem is mounted on. */
  abstract readonly mountIno: number;
  /** Writes fail with EROFS. */
  abstract readonly readOnly: boolean;

  abstract stat(): Stat;

  /** Child of a directory, or null if there is none. */
  lookup(_ctx: PathContext, _name: string, path: string): ExtNode | null {
    throw kerr('ENOTDIR', 'lookup', path);
  }

  /** Parent directory for '..'; null at the root of the mount (the VFS continues at the mount point). */
  abstract parent(): ExtNode | null;

  /** Same file (for rename's same-file rule). */
  abstract same(other: ExtNode): boolean;

  readlink(_ctx: PathContext, path: string): string { throw kerr('EINVAL', 'readlink', path); }

  /**
   * Magic links (/proc/<pid>/fd/N): the node the link leads to without going through its text,
   * or null to follow readlink() text as usual.
   */
  follow(_ctx: PathContext): Node | null { return null; }

  readdir(_ctx: PathContext, path: string): Dirent[] { throw kerr('ENOTDIR', 'readdir', path); }

  /** Opens this node (permission checks done; O_CREAT already handled). */
  abstract open(ctx: PathContext, flags: number, path: string): OpenFile;

  // ---- directory operations (this = the parent directory); names are single components ----

  create(_ctx: PathContext, _name: string, _mode: number, _flags: number, path: string): OpenFile {
    throw kerr(this.readOnly ? 'EROFS' : 'EACCES', 'open', path);
  }
  mkdir(_ctx: PathContext, _name: string, _mode: number, path: string): void {
    throw kerr(this.readOnly ? 'EROFS' : 'EACCES', 'mkdir', path);
  }
  unlink(_name: string, path: string): void { throw kerr(this.readOnly ? 'EROFS' : 'EACCES', 'unlink', path); }
  rmdir(_name: string, path: string): void { throw kerr(this.readOnly ? 'EROFS' : 'EACCES', 'rmdir', path); }
  rename(_name: string, _to: ExtNode, _toName: string, path: string): void {
    throw kerr(this.readOnly ? 'EROFS' : 'EACCES', 'rename', path);
  }
  link(_src: ExtNode, _name: string, path: string): void { throw kerr(this.readOnly ? 'EROFS' : 'EPERM', 'link', path); }
  symlink(_target: string, _name: string, path: string): void {
    throw kerr(this.readOnly ? 'EROFS' : 'EACCES', 'symlink', path);
  }

  // ---- node operations ----

  chmod(_mode: number, path: string): void { throw kerr(this.readOnly ? 'EROFS' : 'EPERM', 'chmod', path); }
  chown(_uid: number, _gid: number, path: string): void { throw kerr(this.readOnly ? 'EROFS' : 'EPERM', 'chown', path); }
  utimes(_atimeMs: number, _mtimeMs: number, path: string): void {
    throw kerr(this.readOnly ? 'EROFS' : 'EPERM', 'utime', path);
  }
  truncate(_len: number, path: string): void { throw kerr(this.readOnly ? 'EROFS' : 'EINVAL', 'truncate', path); }
}
