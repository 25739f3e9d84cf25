// Every limit the kernel enforces, one line each. A VM may override any of them through
// createVM({ limits }); the kernel reads them from its own copy, never from this object.

export interface Limits {
  maxProcesses: number;      // live (not yet reaped) processes per VM; fork/spawn fails with EAGAIN beyond it
  maxOpenFiles: number;      // fds per process (RLIMIT_NOFILE); open/dup/pipe fail with EMFILE beyond it
  pipeBuffer: number;        // bytes buffered in one pipe before writers block (Linux default 64 KiB)
  ptyBuffer: number;         // bytes buffered in each direction of a PTY before writers block
  vfsBytes: number;          // total bytes of file data a VM may store (disk quota); writes fail with ENOSPC
  vfsInodes: number;         // total inodes a VM may create; creation fails with ENOSPC beyond it
  fileSize: number;          // largest single regular file (RLIMIT_FSIZE); writes fail with EFBIG
  argvBytes: number;         // argv + environment bytes passed to exec (ARG_MAX); E2BIG beyond it
  pathMax: number;           // longest path accepted by any call (PATH_MAX); ENAMETOOLONG beyond it
  nameMax: number;           // longest single path component (NAME_MAX); ENAMETOOLONG beyond it
  symlinkDepth: number;      // symlinks followed while resolving one path; ELOOP beyond it
  outputBytes: number;       // bytes vm.exec() collects per stream; the rest is dropped and `truncated` set
  shellDepth: number;        // nested function calls / eval / source depth in the shell before it errors
  cpuSliceMs: number;        // a busy shell or WASM program yields the host event loop at least this often (at syscalls; WASM loops at fuel checks)
  wasmMemoryBytes: number;   // linear memory of one WASM process (its module's maximum is capped): malloc fails beyond it
}

export const defaultLimits: Readonly<Limits> = Object.freeze({
  maxProcesses: 1024,
  maxOpenFiles: 1024,
  pipeBuffer: 64 * 1024,
  ptyBuffer: 64 * 1024,
  vfsBytes: 512 * 1024 * 1024,
  vfsInodes: 1_000_000,
  fileSize: 256 * 1024 * 1024,
  argvBytes: 2 * 1024 * 1024,
  pathMax: 4096,
  nameMax: 255,
  symlinkDepth: 40,
  outputBytes: 64 * 1024 * 1024,
  shellDepth: 1000,
  cpuSliceMs: 10,
  wasmMemoryBytes: 512 * 1024 * 1024,
});

export function resolveLimits(overrides?: Partial<Limits>): Limits {
  if (!overrides) return defaultLimits as Limits;
  const out = { ...defaultLimits, ...overrides };
  for (const [k, v] of Object.entries(out)) {
    if (!Number.isFinite(v) || v < 0) throw new TypeError(`limits.${k} must be a non-negative number, got ${String(v)}`);
  }
  return out;
}
