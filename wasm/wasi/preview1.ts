// wasi_snapshot_preview1 over a kernel process. Every import goes through one wrapper that
// (1) stops a killed process at its next syscall, (2) yields to the host event loop once the
// current macrotask has run longer than limits.cpuSliceMs (so syscall-heavy programs never starve
// other VMs), and (3) maps KernelError to WASI errno numbers. Imports may return a promise: they
// are installed as WebAssembly.Suspending, so a blocking call suspends the WASM stack (JSPI)
// instead of the host thread.

import { overSlice, yieldToHost } from '../../kernel/sched.ts';
import { kerr } from '../../kernel/errno.ts';
import { O_ACCMODE, O_APPEND, O_NONBLOCK, O_RDONLY, O_WRONLY, SEEK_CUR, S_IFMT, type Proc } from '../../kernel/types.ts';
import * as W from './constants.ts';
import { errnoOf } from './errno.ts';
import { FdMap, PREOPEN_PATH } from './fdmap.ts';
import { filetypeOf, fsSyscalls, type Syscall, type SyscallContext } from './fs.ts';
import { WasmMemory, encodeStrings } from './memory.ts';
import { pollOneoff } from './poll.ts';
import { AGENTVM_MODULE, agentvmSyscalls } from './agentvm.ts';

export const WASI_MODULE = 'wasi_snapshot_preview1';

interface SuspendingCtor { new (fn: (...args: never[]) => unknown): object }
const Suspending = (WebAssembly as unknown as { Suspending?: SuspendingCtor }).Suspending;

/** True when this host supports JSPI (WebAssembly.Suspending / promising). */
export const hasJspi = typeof Suspending === 'function' &&
  typeof (WebAssembly as unknown as { promising?: unknown }).promising === 'function';

/** The environment a WASM program sees: proc.env, with PWD guaranteed to name proc.cwd. */
export function wasiEnviron(proc: Proc): string[] {
  const env = { ...proc.env };
  const pwd = env.PWD;
  let ok = false;
  if (pwd !== undefined && pwd.startsWith('/')) {
    if (pwd === proc.cwd) ok = true;
    else {
      try {
        const a = proc.stat(pwd);
        const b = proc.stat(proc.cwd);
        ok = a.ino === b.ino && a.dev === b.dev;
      } catch { ok = false; }
    }
  }
  if (!ok) env.PWD = proc.cwd;
  return Object.entries(env).map(([k, v]) => `${k}=${v}`);
}

export class Preview1 implements SyscallContext {
  readonly proc: Proc;
  readonly mem = new WasmMemory();
  readonly fds: FdMap;
  /** Syscalls made so far (for tests and accounting). */
  calls = 0;
  readonly #args;
  readonly #env;
  readonly #start = performance.now();

  constructor(proc: Proc) {
    this.proc = proc;
    this.fds = new FdMap(proc);
    this.#args = encodeStrings(proc.argv);
    this.#env = encodeStrings(wasiEnviron(proc));
  }

  /**
   * The import object for WebAssembly.instantiate (wasi_snapshot_preview1 and agentvm, see
   * wasm/ABI.md); call attach(memory) before running.
   */
  imports(): WebAssembly.Imports {
    const wrapAll = (table: Record<string, Syscall>): WebAssembly.ModuleImports => {
      const ns: Record<string, unknown> = {};
      for (const [name, fn] of Object.entries(table)) ns[name] = this.#wrap(fn);
      return ns as WebAssembly.ModuleImports;
    };
    return { [WASI_MODULE]: wrapAll(this.#syscalls()), [AGENTVM_MODULE]: wrapAll(agentvmSyscalls(this)) };
  }

  #wrap(fn: Syscall): object {
    const proc = this.proc;
    const slice = proc.kernel.limits.cpuSliceMs;
    const fail = (e: unknown): number => {
      const n = errnoOf(e);
      if (n === undefined) throw e;
      return n;
    };
    const call = (args: unknown[]): number | Promise<number> => {
      try {
        const r = (fn as (...a: unknown[]) => number | Promise<number>)(...args);
        return typeof r === 'number' ? r : r.then(undefined, fail);
      } catch (e) {
        return fail(e);
      }
    };
    const wrapped = (...args: unknown[]): number | Promise<number> => {
      this.calls++;
      for (let i = 0; i < args.length; i++) if (typeof args[i] === 'number') args[i] = (args[i] as number) >>> 0;
      if (proc.killed) throw proc.signal.reason;
      if (overSlice(slice)) {
        return yieldToHost().then(() => {
          if (proc.killed) throw proc.signal.reason;
          return call(args);
        });
      }
      return call(args);
    };
    return new Suspending!(wrapped);
  }

  #syscalls(): Record<string, Syscall> {
    const { proc, mem, fds } = this;
    const args = this.#args;
    const env = this.#env;
    const start = this.#start;
    const noSys = (): number => W.ERRNO_NOSYS;
    return {
      ...fsSyscalls(this),

      args_sizes_get(argc: number, size: number): number {
        mem.setU32(argc, args.items.length);
        mem.setU32(size, args.bytes);
        return 0;
      },
      args_get(ptrs: number, buf: number): number {
        mem.putStrings(args.items, ptrs, buf);
        return 0;
      },
      environ_sizes_get(count: number, size: number): number {
        mem.setU32(count, env.items.length);
        mem.setU32(size, env.bytes);
        return 0;
      },
      environ_get(ptrs: number, buf: number): number {
        mem.putStrings(env.items, ptrs, buf);
        return 0;
      },

      clock_res_get(id: number, out: number): number {
        if (id > W.CLOCKID_THREAD_CPUTIME_ID) return W.ERRNO_INVAL;
        mem.setU64(out, id === W.CLOCKID_REALTIME ? 1_000_000n : 1_000n);
        return 0;
      },
      clock_time_get(id: number, _precision: bigint, out: number): number {
        let t: bigint;
        if (id === W.CLOCKID_REALTIME) t = BigInt(Math.round(proc.kernel.now() * 1e6));
        else if (id === W.CLOCKID_MONOTONIC) t = BigInt(Math.round(performance.now() * 1e6));
        else if (id === W.CLOCKID_PROCESS_CPUTIME_ID || id === W.CLOCKID_THREAD_CPUTIME_ID) {
          t = BigInt(Math.round((performance.now() - start) * 1e6));
        } else return W.ERRNO_INVAL;
        mem.setU64(out, t);
        return 0;
      },
      random_get(buf: number, len: number): number {
        const tmp = new Uint8Array(Math.min(len, 65536));
        for (let off = 0; off < len; off += tmp.length) {
          const n = Math.min(tmp.length, len - off);
          crypto.getRandomValues(tmp);
          mem.put(buf + off, n === tmp.length ? tmp : tmp.subarray(0, n));
        }
        return 0;
      },

      fd_read(fd: number, iovs: number, count: number, nreadPtr: number): Promise<number> {
        const kfd = fds.kernelFd(fd, 'read');
        return proc.read(kfd, mem.iovTotal(iovs, count)).then((data) => {
          mem.scatter(iovs, count, data);
          mem.setU32(nreadPtr, data.length);
          return 0;
        });
      },
      fd_write(fd: number, iovs: number, count: number, nPtr: number): number | Promise<number> {
        const kfd = fds.kernelFd(fd, 'write');
        const data = mem.gather(iovs, count);
        if (data.length === 0) {
          proc.file(kfd); // EBADF check; a zero-length write is not EOF and writes nothing
          mem.setU32(nPtr, 0);
          return 0;
        }
        return proc.write(kfd, data).then(() => {
          mem.setU32(nPtr, data.length);
          return 0;
        });
      },
      fd_seek(fd: number, offset: bigint, whence: number, out: number): number {
        if (whence > W.WHENCE_END) return W.ERRNO_INVAL;
        mem.setU64(out, proc.seek(fds.kernelFd(fd, 'lseek'), Number(offset), whence));
        return 0;
      },
      fd_tell(fd: number, out: number): number {
        mem.setU64(out, proc.seek(fds.kernelFd(fd, 'lseek'), 0, SEEK_CUR));
        return 0;
      },
      fd_close(fd: number): number {
        if (fds.isPreopen(fd)) fds.closePreopen();
        else proc.close(fds.kernelFd(fd, 'close'));
        return 0;
      },
      fd_sync(fd: number): number {
        if (!fds.isPreopen(fd)) fds.file(fd, 'fsync');
        return 0;
      },
      fd_datasync(fd: number): number {
        if (!fds.isPreopen(fd)) fds.file(fd, 'fdatasync');
        return 0;
      },
      fd_advise(fd: number, _offset: bigint, _len: bigint, advice: number): number {
        if (advice > 5) return W.ERRNO_INVAL;
        if (!fds.isPreopen(fd)) fds.file(fd, 'fadvise');
        return 0;
      },
      fd_fdstat_get(fd: number, out: number): number {
        let type: number;
        let flags = 0;
        let rights = W.RIGHTS_ALL;
        if (fds.isPreopen(fd)) type = W.FILETYPE_DIRECTORY;
        else {
          const f = fds.file(fd, 'fcntl');
          type = filetypeOf(f.stat().mode & S_IFMT);
          if (f.flags & O_APPEND) flags |= W.FDFLAGS_APPEND;
          if (f.flags & O_NONBLOCK) flags |= W.FDFLAGS_NONBLOCK;
          // the access mode, as wasi-libc's fcntl(F_GETFL) reads it back from the rights
          const acc = f.flags & O_ACCMODE;
          if (acc === O_RDONLY) rights &= ~W.RIGHTS_FD_WRITE;
          else if (acc === O_WRONLY) rights &= ~(W.RIGHTS_FD_READ | W.RIGHTS_FD_READDIR);
          // wasi-libc's isatty(): a character device without seek/tell rights
          if (f.isatty()) rights &= ~(W.RIGHTS_FD_SEEK | W.RIGHTS_FD_TELL);
          if (type === W.FILETYPE_CHARACTER_DEVICE && !f.isatty()) rights |= W.RIGHTS_FD_SEEK | W.RIGHTS_FD_TELL;
        }
        mem.setU8(out, type);
        mem.setU16(out + 2, flags);
        mem.setU64(out + 8, rights);
        mem.setU64(out + 16, W.RIGHTS_ALL);
        return 0;
      },
      fd_fdstat_set_flags(fd: number, flags: number): number {
        const f = fds.file(fd, 'fcntl');
        let fl = f.flags & ~(O_APPEND | O_NONBLOCK);
        if (flags & W.FDFLAGS_APPEND) fl |= O_APPEND;
        if (flags & W.FDFLAGS_NONBLOCK) fl |= O_NONBLOCK;
        f.flags = fl;
        return 0;
      },
      fd_fdstat_set_rights(fd: number): number {
        if (!fds.isPreopen(fd)) fds.file(fd, 'fcntl');
        return 0; // rights are not tracked: permissions are the kernel's
      },
      fd_renumber(from: number, to: number): number {
        const kfrom = fds.kernelFd(from, 'dup2');
        const kto = fds.kernelFd(to, 'dup2');
        proc.file(kto); // preview1 requires `to` to be open
        if (kfrom !== kto) {
          proc.dup2(kfrom, kto);
          proc.close(kfrom);
        }
        return 0;
      },
      fd_prestat_get(fd: number, out: number): number {
        if (!fds.isPreopen(fd)) return W.ERRNO_BADF;
        mem.setU8(out, W.PREOPENTYPE_DIR);
        mem.setU32(out + 4, PREOPEN_PATH.length);
        return 0;
      },
      fd_prestat_dir_name(fd: number, buf: number, len: number): number {
        if (!fds.isPreopen(fd)) return W.ERRNO_BADF;
        const name = new TextEncoder().encode(PREOPEN_PATH);
        if (len < name.length) return W.ERRNO_NAMETOOLONG;
        mem.put(buf, name);
        return 0;
      },

      poll_oneoff: (inPtr: number, outPtr: number, nsubs: number, neventsPtr: number) =>
        pollOneoff(this, inPtr, outPtr, nsubs, neventsPtr),

      proc_exit(code: number): number {
        return proc.exit(code);
      },
      proc_raise(sig: number): number {
        if (sig === 0) return 0;
        if (sig > 30) throw kerr('EINVAL', 'raise');
        proc.kill(proc.pid, W.linuxSignal(sig));
        return 0;
      },
      sched_yield(): Promise<number> {
        return yieldToHost().then(() => 0);
      },

      sock_accept: noSys,
      sock_recv: noSys,
      sock_send: noSys,
      sock_shutdown: noSys,
    };
  }
}
