// Non-local control flow inside the interpreter: break/continue/return/exit and aborting the
// current command line. These are thrown and caught by the interpreter only. They are
// deliberately not Error subclasses (no stack capture, and `catch (e) { if (e instanceof
// ShellError) … }` in builtins lets them through).

/** `break n`: unwinds n enclosing loops. */
export class BreakLoop {
  n: number;
  constructor(n: number) { this.n = n; }
}

/** `continue n`: unwinds to the n-th enclosing loop's next iteration. */
export class ContinueLoop {
  n: number;
  constructor(n: number) { this.n = n; }
}

/** `return [n]` from a function or a sourced file. */
export class ReturnFromFunction {
  readonly status: number;
  constructor(status: number) { this.status = status; }
}

/** `exit`, a fatal error in a non-interactive shell, set -e: ends this shell (the EXIT trap runs at the top). */
export class ExitShell {
  readonly status: number;
  /** A fatal error (unbound variable, ${x:?}): `bash -c` reports 127 for these at its top level. */
  readonly fatal: boolean;
  constructor(status: number, fatal = false) { this.status = status; this.fatal = fatal; }
}

/** An interactive shell abandons the rest of the current command line (fatal expansion error, SIGINT). */
export class AbortCommand {
  readonly status: number;
  constructor(status: number) { this.status = status; }
}

export function isControl(e: unknown): boolean {
  return e instanceof BreakLoop || e instanceof ContinueLoop || e instanceof ReturnFromFunction ||
    e instanceof ExitShell || e instanceof AbortCommand;
}
