// Children and jobs of one shell: every child is reaped as soon as it ends (one waiter per
// pid), jobs group the processes of a pipeline, foreground waits hand the terminal over when
// job control (set -m) is on, and finished or stopped jobs are reported as bash does.

import type { Job } from './contracts.ts';
import type { Interp } from './interp.ts';
import { KernelError, strerror } from '../errno.ts';
import { ShellError } from './contracts.ts';
import { Signal, type SpawnOptions, type WaitStatus } from '../types.ts';
import { signalName as signalKey } from './trap.ts';

const descriptions: Record<number, string> = {
  1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap', 6: 'Aborted',
  7: 'Bus error', 8: 'Floating point exception', 9: 'Killed', 10: 'User defined signal 1',
  11: 'Segmentation fault', 12: 'User defined signal 2', 13: 'Broken pipe', 14: 'Alarm clock',
  15: 'Terminated', 16: 'Stack fault', 17: 'Child exited', 18: 'Continued', 19: 'Stopped (signal)',
  20: 'Stopped', 21: 'Stopped (tty input)', 22: 'Stopped (tty output)', 23: 'Urgent I/O condition',
  24: 'CPU time limit exceeded', 25: 'File size limit exceeded', 26: 'Virtual timer expired',
  27: 'Profiling timer expired', 28: 'Window changed', 29: 'I/O possible', 30: 'Power failure',
  31: 'Bad system call',
};

/** strsignal(3) */
export function signalDescription(sig: number): string {
  return descriptions[sig] ?? (sig >= 34 && sig <= 64 ? `Real-time signal ${sig - 34}` : `Unknown signal ${sig}`);
}

interface Child {
  pid: number;
  /** Final status once reaped. */
  status: WaitStatus | null;
  stopped: boolean;
  stopSignal: number;
  done: Promise<WaitStatus>;
  /** Called on every state change (stop or exit). */
  listeners: (() => void)[];
  /** Nobody waits for it by pid (<( … )): forget it once it ended, keeping only its status. */
  detached: boolean;
}

/** A command's text for job messages, computed only when needed. */
export type Label = string | (() => string);

/** A job with the bookkeeping the contract's Job does not show. */
interface JobEntry extends Job {
  /** Last process's status with signal info, for messages. */
  last?: WaitStatus;
  foreground: boolean;
}

export class Jobs {
  readonly list: JobEntry[] = [];
  readonly #sh: Interp;
  readonly #children = new Map<number, Child>();
  /** Statuses of background processes reaped before anyone asked (wait $pid). */
  readonly #remembered = new Map<number, number>();
  #current = 0;
  #previous = 0;

  constructor(sh: Interp) {
    this.#sh = sh;
  }

  get monitor(): boolean { return this.#sh.setOptions.has('monitor'); }

  // ---- children ----

  /** proc.spawn + reaper. Throws KernelError like spawn. */
  spawn(opts: SpawnOptions, detached = false): number {
    let pid: number;
    try {
      pid = this.#sh.proc.spawn(opts);
    } catch (e) {
      // Out of processes: bash reports the failed fork and abandons the command, not the shell.
      if (e instanceof KernelError && e.code === 'EAGAIN') throw new ShellError(`fork: ${strerror(e.errno)}`, 1);
      throw e;
    }
    this.track(pid, detached);
    return pid;
  }

  track(pid: number, detached = false): Child {
    let resolve!: (st: WaitStatus) => void;
    const child: Child = {
      pid, status: null, stopped: false, stopSignal: 0, listeners: [], detached,
      done: new Promise<WaitStatus>((r) => { resolve = r; }),
    };
    this.#children.set(pid, child);
    void this.#reap(child, resolve);
    return child;
  }

  async #reap(child: Child, resolve: (st: WaitStatus) => void): Promise<void> {
    const proc = this.#sh.proc;
    for (;;) {
      let st: WaitStatus | null;
      try {
        st = await proc.wait(child.pid, { untraced: true });
      } catch (e) {
        if (e instanceof KernelError && e.code === 'EINTR') continue;
        st = { pid: child.pid, status: 127, code: 127 };
        if (!(e instanceof KernelError)) {
          // The shell itself ended (ProcessExit): nobody will look at this any more.
          return;
        }
      }
      if (st === null) continue;
      if (st.stopped) {
        child.stopped = true;
        child.stopSignal = st.signal ?? Signal.SIGTSTP;
        this.#changed(child);
        continue;
      }
      child.stopped = false;
      child.status = st;
      resolve(st);
      this.#changed(child);
      if (child.detached) {
        this.#children.delete(child.pid);
        this.#remember(child.pid, st.status);
      }
      return;
    }
  }

  #changed(child: Child): void {
    const l = child.listeners;
    child.listeners = [];
    for (const f of l) f();
    const job = this.#jobOf(child.pid);
    if (job) this.#update(job);
  }

  /** Spawns a foreground external command (own process group under job control). */
  spawnForeground(opts: SpawnOptions): number {
    if (this.monitor) {
      const pid = this.spawn({ ...opts, pgid: 0 });
      this.setTerminalForeground(pid);
      return pid;
    }
    return this.spawn(opts);
  }

  /** Gives the controlling terminal to a process group (when job control is on). */
  setTerminalForeground(pgid: number): void {
    if (!this.monitor) return;
    const proc = this.#sh.proc;
    for (const fd of [0, 2, 1]) {
      try {
        if (!proc.isatty(fd)) continue;
        proc.file(fd).ioctl?.('TIOCSPGRP', pgid);
        return;
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
      }
    }
  }

  /**
   * Waits for the processes of a foreground pipeline. Returns the statuses (PIPESTATUS order);
   * under job control a stop turns the pipeline into a Stopped job.
   */
  async waitAll(pids: number[], label: Label): Promise<number[]> {
    const command = (): string => (typeof label === 'string' ? label : label());
    const children = pids.map((p) => this.#children.get(p)!);
    if (this.monitor) {
      await new Promise<void>((resolve) => {
        const check = (): void => {
          if (children.every((c) => c.status !== null) || children.some((c) => c.stopped)) resolve();
          else for (const c of children) if (c.status === null) c.listeners.push(check);
        };
        check();
      });
      this.setTerminalForeground(this.#sh.proc.pgid);
      if (children.some((c) => c.stopped)) {
        const job = this.add(pids, pids[0]!, command(), false);
        job.state = 'Stopped';
        this.#makeCurrent(job.id);
        await this.#sh.writeErr(`\n${this.format(job, false)}\n`);
        job.notified = true;
        const sig = children.find((c) => c.stopped)!.stopSignal;
        return pids.map(() => 128 + sig);
      }
    }
    const statuses: number[] = [];
    for (const c of children) statuses.push((c.status ?? await c.done).status);
    for (const p of pids) this.#children.delete(p);
    const last = children[children.length - 1]!.status!;
    await this.#reportSignal(last, command);
    return statuses;
  }

  async waitForeground(pids: number[], label: Label): Promise<number> {
    const st = await this.waitAll(pids, label);
    return st[st.length - 1]!;
  }

  /** "Terminated" / "bash: line 1:  123 Killed   cmd" for a foreground process killed by a signal. */
  async #reportSignal(st: WaitStatus, command: () => string): Promise<void> {
    const sig = st.signal;
    if (sig === undefined || sig === Signal.SIGINT || sig === Signal.SIGPIPE) {
      if (sig === Signal.SIGINT && this.#sh.interactive) await this.#sh.writeErr('\n');
      return;
    }
    if (sig === Signal.SIGTERM || this.#sh.interactive) {
      await this.#sh.writeErr(`${signalDescription(sig)}\n`);
      return;
    }
    await this.#sh.writeErr(`${this.#sh.errorPrefix()}${String(st.pid).padStart(5)} ${signalDescription(sig).padEnd(24)}${command()}\n`);
  }

  /** bash keeps the statuses of exited background processes for a later `wait pid` (CHILD_MAX). */
  #remember(pid: number, status: number): void {
    this.#remembered.delete(pid);
    this.#remembered.set(pid, status);
    if (this.#remembered.size > 1024) this.#remembered.delete(this.#remembered.keys().next().value!);
  }

  // ---- jobs ----

  add(pids: number[], pgid: number, command: string, background: boolean): JobEntry {
    let id = 1;
    for (const j of this.list) if (j.id >= id) id = j.id + 1;
    const job: JobEntry = { id, pgid, pids, command, state: 'Running', status: 0, notified: false, foreground: !background };
    this.list.push(job);
    if (background) this.#makeCurrent(id);
    this.#update(job);
    return job;
  }

  #makeCurrent(id: number): void {
    if (this.#current === id) return;
    this.#previous = this.#current;
    this.#current = id;
  }

  #jobOf(pid: number): JobEntry | undefined {
    for (const j of this.list) if (j.pids.includes(pid)) return j;
    return undefined;
  }

  #update(job: JobEntry): void {
    const kids = job.pids.map((p) => this.#children.get(p));
    if (kids.every((c) => c === undefined || c.status !== null)) {
      if (job.state === 'Done') return;
      job.state = 'Done';
      const lastChild = kids[kids.length - 1];
      job.last = lastChild?.status ?? undefined;
      job.status = job.last?.status ?? this.#remembered.get(job.pids[job.pids.length - 1]!) ?? 0;
      if (this.#sh.setOptions.has('pipefail')) {
        for (const c of kids) if (c?.status && c.status.status !== 0) job.status = c.status.status;
      }
      for (const c of kids) if (c) { this.#remember(c.pid, c.status!.status); this.#children.delete(c.pid); }
    } else if (kids.some((c) => c?.stopped)) {
      if (job.state !== 'Stopped') { job.state = 'Stopped'; job.notified = false; this.#makeCurrent(job.id); }
    } else if (job.state === 'Stopped') job.state = 'Running';
  }

  /** Status text as `jobs` shows it. */
  #stateText(job: JobEntry): string {
    if (job.state === 'Running') return 'Running';
    if (job.state === 'Stopped') {
      const c = job.pids.map((p) => this.#children.get(p)).find((k) => k?.stopped);
      return signalDescription(c?.stopSignal ?? Signal.SIGTSTP);
    }
    const sig = job.last?.signal;
    if (sig !== undefined) return signalDescription(sig);
    return job.status === 0 ? 'Done' : `Exit ${job.status}`;
  }

  marker(job: Job): string {
    return job.id === this.#current ? '+' : job.id === this.#previous ? '-' : ' ';
  }

  format(job: JobEntry, long: boolean): string {
    const amp = job.state === 'Running' ? ' &' : '';
    const head = `[${job.id}]${this.marker(job)} ${long ? `${job.pids[0]} ` : ' '}`;
    return `${head}${this.#stateText(job).padEnd(24)}${job.command}${amp}`;
  }

  /**
   * A non-interactive shell drops finished jobs from the table, reporting those killed by a
   * signal other than INT/TERM/PIPE (and not trapped) as bash's notify_of_job_status does.
   */
  async reapFinished(): Promise<void> {
    if (this.list.length === 0 || this.#sh.interactive) return;
    let out = '';
    for (const job of this.list.slice()) {
      if (job.state !== 'Done') continue;
      const sig = job.last?.signal;
      if (sig !== undefined && !job.notified && sig !== Signal.SIGINT && sig !== Signal.SIGTERM && sig !== Signal.SIGPIPE &&
        !this.#sh.traps.has(signalKey(sig) ?? "")) {
        out += `${this.#sh.errorPrefix()}${String(job.pids[job.pids.length - 1]).padStart(5)} ${signalDescription(sig).padEnd(24)}${job.command}\n`;
      }
      job.notified = true;
      if (job.pids[job.pids.length - 1] !== this.#sh.lastBackgroundPid) this.remove(job);
    }
    if (out) await this.#sh.writeErr(out);
  }

  /** Interactive notifications before a prompt: "[1]+  Done   cmd". */
  async notify(): Promise<void> {
    let out = '';
    for (const job of [...this.list]) {
      if (job.state === 'Done') {
        if (!job.notified && !job.foreground) out += this.format(job, false) + '\n';
        this.remove(job);
      } else if (job.state === 'Stopped' && !job.notified) {
        out += this.format(job, false) + '\n';
        job.notified = true;
      }
    }
    if (out) await this.#sh.writeErr(out);
  }

  remove(job: Job): void {
    const i = this.list.indexOf(job as JobEntry);
    if (i >= 0) this.list.splice(i, 1);
    if (this.#current === job.id) {
      this.#current = this.#previous;
      this.#previous = 0;
    } else if (this.#previous === job.id) this.#previous = 0;
    if (this.#current === 0 && this.list.length) this.#current = this.list[this.list.length - 1]!.id;
    if (this.#previous === 0) {
      for (let i2 = this.list.length - 1; i2 >= 0; i2--) {
        if (this.list[i2]!.id !== this.#current) { this.#previous = this.list[i2]!.id; break; }
      }
    }
  }

  /** Resolves %n, %+, %%, %-, %name, %?text; returns the job or an error message. */
  find(spec: string): JobEntry | string {
    const s = spec.startsWith('%') ? spec.slice(1) : spec;
    let job: JobEntry | undefined;
    if (s === '' || s === '+' || s === '%') job = this.list.find((j) => j.id === this.#current);
    else if (s === '-') job = this.list.find((j) => j.id === this.#previous);
    else if (/^\d+$/.test(s)) job = this.list.find((j) => j.id === Number(s));
    else {
      const contains = s.startsWith('?');
      const text = contains ? s.slice(1) : s;
      const hits = this.list.filter((j) => (contains ? j.command.includes(text) : j.command.startsWith(text)));
      if (hits.length > 1) return `${s}: ambiguous job spec`;
      job = hits[0];
    }
    return job ?? `${spec}: no such job`;
  }

  /** Final status of a child (reaped or remembered); null if it is not ours. */
  async waitPid(pid: number): Promise<number | null> {
    const c = this.#children.get(pid);
    if (c) {
      const st = c.status ?? await c.done;
      this.#children.delete(pid);
      this.#remember(pid, st.status);
      return st.status;
    }
    return this.#remembered.get(pid) ?? null;
  }

  /** Resolves when any of the pids' state changes (exit or stop). */
  changed(pids: number[]): Promise<void> {
    return new Promise((resolve) => {
      let fired = false;
      const fire = (): void => { if (!fired) { fired = true; resolve(); } };
      let any = false;
      for (const p of pids) {
        const c = this.#children.get(p);
        if (c && c.status === null) { c.listeners.push(fire); any = true; }
      }
      if (!any) fire();
    });
  }

  isRunning(pid: number): boolean {
    const c = this.#children.get(pid);
    return c !== undefined && c.status === null;
  }

  /** Every child not yet finished (for `wait` without operands). */
  livePids(): number[] {
    return [...this.#children.values()].filter((c) => c.status === null).map((c) => c.pid);
  }

  /** Marks a stopped job's processes as running again (after SIGCONT). */
  continued(job: Job): void {
    for (const p of job.pids) { const c = this.#children.get(p); if (c) c.stopped = false; }
    (job as JobEntry).state = 'Running';
    (job as JobEntry).notified = false;
  }

  makeCurrent(job: Job): void { this.#makeCurrent(job.id); }
  currentId(): number { return this.#current; }
}
