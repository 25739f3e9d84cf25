// The WASI fd numbering of one process (see wasm/ABI.md, "File descriptors"):
//   WASI 0, 1, 2  <->  kernel 0, 1, 2
//   WASI 3        =    the preopened directory "/" (no kernel fd behind it)
//   WASI n >= 4   <->  kernel n - 1
// so inherited kernel fds >= 3 stay reachable and the kernel fd table is never touched by the
// runtime itself. Paths given to path_* calls are resolved against the directory fd's path and
// then handed to the process's own calls (permissions, symlinks, mounts).

import { kerr } from '../../kernel/errno.ts';
import { S_IFDIR, S_IFMT, type Dirent, type OpenFile, type Proc } from '../../kernel/types.ts';

export const PREOPEN_FD = 3;
export const PREOPEN_PATH = '/';

export class FdMap {
  readonly #proc: Proc;
  #preopen = true;
  /** Directory listings being read with fd_readdir, per open file description. */
  readonly #listings = new WeakMap<OpenFile, Dirent[]>();

  constructor(proc: Proc) {
    this.#proc = proc;
  }

  isPreopen(wfd: number): boolean {
    return wfd === PREOPEN_FD && this.#preopen;
  }

  /** The kernel fd behind a WASI fd; EBADF for the preopen and for impossible numbers. */
  kernelFd(wfd: number, syscall: string): number {
    if (wfd < 0 || wfd > 0x7fffffff || wfd === PREOPEN_FD) throw kerr('EBADF', syscall);
    return wfd < PREOPEN_FD ? wfd : wfd - 1;
  }

  wasiFd(kfd: number): number {
    return kfd < PREOPEN_FD ? kfd : kfd + 1;
  }

  /** The open file description behind a WASI fd (EBADF if closed or the preopen). */
  file(wfd: number, syscall: string): OpenFile {
    return this.#proc.file(this.kernelFd(wfd, syscall));
  }

  closePreopen(): void {
    this.#preopen = false;
  }

  /** Absolute path of `path` relative to directory fd `wfd` (ENOTDIR if wfd is not a directory). */
  resolve(wfd: number, path: string, syscall: string): string {
    if (path.includes('\0')) throw kerr('EINVAL', syscall, path);
    if (path.startsWith('/')) return path;
    let base: string;
    if (wfd === PREOPEN_FD) {
      if (!this.#preopen) throw kerr('EBADF', syscall);
      base = PREOPEN_PATH;
    } else {
      const f = this.file(wfd, syscall);
      if ((f.stat().mode & S_IFMT) !== S_IFDIR) throw kerr('ENOTDIR', syscall, path);
      base = f.path;
      if (base === '') throw kerr('EBADF', syscall);
    }
    if (path === '' ) throw kerr('ENOENT', syscall, path);
    return base.endsWith('/') ? base + path : `${base}/${path}`;
  }

  listing(f: OpenFile): Dirent[] | undefined { return this.#listings.get(f); }
  setListing(f: OpenFile, list: Dirent[]): void { this.#listings.set(f, list); }
}
