// A process's file descriptor table: fd -> { open file description, close-on-exec }.
// Descriptions are shared (dup, fork): each fd holds one reference (OpenFile.ref/close), so
// offsets and status flags are shared exactly as on Linux.

import { kerr } from '../errno.ts';
import type { OpenFile } from '../types.ts';

export class FdTable {
  #files: (OpenFile | undefined)[] = [];
  #cloexec: Set<number> | null = null;
  #count = 0;
  readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  get count(): number { return this.#count; }

  /** The description behind fd, or EBADF. */
  get(fd: number, syscall = 'fcntl'): OpenFile {
    const f = Number.isInteger(fd) && fd >= 0 ? this.#files[fd] : undefined;
    if (!f) throw kerr('EBADF', syscall);
    return f;
  }

  has(fd: number): boolean {
    return this.#files[fd] !== undefined;
  }

  /** Lowest free fd >= minFd, or EMFILE. */
  lowestFree(minFd = 0, syscall = 'open'): number {
    if (!Number.isInteger(minFd) || minFd < 0 || minFd >= this.max) throw kerr('EINVAL', syscall);
    const files = this.#files;
    for (let fd = minFd; fd < this.max; fd++) if (files[fd] === undefined) return fd;
    throw kerr('EMFILE', syscall);
  }

  /** Installs `file` (taking the caller's reference) at the lowest free fd >= minFd. */
  install(file: OpenFile, minFd = 0, cloexec = false, syscall = 'open'): number {
    const fd = this.lowestFree(minFd, syscall);
    this.#set(fd, file, cloexec);
    return fd;
  }

  /** Installs at exactly `fd`, closing what was there (dup2). Takes the caller's reference. */
  installAt(fd: number, file: OpenFile, cloexec = false): void {
    if (!Number.isInteger(fd) || fd < 0 || fd >= this.max) throw kerr('EBADF', 'dup2');
    const old = this.#files[fd];
    if (old) {
      this.#count--;
      this.#cloexec?.delete(fd);
    }
    this.#set(fd, file, cloexec);
    old?.close();
  }

  #set(fd: number, file: OpenFile, cloexec: boolean): void {
    this.#files[fd] = file;
    this.#count++;
    if (cloexec) (this.#cloexec ??= new Set()).add(fd);
  }

  /** Removes fd and drops its reference; EBADF if not open. */
  close(fd: number): void {
    const f = this.get(fd, 'close');
    this.#files[fd] = undefined;
    this.#count--;
    this.#cloexec?.delete(fd);
    while (this.#files.length > 0 && this.#files[this.#files.length - 1] === undefined) this.#files.length--;
    f.close();
  }

  isCloexec(fd: number): boolean {
    this.get(fd);
    return this.#cloexec?.has(fd) ?? false;
  }

  setCloexec(fd: number, on: boolean): void {
    this.get(fd);
    if (on) (this.#cloexec ??= new Set()).add(fd);
    else this.#cloexec?.delete(fd);
  }

  /** Open fds in ascending order. */
  fds(): number[] {
    const out: number[] = [];
    const files = this.#files;
    for (let fd = 0; fd < files.length; fd++) if (files[fd] !== undefined) out.push(fd);
    return out;
  }

  /** [fd, description] pairs in ascending order. */
  entries(): [number, OpenFile][] {
    const out: [number, OpenFile][] = [];
    const files = this.#files;
    for (let fd = 0; fd < files.length; fd++) {
      const f = files[fd];
      if (f !== undefined) out.push([fd, f]);
    }
    return out;
  }

  /** Closes every fd marked close-on-exec (execve). */
  closeOnExec(): void {
    const set = this.#cloexec;
    if (!set || set.size === 0) return;
    for (const fd of [...set]) if (this.#files[fd]) this.close(fd);
    set.clear();
  }

  /** Closes everything (process exit). Errors from descriptions are ignored. */
  closeAll(): void {
    const files = this.#files;
    this.#files = [];
    this.#count = 0;
    this.#cloexec = null;
    for (const f of files) {
      if (!f) continue;
      try { f.close(); } catch { /* a description failing to close must not stop the others */ }
    }
  }
}
