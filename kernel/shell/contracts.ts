// The contracts inside the shell: what the interpreter (interp.ts) offers to the expander
// (expand.ts) and to builtins (builtins/*.ts), and the variable store (vars.ts) they all share.

import type { Proc } from '../types.ts';
import type { Command, FunctionDef, Script, Word } from './ast.ts';

// ---- variables (implemented by vars.ts) ----

export interface VarAttrs {
  exported?: boolean; readonly?: boolean; integer?: boolean; lower?: boolean; upper?: boolean;
  nameref?: boolean; indexed?: boolean; assoc?: boolean; capitalize?: boolean; trace?: boolean;
}

/** A variable: scalar string, indexed array (sparse, numeric keys) or associative array. */
export interface ShellVar {
  name: string;
  /** undefined for declared-but-unset (`declare x`, `local x`) */
  value: string | Map<number, string> | Map<string, string> | undefined;
  attrs: VarAttrs;
}

export interface Variables {
  /** Scalar value of `name` ($name): element 0 for indexed arrays, key "0" for assoc; namerefs resolved; dynamic specials (RANDOM, LINENO, SECONDS, BASHPID, …) computed. */
  get(name: string): string | undefined;
  /** The variable record, following namerefs (raw: the nameref itself, for declare -p / ${!ref}); undefined if unset. */
  lookup(name: string, opts?: { raw?: boolean }): ShellVar | undefined;
  /** `name=value` honoring attributes (integer → arithmetic, case, readonly → throws ShellError, allexport). */
  set(name: string, value: string): void;
  /** `name+=value` */
  append(name: string, value: string): void;
  /** `name[key]=value` (key already expanded; numeric for indexed arrays, negative counts from the end). */
  setElement(name: string, key: string, value: string, append?: boolean): void;
  /** `name=(…)` / `name+=(…)` for indexed arrays; assoc arrays take [key]=value pairs. */
  setArray(name: string, values: string[], append?: boolean): void;
  setAssoc(name: string, entries: [string, string][], append?: boolean): void;
  /** Element `name[key]` (key expanded; arithmetic for indexed arrays is the caller's job). */
  getElement(name: string, key: string): string | undefined;
  /** All values (`${a[@]}`), in index order; a scalar yields [value]; unset yields []. */
  values(name: string): string[];
  /** All keys (`${!a[@]}`). */
  keys(name: string): string[];
  /** Follows namerefs unless raw (`unset -n`). Throws ShellError "x: cannot unset: readonly variable". */
  unset(name: string, opts?: { raw?: boolean }): boolean;
  unsetElement(name: string, key: string): boolean;
  /** Declares/changes attributes (declare -x, -r, -i, -a, -A, -n, -l, -u); `local` declares in the innermost scope (the current function's, or a temp scope). */
  declare(name: string, attrs: VarAttrs, opts?: {
    local?: boolean;
    /** `declare -g`: the global scope even inside a function. */
    global?: boolean;
    remove?: VarAttrs;
    /** Assigns as part of the declaration (after -i/-l/-u apply, before -r); with nameref sets the reference. */
    value?: string;
  }): ShellVar;
  /** Function call scopes for `local`; 'temp' scopes hold prefix assignments (`x=1 cmd`) and are not functions. */
  pushScope(kind?: 'function' | 'temp'): void;
  popScope(): void;
  /** True while inside a function (local is allowed). */
  inFunction(): boolean;
  /** Every visible variable name, sorted (for `set`, `declare -p`, `${!prefix*}`). */
  names(): string[];
  /** The environment passed to child processes: exported variables. */
  environ(): Record<string, string>;
  /** Deep copy for subshells (changes in the copy never reach the original). */
  clone(): Variables;
}

// ---- errors ----

/**
 * An error with a bash-style message (without the "bash: " / "script: line N: " prefix, which
 * the interpreter adds). `status` is the exit status; `fatal` makes a non-interactive shell exit
 * (e.g. `${x:?}`, unbound variable with set -u, readonly assignment in some contexts).
 */
export class ShellError extends Error {
  readonly status: number;
  readonly fatal: boolean;
  constructor(message: string, status = 1, fatal = false) {
    super(message);
    this.name = 'ShellError';
    this.status = status;
    this.fatal = fatal;
  }
}

/** Thrown by the parser; message is bash's text, e.g. "syntax error near unexpected token `fi'". */
export class ShellSyntaxError extends Error {
  readonly line: number;
  /** The source line, which bash echoes on a second message line for -c and scripts. */
  readonly sourceLine: string;
  constructor(message: string, line: number, sourceLine = '') {
    super(message);
    this.name = 'ShellSyntaxError';
    this.line = line;
    this.sourceLine = sourceLine;
  }
}

// ---- the interpreter as builtins and the expander see it ----

export interface Job {
  id: number;
  pgid: number;
  pids: number[];
  command: string;
  state: 'Running' | 'Stopped' | 'Done';
  status: number;
  notified: boolean;
}

export interface Shell {
  readonly proc: Proc;
  readonly vars: Variables;
  /** $1… */
  positional: string[];
  /** $0 */
  scriptName: string;
  /** $? */
  lastStatus: number;
  /** $! */
  lastBackgroundPid: number | null;
  /** PIPESTATUS of the last pipeline */
  pipeStatus: number[];
  readonly functions: Map<string, FunctionDef>;
  readonly aliases: Map<string, string>;
  /** `set -o` options by long name (errexit, nounset, xtrace, pipefail, noglob, noclobber, allexport, monitor, …). */
  readonly setOptions: Set<string>;
  /** `shopt` options that are on (extglob, nullglob, failglob, globstar, dotglob, nocaseglob, nocasematch, expand_aliases, lastpipe, …). */
  readonly shoptOptions: Set<string>;
  /** trap strings by signal name without SIG (INT, TERM, …) or EXIT, ERR, DEBUG, RETURN. */
  readonly traps: Map<string, string>;
  readonly jobs: Job[];
  /** pushd/popd stack (not including the cwd) */
  readonly dirStack: string[];
  /** Command hash table for `hash` */
  readonly hashTable: Map<string, string>;
  /** true for an interactive shell (prompts, job notifications, no exit on errors) */
  readonly interactive: boolean;
  /** Current line (LINENO) */
  lineno: number;
  /** Function call stack (FUNCNAME) */
  readonly funcStack: string[];

  /** Prints "bash: <msg>" (or "<script>: line N: <msg>") on stderr. */
  error(msg: string): Promise<void>;
  /** Writes to an fd of the shell's process (after redirections). */
  write(fd: number, text: string | Uint8Array): Promise<void>;
  /** Runs a parsed script in this shell (not a subshell); returns its status. */
  run(script: Script): Promise<number>;
  /** Parses and runs source text in this shell (eval, source, trap actions). */
  runString(source: string, name?: string): Promise<number>;
  /** Executes a single command (used by `command`, `builtin`, `exec`, `time`). */
  runCommand(cmd: Command): Promise<number>;
  /** Runs argv as a command: function, builtin or external, honoring `command`-style flags. */
  runArgv(argv: string[], opts?: { noFunctions?: boolean; builtinOnly?: boolean; exec?: boolean }): Promise<number>;
  /** $(…): runs body in a subshell and returns its stdout, not yet stripped of trailing newlines. */
  commandSubstitution(body: Script): Promise<string>;
  /** <(…) / >(…): starts body in a subshell on a pipe and returns the path (/dev/fd/N) naming the other end. */
  processSubstitution(body: Script, direction: '<' | '>'): Promise<string>;
  /** Evaluates arithmetic text (already expanded) with the shell's variables; 64-bit signed semantics. */
  arith(expr: string): bigint;
  /** Expands words into fields (brace, tilde, parameter, arithmetic, command subst, splitting, globbing). */
  expandWords(words: Word[]): Promise<string[]>;
  /** Expands one word without splitting or globbing (assignment values, redirection targets, case words). */
  expandWord(word: Word): Promise<string>;
  /** Ends the shell with status (runs the EXIT trap). */
  exit(status: number): never;
  /** Resolves a command name: 'alias' | 'keyword' | 'function' | 'builtin' | 'file' path, or null. */
  resolve(name: string): { kind: 'alias' | 'keyword' | 'function' | 'builtin' | 'file'; path?: string } | null;
  /** A subshell copy of this shell (separate variables, functions, options, traps reset as bash does). */
  fork(proc: Proc): Shell;
}

/** A builtin: runs inside the shell process with the shell's fds (redirections already applied). */
export type Builtin = (sh: Shell, args: string[]) => Promise<number>;
