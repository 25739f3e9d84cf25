// The contracts between kernel objects. Implementations live in vfs/, proc/, pipe.ts, tty/.
// Everything here is data or an interface: no behaviour.

// ---- file types and modes (st_mode bits, Linux values) ----
export const S_IFMT = 0o170000;
export const S_IFSOCK = 0o140000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFBLK = 0o060000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;

// ---- open(2) flags (Linux values) ----
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_ACCMODE = 3;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DIRECTORY = 0o200000;
export const O_NOFOLLOW = 0o400000;
export const O_CLOEXEC = 0o2000000;

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

export interface Stat {
  dev: number;
  ino: number;
  mode: number;   // type bits | permission bits
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  blksize: number;
  blocks: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  birthtimeMs: number;
}

export type DirentType = 'file' | 'dir' | 'symlink' | 'chardev' | 'blockdev' | 'fifo' | 'socket';
export interface Dirent { name: string; type: DirentType; ino: number }

/**
 * An open file description (what open(2) creates): shared by every fd dup'd from it, so the
 * offset and status flags live here. Pipes, PTY ends, regular files, directories and devices
 * all implement it. `read` returns an empty array at end of file. Calls may throw KernelError.
 */
export interface OpenFile {
  /** O_* access mode and status flags (O_APPEND, O_NONBLOCK). */
  flags: number;
  /** Byte offset for seekable files; shared by dup'd fds. */
  offset: number;
  /** Path it was opened by (for /proc/<pid>/fd and messages); '' if none (pipes). */
  readonly path: string;
  /**
   * `signal` (optional, additive): aborts a blocking read/write — the pending call rejects with
   * `signal.reason` and consumes nothing. Pipes and PTYs honour it (kill, EINTR); files may ignore it.
   */
  read(max: number, signal?: AbortSignal): Promise<Uint8Array> | Uint8Array;
  write(data: Uint8Array, signal?: AbortSignal): Promise<number> | number;
  /** pread/pwrite style access when the file is seekable; ESPIPE otherwise. */
  seek(offset: number, whence: number): number;
  stat(): Stat;
  isatty(): boolean;
  /** Extra references (dup, fork) call ref(); close() drops one and releases at zero. */
  ref(): void;
  close(): void;
  /** Optional: resolves when readable/writable, for poll/select-style waits. */
  ready?(events: 'read' | 'write', signal?: AbortSignal): Promise<void>;
  /** Optional: terminal control (termios, window size, foreground pgrp); ENOTTY if absent. */
  ioctl?(request: string, arg?: unknown): unknown;
  /** Optional: directory listing for O_DIRECTORY descriptions. */
  readdir?(): Dirent[];
}

// ---- signals (Linux numbers) ----
export const Signal = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
  SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
  SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29,
  SIGPWR: 30, SIGSYS: 31,
} as const;
export type SignalName = keyof typeof Signal;

/** What a process does with a signal: default action, ignore, or hand it to the program. */
export type SignalDisposition = 'default' | 'ignore' | 'catch';

/** How a process ended, as wait(2) reports it. */
export interface WaitStatus {
  pid: number;
  /** exit code if exited normally, else undefined */
  code?: number;
  /** terminating signal if killed, else undefined */
  signal?: number;
  /** true when reported for a stop (SIGTSTP/SIGSTOP), not an exit */
  stopped?: boolean;
  /** shell-style status: code, or 128 + signal */
  status: number;
}

/** A program: a shell builtin process, a JS utility, a WASM module, an isolate or a host tool. */
export interface Program {
  readonly name: string;
  /** Runs in `proc`; resolves to the exit code. May also end by proc.exit() or a signal. */
  run(proc: Proc): Promise<number>;
}

export interface SpawnOptions {
  /** argv[0] is the name the program sees. */
  argv: string[];
  /** Program to run. If absent, argv[0] / `path` is resolved in the VFS (PATH search when no '/'). */
  program?: Program;
  /** Executable path already resolved by the caller (e.g. the shell's hash table). */
  path?: string;
  env?: Record<string, string>;
  cwd?: string;
  /** Child fd -> parent fd to inherit (dup'd). Default: parent's 0, 1, 2 (non-CLOEXEC fds all). */
  fds?: Map<number, number> | number[];
  /** Process group to join: 0 = new group led by the child; undefined = parent's group. */
  pgid?: number;
  /** Start a new session (setsid). */
  newSession?: boolean;
  /** Signals the child starts with ignored (e.g. SIGINT for background jobs without job control). */
  ignoreSignals?: number[];
}

/**
 * A process as a program sees it: identity, environment, fd table and the syscalls.
 * Every method validates its arguments and throws KernelError (errno) on failure.
 */
export interface Proc {
  readonly pid: number;
  readonly ppid: number;
  pgid: number;
  sid: number;
  argv: string[];
  env: Record<string, string>;
  /** Absolute, normalized working directory. */
  cwd: string;
  umask: number;
  uid: number;
  gid: number;
  /** Set once the process was told to end (signal); programs may poll it in long loops. */
  readonly killed: boolean;
  /** Aborts when the process ends or is killed: pass to anything that waits. */
  readonly signal: AbortSignal;

  // ---- fds ----
  read(fd: number, max?: number): Promise<Uint8Array>;
  /** Writes all of data (looping over partial writes); EPIPE raises SIGPIPE first. */
  write(fd: number, data: Uint8Array | string): Promise<void>;
  open(path: string, flags: number, mode?: number): number;
  close(fd: number): void;
  dup(fd: number, minFd?: number): number;
  dup2(from: number, to: number): number;
  pipe(): [number, number];
  seek(fd: number, offset: number, whence: number): number;
  fstat(fd: number): Stat;
  isatty(fd: number): boolean;
  /** The open file description behind fd (for kernel-level helpers); EBADF if closed. */
  file(fd: number): OpenFile;
  /** Installs an open file description at the lowest free fd >= minFd (takes the caller's reference). */
  install(file: OpenFile, minFd?: number, cloexec?: boolean): number;
  setCloexec(fd: number, on: boolean): void;
  /** Whether fd is close-on-exec (fcntl F_GETFD); EBADF if closed. Optional (additive). */
  isCloexec?(fd: number): boolean;
  /** Open fds in ascending order. */
  fds(): number[];

  // ---- filesystem (paths relative to cwd) ----
  stat(path: string): Stat;
  lstat(path: string): Stat;
  access(path: string, mode: number): boolean;
  readdir(path: string): Dirent[];
  mkdir(path: string, mode?: number): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  rename(from: string, to: string): void;
  link(existing: string, newPath: string): void;
  symlink(target: string, linkPath: string): void;
  readlink(path: string): string;
  realpath(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  utimes(path: string, atimeMs: number, mtimeMs: number): void;
  truncate(path: string, len: number): void;
  chdir(path: string): void;
  /** Whole-file helpers (through the VFS, honoring permissions). */
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array | string, mode?: number): void;

  // ---- processes ----
  /** Starts a child; returns its pid. */
  spawn(opts: SpawnOptions): number;
  /** Waits for a child (pid > 0), any child (-1) or group (< -1). WNOHANG returns null if none ready. */
  wait(pid: number, opts?: { noHang?: boolean; untraced?: boolean }): Promise<WaitStatus | null>;
  kill(pid: number, sig: number): void;
  setpgid(pid: number, pgid: number): void;
  setsid(): number;
  /** Ends this process now (throws an internal unwind; do not catch it). */
  exit(code: number): never;
  /** Replaces this process's program (execve). Resolves argv[0]/path like spawn; never returns on success. */
  exec(opts: SpawnOptions): Promise<never>;
  /** Resolves a command name through PATH (env.PATH) to an executable path, or null. */
  which(name: string): string | null;
  setSignal(sig: number, disposition: SignalDisposition): void;
  getSignal(sig: number): SignalDisposition;
  /** Called for caught signals (disposition 'catch'). */
  onSignal: ((sig: number) => void) | null;
  /** The kernel this process lives in (for VM-level services). */
  readonly kernel: KernelApi;
}

/** What the kernel offers to its programs and to the VM facade. */
export interface KernelApi {
  readonly limits: import('./limits.ts').Limits;
  /** Looks up a registered program by name (the /bin entries point here). */
  program(name: string): Program | undefined;
  registerProgram(program: Program, paths?: string[]): void;
  /** Process list for ps / /proc. */
  processes(): ProcInfo[];
  hostname: string;
  /** Wall-clock base of the VM (ms since epoch) — Date.now() unless the embedder fixes it. */
  now(): number;
  /** Interactive shells report each command line they run (sessions log them); null when unobserved. */
  commandObserver: ((ev: ShellCommandEvent) => void) | null;
}

/** A command line typed into an interactive shell: reported when it starts and when it ends. */
export interface ShellCommandEvent {
  phase: 'start' | 'end';
  /** The shell's pid. */
  pid: number;
  /** The command line as typed (without the trailing newline). */
  line: string;
  /** 'end': the exit status ($?). */
  status?: number;
  /** 'end': the shell's working directory ($PWD) and exported environment afterwards. */
  cwd?: string;
  env?: Record<string, string>;
}

export interface ProcInfo {
  pid: number; ppid: number; pgid: number; sid: number;
  argv: string[]; cwd: string; state: 'R' | 'S' | 'T' | 'Z'; startMs: number;
}

// ---- the VFS as the process layer calls it ----

/** Who is asking and from where: every path call resolves relative paths against cwd. */
export interface PathContext {
  cwd: string;
  uid: number;
  gid: number;
  umask: number;
  /** Opens the caller's controlling terminal (for /dev/tty); ENXIO if it has none. */
  openTty?: (flags: number) => OpenFile;
  /** pid of the caller (for /proc/self). */
  pid?: number;
  /**
   * A new reference to the caller's own open file description behind `fd` (for /proc/self/fd/N
   * and /dev/fd/N, which is how `<(…)` works); EBADF if fd is not open. Called as a method.
   */
  openFd?: (fd: number) => OpenFile;
}

/** Supplies /proc contents; the process table implements it. */
export interface ProcSource {
  pids(): number[];
  info(pid: number): ProcInfo | undefined;
  /** Extra per-process text files: status, environ, fd list… keyed by name. */
  status(pid: number): string | undefined;
  fdTargets?(pid: number): Map<number, string>;
}

export interface MountSpec { host: string; guest: string; readOnly?: boolean }

/**
 * A change to the VM's filesystem (vfs.watch). Paths are absolute and canonical (symlinks in
 * the parent resolved). Events are delivered in order, in a microtask after the change.
 */
export interface VfsEvent {
  type: 'create' | 'modify' | 'delete' | 'rename' | 'attrib';
  path: string;
  /** rename: where it was. */
  oldPath?: string;
  kind: 'file' | 'dir' | 'symlink' | 'other';
}

export type VfsListener = (ev: VfsEvent) => void;

export interface VfsApi {
  open(ctx: PathContext, path: string, flags: number, mode?: number): OpenFile;
  stat(ctx: PathContext, path: string): Stat;
  lstat(ctx: PathContext, path: string): Stat;
  /** mode: R_OK=4 W_OK=2 X_OK=1 F_OK=0 — checked against ctx uid/gid. */
  access(ctx: PathContext, path: string, mode: number): boolean;
  readdir(ctx: PathContext, path: string): Dirent[];
  mkdir(ctx: PathContext, path: string, mode?: number): void;
  rmdir(ctx: PathContext, path: string): void;
  unlink(ctx: PathContext, path: string): void;
  rename(ctx: PathContext, from: string, to: string): void;
  link(ctx: PathContext, existing: string, newPath: string): void;
  symlink(ctx: PathContext, target: string, linkPath: string): void;
  readlink(ctx: PathContext, path: string): string;
  realpath(ctx: PathContext, path: string): string;
  chmod(ctx: PathContext, path: string, mode: number): void;
  chown(ctx: PathContext, path: string, uid: number, gid: number): void;
  utimes(ctx: PathContext, path: string, atimeMs: number, mtimeMs: number): void;
  truncate(ctx: PathContext, path: string, len: number): void;
  readFile(ctx: PathContext, path: string): Uint8Array;
  writeFile(ctx: PathContext, path: string, data: Uint8Array, mode?: number): void;
  /** The program name attached to an executable inode (base-image /bin entries), if any. */
  programOf(ctx: PathContext, path: string): string | undefined;
  /** Attaches a program name to a path, creating an executable file (used to populate /bin). */
  installProgram(path: string, name: string): void;
  /** Mounts a host directory at guest path (only when the embedder asks). */
  mountHost(spec: MountSpec): void;
  /** Sets the provider for /proc. */
  setProcSource(src: ProcSource): void;
  /** Bytes and inodes this VM has allocated beyond the shared base image. */
  usage(): { bytes: number; inodes: number };
  /** A copy-on-write clone of this VFS (for fork of a whole VM). */
  clone(): VfsApi;
  /** Subscribes to filesystem changes (see VfsEvent); returns the unsubscribe function. */
  watch(listener: VfsListener): () => void;
}
