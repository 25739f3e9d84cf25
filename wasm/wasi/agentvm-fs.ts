// `agentvm` file-system calls preview1 cannot express: stat with mode/owner/rdev, chmod/chown,
// umask, a kernel working directory (chdir/fchdir/getcwd) and statvfs. fd calls that need a path
// (fchmod, fchown, fchdir) go by the path the fd was opened by, after checking that it still
// names the same file.

import { kerr } from '../../kernel/errno.ts';
import { S_IFLNK, S_IFMT, type OpenFile, type Stat } from '../../kernel/types.ts';
import { PROC_DEV } from '../../kernel/vfs/procfs.ts';
import { AT_EMPTY_PATH, AT_FDCWD, AT_SYMLINK_NOFOLLOW, pathAt, putStat, sameFile } from './agentvm-abi.ts';
import type { Syscall, SyscallContext } from './fs.ts';

const encoder = new TextEncoder();
/** statvfs f_type values (Linux statfs magic numbers). */
const TMPFS_MAGIC = 0x01021994;
const PROC_SUPER_MAGIC = 0x9fa0;
const BSIZE = 4096;
/** Size of the statvfs record (12 × u64). */
export const STATVFS_SIZE = 96;

interface VfsUsage { usage(): { bytes: number; inodes: number } }

export function fsExtSyscalls(ctx: SyscallContext): Record<string, Syscall> {
  const { proc, mem, fds } = ctx;

  /** The path behind an fd, checked to still name the fd's file (renamed/unlinked: ENOENT). */
  const fdPath = (wfd: number, syscall: string): { path: string; file: OpenFile | null } => {
    if (fds.isPreopen(wfd)) return { path: '/', file: null };
    const f = fds.file(wfd, syscall);
    if (f.path === '') throw kerr('EBADF', syscall);
    let st: Stat;
    try { st = proc.stat(f.path); } catch { throw kerr('ENOENT', syscall, f.path); }
    if (!sameFile(st, f.stat())) throw kerr('ENOENT', syscall, f.path);
    return { path: f.path, file: f };
  };

  const statAt = (dirfd: number, ptr: number, len: number, flags: number, syscall: string): Stat => {
    if (len === 0 && flags & AT_EMPTY_PATH) {
      if ((dirfd | 0) === AT_FDCWD) return proc.stat('.');
      return fds.isPreopen(dirfd) ? proc.stat('/') : fds.file(dirfd, syscall).stat();
    }
    const p = pathAt(ctx, dirfd, ptr, len, syscall);
    return flags & AT_SYMLINK_NOFOLLOW ? proc.lstat(p) : proc.stat(p);
  };

  const ownerArg = (v: number): number => (v >>> 0 === 0xffffffff ? -1 : v >>> 0);

  const putStatvfs = (buf: number, st: Stat): void => {
    const limits = proc.kernel.limits;
    const vfs = (proc.kernel as unknown as { vfs?: Partial<VfsUsage> }).vfs;
    if (typeof vfs?.usage !== 'function') throw kerr('ENOSYS', 'statvfs');
    const used = vfs.usage();
    const blocks = Math.floor(limits.vfsBytes / BSIZE);
    const bfree = Math.max(0, blocks - Math.ceil(used.bytes / BSIZE));
    const files = limits.vfsInodes;
    const ffree = Math.max(0, files - used.inodes);
    const proc_ = st.dev === PROC_DEV;
    const v = [BSIZE, BSIZE, proc_ ? 0 : blocks, proc_ ? 0 : bfree, proc_ ? 0 : bfree, proc_ ? 0 : files,
      proc_ ? 0 : ffree, proc_ ? 0 : ffree, st.dev, 0, limits.nameMax, proc_ ? PROC_SUPER_MAGIC : TMPFS_MAGIC];
    for (let i = 0; i < v.length; i++) mem.setU64(buf + i * 8, v[i]!);
  };

  return {
    /** path_stat(dirfd, path, path_len, flags, buf): flags AT_SYMLINK_NOFOLLOW 0x100, AT_EMPTY_PATH 0x1000. */
    path_stat(dirfd: number, ptr: number, len: number, flags: number, buf: number): number {
      putStat(mem, buf, statAt(dirfd, ptr, len, flags, 'stat'));
      return 0;
    },

    /** fd_stat(fd, buf). */
    fd_stat(wfd: number, buf: number): number {
      putStat(mem, buf, fds.isPreopen(wfd) ? proc.stat('/') : fds.file(wfd, 'fstat').stat());
      return 0;
    },

    /**
     * path_access(dirfd, path, path_len, mode, flags): access(2) for the process's uid — mode
     * R_OK 4 | W_OK 2 | X_OK 1 (0: existence); flags AT_SYMLINK_NOFOLLOW.
     */
    path_access(dirfd: number, ptr: number, len: number, mode: number, flags: number): number {
      if (mode & ~7) throw kerr('EINVAL', 'access');
      const p = pathAt(ctx, dirfd, ptr, len, 'access');
      if (flags & AT_SYMLINK_NOFOLLOW) proc.lstat(p); else proc.stat(p);
      if (mode !== 0 && !proc.access(p, mode)) throw kerr('EACCES', 'access', p);
      return 0;
    },

    /** path_chmod(dirfd, path, path_len, mode, flags): with AT_SYMLINK_NOFOLLOW a symlink gives ENOTSUP (as Linux). */
    path_chmod(dirfd: number, ptr: number, len: number, mode: number, flags: number): number {
      const p = pathAt(ctx, dirfd, ptr, len, 'chmod');
      if (flags & AT_SYMLINK_NOFOLLOW && (proc.lstat(p).mode & S_IFMT) === S_IFLNK) throw kerr('ENOTSUP', 'lchmod', p);
      proc.chmod(p, mode & 0o7777);
      return 0;
    },

    /** fd_chmod(fd, mode). */
    fd_chmod(wfd: number, mode: number): number {
      proc.chmod(fdPath(wfd, 'fchmod').path, mode & 0o7777);
      return 0;
    },

    /**
     * path_chown(dirfd, path, path_len, uid, gid, flags): -1 keeps an id. With AT_SYMLINK_NOFOLLOW
     * on a symlink only a no-op succeeds (the kernel keeps no owner change for links: ENOTSUP).
     */
    path_chown(dirfd: number, ptr: number, len: number, uid: number, gid: number, flags: number): number {
      const p = pathAt(ctx, dirfd, ptr, len, 'chown');
      const u = ownerArg(uid);
      const g = ownerArg(gid);
      if (flags & AT_SYMLINK_NOFOLLOW) {
        const st = proc.lstat(p);
        if ((st.mode & S_IFMT) === S_IFLNK) {
          if ((u === -1 || u === st.uid) && (g === -1 || g === st.gid)) return 0;
          throw kerr('ENOTSUP', 'lchown', p);
        }
      }
      proc.chown(p, u, g);
      return 0;
    },

    /** fd_chown(fd, uid, gid). */
    fd_chown(wfd: number, uid: number, gid: number): number {
      proc.chown(fdPath(wfd, 'fchown').path, ownerArg(uid), ownerArg(gid));
      return 0;
    },

    /** umask(mask, old_out): sets the process umask (applied by every creating call). */
    umask(mask: number, out: number): number {
      mem.setU32(out, proc.umask);
      proc.umask = mask & 0o777;
      return 0;
    },

    /** path_chdir(path, path_len): chdir relative to the process's cwd. */
    path_chdir(ptr: number, len: number): number {
      const p = mem.string(ptr, len);
      if (p === '') throw kerr('ENOENT', 'chdir', p);
      proc.chdir(p);
      return 0;
    },

    /** fd_chdir(fd): fchdir. */
    fd_chdir(wfd: number): number {
      proc.chdir(fdPath(wfd, 'fchdir').path);
      return 0;
    },

    /** getcwd(buf, len, len_out): the cwd, NUL-terminated; ERANGE (len_out = bytes needed) when it does not fit. */
    getcwd(buf: number, len: number, out: number): number {
      const b = encoder.encode(proc.cwd);
      mem.setU32(out, b.length + 1);
      if (b.length + 1 > len) throw kerr('ERANGE', 'getcwd');
      mem.put(buf, b);
      mem.setU8(buf + b.length, 0);
      return 0;
    },

    /**
     * fs_statvfs(dirfd, path, path_len, buf) → 12 × u64: bsize, frsize, blocks, bfree, bavail,
     * files, ffree, favail, fsid, flag, namemax, type (the VM's disk quota and usage).
     */
    fs_statvfs(dirfd: number, ptr: number, len: number, buf: number): number {
      putStatvfs(buf, proc.stat(pathAt(ctx, dirfd, ptr, len, 'statvfs')));
      return 0;
    },

    /** fd_statvfs(fd, buf). */
    fd_statvfs(wfd: number, buf: number): number {
      putStatvfs(buf, fds.isPreopen(wfd) ? proc.stat('/') : fds.file(wfd, 'fstatvfs').stat());
      return 0;
    },
  };
}
