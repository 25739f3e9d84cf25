// The VM facade: what the package exports. One VM = one kernel (process table, limits) over one
// copy-on-write filesystem. Every exec/spawn/pty is a process running the shell or a program.

import { Kernel } from './kernel.ts';
import { Vfs } from './vfs/vfs.ts';
import { resolveLimits, type Limits } from './limits.ts';
import { Collector } from './collector.ts';
import { Source } from './source.ts';
import { KernelError, kerr } from './errno.ts';
import { createPipe } from './pipe.ts';
import { defaultUserland } from './userland.ts';
import { VmFs } from './vmfs.ts';
import { Signal, type MountSpec, type OpenFile, type ProcInfo, type Program, type WaitStatus } from './types.ts';

export interface VMOptions {
  /** Extra environment for every process (merged over the VM's defaults). */
  env?: Record<string, string>;
  /** Working directory of exec/spawn/pty (default /home/user). */
  cwd?: string;
  /** Host directories to expose; nothing of the host is visible otherwise. */
  mounts?: MountSpec[];
  /** Overrides for kernel/limits.ts. */
  limits?: Partial<Limits>;
  hostname?: string;
  /** Files to create before the VM is handed out: path → contents. */
  files?: Record<string, string | Uint8Array>;
}

export interface ExecOptions {
  stdin?: string | Uint8Array;
  env?: Record<string, string>;
  cwd?: string;
  /** Aborting kills the process group (SIGKILL). */
  signal?: AbortSignal;
  /** Kills the process (SIGKILL) after this many ms; the result then has exitCode 137. */
  timeoutMs?: number;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Terminating signal number, if the process was killed. */
  signal?: number;
  /** True if output went past limits.outputBytes and was cut. */
  truncated?: boolean;
  /** True if timeoutMs ran out. */
  timedOut?: boolean;
}

export interface SpawnOpts {
  env?: Record<string, string>;
  cwd?: string;
  signal?: AbortSignal;
}

export interface VMProcess {
  readonly pid: number;
  readonly stdin: WritableStream<Uint8Array>;
  readonly stdout: ReadableStream<Uint8Array>;
  readonly stderr: ReadableStream<Uint8Array>;
  wait(): Promise<{ exitCode: number; signal?: number }>;
  kill(sig?: number | string): void;
}

export interface PtyOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  cwd?: string;
  /** Program argv to run on the terminal (default: an interactive login-like bash). */
  argv?: string[];
}

export interface VMPty {
  readonly pid: number;
  write(data: string | Uint8Array): void;
  /** Terminal output; returns a function that unsubscribes. */
  onData(listener: (data: Uint8Array) => void): () => void;
  resize(cols: number, rows: number): void;
  wait(): Promise<{ exitCode: number; signal?: number }>;
  kill(sig?: number | string): void;
  dispose(): void;
}

const encoder = new TextEncoder();
const noInput = new Uint8Array(0);

function signalNumber(sig: number | string | undefined): number {
  if (sig === undefined) return Signal.SIGTERM;
  if (typeof sig === 'number') return sig;
  const name = (sig.startsWith('SIG') ? sig : `SIG${sig}`) as keyof typeof Signal;
  const n = Signal[name];
  if (n === undefined) throw new TypeError(`unknown signal '${sig}': use a name like 'SIGTERM' or a number`);
  return n;
}

function result(st: WaitStatus): { exitCode: number; signal?: number } {
  return st.signal !== undefined ? { exitCode: st.status, signal: st.signal } : { exitCode: st.status };
}

export class VM {
  readonly kernel: Kernel;
  readonly fs: VmFs;
  readonly limits: Limits;
  #env: Record<string, string>;
  #cwd: string;
  #opts: VMOptions;
  #disposed = false;

  /** `from` (internal): the filesystem of the VM being forked. */
  constructor(opts: VMOptions = {}, from?: Vfs) {
    const userland = defaultUserland();
    this.#opts = opts;
    this.limits = resolveLimits(opts.limits);
    const vfs = from ?? new Vfs({ base: userland.base, limits: this.limits });
    if (!from) for (const m of opts.mounts ?? []) vfs.mountHost(m);
    this.kernel = new Kernel({ vfs, limits: this.limits, programs: userland.programs, hostname: opts.hostname });
    this.#cwd = opts.cwd ?? '/home/user';
    this.#env = {
      PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/home/user', USER: 'user', LOGNAME: 'user',
      SHELL: '/bin/bash', TERM: 'xterm-256color', LANG: 'C.UTF-8', ...opts.env,
    };
    this.fs = new VmFs(vfs, this.#cwd);
  }

  #check(): void {
    if (this.#disposed) throw new Error('this VM was disposed: create a new one with createVM()');
  }

  #procEnv(extra?: Record<string, string>, cwd?: string): Record<string, string> {
    const env = extra ? { ...this.#env, ...extra } : { ...this.#env };
    env.PWD = cwd ?? this.#cwd;
    return env;
  }

  /** Runs a shell script to completion and returns its output and status. */
  async exec(script: string, opts: ExecOptions = {}): Promise<ExecResult> {
    this.#check();
    if (typeof script !== 'string') throw new TypeError('vm.exec(script): script must be a string');
    const stdin = new Source(opts.stdin === undefined ? noInput : typeof opts.stdin === 'string' ? encoder.encode(opts.stdin) : opts.stdin);
    const out = new Collector(this.limits.outputBytes);
    const err = new Collector(this.limits.outputBytes);
    const cwd = opts.cwd ?? this.#cwd;
    const handle = this.kernel.spawnRoot({
      argv: ['bash', '-c', script], program: this.kernel.program('bash'),
      env: this.#procEnv(opts.env, cwd), cwd, stdio: [stdin, out, err],
    });
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    if (opts.timeoutMs !== undefined) {
      timer = setTimeout(() => { timedOut = true; handle.kill(Signal.SIGKILL); }, opts.timeoutMs);
    }
    if (opts.signal) {
      if (opts.signal.aborted) handle.kill(Signal.SIGKILL);
      else { onAbort = () => handle.kill(Signal.SIGKILL); opts.signal.addEventListener('abort', onAbort, { once: true }); }
    }
    try {
      const st = await handle.wait();
      const res: ExecResult = { stdout: out.text(), stderr: err.text(), exitCode: st.status };
      if (st.signal !== undefined) res.signal = st.signal;
      if (out.truncated || err.truncated) res.truncated = true;
      if (timedOut) res.timedOut = true;
      return res;
    } finally {
      if (timer) clearTimeout(timer);
      if (onAbort) opts.signal!.removeEventListener('abort', onAbort);
    }
  }

  /** Starts a command (argv array, or a script string run by bash -c) with streaming stdio. */
  spawn(command: string[] | string, opts: SpawnOpts = {}): VMProcess {
    this.#check();
    const argv = typeof command === 'string' ? ['bash', '-c', command] : command;
    if (!Array.isArray(argv) || argv.length === 0 || argv.some((a) => typeof a !== 'string')) {
      throw new TypeError('vm.spawn(command): command must be a script string or a non-empty array of strings');
    }
    const [inR, inW] = createPipe(this.limits);
    const [outR, outW] = createPipe(this.limits);
    const [errR, errW] = createPipe(this.limits);
    const cwd = opts.cwd ?? this.#cwd;
    const program: Program | undefined = typeof command === 'string' ? this.kernel.program('bash') : undefined;
    const handle = this.kernel.spawnRoot({ argv, program, env: this.#procEnv(opts.env, cwd), cwd, stdio: [inR, outW, errW] });
    // The child holds its own references now.
    inR.close(); outW.close(); errW.close();
    if (opts.signal) opts.signal.addEventListener('abort', () => handle.kill(Signal.SIGKILL), { once: true });
    const waited = handle.wait().then(result);
    return {
      pid: handle.pid,
      stdin: writableFrom(inW),
      stdout: readableFrom(outR),
      stderr: readableFrom(errR),
      wait: () => waited,
      kill: (sig) => handle.kill(signalNumber(sig)),
    };
  }

  /** An interactive shell (or argv) on a new pseudo-terminal. */
  pty(opts: PtyOptions = {}): VMPty {
    this.#check();
    const cols = opts.cols ?? 80;
    const rows = opts.rows ?? 24;
    const { master, slave, pty } = this.kernel.openPty({ cols, rows });
    const cwd = opts.cwd ?? this.#cwd;
    const argv = opts.argv ?? ['bash', '-i'];
    const handle = this.kernel.spawnRoot({
      argv, program: argv[0] === 'bash' ? this.kernel.program('bash') : undefined,
      env: this.#procEnv({ COLUMNS: String(cols), LINES: String(rows), ...opts.env }, cwd), cwd,
      stdio: [slave, slave, slave], ctty: pty, pgid: 0,
    });
    slave.close();
    const listeners = new Set<(d: Uint8Array) => void>();
    let open = true;
    (async () => {
      try {
        for (;;) {
          const chunk = await master.read(65536);
          if (chunk.length === 0) break;
          for (const l of listeners) l(chunk);
        }
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
      }
    })();
    const waited = handle.wait().then(result);
    return {
      pid: handle.pid,
      write: (data) => {
        if (!open) return;
        void master.write(typeof data === 'string' ? encoder.encode(data) : data);
      },
      onData: (l) => { listeners.add(l); return () => listeners.delete(l); },
      resize: (c, r) => { master.ioctl?.('TIOCSWINSZ', { cols: c, rows: r }); },
      wait: () => waited,
      kill: (sig) => handle.kill(signalNumber(sig)),
      dispose: () => { if (open) { open = false; handle.kill(Signal.SIGHUP); master.close(); } },
    };
  }

  /** The process list (what ps shows). */
  processes(): ProcInfo[] {
    this.#check();
    return this.kernel.processes();
  }

  /** Sends a signal (default SIGTERM) to one process; KernelError ESRCH if there is none. */
  kill(pid: number, sig?: number | string): void {
    this.#check();
    if (!Number.isInteger(pid) || this.kernel.table.get(pid) === undefined) throw kerr('ESRCH', 'kill');
    this.kernel.table.signalProcess(pid, signalNumber(sig));
  }

  /**
   * A copy-on-write twin of this VM's filesystem with the same options, env and cwd, and no
   * processes. Cheap: nothing is copied until one side writes.
   */
  fork(): VM {
    this.#check();
    const vfs = (this.kernel.vfs as Vfs).clone();
    const twin = new VM({ ...this.#opts, env: { ...this.#env }, cwd: this.#cwd }, vfs);
    return twin;
  }

  /** Kills every process and releases the VM. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.kernel.dispose();
  }

  async [Symbol.asyncDispose](): Promise<void> { await this.dispose(); }
}

function readableFrom(file: OpenFile): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await file.read(65536);
        if (chunk.length === 0) { file.close(); controller.close(); } else controller.enqueue(chunk.slice());
      } catch (e) {
        file.close();
        controller.error(e);
      }
    },
    cancel() { file.close(); },
  }, { highWaterMark: 0 });
}

function writableFrom(file: OpenFile): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>({
    async write(chunk) {
      let off = 0;
      while (off < chunk.length) off += await file.write(chunk.subarray(off));
    },
    close() { file.close(); },
    abort() { file.close(); },
  });
}

/** Creates a VM. Cheap: the base image is shared and per-VM state is created lazily. */
export async function createVM(opts: VMOptions = {}): Promise<VM> {
  const vm = new VM(opts);
  if (opts.files) {
    for (const [path, data] of Object.entries(opts.files)) await vm.fs.writeFile(path, data, { recursive: true });
  }
  return vm;
}
