// `agentvm` descriptor calls: a real dup/dup2/dup3 (shared open file description), FD_CLOEXEC,
// pipe2, open/mkdir with a mode and Linux open flags (O_CLOEXEC included), and terminal ioctls
// (window size, termios, foreground group). fd numbers are WASI's (FdMap): n >= 4 is kernel n - 1.

import { kerr } from '../../kernel/errno.ts';
import {
  O_CLOEXEC, O_DIRECTORY, O_NONBLOCK, O_RDONLY, S_IFMT, S_IFREG, type OpenFile,
} from '../../kernel/types.ts';
import { FD_CLOEXEC, pathAt } from './agentvm-abi.ts';
import type { Syscall, SyscallContext } from './fs.ts';

// Linux ioctl request numbers served by fd_ioctl.
export const TCGETS = 0x5401;
export const TCSETS = 0x5402;
export const TCSETSW = 0x5403;
export const TCSETSF = 0x5404;
export const TCFLSH = 0x540b;
export const TIOCGPGRP = 0x540f;
export const TIOCSPGRP = 0x5410;
export const TIOCGWINSZ = 0x5413;
export const TIOCSWINSZ = 0x5414;
export const FIONREAD = 0x541b;
export const FIONBIO = 0x5421;
export const TIOCGSID = 0x5429;

/** glibc's struct termios: 4 × u32 flags, c_line, c_cc[32], (pad), c_ispeed, c_ospeed = 60 bytes. */
export const TERMIOS_SIZE = 60;
const NCCS = 32;
const B38400 = 0o17;

interface TermiosValue { iflag: number; oflag: number; cflag: number; lflag: number; cc: number[] }
interface WinsizeValue { rows: number; cols: number; xpixel: number; ypixel: number }

export function fdSyscalls(ctx: SyscallContext): Record<string, Syscall> {
  const { proc, mem, fds } = ctx;

  /** Lowest kernel fd for a WASI minimum: WASI 0-2 are kernel 0-2, WASI 3 (the preopen) and 4 are kernel 3. */
  const kernelMin = (wmin: number): number => (wmin < 3 ? wmin : Math.max(3, wmin - 1));

  /** Kernel fd of a WASI fd that may be the preopen: a real fd for "/" is opened (and must be closed). */
  const dupSource = (wfd: number): { kfd: number; temp: boolean } => {
    if (fds.isPreopen(wfd)) return { kfd: proc.open('/', O_RDONLY | O_DIRECTORY), temp: true };
    return { kfd: fds.kernelFd(wfd, 'dup'), temp: false };
  };

  const ioctlOf = (f: OpenFile): NonNullable<OpenFile['ioctl']> => {
    if (!f.ioctl) throw kerr('ENOTTY', 'ioctl');
    return f.ioctl.bind(f);
  };

  const readTermios = (p: number): TermiosValue => {
    const cc: number[] = [];
    for (let i = 0; i < NCCS; i++) cc.push(mem.u8[p + 17 + i]!);
    return { iflag: mem.u32(p), oflag: mem.u32(p + 4), cflag: mem.u32(p + 8), lflag: mem.u32(p + 12), cc };
  };

  const writeTermios = (p: number, t: TermiosValue): void => {
    const out = new Uint8Array(TERMIOS_SIZE);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, t.iflag >>> 0, true);
    dv.setUint32(4, t.oflag >>> 0, true);
    dv.setUint32(8, t.cflag >>> 0, true);
    dv.setUint32(12, t.lflag >>> 0, true);
    for (let i = 0; i < NCCS; i++) out[17 + i] = t.cc[i] ?? 0;
    dv.setUint32(52, B38400, true);
    dv.setUint32(56, B38400, true);
    mem.put(p, out);
  };

  return {
    /** fd_dup(fd, min_fd, cloexec, fd_out): F_DUPFD / F_DUPFD_CLOEXEC / dup (lowest free fd >= min_fd). */
    fd_dup(wfd: number, wmin: number, cloexec: number, out: number): number {
      if ((wmin | 0) < 0) throw kerr('EINVAL', 'fcntl');
      const src = dupSource(wfd);
      try {
        const nk = proc.dup(src.kfd, kernelMin(wmin));
        if (cloexec) proc.setCloexec(nk, true);
        mem.setU32(out, fds.wasiFd(nk));
      } finally {
        if (src.temp) proc.close(src.kfd);
      }
      return 0;
    },

    /** fd_dup2(fd, new_fd, cloexec): dup2/dup3 (new_fd 3, the preopen, cannot be replaced: EBADF). */
    fd_dup2(wfd: number, wto: number, cloexec: number): number {
      const kto = fds.kernelFd(wto, 'dup2');
      if (fds.isPreopen(wfd)) {
        const t = proc.open('/', O_RDONLY | O_DIRECTORY);
        try { proc.dup2(t, kto); } finally { proc.close(t); }
      } else {
        const kfrom = fds.kernelFd(wfd, 'dup2');
        proc.file(kfrom);
        if (kfrom !== kto) proc.dup2(kfrom, kto);
      }
      if (cloexec) proc.setCloexec(kto, true);
      return 0;
    },

    /** fd_getfd(fd, flags_out): F_GETFD (FD_CLOEXEC). The preopen is never inherited: FD_CLOEXEC. */
    fd_getfd(wfd: number, out: number): number {
      if (fds.isPreopen(wfd)) {
        mem.setU32(out, FD_CLOEXEC);
        return 0;
      }
      const kfd = fds.kernelFd(wfd, 'fcntl');
      proc.file(kfd);
      if (!proc.isCloexec) throw kerr('ENOSYS', 'fcntl');
      mem.setU32(out, proc.isCloexec(kfd) ? FD_CLOEXEC : 0);
      return 0;
    },

    /** fd_setfd(fd, flags): F_SETFD. */
    fd_setfd(wfd: number, flags: number): number {
      if (fds.isPreopen(wfd)) return 0;
      proc.setCloexec(fds.kernelFd(wfd, 'fcntl'), (flags & FD_CLOEXEC) !== 0);
      return 0;
    },

    /** fd_pipe(flags, fds_out): pipe2 with Linux O_CLOEXEC / O_NONBLOCK; fds_out = [read, write]. */
    fd_pipe(flags: number, out: number): number {
      if (flags & ~(O_CLOEXEC | O_NONBLOCK)) throw kerr('EINVAL', 'pipe2');
      const [r, w] = proc.pipe();
      for (const k of [r, w]) {
        if (flags & O_CLOEXEC) proc.setCloexec(k, true);
        if (flags & O_NONBLOCK) proc.file(k).flags |= O_NONBLOCK;
      }
      mem.setU32(out, fds.wasiFd(r));
      mem.setU32(out + 4, fds.wasiFd(w));
      return 0;
    },

    /** path_open(dirfd, path, path_len, oflags, mode, fd_out): open(2) with Linux flags and a creation mode. */
    path_open(dirfd: number, ptr: number, len: number, oflags: number, mode: number, out: number): number {
      const kfd = proc.open(pathAt(ctx, dirfd, ptr, len, 'open'), oflags, mode & 0o7777);
      mem.setU32(out, fds.wasiFd(kfd));
      return 0;
    },

    /** path_mkdir(dirfd, path, path_len, mode): mkdir(2) with a mode (the umask applies). */
    path_mkdir(dirfd: number, ptr: number, len: number, mode: number): number {
      proc.mkdir(pathAt(ctx, dirfd, ptr, len, 'mkdir'), mode & 0o7777);
      return 0;
    },

    /**
     * fd_ioctl(fd, request, arg): Linux ioctl numbers. arg is a pointer (TCGETS/TCSETS* → struct
     * termios, TIOC[GS]WINSZ → struct winsize, TIOC[GS]PGRP/TIOCGSID/FIONREAD/FIONBIO → int) or,
     * for TCFLSH, the queue selector itself.
     */
    fd_ioctl(wfd: number, request: number, arg: number): number {
      const f = fds.file(wfd, 'ioctl');
      switch (request) {
        case TIOCGWINSZ: {
          const w = ioctlOf(f)('TIOCGWINSZ') as WinsizeValue;
          for (const [i, v] of [w.rows, w.cols, w.xpixel, w.ypixel].entries()) mem.setU16(arg + i * 2, v);
          return 0;
        }
        case TIOCSWINSZ: {
          const dv = mem.dv;
          ioctlOf(f)('TIOCSWINSZ', {
            rows: dv.getUint16(arg, true), cols: dv.getUint16(arg + 2, true),
            xpixel: dv.getUint16(arg + 4, true), ypixel: dv.getUint16(arg + 6, true),
          });
          return 0;
        }
        case TCGETS:
          writeTermios(arg, ioctlOf(f)('TCGETS') as TermiosValue);
          return 0;
        case TCSETS: case TCSETSW: case TCSETSF: {
          const name = request === TCSETS ? 'TCSETS' : request === TCSETSW ? 'TCSETSW' : 'TCSETSF';
          ioctlOf(f)(name, readTermios(arg));
          return 0;
        }
        case TIOCGPGRP:
          mem.setU32(arg, ioctlOf(f)('TIOCGPGRP') as number);
          return 0;
        case TIOCSPGRP:
          ioctlOf(f)('TIOCSPGRP', mem.u32(arg) | 0);
          return 0;
        case TIOCGSID:
          mem.setU32(arg, ioctlOf(f)('TIOCGSID') as number);
          return 0;
        case TCFLSH:
          ioctlOf(f)('TCFLSH', arg | 0);
          return 0;
        case FIONREAD: {
          let n: number;
          if (f.ioctl) n = f.ioctl('FIONREAD') as number;
          else {
            const st = f.stat();
            if ((st.mode & S_IFMT) !== S_IFREG) throw kerr('ENOTTY', 'ioctl');
            n = Math.max(0, st.size - f.offset);
          }
          mem.setU32(arg, Math.min(n, 0x7fffffff));
          return 0;
        }
        case FIONBIO:
          if (mem.u32(arg) !== 0) f.flags |= O_NONBLOCK;
          else f.flags &= ~O_NONBLOCK;
          return 0;
        default:
          throw kerr('ENOTTY', 'ioctl');
      }
    },
  };
}
