// The interpreter: one `Interp` per shell process (the shell itself, and every forked subshell).
// It owns the shell state (variables, functions, options, traps, jobs) and executes the AST.
// Command kinds live in exec-simple.ts, exec-compound.ts, exec-pipeline.ts; redirections in
// redirect.ts; the job table in jobs.ts; builtins that need these internals in builtins-core.ts.

import type { Proc } from '../types.ts';
import type { Command, FunctionDef, ListItem, Script, Word } from './ast.ts';
import { ShellError, ShellSyntaxError, type Job, type Shell, type Variables } from './contracts.ts';
import { KernelError, strerror } from '../errno.ts';
import { AbortCommand, ExitShell, ReturnFromFunction } from './control.ts';
import { defaultSetOptions, defaultShopts, dollarDash, shellopts } from './options.ts';
import { execSimple, lookupBuiltin, findInPath, callFunction, runArgv, runExternalExec } from './exec-simple.ts';
import { execCompound } from './exec-compound.ts';
import { execPipeline, execSubshell, startBackground, commandSubstitution, processSubstitution, forkState, type ForkState } from './exec-pipeline.ts';
import { Jobs } from './jobs.ts';
import { createVariables, syncFrames, variableHooks, type BashRandom } from './vars-init.ts';
import { ShellVariables } from './vars.ts';
import { expandWords, expandWord } from './expand.ts';
import { evalArith } from './arith.ts';
import { Parser, type ParseOptions } from './parser.ts';
import { runPendingTraps, runTrap, runExitTrap, setTrap } from './trap-run.ts';

const encoder = new TextEncoder();
/** Commands between two looks at the clock (fairness): cheap enough to do on every command. */
const TICK_COMMANDS = 32;
const yieldHost: () => Promise<void> = typeof setImmediate === 'function'
  ? () => new Promise((r) => setImmediate(r))
  : () => new Promise((r) => setTimeout(r, 0));
const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export interface InterpOptions {
  /** $0 */
  scriptName?: string;
  /** $1… */
  positional?: string[];
  interactive?: boolean;
  /** `set -o` names to turn on besides bash's defaults. */
  options?: Iterable<string>;
  /** shopt names to turn on besides bash's defaults. */
  shopts?: Iterable<string>;
  /** What messages name the input: '-c', a script path, or '' (stdin). */
  inputName?: string;
  /** Letters appended to $- (c for -c, s for stdin). */
  dashFlags?: string;
  /** A login shell (`bash -l`, argv[0] starting with '-'). */
  login?: boolean;
}

/** A function-call / source frame: FUNCNAME, BASH_SOURCE, BASH_LINENO. */
export interface Frame { func: string; source: string; callLine: number }

export class Interp implements Shell {
  readonly proc: Proc;
  vars: Variables;
  positional: string[];
  scriptName: string;
  lastStatus = 0;
  lastBackgroundPid: number | null = null;
  #pipeStatus: number[] = [0];
  readonly functions: Map<string, FunctionDef>;
  readonly aliases: Map<string, string>;
  readonly setOptions: Set<string>;
  readonly shoptOptions: Set<string>;
  readonly traps: Map<string, string>;
  readonly dirStack: string[];
  readonly hashTable: Map<string, string>;
  readonly interactive: boolean;
  lineno = 0;

  // ---- internal state shared with exec-*.ts and builtins-core.ts ----
  /** $$: the pid of the top-level shell (kept by subshells). */
  rootPid: number;
  /** BASH_SUBSHELL */
  subshell = 0;
  /** How many PS4 characters xtrace prints (command substitution / eval nesting). */
  xtraceLevel = 1;
  /** > 0 while -e is ignored (conditions, && || left sides, `!`). */
  errexitIgnore = 0;
  /** Enclosing loops (break/continue validity). */
  loopDepth = 0;
  /** Function / source / eval nesting (limits.shellDepth). */
  depth = 0;
  funcDepth = 0;
  /** Innermost last. frames[0] is "main". */
  frames: Frame[];
  /** Name of the input for syntax errors ('-c', file, 'eval', ''). */
  inputName: string;
  dashFlags: string;
  /** fds of <(…) / >(…) to close when the current command ends. */
  procSubFds: number[] = [];
  /** Signals caught but not yet handled by their traps. */
  pendingSignals: number[] = [];
  /** Nonzero while a trap action runs (no nested delivery of the same kind). */
  inTrap = 0;
  /** The simple command being run (BASH_COMMAND). */
  currentCommand: Command | null = null;
  /** Set while a subshell stage should exec its last external command instead of forking. */
  execLast = false;
  readonly jobControl: Jobs;
  /** Wakes a `wait` builtin when a trapped signal arrives. */
  signalWaiters: (() => void)[] = [];
  /** SECONDS counts from here (kernel clock ms), plus secondsBase after `SECONDS=n`. */
  startMs: number;
  secondsBase = 0;
  /** RANDOM's generator (seeded lazily; reseeded by RANDOM=n and in subshells). */
  random: BashRandom | undefined;
  readonly login: boolean;
  /** `source` nesting (return is allowed inside). */
  sourceDepth = 0;
  /** `exit` was refused once because of stopped jobs. */
  exitWarned = false;
  /** Builtins turned off with `enable -n`. */
  disabledBuiltins: Set<string> | undefined;
  /** Where each function was defined (BASH_SOURCE inside it). */
  functionSources: WeakMap<FunctionDef, string>;
  inNotFoundHandler = false;
  notFoundArgv: string[] = [];
  /** Status of the last command substitution of the current command (-1: none). */
  cmdSubStatus = -1;
  /** Set to make readLine give up on EINTR (interactive SIGINT). */
  interruptRead = false;
  /** Terminating signals caught only so that the EXIT trap runs before the shell dies of them. */
  exitCatches = new Set<number>();
  /** A subshell lists its parent's traps (`trap -p`) until it sets one itself, as bash does. */
  displayTraps: Map<string, string> | null = null;
  #ticks = 0;
  #sliceStart = now();
  #sliceMs: number;

  constructor(proc: Proc, opts: InterpOptions = {}, from?: ForkState) {
    this.proc = proc;
    this.#sliceMs = proc.kernel.limits.cpuSliceMs;
    if (from) {
      this.vars = from.vars;
      this.positional = from.positional;
      this.scriptName = from.scriptName;
      this.functions = from.functions;
      this.aliases = from.aliases;
      this.setOptions = from.setOptions;
      this.shoptOptions = from.shoptOptions;
      this.traps = from.traps;
      this.dirStack = from.dirStack;
      this.hashTable = from.hashTable;
      this.interactive = false;
      this.rootPid = from.rootPid;
      this.subshell = from.subshell + 1;
      this.xtraceLevel = from.xtraceLevel;
      this.errexitIgnore = from.errexitIgnore;
      this.depth = from.depth;
      this.funcDepth = from.funcDepth;
      this.frames = from.frames;
      this.inputName = from.inputName;
      this.dashFlags = from.dashFlags;
      this.lastStatus = from.lastStatus;
      this.lastBackgroundPid = from.lastBackgroundPid;
      this.#pipeStatus = from.pipeStatus;
      this.lineno = from.lineno;
      this.startMs = from.startMs;
      this.secondsBase = from.secondsBase;
      this.loopDepth = from.loopDepth;
      this.disabledBuiltins = from.disabledBuiltins;
      this.displayTraps = from.parentTraps;
      this.functionSources = from.functionSources;
      this.login = false;
      this.setOptions.delete('monitor');
      (this.vars as ShellVariables).setHooks(variableHooks(this));
    } else {
      this.positional = opts.positional ?? [];
      this.scriptName = opts.scriptName ?? 'bash';
      this.functions = new Map();
      this.aliases = new Map();
      this.interactive = opts.interactive ?? false;
      this.setOptions = new Set(defaultSetOptions);
      for (const o of opts.options ?? []) this.setOptions.add(o);
      this.shoptOptions = new Set(defaultShopts);
      if (this.interactive) this.shoptOptions.add('expand_aliases');
      for (const o of opts.shopts ?? []) this.shoptOptions.add(o);
      this.traps = new Map();
      this.dirStack = [];
      this.hashTable = new Map();
      this.rootPid = proc.pid;
      this.inputName = opts.inputName ?? '';
      this.dashFlags = opts.dashFlags ?? '';
      this.startMs = proc.kernel.now();
      this.login = opts.login ?? false;
      this.functionSources = new WeakMap();
      this.frames = [{ func: 'main', source: opts.inputName === '-c' || !opts.inputName ? '' : opts.inputName, callLine: 0 }];
      this.vars = createVariables(this);
    }
    this.jobControl = new Jobs(this);
    proc.onSignal = (sig) => {
      this.pendingSignals.push(sig);
      const w = this.signalWaiters;
      this.signalWaiters = [];
      for (const f of w) f();
    };
  }

  get jobs(): Job[] { return this.jobControl.list; }

  /** PIPESTATUS of the last pipeline (mirrored into the PIPESTATUS array variable). */
  get pipeStatus(): number[] { return this.#pipeStatus; }
  set pipeStatus(st: number[]) {
    const prev = this.#pipeStatus;
    this.#pipeStatus = st;
    if (st.length === 1 && prev.length === 1 && st[0] === prev[0]) return;
    try {
      this.vars.setArray('PIPESTATUS', st.map(String));
    } catch (e) {
      if (!(e instanceof ShellError)) throw e;
    }
  }

  /** FUNCNAME as bash shows it: innermost first, "main" last; empty outside functions. */
  get funcStack(): string[] {
    if (this.frames.length <= 1) return [];
    const out: string[] = [];
    for (let i = this.frames.length - 1; i >= 0; i--) out.push(this.frames[i]!.func);
    return out;
  }

  // ---- messages ----

  /** "name: line N: " (non-interactive) or "bash: " as bash's error_prolog prints it. */
  errorPrefix(withLine = true): string {
    if (this.interactive) return 'bash: ';
    const src = this.frames[this.frames.length - 1]!.source || this.scriptName;
    return withLine && this.lineno > 0 ? `${src}: line ${this.lineno}: ` : `${src}: `;
  }

  async error(msg: string): Promise<void> {
    await this.writeErr(`${this.errorPrefix()}${msg}\n`);
  }

  /** Writes to stderr, ignoring write errors (a closed stderr must not stop the shell). */
  async writeErr(text: string): Promise<void> {
    try {
      await this.proc.write(2, text);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
    }
  }

  /** Syntax errors: "bash: -c: line N: msg" then the offending line, as bash's parser_error. */
  async syntaxError(e: ShellSyntaxError, inputName = this.inputName): Promise<void> {
    const src = this.frames[this.frames.length - 1]!.source || this.scriptName;
    const name = this.interactive ? 'bash' : src;
    const iname = inputName && inputName !== name ? `${inputName}: ` : '';
    const where = this.interactive && !inputName ? `${name}: ` : `${name}: ${iname}line ${e.line}: `;
    // (a message may hold several lines: each gets the prefix, as bash prints two errors)
    let text = e.message.split('\n').map((m) => `${where}${m}\n`).join('');
    if (e.sourceLine !== '') text += `${where}\`${e.sourceLine}'\n`;
    await this.writeErr(text);
  }

  async write(fd: number, text: string | Uint8Array): Promise<void> {
    await this.proc.write(fd, typeof text === 'string' ? encoder.encode(text) : text);
  }

  /**
   * Reports an error thrown while running a command and returns its status: ShellError →
   * message; fatal ones end a non-interactive shell (AbortCommand in an interactive one);
   * KernelError → strerror. Anything else (control flow, process exit) is rethrown.
   */
  async reportError(e: unknown): Promise<number> {
    if (e instanceof ShellError) {
      if (e.message) await this.error(e.message);
      if (e.fatal) this.fatal(e);
      return e.status;
    }
    if (e instanceof ShellSyntaxError) {
      await this.syntaxError(e);
      return 2;
    }
    if (e instanceof KernelError) {
      await this.error(e.path !== undefined ? `${e.path}: ${strerror(e.errno)}` : strerror(e.errno));
      return 1;
    }
    throw e;
  }

  /** A fatal error (unbound variable, ${x:?}): a non-interactive shell exits. */
  fatal(e: ShellError): never {
    if (this.interactive) throw new AbortCommand(e.status);
    throw new ExitShell(e.status, true);
  }

  /**
   * An error while expanding a command's words, assignments or redirections. bash abandons the
   * rest of the current command line (eval/source/trap text, or the top-level line) with status 1;
   * fatal ones end a non-interactive shell. KernelErrors are reported and give their status.
   */
  async expansionFailed(e: unknown): Promise<number> {
    if (e instanceof ShellError) {
      if (e.message) await this.error(e.message);
      if (e.fatal) this.fatal(e);
      throw new AbortCommand(e.status);
    }
    return this.reportError(e);
  }

  // ---- running ----

  async run(script: Script): Promise<number> {
    return this.runItems(script.items);
  }

  async runItems(items: ListItem[]): Promise<number> {
    let st = this.lastStatus;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (this.setOptions.has('noexec') && !this.interactive) continue;
      if (this.jobControl.list.length !== 0) await this.jobControl.reapFinished();
      if (item.background) {
        await startBackground(this, item.command);
        st = 0;
        this.lastStatus = 0;
      } else {
        st = await this.execute(item.command);
      }
    }
    return st;
  }

  async runCommand(cmd: Command): Promise<number> {
    return this.execute(cmd);
  }

  /** Executes one command and sets $?. */
  async execute(cmd: Command): Promise<number> {
    if (this.pendingSignals.length !== 0 || ++this.#ticks >= TICK_COMMANDS) await this.checkpoint();
    const mark = this.procSubFds.length;
    let st: number;
    try {
      switch (cmd.type) {
        case 'Simple': st = await execSimple(this, cmd); break;
        case 'Pipeline': st = await execPipeline(this, cmd); break;
        case 'AndOr': {
          this.errexitIgnore++;
          try { st = await this.execute(cmd.left); } finally { this.errexitIgnore--; }
          if ((cmd.op === '&&') === (st === 0)) st = await this.execute(cmd.right);
          break;
        }
        case 'Subshell': st = await execSubshell(this, cmd); break;
        default: st = await execCompound(this, cmd);
      }
    } finally {
      if (this.procSubFds.length > mark) this.closeProcSubs(mark);
    }
    this.lastStatus = st;
    // traps run as soon as the command that was running when the signal came has finished
    if (this.pendingSignals.length !== 0 && this.inTrap === 0) {
      await this.runPendingTraps();
      this.lastStatus = st;
    }
    return st;
  }

  closeProcSubs(mark: number): void {
    const fds = this.procSubFds.splice(mark);
    for (const fd of fds) {
      try { this.proc.close(fd); } catch (e) { if (!(e instanceof KernelError)) throw e; }
    }
  }

  /** Between commands: run pending traps, give the host event loop a turn, stop if killed. */
  async checkpoint(): Promise<void> {
    this.#ticks = 0;
    if (this.proc.killed) this.proc.exit(137);
    const t = now();
    if (t - this.#sliceStart >= this.#sliceMs) {
      await yieldHost();
      this.#sliceStart = now();
    }
    if (this.pendingSignals.length !== 0 && this.inTrap === 0) await this.runPendingTraps();
  }

  /** A command in a checked context failed: ERR trap, then set -e. */
  async failed(status: number): Promise<void> {
    if (this.errexitIgnore > 0) return;
    if (this.traps.has('ERR') && (this.funcDepth === 0 || this.setOptions.has('errtrace'))) {
      await this.runTrap('ERR', status);
    }
    if (this.setOptions.has('errexit')) throw new ExitShell(status);
  }

  runPendingTraps(): Promise<void> { return runPendingTraps(this); }
  /** Runs a trap action; $? is preserved around it. */
  runTrap(key: string, status: number): Promise<void> { return runTrap(this, key, status); }
  /** Runs the EXIT trap once (at shell exit) and returns the final status. */
  runExitTrap(status: number): Promise<number> { return runExitTrap(this, status); }
  /** trap: records the action and sets the process's disposition for real signals. */
  setTrap(key: string, action: string | null): void { setTrap(this, key, action); }

  async runString(source: string, name?: string, opts: { trap?: boolean; startLine?: number } = {}): Promise<number> {
    if (this.depth >= this.proc.kernel.limits.shellDepth) {
      throw new ShellError(`${name ?? 'eval'}: maximum nesting level exceeded`, 1);
    }
    const parser = new Parser(source, this.parseOptions(opts.startLine));
    this.depth++;
    if (!opts.trap) this.xtraceLevel++;
    let st = 0;
    try {
      for (;;) {
        let items: ListItem[] | null;
        try {
          items = parser.next();
        } catch (e) {
          if (e instanceof ShellSyntaxError) {
            await this.syntaxError(e, name ?? (opts.trap ? '' : 'eval'));
            if (!this.interactive && this.setOptions.has('posix')) throw new ExitShell(2);
            return 2;
          }
          throw e;
        }
        if (items === null) break;
        if (this.setOptions.has('noexec')) continue;
        try {
          st = await this.runItems(items);
        } catch (e) {
          if (!(e instanceof AbortCommand)) throw e;
          this.lastStatus = st = e.status;
          break;
        }
      }
    } finally {
      this.depth--;
      if (!opts.trap) this.xtraceLevel--;
    }
    return st;
  }

  /** Parser options that consult the live alias table and shopts as each line is parsed. */
  parseOptions(startLine?: number): ParseOptions {
    const o: ParseOptions = {
      aliases: (w) => (this.shoptOptions.has('expand_aliases') ? this.aliases.get(w) : undefined),
      extglob: () => this.shoptOptions.has('extglob'),
      warn: (msg, line) => {
        const saved = this.lineno;
        this.lineno = line;
        void this.error(msg);
        this.lineno = saved;
      },
    };
    if (startLine !== undefined) o.startLine = startLine;
    return o;
  }

  async runArgv(argv: string[], opts: { noFunctions?: boolean; builtinOnly?: boolean; exec?: boolean } = {}): Promise<number> {
    return runArgv(this, argv, opts);
  }

  /** Calls a shell function with arguments (used by command_not_found_handle, complete -F…). */
  async callFunction(fn: FunctionDef, argv: string[]): Promise<number> {
    return callFunction(this, fn, argv);
  }

  commandSubstitution(body: Script): Promise<string> {
    return commandSubstitution(this, body);
  }

  processSubstitution(body: Script, direction: '<' | '>'): Promise<string> {
    return processSubstitution(this, body, direction);
  }

  arith(expr: string): bigint {
    return evalArith(expr, this.vars, { shell: this });
  }

  expandWords(words: Word[]): Promise<string[]> {
    return expandWords(this, words);
  }

  expandWord(word: Word): Promise<string> {
    return expandWord(this, word);
  }

  exit(status: number): never {
    throw new ExitShell(status & 255);
  }

  resolve(name: string): { kind: 'alias' | 'keyword' | 'function' | 'builtin' | 'file'; path?: string } | null {
    if (this.aliases.has(name) && this.shoptOptions.has('expand_aliases')) return { kind: 'alias' };
    if (keywords.has(name)) return { kind: 'keyword' };
    if (this.functions.has(name)) return { kind: 'function' };
    if (lookupBuiltin(this, name)) return { kind: 'builtin' };
    const path = findInPath(this, name);
    return path === null ? null : { kind: 'file', path };
  }

  fork(proc: Proc): Shell {
    return new Interp(proc, {}, forkState(this));
  }

  /** BASH_SOURCE recorded for a function defined now ("environment" for -c, as bash 5.2). */
  definitionSource(): string {
    const top = this.frames[this.frames.length - 1]!;
    if (top.source !== '') return top.source;
    return this.inputName === '-c' ? 'environment' : '';
  }

  /** Pushes / pops a call frame and mirrors it into FUNCNAME, BASH_SOURCE, BASH_LINENO. */
  pushFrame(f: Frame): void {
    this.frames.push(f);
    syncFrames(this);
  }

  popFrame(): void {
    this.frames.pop();
    syncFrames(this);
  }

  /** `source file args`: runs text in this shell with its own positional parameters if given. */
  async sourceText(text: string, file: string, args: string[]): Promise<number> {
    const savedPos = this.positional;
    if (args.length) this.positional = args;
    this.pushFrame({ func: 'source', source: file, callLine: this.lineno });
    this.sourceDepth++;
    const savedLine = this.lineno;
    try {
      return await this.runString(text, file, { trap: true });
    } catch (e) {
      if (e instanceof ReturnFromFunction) return e.status;
      throw e;
    } finally {
      this.sourceDepth--;
      this.popFrame();
      this.lineno = savedLine;
      if (args.length) this.positional = savedPos;
    }
  }

  /** Runs a file that is not a binary (ENOEXEC) as a shell script in a fresh shell process. */
  async runScriptFile(path: string, argv: string[], env: Record<string, string>, replace: boolean): Promise<number> {
    const { shProgram } = await import('./sh.ts');
    const opts = { argv: ['bash', path, ...argv.slice(1)], program: shProgram, env };
    if (replace) return this.proc.exec(opts);
    const pid = this.jobControl.spawnForeground(opts);
    return this.jobControl.waitForeground([pid], argv.join(' '));
  }

  /** `exec cmd`: replaces this shell's process. */
  async execArgv(argv: string[], shown: string[], env: Record<string, string>): Promise<number> {
    return runExternalExec(this, argv, shown, env);
  }

  /** `set -o posix` switches a few behaviours that are read elsewhere from setOptions. */
  posixChanged(on: boolean): void {
    if (on) this.vars.set('POSIXLY_CORRECT', 'y');
    else if (this.vars.get('POSIXLY_CORRECT') !== undefined) this.vars.unset('POSIXLY_CORRECT');
  }

  get ppid(): number { return this.proc.ppid; }

  // ---- shell-wide derived values ----

  /** $- */
  get flags(): string {
    return dollarDash(this.setOptions, this.interactive, this.dashFlags);
  }

  get shellopts(): string {
    return shellopts(this.setOptions);
  }
}

const keywords = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done',
  'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc',
]);

export function isKeyword(name: string): boolean { return keywords.has(name); }
