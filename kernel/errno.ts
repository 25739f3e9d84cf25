// Error numbers (Linux values) and the one error type the kernel throws.

export const Errno = {
  EPERM: 1, ENOENT: 2, ESRCH: 3, EINTR: 4, EIO: 5, ENXIO: 6, E2BIG: 7, ENOEXEC: 8,
  EBADF: 9, ECHILD: 10, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EFAULT: 14, EBUSY: 16,
  EEXIST: 17, EXDEV: 18, ENODEV: 19, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, ENFILE: 23,
  EMFILE: 24, ENOTTY: 25, ETXTBSY: 26, EFBIG: 27, ENOSPC: 28, ESPIPE: 29, EROFS: 30,
  EMLINK: 31, EPIPE: 32, ERANGE: 34, EDEADLK: 35, ENAMETOOLONG: 36, ENOSYS: 38,
  ENOTEMPTY: 39, ELOOP: 40, ENOTSUP: 95, ECONNREFUSED: 111, ETIMEDOUT: 110,
  ECANCELED: 125,
} as const;

export type ErrnoName = keyof typeof Errno;

const names: Record<number, ErrnoName> = {};
for (const [k, v] of Object.entries(Errno)) names[v] = k as ErrnoName;

/** strerror(3) texts, as glibc prints them (used by the shell and tools for messages). */
const messages: Record<ErrnoName, string> = {
  EPERM: 'Operation not permitted', ENOENT: 'No such file or directory', ESRCH: 'No such process',
  EINTR: 'Interrupted system call', EIO: 'Input/output error', ENXIO: 'No such device or address',
  E2BIG: 'Argument list too long', ENOEXEC: 'Exec format error', EBADF: 'Bad file descriptor',
  ECHILD: 'No child processes', EAGAIN: 'Resource temporarily unavailable', ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied', EFAULT: 'Bad address', EBUSY: 'Device or resource busy', EEXIST: 'File exists',
  EXDEV: 'Invalid cross-device link', ENODEV: 'No such device', ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory', EINVAL: 'Invalid argument', ENFILE: 'Too many open files in system',
  EMFILE: 'Too many open files', ENOTTY: 'Inappropriate ioctl for device', ETXTBSY: 'Text file busy',
  EFBIG: 'File too large', ENOSPC: 'No space left on device', ESPIPE: 'Illegal seek',
  EROFS: 'Read-only file system', EMLINK: 'Too many links', EPIPE: 'Broken pipe',
  ERANGE: 'Numerical result out of range', EDEADLK: 'Resource deadlock avoided',
  ENAMETOOLONG: 'File name too long', ENOSYS: 'Function not implemented', ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links', ENOTSUP: 'Operation not supported',
  ECONNREFUSED: 'Connection refused', ETIMEDOUT: 'Connection timed out', ECANCELED: 'Operation canceled',
};

export function errnoName(errno: number): ErrnoName | 'EUNKNOWN' {
  return names[errno] ?? 'EUNKNOWN';
}

export function strerror(errno: number): string {
  const n = names[errno];
  return n ? messages[n] : `Unknown error ${errno}`;
}

/** The error every kernel call throws: an errno plus the call and path it concerns. */
export class KernelError extends Error {
  readonly errno: number;
  readonly code: ErrnoName | 'EUNKNOWN';
  readonly syscall: string;
  readonly path: string | undefined;
  constructor(errno: number, syscall: string, path?: string, detail?: string) {
    const code = errnoName(errno);
    super(`${code}: ${detail ?? strerror(errno)}, ${syscall}${path !== undefined ? ` '${path}'` : ''}`);
    this.name = 'KernelError';
    this.errno = errno;
    this.code = code;
    this.syscall = syscall;
    this.path = path;
  }
}

/** Shorthand: `throw kerr('ENOENT', 'open', path)`. */
export function kerr(name: ErrnoName, syscall: string, path?: string, detail?: string): KernelError {
  return new KernelError(Errno[name], syscall, path, detail);
}
