// The process table of one kernel: pid allocation, lookup by pid / process group / session,
// group signalling, and the /proc provider (ProcSource) built from it.

import type { ProcInfo, ProcSource } from '../types.ts';
import type { Process } from './process.ts';
import { PipeReadEnd, PipeWriteEnd } from '../pipe.ts';

const stateNames: Record<ProcInfo['state'], string> = {
  R: 'R (running)', S: 'S (sleeping)', T: 'T (stopped)', Z: 'Z (zombie)',
};

export class ProcTable implements ProcSource {
  #procs = new Map<number, Process>();
  #nextPid = 1;

  /** Processes in the table, zombies included (what limits.maxProcesses counts). */
  get size(): number { return this.#procs.size; }

  allocPid(): number { return this.#nextPid++; }

  add(p: Process): void { this.#procs.set(p.pid, p); }

  remove(pid: number): void { this.#procs.delete(pid); }

  get(pid: number): Process | undefined { return this.#procs.get(pid); }

  all(): IterableIterator<Process> { return this.#procs.values(); }

  /** Members of process group pgid (zombies included). */
  group(pgid: number): Process[] {
    const out: Process[] = [];
    for (const p of this.#procs.values()) if (p.pgid === pgid) out.push(p);
    return out;
  }

  /** Session of a process group with at least one live member, or undefined. */
  groupSession(pgid: number): number | undefined {
    for (const p of this.#procs.values()) if (p.pgid === pgid && !p.exited) return p.sid;
    return undefined;
  }

  /** Sends sig to every live member of group pgid; returns how many got it. */
  signalGroup(pgid: number, sig: number): number {
    let n = 0;
    for (const p of this.group(pgid)) {
      if (p.exited) continue;
      p.deliver(sig);
      n++;
    }
    return n;
  }

  signalProcess(pid: number, sig: number): void {
    this.#procs.get(pid)?.deliver(sig);
  }

  /**
   * POSIX orphaned process group: no member has a parent in a different group of the same
   * session. Stop signals from the terminal are discarded for such groups (nobody could
   * continue them) and background reads fail with EIO.
   */
  isOrphanedGroup(pgid: number): boolean {
    for (const p of this.#procs.values()) {
      if (p.pgid !== pgid || p.exited) continue;
      const parent = p.parent;
      if (parent && !parent.exited && parent.pgid !== pgid && parent.sid === p.sid) return false;
    }
    return true;
  }

  // ---- ProcSource ----

  pids(): number[] {
    return [...this.#procs.keys()].sort((a, b) => a - b);
  }

  info(pid: number): ProcInfo | undefined {
    return this.#procs.get(pid)?.info();
  }

  status(pid: number): string | undefined {
    const p = this.#procs.get(pid);
    if (!p) return undefined;
    const i = p.info();
    const masks = p.signalMasks();
    return [
      `Name:\t${p.comm.slice(0, 15)}`,
      `Umask:\t${p.umask.toString(8).padStart(4, '0')}`,
      `State:\t${stateNames[i.state]}`,
      `Tgid:\t${pid}`,
      `Ngid:\t0`,
      `Pid:\t${pid}`,
      `PPid:\t${i.ppid}`,
      `TracerPid:\t0`,
      `Uid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}`,
      `Gid:\t${p.gid}\t${p.gid}\t${p.gid}\t${p.gid}`,
      `FDSize:\t${Math.max(64, 2 ** Math.ceil(Math.log2(Math.max(1, p.openFiles().length))))}`,
      `Groups:\t${p.gid}`,
      `NStgid:\t${pid}`,
      `NSpid:\t${pid}`,
      `NSpgid:\t${i.pgid}`,
      `NSsid:\t${i.sid}`,
      `Threads:\t1`,
      `SigQ:\t0/0`,
      `SigPnd:\t0000000000000000`,
      `ShdPnd:\t0000000000000000`,
      `SigBlk:\t0000000000000000`,
      `SigIgn:\t${masks.ignored}`,
      `SigCgt:\t${masks.caught}`,
      '',
    ].join('\n');
  }

  /** fd -> what /proc/<pid>/fd/<fd> points at (path, "pipe:[ino]", "/dev/pts/N"). */
  fdTargets(pid: number): Map<number, string> {
    const out = new Map<number, string>();
    const p = this.#procs.get(pid);
    if (!p) return out;
    for (const [fd, f] of p.openFiles()) {
      out.set(fd, f instanceof PipeReadEnd || f instanceof PipeWriteEnd ? f.target : f.path || 'anon_inode:[unknown]');
    }
    return out;
  }

  /** /proc/<pid>/environ: NUL-separated KEY=value. */
  environ(pid: number): string | undefined {
    const p = this.#procs.get(pid);
    if (!p) return undefined;
    let s = '';
    for (const k in p.env) s += `${k}=${p.env[k]}\0`;
    return s;
  }

  /** /proc/<pid>/cmdline: NUL-terminated argv. */
  cmdline(pid: number): string | undefined {
    const p = this.#procs.get(pid);
    if (!p) return undefined;
    return p.argv.map((a) => `${a}\0`).join('');
  }
}
