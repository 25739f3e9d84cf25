// Filesystem syscalls of preview1: fd_* calls on files and directories and every path_* call.
// Paths are made absolute against the directory fd (FdMap.resolve) and handed to the process's
// own calls, so permissions, symlinks, mounts and /proc behave as for every other program.

import { kerr } from '../../kernel/errno.ts';
import {
  O_ACCMODE, O_APPEND, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_RDONLY, O_RDWR, O_TRUNC,
  O_WRONLY, S_IFBLK, S_IFCHR, S_IFIFO, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, SEEK_CUR, SEEK_SET,
  type Dirent, type DirentType, type Proc, type Stat,
} from '../../kernel/types.ts';
import * as W from './constants.ts';
import type { FdMap } from './fdmap.ts';
import type { WasmMemory } from './memory.ts';

export interface SyscallContext {
  readonly proc: Proc;
  readonly mem: WasmMemory;
  readonly fds: FdMap;
}

/** A syscall body: arguments as the module passes them (i32 made unsigned, i64 as bigint). */
export type Syscall = (...args: never[]) => number | Promise<number>;

const encoder = new TextEncoder();

export function filetypeOf(mode: number): number {
  switch (mode & S_IFMT) {
    case S_IFREG: return W.FILETYPE_REGULAR_FILE;
    case S_IFDIR: return W.FILETYPE_DIRECTORY;
    case S_IFLNK: return W.FILETYPE_SYMBOLIC_LINK;
    case S_IFCHR: return W.FILETYPE_CHARACTER_DEVICE;
    case S_IFBLK: return W.FILETYPE_BLOCK_DEVICE;
    case S_IFSOCK: return W.FILETYPE_SOCKET_STREAM;
    // preview1 has no FIFO type: a stream socket, which wasi-libc's stat shows as S_IFIFO (it gives
    // S_IFIFO and S_IFSOCK one value); as UNKNOWN (st_mode 0) gawk refused to read a pipe
    case S_IFIFO: return W.FILETYPE_SOCKET_STREAM;
    default: return W.FILETYPE_UNKNOWN;
  }
}

function direntFiletype(t: DirentType): number {
  switch (t) {
    case 'file': return W.FILETYPE_REGULAR_FILE;
    case 'dir': return W.FILETYPE_DIRECTORY;
    case 'symlink': return W.FILETYPE_SYMBOLIC_LINK;
    case 'chardev': return W.FILETYPE_CHARACTER_DEVICE;
    case 'blockdev': return W.FILETYPE_BLOCK_DEVICE;
    case 'socket': case 'fifo': return W.FILETYPE_SOCKET_STREAM;
    default: return W.FILETYPE_UNKNOWN;
  }
}

const ns = (ms: number): bigint => BigInt(Math.round(ms * 1e6));
const ms = (ns: bigint): number => Number(BigInt.asUintN(64, ns)) / 1e6;

/** filestat: dev, ino, filetype, nlink, size, atim, mtim, ctim (64 bytes). */
export function putFilestat(mem: WasmMemory, ptr: number, st: Stat): void {
  mem.setU64(ptr, st.dev);
  mem.setU64(ptr + 8, st.ino);
  mem.setU8(ptr + 16, filetypeOf(st.mode));
  mem.setU64(ptr + 24, st.nlink);
  mem.setU64(ptr + 32, st.size);
  mem.setU64(ptr + 40, ns(st.atimeMs));
  mem.setU64(ptr + 48, ns(st.mtimeMs));
  mem.setU64(ptr + 56, ns(st.ctimeMs));
}

/** New atime/mtime (ms) from fst_flags, keeping the current value for fields not set. */
function newTimes(proc: Proc, st: Stat, atim: bigint, mtim: bigint, fst: number, syscall: string): [number, number] {
  if ((fst & W.FSTFLAGS_ATIM && fst & W.FSTFLAGS_ATIM_NOW) || (fst & W.FSTFLAGS_MTIM && fst & W.FSTFLAGS_MTIM_NOW)) {
    throw kerr('EINVAL', syscall);
  }
  const now = proc.kernel.now();
  const a = fst & W.FSTFLAGS_ATIM_NOW ? now : fst & W.FSTFLAGS_ATIM ? ms(atim) : st.atimeMs;
  const m = fst & W.FSTFLAGS_MTIM_NOW ? now : fst & W.FSTFLAGS_MTIM ? ms(mtim) : st.mtimeMs;
  return [a, m];
}

export function fsSyscalls(ctx: SyscallContext): Record<string, Syscall> {
  const { proc, mem, fds } = ctx;
  const path = (wfd: number, ptr: number, len: number, syscall: string): string =>
    fds.resolve(wfd, mem.string(ptr, len), syscall);
  const statOf = (wfd: number, syscall: string): Stat =>
    fds.isPreopen(wfd) ? proc.stat('/') : fds.file(wfd, syscall).stat();

  return {
    fd_filestat_get(fd: number, buf: number): number {
      putFilestat(mem, buf, statOf(fd, 'fstat'));
      return 0;
    },

    fd_filestat_set_size(fd: number, size: bigint): number {
      const f = fds.file(fd, 'ftruncate');
      if ((f.flags & O_ACCMODE) === O_RDONLY) throw kerr('EINVAL', 'ftruncate');
      if ((f.stat().mode & S_IFMT) !== S_IFREG) throw kerr('EINVAL', 'ftruncate');
      proc.truncate(f.path, Number(BigInt.asUintN(64, size)));
      return 0;
    },

    fd_filestat_set_times(fd: number, atim: bigint, mtim: bigint, fst: number): number {
      const p = fds.isPreopen(fd) ? '/' : fds.file(fd, 'futimens').path;
      const [a, m] = newTimes(proc, statOf(fd, 'futimens'), atim, mtim, fst, 'futimens');
      proc.utimes(p, a, m);
      return 0;
    },

    fd_allocate(fd: number, offset: bigint, len: bigint): number {
      const f = fds.file(fd, 'fallocate');
      const st = f.stat();
      if ((st.mode & S_IFMT) !== S_IFREG) throw kerr((st.mode & S_IFMT) === S_IFDIR ? 'EBADF' : 'ESPIPE', 'fallocate');
      if ((f.flags & O_ACCMODE) === O_RDONLY) throw kerr('EBADF', 'fallocate');
      const end = Number(BigInt.asUintN(64, offset) + BigInt.asUintN(64, len));
      if (end > st.size) proc.truncate(f.path, end);
      return 0;
    },

    fd_readdir(fd: number, buf: number, bufLen: number, cookie: bigint, usedPtr: number): number {
      const f = fds.isPreopen(fd) ? null : fds.file(fd, 'getdents');
      const dirPath = f ? f.path : '/';
      const start = Number(BigInt.asUintN(64, cookie));
      let list = f && start > 0 ? fds.listing(f) : undefined;
      if (list === undefined) {
        let entries: Dirent[];
        if (f) {
          if (!f.readdir) throw kerr('ENOTDIR', 'getdents');
          entries = f.readdir();
        } else entries = proc.readdir('/');
        const self = f ? f.stat().ino : proc.stat('/').ino;
        let parent = self;
        try { parent = proc.stat(dirPath === '/' ? '/' : `${dirPath}/..`).ino; } catch { /* removed: keep self */ }
        list = [{ name: '.', type: 'dir', ino: self }, { name: '..', type: 'dir', ino: parent }, ...entries];
        if (f) fds.setListing(f, list);
      }
      let used = 0;
      for (let i = start; i < list.length && used < bufLen; i++) {
        const e = list[i]!;
        const name = encoder.encode(e.name);
        const rec = new Uint8Array(24 + name.length);
        const dv = new DataView(rec.buffer);
        dv.setBigUint64(0, BigInt(i + 1), true);
        dv.setBigUint64(8, BigInt(e.ino), true);
        dv.setUint32(16, name.length, true);
        dv.setUint8(20, direntFiletype(e.type));
        rec.set(name, 24);
        const n = Math.min(rec.length, bufLen - used);
        mem.put(buf + used, n === rec.length ? rec : rec.subarray(0, n));
        used += n;
      }
      mem.setU32(usedPtr, used);
      return 0;
    },

    path_open(dirfd: number, dirflags: number, ptr: number, len: number, oflags: number,
      rightsBase: bigint, _rightsInh: bigint, fdflags: number, fdPtr: number): number {
      const p = path(dirfd, ptr, len, 'open');
      const rights = BigInt.asUintN(64, rightsBase);
      const r = (rights & (W.RIGHTS_FD_READ | W.RIGHTS_FD_READDIR)) !== 0n;
      const w = (rights & W.RIGHTS_FD_WRITE) !== 0n;
      let flags = r && w ? O_RDWR : w ? O_WRONLY : O_RDONLY;
      if (oflags & W.OFLAGS_CREAT) flags |= O_CREAT;
      if (oflags & W.OFLAGS_EXCL) flags |= O_EXCL;
      if (oflags & W.OFLAGS_TRUNC) flags |= O_TRUNC;
      if (oflags & W.OFLAGS_DIRECTORY) flags |= O_DIRECTORY;
      if (fdflags & W.FDFLAGS_APPEND) flags |= O_APPEND;
      if (fdflags & W.FDFLAGS_NONBLOCK) flags |= O_NONBLOCK;
      if (!(dirflags & W.LOOKUPFLAGS_SYMLINK_FOLLOW)) flags |= O_NOFOLLOW;
      const kfd = proc.open(p, flags, 0o666);
      mem.setU32(fdPtr, fds.wasiFd(kfd));
      return 0;
    },

    path_filestat_get(fd: number, flags: number, ptr: number, len: number, buf: number): number {
      const p = path(fd, ptr, len, 'stat');
      putFilestat(mem, buf, flags & W.LOOKUPFLAGS_SYMLINK_FOLLOW ? proc.stat(p) : proc.lstat(p));
      return 0;
    },

    path_filestat_set_times(fd: number, flags: number, ptr: number, len: number,
      atim: bigint, mtim: bigint, fst: number): number {
      const p = path(fd, ptr, len, 'utimensat');
      const st = flags & W.LOOKUPFLAGS_SYMLINK_FOLLOW ? proc.stat(p) : proc.lstat(p);
      const [a, m] = newTimes(proc, st, atim, mtim, fst, 'utimensat');
      proc.utimes(p, a, m);
      return 0;
    },

    path_create_directory(fd: number, ptr: number, len: number): number {
      proc.mkdir(path(fd, ptr, len, 'mkdir'), 0o777);
      return 0;
    },

    path_remove_directory(fd: number, ptr: number, len: number): number {
      proc.rmdir(path(fd, ptr, len, 'rmdir'));
      return 0;
    },

    path_unlink_file(fd: number, ptr: number, len: number): number {
      proc.unlink(path(fd, ptr, len, 'unlink'));
      return 0;
    },

    path_rename(fd: number, ptr: number, len: number, newFd: number, newPtr: number, newLen: number): number {
      proc.rename(path(fd, ptr, len, 'rename'), path(newFd, newPtr, newLen, 'rename'));
      return 0;
    },

    path_symlink(targetPtr: number, targetLen: number, fd: number, ptr: number, len: number): number {
      proc.symlink(mem.string(targetPtr, targetLen), path(fd, ptr, len, 'symlink'));
      return 0;
    },

    path_readlink(fd: number, ptr: number, len: number, buf: number, bufLen: number, usedPtr: number): number {
      const target = encoder.encode(proc.readlink(path(fd, ptr, len, 'readlink')));
      const n = Math.min(target.length, bufLen);
      mem.put(buf, target.subarray(0, n));
      mem.setU32(usedPtr, n);
      return 0;
    },

    path_link(oldFd: number, _oldFlags: number, oldPtr: number, oldLen: number,
      newFd: number, newPtr: number, newLen: number): number {
      proc.link(path(oldFd, oldPtr, oldLen, 'link'), path(newFd, newPtr, newLen, 'link'));
      return 0;
    },

    fd_pread(fd: number, iovs: number, count: number, offset: bigint, nreadPtr: number): number | Promise<number> {
      const f = fds.file(fd, 'pread');
      const cur = f.seek(0, SEEK_CUR);
      f.seek(Number(offset), SEEK_SET);
      let r: Uint8Array | Promise<Uint8Array>;
      try {
        r = f.read(mem.iovTotal(iovs, count), proc.signal);
      } finally {
        if (!(r! instanceof Promise)) f.seek(cur, SEEK_SET);
      }
      const done = (data: Uint8Array): number => {
        mem.scatter(iovs, count, data);
        mem.setU32(nreadPtr, data.length);
        return 0;
      };
      if (!(r instanceof Promise)) return done(r);
      return r.finally(() => f.seek(cur, SEEK_SET)).then(done);
    },

    fd_pwrite(fd: number, iovs: number, count: number, offset: bigint, nPtr: number): number | Promise<number> {
      const f = fds.file(fd, 'pwrite');
      const data = mem.gather(iovs, count);
      const cur = f.seek(0, SEEK_CUR);
      f.seek(Number(offset), SEEK_SET);
      let r: number | Promise<number>;
      try {
        r = f.write(data, proc.signal);
      } finally {
        if (!(r! instanceof Promise)) f.seek(cur, SEEK_SET);
      }
      if (!(r instanceof Promise)) {
        mem.setU32(nPtr, r);
        return 0;
      }
      return r.finally(() => f.seek(cur, SEEK_SET)).then((n) => { mem.setU32(nPtr, n); return 0; });
    },
  };
}
