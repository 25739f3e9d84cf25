// /proc: a synthetic filesystem generated from the process table (a ProcSource) and the VM.
//
//   /proc/self -> <pid>                 /proc/<pid>/{cmdline,comm,status,cwd,fd/}
//   /proc/<pid>/fd/N  magic links: opening one reaches the caller's open file (ctx.openFd)
//   /proc/{cpuinfo,meminfo,uptime,version,mounts,loadavg}

import { kerr } from '../errno.ts';
import {
  O_ACCMODE, O_RDONLY, S_IFDIR, S_IFLNK, S_IFREG,
  type Dirent, type DirentType, type OpenFile, type PathContext, type ProcInfo, type ProcSource, type Stat,
} from '../types.ts';
import { BufferDesc, DirDesc } from './description.ts';
import { ExtNode, type Node } from './extnode.ts';
import { BLKSIZE, direntType } from './inode.ts';

export const PROC_DEV = 0x2b;

/** What /proc needs from its VFS. */
export interface ProcHost {
  readonly procIno: number;
  source(): ProcSource | null;
  mounts(): string;
  usage(): { bytes: number; inodes: number };
  quotaBytes(): number;
  uptimeMs(): number;
  now(): number;
  /** The node an open file description of this VFS stands for, or null for pipes and the like. */
  nodeOf(file: OpenFile): Node | null;
}

const ROOT = 0, SELF = 1, PID = 2, PIDFILE = 3, CWD = 4, FDDIR = 5, FD = 6, STATIC = 7;
const STATIC_FILES = ['cpuinfo', 'meminfo', 'uptime', 'version', 'mounts', 'loadavg'];
const PID_FILES = ['cmdline', 'comm', 'status', 'environ'];

/** Optional extras a process table may offer beyond ProcSource. */
interface ProcSourceExtras { environ?(pid: number): string | undefined }
const enc = new TextEncoder();

export class ProcFs {
  readonly host: ProcHost;
  constructor(host: ProcHost) { this.host = host; }
  root(): ProcNode { return new ProcNode(this, ROOT, 0, 0, ''); }

  info(pid: number): ProcInfo | undefined { return this.host.source()?.info(pid); }

  fdTargets(pid: number): Map<number, string> | undefined {
    return this.host.source()?.fdTargets?.(pid);
  }

  text(name: string): string {
    const h = this.host;
    switch (name) {
      case 'cpuinfo':
        return 'processor\t: 0\nvendor_id\t: agentvm\nmodel name\t: agentvm virtual CPU\ncpu cores\t: 1\n\n';
      case 'meminfo': {
        const total = Math.floor(h.quotaBytes() / 1024);
        const used = Math.floor(h.usage().bytes / 1024);
        const free = Math.max(0, total - used);
        return `MemTotal:       ${total} kB\nMemFree:        ${free} kB\nMemAvailable:   ${free} kB\n` +
          `Buffers:        0 kB\nCached:         ${used} kB\nSwapTotal:      0 kB\nSwapFree:       0 kB\n`;
      }
      case 'uptime': {
        const s = (h.uptimeMs() / 1000).toFixed(2);
        return `${s} ${s}\n`;
      }
      case 'version':
        return 'Linux version 6.1.0-agentvm (agentvm@agentvm) (agentvm in-process TypeScript kernel) #1 SMP PREEMPT_DYNAMIC agentvm\n'; // uname -r / -v (kernel/bin/sysinfo.ts)
      case 'mounts':
        return h.mounts();
      case 'loadavg': {
        const pids = h.source()?.pids() ?? [];
        const last = pids.length ? Math.max(...pids) : 0;
        return `0.00 0.00 0.00 1/${pids.length} ${last}\n`;
      }
    }
    return '';
  }

  pidText(pid: number, name: string, info: ProcInfo): string {
    switch (name) {
      case 'cmdline':
        return info.state === 'Z' ? '' : info.argv.map((a) => `${a}\0`).join('');
      case 'environ':
        return (this.host.source() as (ProcSource & ProcSourceExtras) | null)?.environ?.(pid) ?? '';
      case 'comm':
        return `${comm(info)}\n`;
      case 'status': {
        const s = this.host.source()?.status(pid);
        if (s !== undefined) return s;
        const states = { R: 'R (running)', S: 'S (sleeping)', T: 'T (stopped)', Z: 'Z (zombie)' };
        return `Name:\t${comm(info)}\nState:\t${states[info.state]}\nTgid:\t${pid}\nPid:\t${pid}\n` +
          `PPid:\t${info.ppid}\nNSpgid:\t${info.pgid}\nNSsid:\t${info.sid}\n`;
      }
    }
    return '';
  }
}

function comm(info: ProcInfo): string {
  const a = info.argv[0] ?? '';
  const i = a.lastIndexOf('/');
  return (i >= 0 ? a.slice(i + 1) : a).slice(0, 15);
}

/**
 * The caller's open file description behind fd, borrowed: ctx.openFd hands out a new reference,
 * which is dropped at once (the caller's fd table keeps the description alive meanwhile).
 */
function borrowFd(ctx: PathContext, fd: number): OpenFile {
  const f = ctx.openFd!(fd);
  f.close();
  return f;
}

function parseNum(name: string): number {
  if (name.length === 0 || name.length > 10) return -1;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  if (name.length > 1 && name.charCodeAt(0) === 48) return -1;
  return Number(name);
}

export class ProcNode extends ExtNode {
  readonly #fs: ProcFs;
  readonly #kind: number;
  readonly #pid: number;
  readonly #fd: number;
  readonly #name: string;
  readonly type: DirentType;
  readonly mode: number;
  readonly uid = 0;
  readonly gid = 0;
  /** Not EROFS: writes fail with EACCES, as on Linux. */
  readonly readOnly = false;

  constructor(fs: ProcFs, kind: number, pid: number, fd: number, name: string) {
    super();
    this.#fs = fs;
    this.#kind = kind;
    this.#pid = pid;
    this.#fd = fd;
    this.#name = name;
    const dir = kind === ROOT || kind === PID || kind === FDDIR;
    const link = kind === SELF || kind === CWD || kind === FD;
    this.type = dir ? 'dir' : link ? 'symlink' : 'file';
    this.mode = dir ? S_IFDIR | 0o555 : link ? S_IFLNK | 0o777 : S_IFREG | 0o444;
  }

  get fs(): object { return this.#fs; }
  get mountIno(): number { return this.#fs.host.procIno; }

  #ino(): number {
    switch (this.#kind) {
      case ROOT: return 1;
      case SELF: return 2;
      case STATIC: return 16 + STATIC_FILES.indexOf(this.#name);
      case FD: return this.#pid * 65536 + 1024 + this.#fd;
      case PIDFILE: return this.#pid * 65536 + 1 + PID_FILES.indexOf(this.#name);
      default: return this.#pid * 65536 + 16 + this.#kind;
    }
  }

  stat(): Stat {
    const info = this.#pid > 0 ? this.#fs.info(this.#pid) : undefined;
    const t = info?.startMs ?? this.#fs.host.now() - this.#fs.host.uptimeMs();
    const dir = this.type === 'dir';
    return {
      dev: PROC_DEV, ino: this.#ino(), mode: this.mode, nlink: dir ? 2 : 1, uid: 0, gid: 0, rdev: 0,
      size: this.type === 'symlink' ? 64 : 0, blksize: BLKSIZE, blocks: 0,
      atimeMs: t, mtimeMs: t, ctimeMs: t, birthtimeMs: t,
    };
  }

  parent(): ExtNode | null {
    switch (this.#kind) {
      case ROOT: return null;
      case SELF: case PID: case STATIC: return this.#fs.root();
      case FD: return new ProcNode(this.#fs, FDDIR, this.#pid, 0, '');
      default: return new ProcNode(this.#fs, PID, this.#pid, 0, '');
    }
  }

  same(other: ExtNode): boolean {
    return other instanceof ProcNode && other.#kind === this.#kind && other.#pid === this.#pid &&
      other.#fd === this.#fd && other.#name === this.#name;
  }

  override lookup(ctx: PathContext, name: string, path: string): ExtNode | null {
    const fs = this.#fs;
    switch (this.#kind) {
      case ROOT: {
        if (name === 'self') return ctx.pid === undefined ? null : new ProcNode(fs, SELF, 0, 0, '');
        if (STATIC_FILES.includes(name)) return new ProcNode(fs, STATIC, 0, 0, name);
        const pid = parseNum(name);
        return pid > 0 && (pid === ctx.pid || fs.info(pid) !== undefined) ? new ProcNode(fs, PID, pid, 0, '') : null;
      }
      case PID: {
        if (fs.info(this.#pid) === undefined) return name === 'fd' && this.#pid === ctx.pid ? new ProcNode(fs, FDDIR, this.#pid, 0, '') : null;
        if (PID_FILES.includes(name)) return new ProcNode(fs, PIDFILE, this.#pid, 0, name);
        if (name === 'cwd') return new ProcNode(fs, CWD, this.#pid, 0, '');
        if (name === 'fd') return new ProcNode(fs, FDDIR, this.#pid, 0, '');
        return null;
      }
      case FDDIR: {
        const fd = parseNum(name);
        if (fd < 0) return null;
        const t = fs.fdTargets(this.#pid);
        if (t !== undefined) return t.has(fd) ? new ProcNode(fs, FD, this.#pid, fd, '') : null;
        if (this.#pid === ctx.pid && ctx.openFd !== undefined) {
          try { borrowFd(ctx, fd); } catch { return null; }
          return new ProcNode(fs, FD, this.#pid, fd, '');
        }
        return null;
      }
    }
    return super.lookup(ctx, name, path);
  }

  override readlink(ctx: PathContext, path: string): string {
    switch (this.#kind) {
      case SELF:
        if (ctx.pid === undefined) throw kerr('ENOENT', 'readlink', path);
        return String(ctx.pid);
      case CWD: {
        const info = this.#fs.info(this.#pid);
        if (info === undefined) throw kerr('ENOENT', 'readlink', path);
        return info.cwd;
      }
      case FD: {
        const t = this.#fs.fdTargets(this.#pid)?.get(this.#fd);
        if (t !== undefined) return t;
        if (this.#pid === ctx.pid && ctx.openFd !== undefined) {
          const f = borrowFd(ctx, this.#fd);
          return f.path !== '' ? f.path : `anon_inode:[${this.#fd}]`;
        }
        throw kerr('ENOENT', 'readlink', path);
      }
    }
    return super.readlink(ctx, path);
  }

  override follow(ctx: PathContext): Node | null {
    if (this.#kind !== FD || this.#pid !== ctx.pid || ctx.openFd === undefined) return null;
    const file = borrowFd(ctx, this.#fd);
    return this.#fs.host.nodeOf(file) ?? new FdNode(file, this.#fs);
  }

  override readdir(ctx: PathContext, path: string): Dirent[] {
    const fs = this.#fs;
    const out: Dirent[] = [];
    const add = (name: string, n: ProcNode) => out.push({ name, type: n.type, ino: n.#ino() });
    switch (this.#kind) {
      case ROOT:
        for (const name of STATIC_FILES) add(name, new ProcNode(fs, STATIC, 0, 0, name));
        if (ctx.pid !== undefined) add('self', new ProcNode(fs, SELF, 0, 0, ''));
        for (const pid of fs.host.source()?.pids() ?? []) add(String(pid), new ProcNode(fs, PID, pid, 0, ''));
        return out;
      case PID:
        if (fs.info(this.#pid) === undefined) throw kerr('ENOENT', 'readdir', path);
        for (const name of PID_FILES) add(name, new ProcNode(fs, PIDFILE, this.#pid, 0, name));
        add('cwd', new ProcNode(fs, CWD, this.#pid, 0, ''));
        add('fd', new ProcNode(fs, FDDIR, this.#pid, 0, ''));
        return out;
      case FDDIR:
        for (const fd of fs.fdTargets(this.#pid)?.keys() ?? []) add(String(fd), new ProcNode(fs, FD, this.#pid, fd, ''));
        return out;
    }
    return super.readdir(ctx, path);
  }

  open(ctx: PathContext, flags: number, path: string): OpenFile {
    if ((flags & O_ACCMODE) !== O_RDONLY) throw kerr('EACCES', 'open', path);
    if (this.type === 'dir') {
      return new DirDesc({ readdir: () => this.readdir(ctx, path), stat: () => this.stat() }, flags, ctx.cwd, path);
    }
    let text: string;
    if (this.#kind === STATIC) text = this.#fs.text(this.#name);
    else {
      const info = this.#fs.info(this.#pid);
      if (info === undefined) throw kerr('ENOENT', 'open', path);
      text = this.#fs.pidText(this.#pid, this.#name, info);
    }
    return new BufferDesc(enc.encode(text), () => this.stat(), flags, ctx.cwd, path);
  }
}

/** The target of a /proc/<pid>/fd/N link that is not a file of this VFS (a pipe, a terminal…). */
export class FdNode extends ExtNode {
  readonly #file: OpenFile;
  readonly #proc: ProcFs;
  readonly readOnly = false;

  constructor(file: OpenFile, proc: ProcFs) {
    super();
    this.#file = file;
    this.#proc = proc;
  }

  get type(): DirentType { return direntType(this.#file.stat().mode); }
  get mode(): number { return this.#file.stat().mode; }
  get uid(): number { return this.#file.stat().uid; }
  get gid(): number { return this.#file.stat().gid; }
  get fs(): object { return this.#file; }
  get mountIno(): number { return this.#proc.host.procIno; }
  stat(): Stat { return this.#file.stat(); }
  parent(): ExtNode | null { return null; }
  same(other: ExtNode): boolean { return other instanceof FdNode && other.#file === this.#file; }

  /** Reopening a pipe or terminal through /proc shares its open file description. */
  open(_ctx: PathContext, _flags: number, _path: string): OpenFile {
    this.#file.ref();
    return this.#file;
  }
}
