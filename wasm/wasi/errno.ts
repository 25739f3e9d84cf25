// The one table from kernel errors (Linux errno, kernel/errno.ts) to WASI errno numbers.

import { Errno, KernelError, type ErrnoName } from '../../kernel/errno.ts';
import * as W from './constants.ts';

const byName: Record<ErrnoName, number> = {
  EPERM: W.ERRNO_PERM, ENOENT: W.ERRNO_NOENT, ESRCH: W.ERRNO_SRCH, EINTR: W.ERRNO_INTR, EIO: W.ERRNO_IO,
  ENXIO: W.ERRNO_NXIO, E2BIG: W.ERRNO_2BIG, ENOEXEC: W.ERRNO_NOEXEC, EBADF: W.ERRNO_BADF,
  ECHILD: W.ERRNO_CHILD, EAGAIN: W.ERRNO_AGAIN, ENOMEM: W.ERRNO_NOMEM, EACCES: W.ERRNO_ACCES,
  EFAULT: W.ERRNO_FAULT, EBUSY: W.ERRNO_BUSY, EEXIST: W.ERRNO_EXIST, EXDEV: W.ERRNO_XDEV,
  ENODEV: W.ERRNO_NODEV, ENOTDIR: W.ERRNO_NOTDIR, EISDIR: W.ERRNO_ISDIR, EINVAL: W.ERRNO_INVAL,
  ENFILE: W.ERRNO_NFILE, EMFILE: W.ERRNO_MFILE, ENOTTY: W.ERRNO_NOTTY, ETXTBSY: W.ERRNO_TXTBSY,
  EFBIG: W.ERRNO_FBIG, ENOSPC: W.ERRNO_NOSPC, ESPIPE: W.ERRNO_SPIPE, EROFS: W.ERRNO_ROFS,
  EMLINK: W.ERRNO_MLINK, EPIPE: W.ERRNO_PIPE, ERANGE: W.ERRNO_RANGE, EDEADLK: W.ERRNO_DEADLK,
  ENAMETOOLONG: W.ERRNO_NAMETOOLONG, ENOSYS: W.ERRNO_NOSYS, ENOTEMPTY: W.ERRNO_NOTEMPTY,
  ELOOP: W.ERRNO_LOOP, ENOTSUP: W.ERRNO_NOTSUP, ECONNREFUSED: W.ERRNO_CONNREFUSED,
  ETIMEDOUT: W.ERRNO_TIMEDOUT, ECANCELED: W.ERRNO_CANCELED,
};

const byNumber = new Map<number, number>();
for (const [name, n] of Object.entries(Errno)) byNumber.set(n, byName[name as ErrnoName]);

/** WASI errno for a Linux errno number (EIO for numbers the table lacks). */
export function wasiErrno(linuxErrno: number): number {
  return byNumber.get(linuxErrno) ?? W.ERRNO_IO;
}

/**
 * The WASI errno a syscall returns for an exception, or undefined when the exception must
 * propagate (the process ended: ProcessExit; or a bug in the runtime). A RangeError from a
 * DataView is a pointer outside the module's memory: EFAULT.
 */
export function errnoOf(e: unknown): number | undefined {
  if (e instanceof KernelError) return wasiErrno(e.errno);
  if (e instanceof RangeError && /offset|bounds|length/i.test(e.message)) return W.ERRNO_FAULT;
  return undefined;
}
