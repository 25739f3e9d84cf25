// The internal unwind that ends a process's JS code.
//
// proc.exit(code), proc.exec(…) (after the new program ran) and every syscall of a process that
// was already killed throw a ProcessExit. It is deliberately NOT an Error subclass: programs
// must let it propagate (a `catch (e) { if (e instanceof KernelError) … else throw e; }` is
// the expected pattern). A program that swallows it anyway is harmless: the process already
// ended, and its next syscall throws a new ProcessExit.

export class ProcessExit {
  /** Shell-style status the process ended with: exit code, or 128 + signal. */
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
  toString(): string {
    return `ProcessExit(${this.status})`;
  }
}

export function isProcessExit(e: unknown): e is ProcessExit {
  return e instanceof ProcessExit;
}
