// The kernel of one VM: process table, program registry, PTYs, over one VFS. Cheap to create:
// no timers, nothing allocated until a process or terminal needs it.
//
//   const kernel = new Kernel({ vfs, limits, programs });
//   const h = kernel.spawnRoot({ argv: ['bash', '-c', 'echo hi'], env, cwd: '/', stdio: [inp, out, err] });
//   const st = await h.wait();          // WaitStatus
//
// Root processes have no parent inside the VM: each is a session and process-group leader
// (unless `pgid` names an existing group) and is reaped as soon as it ends; wait() on the handle
// returns its status. spawnRoot takes its own references to the stdio descriptions (the
// caller closes its copies when it no longer needs them).

import { kerr } from './errno.ts';
import type { Limits } from './limits.ts';
import { argvBytes, loadProgram } from './proc/loader.ts';
import { Process, type ProcessKernel } from './proc/process.ts';
import { ProcTable } from './proc/proctable.ts';
import { Pty, type PtyMasterFile, type PtySlaveFile } from './tty/pty.ts';
import { O_RDWR, type KernelApi, type ShellCommandEvent, type OpenFile, type ProcInfo, type Program, type VfsApi, type WaitStatus } from './types.ts';

export interface KernelOptions {
  vfs: VfsApi;
  limits: Limits;
  /** Program registry (name -> Program); may be shared between kernels. A new Map if absent. */
  programs?: Map<string, Program>;
  hostname?: string;
  /** Wall clock: a function, or a fixed ms-since-epoch value. Default Date.now. */
  now?: number | (() => number);
}

export interface RootSpawnOptions {
  argv: string[];
  /** A program to run directly (closure); else `path` / argv[0] is resolved in the VFS (PATH search). */
  program?: Program;
  path?: string;
  env: Record<string, string>;
  /** Absolute working directory. */
  cwd: string;
  /** fds 0, 1, 2 (more entries become fds 3…; null leaves that fd closed). The process takes its own references. */
  stdio: (OpenFile | null | undefined)[];
  /** undefined or 0: the process leads a new session and group; > 0: join that existing group (and its session). */
  pgid?: number;
  /** Controlling terminal: the new session takes it over, with the process's group in the foreground. */
  ctty?: Pty;
  uid?: number;
  gid?: number;
  umask?: number;
  ignoreSignals?: number[];
}

export interface ProcessHandle {
  readonly pid: number;
  readonly proc: Process;
  /** Resolves when the process ends (code, or signal with status 128 + sig). */
  wait(): Promise<WaitStatus>;
  /** Sends sig to the process's group when it leads one (the usual case), else to the process. */
  kill(sig: number): void;
}

export interface OpenPtyResult {
  /** Host side: read() = terminal output, write() = keyboard input, ioctl('TIOCSWINSZ', {cols, rows}). */
  master: PtyMasterFile;
  /** Program side (/dev/pts/N): give it as stdio, with `ctty: pty`. */
  slave: PtySlaveFile;
  pty: Pty;
}

function normalizeAbs(path: string): string {
  if (!path.startsWith('/')) throw kerr('EINVAL', 'spawn', path, 'cwd must be an absolute path');
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

export class Kernel implements KernelApi, ProcessKernel {
  readonly vfs: VfsApi;
  readonly limits: Limits;
  readonly table = new ProcTable();
  hostname: string;
  commandObserver: ((ev: ShellCommandEvent) => void) | null = null;
  #programs: Map<string, Program>;
  #now: number | (() => number) | undefined;
  #ptys: (Pty | undefined)[] | null = null;
  #disposed = false;

  constructor(opts: KernelOptions) {
    this.vfs = opts.vfs;
    this.limits = opts.limits;
    this.#programs = opts.programs ?? new Map();
    this.hostname = opts.hostname ?? 'agentvm';
    this.#now = opts.now;
    this.vfs.setProcSource(this.table);
  }

  get disposed(): boolean { return this.#disposed; }

  now(): number {
    const n = this.#now;
    return n === undefined ? Date.now() : typeof n === 'number' ? n : n();
  }

  program(name: string): Program | undefined {
    return this.#programs.get(name);
  }

  /** Adds to the (possibly shared) registry and installs an executable /bin-style entry at each path. */
  registerProgram(program: Program, paths: string[] = []): void {
    this.#programs.set(program.name, program);
    for (const p of paths) this.vfs.installProgram(p, program.name);
  }

  processes(): ProcInfo[] {
    const out: ProcInfo[] = [];
    for (const p of this.table.all()) out.push(p.info());
    return out;
  }

  process(pid: number): Process | undefined {
    return this.table.get(pid);
  }

  spawnRoot(opts: RootSpawnOptions): ProcessHandle {
    if (this.#disposed) throw kerr('EIO', 'spawn', undefined, 'the kernel was disposed');
    const table = this.table;
    if (table.size >= this.limits.maxProcesses) throw kerr('EAGAIN', 'fork');
    const env = { ...opts.env };
    const argv = opts.argv.slice();
    if (argvBytes(argv, env) > this.limits.argvBytes) throw kerr('E2BIG', 'execve');
    const cwd = normalizeAbs(opts.cwd);
    let pgid = 0;
    let sid = 0;
    if (opts.pgid !== undefined && opts.pgid !== 0) {
      const s = table.groupSession(opts.pgid);
      if (s === undefined) throw kerr('EPERM', 'setpgid');
      pgid = opts.pgid;
      sid = s;
    }
    const pid = table.allocPid();
    if (!pgid) pgid = sid = pid;
    const proc = new Process({
      kernel: this, pid, parent: null, pgid, sid, argv, env, cwd,
      umask: opts.umask ?? 0o022, uid: opts.uid ?? 1000, gid: opts.gid ?? 1000, comm: '', ctty: null,
    });
    const loaded = loadProgram(this.vfs, (n) => this.program(n), proc, argv, opts.program, opts.path, env.PATH);
    proc.argv = loaded.argv;
    proc.comm = loaded.comm;
    if (opts.ignoreSignals) for (const s of opts.ignoreSignals) proc.setSignal(s, 'ignore');
    opts.stdio.forEach((f, fd) => {
      if (!f) return;
      f.ref();
      proc.install(f, fd);
    });
    if (opts.ctty) {
      const t = opts.ctty;
      if (t.hungup) throw kerr('EIO', 'open', t.path);
      proc.ctty = t;
      if (pid === sid) t.setSession(sid, pgid);
    }
    table.add(proc);
    proc.start(loaded.program, !opts.program);
    return {
      pid,
      proc,
      wait: () => proc.whenExited(),
      kill: (sig: number) => {
        if (proc.pgid === proc.pid) table.signalGroup(proc.pgid, sig);
        else proc.deliver(sig);
      },
    };
  }

  /** A new pseudo-terminal /dev/pts/N (lowest free N). */
  openPty(size: { cols?: number; rows?: number } = {}): OpenPtyResult {
    if (this.#disposed) throw kerr('EIO', 'open', '/dev/ptmx', 'the kernel was disposed');
    const ptys = (this.#ptys ??= []);
    let index = ptys.indexOf(undefined);
    if (index < 0) index = ptys.length;
    const pty = new Pty(index, this.table, this.limits.ptyBuffer, size, () => {
      if (ptys[index] === pty) ptys[index] = undefined;
    });
    ptys[index] = pty;
    return { master: pty.openMaster(), slave: pty.openSlave(O_RDWR), pty };
  }

  /** The terminal /dev/pts/N, if open. */
  pty(index: number): Pty | undefined {
    return this.#ptys?.[index];
  }

  /** Kills every process (SIGKILL) and hangs up every terminal. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const p of [...this.table.all()]) p.deliver(9);
    for (const t of this.#ptys ?? []) t?.hangup();
  }
}

export { ProcessExit } from './proc/exit.ts';
export { Process } from './proc/process.ts';
export type { Pty, PtyMasterFile, PtySlaveFile } from './tty/pty.ts';
