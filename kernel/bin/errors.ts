// The errors the utilities deal in: ProgramExit (end with a status and text), and the rule
// for kernel errors: report KernelErrors, let everything else (the kernel's unwinds, EPIPE)
// propagate.

import { Errno, KernelError, strerror } from '../errno.ts';

/** Thrown by helpers to end the program with a status (and optional text already formatted). */
export class ProgramExit extends Error {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  constructor(status: number, stderr = '', stdout = '') {
    super(`exit ${status}`);
    this.name = 'ProgramExit';
    this.status = status;
    this.stderr = stderr;
    this.stdout = stdout;
  }
}

/** Rethrows what a program must not swallow: the kernel's unwinds, EPIPE, and non-kernel errors. */
export function rethrowFatal(e: unknown): asserts e is KernelError {
  if (!(e instanceof KernelError) || e.errno === Errno.EPIPE) throw e;
}

/** The text GNU tools print for an error: strerror of a KernelError, the message of anything else. */
export function errText(e: unknown): string {
  if (e instanceof KernelError) return strerror(e.errno);
  return e instanceof Error ? e.message : String(e);
}

export function isErrno(e: unknown, name: keyof typeof Errno): boolean {
  return e instanceof KernelError && e.errno === Errno[name];
}
