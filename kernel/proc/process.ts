// A process: identity, environment, fd table, signal dispositions, and every syscall a program
// makes (implements Proc). One process model for every kind of program: shell subshells
// (closure programs), JS utilities, later WASM modules, isolates and host tools.
//
// Lifecycle: spawn() creates the child and starts `program.run(child)` in a microtask. When it
// resolves the process exits with that code; proc.exit() / exec() / a terminating signal end it
// earlier. Ending closes every fd (pipes see EOF/EPIPE), aborts proc.signal and every blocked
// call, and leaves a zombie until the parent waits (orphans and roots are reaped at once). A
// killed process's JS may still be suspended in some await: its next syscall throws
// ProcessExit, so it stops there.

import { overSlice, schedule, yieldToHost } from '../sched.ts';
import { KernelError, Errno, kerr } from '../errno.ts';
import { createPipe } from '../pipe.ts';
import {
  O_ACCMODE, O_CLOEXEC, O_NOCTTY, O_RDONLY, O_WRONLY, S_IFDIR, S_IFMT, Signal,
  type Dirent, type KernelApi, type OpenFile, type Proc, type ProcInfo, type Program,
  type SignalDisposition, type SpawnOptions, type Stat, type VfsApi, type WaitStatus,
} from '../types.ts';
import { PtySlaveFile, type Pty } from '../tty/pty.ts';
import { ProcessExit } from './exit.ts';
import { FdTable } from './fdtable.ts';
import { argvBytes, loadProgram, whichPath } from './loader.ts';
import type { ProcTable } from './proctable.ts';
import { SignalDispositions, checkSignal, defaultAction } from './signal.ts';
import { WaitQueue } from './waitqueue.ts';

const encoder = new TextEncoder();
const X_OK = 1;

/** UTF-8 encoding; short ASCII strings (most writes) skip TextEncoder's native call. */
function encodeString(s: string): Uint8Array {
  const n = s.length;
  if (n <= 64) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return encoder.encode(s);
      out[i] = c;
    }
    return out;
  }
  return encoder.encode(s);
}

/** What a process needs from its kernel (the Kernel class implements it). */
export interface ProcessKernel extends KernelApi {
  readonly vfs: VfsApi;
  readonly table: ProcTable;
}

export interface ProcessInit {
  kernel: ProcessKernel;
  pid: number;
  parent: Process | null;
  pgid: number;
  sid: number;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  umask: number;
  uid: number;
  gid: number;
  comm: string;
  ctty: Pty | null;
}

/** Reason object used to interrupt blocked calls for a caught signal (mapped to EINTR). */
const INTERRUPT = Symbol('EINTR');

function normalizePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const seg of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

export class Process implements Proc {
  readonly pid: number;
  pgid: number;
  sid: number;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  umask: number;
  uid: number;
  gid: number;
  /** Process name (/proc/<pid>/status Name, ps): basename of the executed file. */
  comm: string;
  /** Controlling terminal (inherited; valid while its session is ours). */
  ctty: Pty | null;
  onSignal: ((sig: number) => void) | null = null;
  readonly startMs: number;
  readonly kernel: ProcessKernel;

  #parent: Process | null;
  #ppid: number;
  #children: Set<Process> | null = null;
  #fds: FdTable;
  #disp = new SignalDispositions();
  #exit: WaitStatus | null = null;
  #stopSig = 0;
  #stopReported = true;
  #sleeping = 0;
  #execed = false;
  #started = false;
  #ac: AbortController | null = null;
  #intr: AbortController | null = null;
  #childQ: WaitQueue | null = null;
  #contQ: WaitQueue | null = null;
  #exitResolvers: ((st: WaitStatus) => void)[] | null = null;

  constructor(init: ProcessInit) {
    this.kernel = init.kernel;
    this.pid = init.pid;
    this.#parent = init.parent;
    this.#ppid = init.parent?.pid ?? 0;
    this.pgid = init.pgid;
    this.sid = init.sid;
    this.argv = init.argv;
    this.env = init.env;
    this.cwd = init.cwd;
    this.umask = init.umask;
    this.uid = init.uid;
    this.gid = init.gid;
    this.comm = init.comm;
    this.ctty = init.ctty;
    this.startMs = init.kernel.now();
    this.#fds = new FdTable(init.kernel.limits.maxOpenFiles);
  }

  // ---- identity and state ----

  get ppid(): number { return this.#ppid; }
  get parent(): Process | null { return this.#parent; }
  get killed(): boolean { return this.#exit !== null; }
  /** True once the process ended (zombie or reaped). */
  get exited(): boolean { return this.#exit !== null; }
  get stopped(): boolean { return this.#stopSig !== 0; }
  get exitStatus(): WaitStatus | null { return this.#exit; }

  get signal(): AbortSignal {
    if (!this.#ac) {
      this.#ac = new AbortController();
      if (this.#exit) this.#ac.abort(new ProcessExit(this.#exit.status));
    }
    return this.#ac.signal;
  }

  get state(): ProcInfo['state'] {
    return this.#exit ? 'Z' : this.#stopSig ? 'T' : this.#sleeping > 0 ? 'S' : 'R';
  }

  info(): ProcInfo {
    return {
      pid: this.pid, ppid: this.#ppid, pgid: this.pgid, sid: this.sid, argv: this.argv.slice(),
      cwd: this.cwd, state: this.state, startMs: this.startMs,
    };
  }

  signalMasks(): { ignored: string; caught: string } { return this.#disp.masks(); }

  /** Resolves with the exit status when the process ends (the VM facade's handle.wait()). */
  whenExited(): Promise<WaitStatus> {
    if (this.#exit) return Promise.resolve(this.#exit);
    return new Promise((resolve) => (this.#exitResolvers ??= []).push(resolve));
  }

  /** Throws ProcessExit once the process ended: every syscall starts with it. */
  #live(): void {
    if (this.#exit) throw new ProcessExit(this.#exit.status);
  }

  #intrSignal(): AbortSignal {
    return (this.#intr ??= new AbortController()).signal;
  }

  #interrupt(reason: unknown): void {
    const c = this.#intr;
    if (!c) return;
    this.#intr = null;
    c.abort(reason);
  }

  /** Awaits a blocking operation: marks the process sleeping, maps interruptions to EINTR. */
  async #block<T>(p: Promise<T>, syscall: string): Promise<T> {
    this.#sleeping++;
    try {
      return await p;
    } catch (e) {
      if (e === INTERRUPT) {
        this.#live();
        throw kerr('EINTR', syscall);
      }
      throw e;
    } finally {
      this.#sleeping--;
    }
  }

  /** While stopped, async syscalls wait here for SIGCONT (or death). */
  async #waitCont(): Promise<void> {
    while (this.#stopSig !== 0) {
      this.#live();
      await (this.#contQ ??= new WaitQueue()).wait(this.signal);
    }
    this.#live();
  }

  // ---- starting and ending ----

  /** Kernel-internal: runs `program` in this process (in a microtask). Called once. */
  start(program: Program, execed: boolean): void {
    if (this.#started) throw new Error('process already started');
    this.#started = true;
    schedule(() => {
      if (this.#exit) return;
      if (execed) this.#execed = true;
      void this.#main(program);
    }, this.kernel.limits.cpuSliceMs);
  }

  async #main(program: Program): Promise<void> {
    const code = await this.#runProgram(program);
    if (code !== null) this.#finish(code, 0);
  }

  /** Runs a program to completion; returns its exit code, or null if the process already ended. */
  async #runProgram(program: Program): Promise<number | null> {
    try {
      const c: unknown = await program.run(this);
      if (this.#exit) return null;
      return typeof c === 'number' && Number.isFinite(c) ? c & 255 : c == null ? 0 : 1;
    } catch (e) {
      if (this.#exit) return null;
      if (e instanceof ProcessExit) return e.status & 255;
      const msg = e instanceof Error ? e.message : String(e);
      try {
        const f = this.#fds.has(2) ? this.#fds.get(2) : null;
        if (f) await f.write(encoder.encode(`${program.name}: internal error: ${msg}\n`), this.#intrSignal());
      } catch { /* stderr is gone: nothing more to do */ }
      return this.#exit ? null : 1;
    }
  }

  /** Ends the process: exit code (signal 0) or terminating signal. Idempotent. */
  #finish(code: number, sig: number): void {
    if (this.#exit) return;
    const st: WaitStatus = sig ? { pid: this.pid, signal: sig, status: 128 + sig } : { pid: this.pid, code, status: code };
    this.#exit = st;
    this.#stopSig = 0;
    const reason = new ProcessExit(st.status);
    this.#interrupt(reason);
    this.#ac?.abort(reason);
    this.#contQ?.wakeAll();
    this.#childQ?.wakeAll();
    this.#fds.closeAll();
    const table = this.kernel.table;
    if (this.#children) {
      for (const c of this.#children) {
        c.#parent = null;
        c.#ppid = 0;
        if (c.#exit) table.remove(c.pid);
      }
      this.#children = null;
    }
    const tty = this.ctty;
    if (tty && this.pid === this.sid && tty.sid === this.sid) tty.sessionLeaderExited();
    const parent = this.#parent;
    if (parent && !parent.#exit) {
      if (parent.#disp.get(Signal.SIGCHLD) === 'ignore') {
        parent.#children?.delete(this);
        table.remove(this.pid);
      }
      parent.#childQ?.wakeAll();
      parent.deliver(Signal.SIGCHLD);
    } else {
      table.remove(this.pid);
    }
    const resolvers = this.#exitResolvers;
    this.#exitResolvers = null;
    if (resolvers) for (const r of resolvers) r(st);
  }

  exit(code: number): never {
    if (!this.#exit) this.#finish((Number(code) | 0) & 255, 0);
    throw new ProcessExit(this.#exit!.status);
  }

  // ---- signals ----

  /**
   * Delivers a signal (kernel-internal entry point: kill(), the terminal, the VM facade).
   * Default actions run at once: terminate, stop, continue, ignore.
   */
  deliver(sig: number): void {
    if (this.#exit || sig === 0) return;
    if (sig === Signal.SIGKILL) return this.#finish(0, sig);
    if (sig === Signal.SIGSTOP) return this.#stop(sig);
    if (sig === Signal.SIGCONT) this.#continue();
    const disp = this.#disp.get(sig);
    if (disp === 'ignore') return;
    if (disp === 'catch' && this.onSignal) {
      try {
        this.onSignal(sig);
      } catch (e) {
        // never throw into the sender (another process, the terminal, the host)
        if (!(e instanceof ProcessExit) && !this.#exit) {
          const msg = e instanceof Error ? e.message : String(e);
          this.write(2, `${this.comm}: internal error in signal handler: ${msg}\n`).catch(() => {});
        }
      }
      // Blocked calls fail with EINTR after the handler (no SA_RESTART) — except for SIGCHLD,
      // which restarts them (as bash installs it), so a job-notification handler never breaks
      // the wait for a foreground job.
      if (!this.#exit && sig !== Signal.SIGCHLD) this.#interrupt(INTERRUPT);
      return;
    }
    switch (defaultAction(sig)) {
      case 'term': case 'core': return this.#finish(0, sig);
      case 'stop':
        if (sig !== Signal.SIGSTOP && this.kernel.table.isOrphanedGroup(this.pgid)) return;
        return this.#stop(sig);
      default: return;
    }
  }

  #stop(sig: number): void {
    if (this.#exit || this.#stopSig) return;
    this.#stopSig = sig;
    this.#stopReported = false;
    const parent = this.#parent;
    if (parent && !parent.#exit) {
      parent.#childQ?.wakeAll();
      parent.deliver(Signal.SIGCHLD);
    }
  }

  #continue(): void {
    if (!this.#stopSig) return;
    this.#stopSig = 0;
    this.#stopReported = true;
    this.#contQ?.wakeAll();
  }

  setSignal(sig: number, disposition: SignalDisposition): void {
    this.#live();
    this.#disp.set(sig, disposition);
  }

  getSignal(sig: number): SignalDisposition {
    if (!Number.isInteger(sig) || sig < 1 || sig > 64) throw kerr('EINVAL', 'sigaction');
    return this.#disp.get(sig);
  }

  kill(pid: number, sig: number): void {
    this.#live();
    checkSignal(sig, 'kill');
    if (!Number.isInteger(pid)) throw kerr('EINVAL', 'kill');
    const table = this.kernel.table;
    let targets: Process[];
    if (pid > 0) {
      const t = table.get(pid);
      targets = t ? [t] : [];
    } else if (pid === 0) {
      targets = table.group(this.pgid);
    } else if (pid === -1) {
      targets = [...table.all()].filter((p) => p !== this && p.pid !== 1);
    } else {
      targets = table.group(-pid);
    }
    if (targets.length === 0) throw kerr('ESRCH', 'kill');
    const allowed = targets.filter((t) => this.uid === 0 || t.uid === this.uid);
    if (allowed.length === 0) throw kerr('EPERM', 'kill');
    if (sig !== 0) for (const t of allowed) t.deliver(sig);
    // A signal to ourselves that ended us takes effect before kill() returns (as on Linux).
    this.#live();
  }

  // ---- fds ----

  async read(fd: number, max = 65536): Promise<Uint8Array> {
    this.#live();
    if (overSlice(this.kernel.limits.cpuSliceMs)) { await yieldToHost(); this.#live(); }
    if (this.#stopSig) await this.#waitCont();
    const f = this.#fds.get(fd, 'read');
    if ((f.flags & O_ACCMODE) === O_WRONLY) throw kerr('EBADF', 'read');
    if (!Number.isInteger(max) || max < 0) throw kerr('EINVAL', 'read');
    if (f instanceof PtySlaveFile) await this.#ttyReadCheck(f);
    const r = f.read(max, this.#intrSignal());
    const data = r instanceof Uint8Array ? r : await this.#block(r, 'read');
    this.#live();
    if (this.#stopSig) await this.#waitCont();
    return data;
  }

  /** Job control: a background process reading its controlling terminal gets SIGTTIN. */
  async #ttyReadCheck(f: PtySlaveFile): Promise<void> {
    for (;;) {
      const pty = f.pty;
      if (pty !== this.ctty || pty.sid !== this.sid || pty.fg === 0 || pty.fg === this.pgid) return;
      if (this.#disp.get(Signal.SIGTTIN) === 'ignore' || this.kernel.table.isOrphanedGroup(this.pgid)) {
        throw kerr('EIO', 'read');
      }
      this.kernel.table.signalGroup(this.pgid, Signal.SIGTTIN);
      this.#live();
      if (!this.#stopSig) throw kerr('EINTR', 'read'); // caught: the handler ran
      await this.#waitCont();
    }
  }

  async write(fd: number, data: Uint8Array | string): Promise<void> {
    this.#live();
    if (overSlice(this.kernel.limits.cpuSliceMs)) { await yieldToHost(); this.#live(); }
    if (this.#stopSig) await this.#waitCont();
    const f = this.#fds.get(fd, 'write');
    if ((f.flags & O_ACCMODE) === O_RDONLY) throw kerr('EBADF', 'write');
    const buf = typeof data === 'string' ? encodeString(data) : data;
    const n = buf.length;
    let off = 0;
    while (off < n) {
      let k: number;
      try {
        const r = f.write(off === 0 ? buf : buf.subarray(off), this.#intrSignal());
        k = typeof r === 'number' ? r : await this.#block(r, 'write');
      } catch (e) {
        if (e instanceof KernelError && e.errno === Errno.EPIPE) {
          this.deliver(Signal.SIGPIPE);
          this.#live();
        }
        throw e;
      }
      this.#live();
      if (!(k > 0)) throw kerr('EIO', 'write');
      off += k;
      if (this.#stopSig && off < n) await this.#waitCont();
    }
  }

  open(path: string, flags: number, mode = 0o666): number {
    this.#live();
    if (this.#fds.count >= this.#fds.max) throw kerr('EMFILE', 'open', path);
    const f = this.kernel.vfs.open(this, path, flags, mode);
    if (f instanceof PtySlaveFile && !(flags & O_NOCTTY) && this.pid === this.sid && !this.ctty && f.pty.sid === 0) {
      f.pty.setSession(this.sid, this.pgid);
      this.ctty = f.pty;
    }
    return this.install(f, 0, (flags & O_CLOEXEC) !== 0);
  }

  close(fd: number): void {
    this.#live();
    this.#fds.close(fd);
  }

  dup(fd: number, minFd = 0): number {
    this.#live();
    const f = this.#fds.get(fd, 'dup');
    const nfd = this.#fds.lowestFree(minFd, 'dup');
    f.ref();
    this.#fds.installAt(nfd, f);
    return nfd;
  }

  dup2(from: number, to: number): number {
    this.#live();
    const f = this.#fds.get(from, 'dup2');
    if (!Number.isInteger(to) || to < 0 || to >= this.#fds.max) throw kerr('EBADF', 'dup2');
    if (from === to) return to;
    f.ref();
    this.#fds.installAt(to, f);
    return to;
  }

  pipe(): [number, number] {
    this.#live();
    if (this.#fds.count + 2 > this.#fds.max) throw kerr('EMFILE', 'pipe');
    const [r, w] = createPipe(this.kernel.limits, this);
    return [this.#fds.install(r, 0, false, 'pipe'), this.#fds.install(w, 0, false, 'pipe')];
  }

  seek(fd: number, offset: number, whence: number): number {
    this.#live();
    return this.#fds.get(fd, 'lseek').seek(offset, whence);
  }

  fstat(fd: number): Stat {
    this.#live();
    return this.#fds.get(fd, 'fstat').stat();
  }

  isatty(fd: number): boolean {
    this.#live();
    return this.#fds.has(fd) && this.#fds.get(fd).isatty();
  }

  file(fd: number): OpenFile {
    this.#live();
    return this.#fds.get(fd);
  }

  install(file: OpenFile, minFd = 0, cloexec = false): number {
    try {
      this.#live();
      return this.#fds.install(file, minFd, cloexec);
    } catch (e) {
      file.close();
      throw e;
    }
  }

  setCloexec(fd: number, on: boolean): void {
    this.#live();
    this.#fds.setCloexec(fd, on);
  }

  isCloexec(fd: number): boolean {
    this.#live();
    return this.#fds.isCloexec(fd);
  }

  fds(): number[] {
    this.#live();
    return this.#fds.fds();
  }

  /** [fd, description] pairs without the liveness check (for /proc; empty once exited). */
  openFiles(): [number, OpenFile][] {
    return this.#fds.entries();
  }

  // ---- PathContext hooks (the process is its own PathContext for the VFS) ----

  openTty(flags: number): OpenFile {
    const t = this.ctty;
    if (!t || t.sid !== this.sid) throw kerr('ENXIO', 'open', '/dev/tty');
    return t.openSlave(flags);
  }

  openFd(fd: number): OpenFile {
    this.#live();
    const f = this.#fds.get(fd, 'open');
    f.ref();
    return f;
  }

  // ---- filesystem ----

  stat(path: string): Stat { this.#live(); return this.kernel.vfs.stat(this, path); }
  lstat(path: string): Stat { this.#live(); return this.kernel.vfs.lstat(this, path); }
  access(path: string, mode: number): boolean { this.#live(); return this.kernel.vfs.access(this, path, mode); }
  readdir(path: string): Dirent[] { this.#live(); return this.kernel.vfs.readdir(this, path); }
  mkdir(path: string, mode = 0o777): void { this.#live(); this.kernel.vfs.mkdir(this, path, mode); }
  rmdir(path: string): void { this.#live(); this.kernel.vfs.rmdir(this, path); }
  unlink(path: string): void { this.#live(); this.kernel.vfs.unlink(this, path); }
  rename(from: string, to: string): void { this.#live(); this.kernel.vfs.rename(this, from, to); }
  link(existing: string, newPath: string): void { this.#live(); this.kernel.vfs.link(this, existing, newPath); }
  symlink(target: string, linkPath: string): void { this.#live(); this.kernel.vfs.symlink(this, target, linkPath); }
  readlink(path: string): string { this.#live(); return this.kernel.vfs.readlink(this, path); }
  realpath(path: string): string { this.#live(); return this.kernel.vfs.realpath(this, path); }
  chmod(path: string, mode: number): void { this.#live(); this.kernel.vfs.chmod(this, path, mode); }
  chown(path: string, uid: number, gid: number): void { this.#live(); this.kernel.vfs.chown(this, path, uid, gid); }
  utimes(path: string, a: number, m: number): void { this.#live(); this.kernel.vfs.utimes(this, path, a, m); }
  truncate(path: string, len: number): void { this.#live(); this.kernel.vfs.truncate(this, path, len); }
  readFile(path: string): Uint8Array { this.#live(); return this.kernel.vfs.readFile(this, path); }

  writeFile(path: string, data: Uint8Array | string, mode = 0o666): void {
    this.#live();
    this.kernel.vfs.writeFile(this, path, typeof data === 'string' ? encoder.encode(data) : data, mode);
  }

  chdir(path: string): void {
    this.#live();
    const vfs = this.kernel.vfs;
    const st = vfs.stat(this, path);
    if ((st.mode & S_IFMT) !== S_IFDIR) throw kerr('ENOTDIR', 'chdir', path);
    if (!vfs.access(this, path, X_OK)) throw kerr('EACCES', 'chdir', path);
    this.cwd = vfs.realpath(this, path);
  }

  which(name: string): string | null {
    this.#live();
    return whichPath(this.kernel.vfs, this, name, this.env.PATH);
  }

  // ---- processes ----

  spawn(opts: SpawnOptions): number {
    this.#live();
    const kernel = this.kernel;
    const table = kernel.table;
    if (!opts || !Array.isArray(opts.argv)) throw kerr('EINVAL', 'spawn', undefined, 'argv must be an array');
    if (table.size >= kernel.limits.maxProcesses) throw kerr('EAGAIN', 'fork');
    const env = opts.env ? { ...opts.env } : { ...this.env };
    const argv = opts.argv.slice();
    if (argvBytes(argv, env) > kernel.limits.argvBytes) throw kerr('E2BIG', 'execve');
    let cwd = this.cwd;
    if (opts.cwd !== undefined && opts.cwd !== this.cwd) {
      cwd = normalizePath(this.cwd, opts.cwd);
      const st = kernel.vfs.stat(this, cwd);
      if ((st.mode & S_IFMT) !== S_IFDIR) throw kerr('ENOTDIR', 'chdir', opts.cwd);
    }
    const loaded = loadProgram(kernel.vfs, (n) => kernel.program(n), cwd === this.cwd ? this : { ...this.#ctx(), cwd },
      argv, opts.program, opts.path, env.PATH);
    // which parent fds the child gets
    const inherit: [number, OpenFile][] = [];
    if (opts.fds === undefined) {
      for (const [fd, f] of this.#fds.entries()) if (!this.#fds.isCloexec(fd)) inherit.push([fd, f]);
    } else {
      const pairs: Iterable<[number, number]> = Array.isArray(opts.fds) ? opts.fds.entries() : opts.fds;
      for (const [childFd, parentFd] of pairs) {
        if (parentFd === undefined || parentFd === null || parentFd < 0) continue; // hole / -1: not inherited
        if (!Number.isInteger(childFd) || childFd < 0 || childFd >= this.#fds.max) throw kerr('EBADF', 'spawn');
        inherit.push([childFd, this.#fds.get(parentFd, 'spawn')]);
      }
    }
    const pid = table.allocPid();
    let pgid = this.pgid;
    let sid = this.sid;
    let ctty = this.ctty;
    if (opts.newSession) {
      pgid = sid = pid;
      ctty = null;
    } else if (opts.pgid === 0) {
      pgid = pid;
    } else if (opts.pgid !== undefined) {
      if (!Number.isInteger(opts.pgid) || opts.pgid < 0) throw kerr('EINVAL', 'setpgid');
      if (table.groupSession(opts.pgid) !== this.sid) throw kerr('EPERM', 'setpgid');
      pgid = opts.pgid;
    }
    const child = new Process({
      kernel, pid, parent: this, pgid, sid, argv: loaded.argv, env, cwd, umask: this.umask,
      uid: this.uid, gid: this.gid, comm: opts.program ? this.comm : loaded.comm, ctty,
    });
    child.#disp.copyFrom(this.#disp);
    child.#disp.resetCaught();
    if (opts.ignoreSignals) for (const s of opts.ignoreSignals) child.#disp.set(s, 'ignore');
    for (const [fd, f] of inherit) {
      f.ref();
      child.#fds.installAt(fd, f);
    }
    table.add(child);
    (this.#children ??= new Set()).add(child);
    child.start(loaded.program, !opts.program);
    return pid;
  }

  #ctx(): { cwd: string; uid: number; gid: number; umask: number; pid: number } {
    return { cwd: this.cwd, uid: this.uid, gid: this.gid, umask: this.umask, pid: this.pid };
  }

  async exec(opts: SpawnOptions): Promise<never> {
    this.#live();
    if (this.#stopSig) await this.#waitCont();
    const kernel = this.kernel;
    if (!opts || !Array.isArray(opts.argv)) throw kerr('EINVAL', 'execve', undefined, 'argv must be an array');
    const env = opts.env ? { ...opts.env } : this.env;
    if (argvBytes(opts.argv, env) > kernel.limits.argvBytes) throw kerr('E2BIG', 'execve');
    let cwd = this.cwd;
    if (opts.cwd !== undefined && opts.cwd !== this.cwd) {
      const vfs = kernel.vfs;
      const target = normalizePath(this.cwd, opts.cwd);
      if ((vfs.stat(this, target).mode & S_IFMT) !== S_IFDIR) throw kerr('ENOTDIR', 'chdir', opts.cwd);
      if (!vfs.access(this, target, X_OK)) throw kerr('EACCES', 'chdir', opts.cwd);
      cwd = vfs.realpath(this, target);
    }
    const ctx = cwd === this.cwd ? this : { ...this.#ctx(), cwd };
    const loaded = loadProgram(kernel.vfs, (n) => kernel.program(n), ctx, opts.argv.slice(), opts.program, opts.path, env.PATH);
    // point of no return
    this.cwd = cwd;
    this.#fds.closeOnExec();
    this.argv = loaded.argv;
    this.env = env;
    if (!opts.program) this.comm = loaded.comm;
    this.#disp.resetCaught();
    if (opts.ignoreSignals) for (const s of opts.ignoreSignals) this.#disp.set(s, 'ignore');
    this.onSignal = null;
    this.#execed = true;
    const code = await this.#runProgram(loaded.program);
    if (code !== null) this.#finish(code, 0);
    throw new ProcessExit(this.#exit!.status);
  }

  async wait(pid: number, opts?: { noHang?: boolean; untraced?: boolean }): Promise<WaitStatus | null> {
    this.#live();
    if (overSlice(this.kernel.limits.cpuSliceMs)) { await yieldToHost(); this.#live(); }
    if (this.#stopSig) await this.#waitCont();
    if (!Number.isInteger(pid)) throw kerr('EINVAL', 'wait4');
    for (;;) {
      let any = false;
      if (this.#children) {
        for (const c of this.#children) {
          if (pid > 0 ? c.pid !== pid : pid === 0 ? c.pgid !== this.pgid : pid < -1 ? c.pgid !== -pid : false) continue;
          any = true;
          if (c.#exit) {
            this.#children.delete(c);
            this.kernel.table.remove(c.pid);
            return c.#exit;
          }
          if (opts?.untraced && c.#stopSig && !c.#stopReported) {
            c.#stopReported = true;
            return { pid: c.pid, signal: c.#stopSig, stopped: true, status: 128 + c.#stopSig };
          }
        }
      }
      if (!any) throw kerr('ECHILD', 'wait4');
      if (opts?.noHang) return null;
      await this.#block((this.#childQ ??= new WaitQueue()).wait(this.#intrSignal()), 'wait4');
      this.#live();
      if (this.#stopSig) await this.#waitCont();
    }
  }

  setpgid(pid: number, pgid: number): void {
    this.#live();
    if (!Number.isInteger(pid) || !Number.isInteger(pgid) || pid < 0 || pgid < 0) throw kerr('EINVAL', 'setpgid');
    const table = this.kernel.table;
    const target = pid === 0 || pid === this.pid ? this : table.get(pid);
    if (!target || (target !== this && target.#parent !== this) || target.#exit) throw kerr('ESRCH', 'setpgid');
    if (target !== this && target.#execed) throw kerr('EACCES', 'setpgid');
    if (target.sid !== this.sid || target.pid === target.sid) throw kerr('EPERM', 'setpgid');
    const pg = pgid === 0 ? target.pid : pgid;
    if (pg !== target.pid && table.groupSession(pg) !== this.sid) throw kerr('EPERM', 'setpgid');
    target.pgid = pg;
  }

  setsid(): number {
    this.#live();
    if (this.pgid === this.pid || this.kernel.table.groupSession(this.pid) !== undefined) throw kerr('EPERM', 'setsid');
    this.sid = this.pgid = this.pid;
    this.ctty = null;
    return this.sid;
  }
}
