// `agentvm` process calls: spawn (posix_spawn with file actions applied in order), exec, wait,
// kill, ids, process groups and signal dispositions. A child is any kernel program (the shell, a
// JS utility, another WASM module), resolved by the kernel exactly as the shell resolves it.

import { kerr } from '../../kernel/errno.ts';
import {
  O_CLOEXEC, O_NOCTTY, S_IFDIR, S_IFMT, Signal, type SignalDisposition,
} from '../../kernel/types.ts';
import {
  WNOHANG, WUNTRACED, cstrings, envRecord, joinPath, waitStatus,
} from './agentvm-abi.ts';
import type { Syscall, SyscallContext } from './fs.ts';
import { UNAME_MACHINE, UNAME_RELEASE, UNAME_SYSNAME, UNAME_VERSION } from '../../kernel/bin/sysinfo.ts';

/** struct utsname: six NUL-terminated fields of 65 bytes (Linux/musl layout). */
export const UTSNAME_FIELD = 65;
const utf8 = new TextEncoder();

/** posix_spawnattr flags the runtime acts on (Linux/glibc values). */
export const SPAWN_SETPGROUP = 0x02;
export const SPAWN_SETSIGDEF = 0x04;
export const SPAWN_SETSID = 0x80;
/** Flags accepted and ignored: RESETIDS (uid == euid here), SETSIGMASK, SETSCHEDPARAM, SETSCHEDULER, USEVFORK. */
const SPAWN_ACCEPTED = 0x01 | 0x08 | 0x10 | 0x20 | 0x40;

/** File action kinds (records of SPAWN_ACTION_SIZE bytes). */
export const ACTION_CLOSE = 1;
export const ACTION_DUP2 = 2;
export const ACTION_OPEN = 3;
export const ACTION_CHDIR = 4;
export const ACTION_FCHDIR = 5;
export const SPAWN_ACTION_SIZE = 24;
export const SPAWN_ATTR_SIZE = 16;

interface ChildFd { pfd: number; cloexec: boolean }

const dispCode = (d: SignalDisposition): number => (d === 'ignore' ? 1 : d === 'catch' ? 2 : 0);

export function procSyscalls(ctx: SyscallContext): Record<string, Syscall> {
  const { proc, mem, fds } = ctx;
  const X_OK = 1;

  /** Kernel fd of a child's WASI fd number (WASI 3 is the child's preopen: EBADF). */
  const childKfd = (wfd: number): number => fds.kernelFd(wfd | 0, 'posix_spawn');

  /** The executable path as spawn/exec resolve it: relative paths are relative to the cwd, never searched. */
  const exePath = (path: string): string => (path.includes('/') ? path : `./${path}`);

  const isCloexec = (kfd: number): boolean => proc.isCloexec?.(kfd) ?? false;

  const infoOf = (pid: number) => {
    const p = proc.kernel.processes().find((x) => x.pid === pid);
    if (!p || p.state === 'Z') throw kerr('ESRCH', 'getpgid');
    return p;
  };

  return {
    /**
     * proc_spawn(path, path_len, argv, argc, envp, envc, actions, nactions, attr, pid_out):
     * starts `path` (no PATH search) with argv/envp (arrays of C strings), after applying the
     * file actions in order to a copy of the caller's fd table; close-on-exec fds are not inherited.
     */
    proc_spawn(pathPtr: number, pathLen: number, argvPtr: number, argc: number, envpPtr: number, envc: number,
      actsPtr: number, nacts: number, attrPtr: number, pidOut: number): number {
      const path = mem.string(pathPtr, pathLen);
      const argv = cstrings(mem, argvPtr, argc);
      const env = envRecord(cstrings(mem, envpPtr, envc));
      let flags = 0;
      let pgid = 0;
      let sigdef = 0n;
      if (attrPtr !== 0) {
        flags = mem.u32(attrPtr);
        pgid = mem.u32(attrPtr + 4) | 0;
        sigdef = mem.u64(attrPtr + 8);
        if (flags & ~(SPAWN_SETPGROUP | SPAWN_SETSIGDEF | SPAWN_SETSID | SPAWN_ACCEPTED)) throw kerr('EINVAL', 'posix_spawn');
      }
      const table = new Map<number, ChildFd>();
      for (const kfd of proc.fds()) table.set(kfd, { pfd: kfd, cloexec: isCloexec(kfd) });
      const temps: number[] = [];
      const restore: [number, SignalDisposition][] = [];
      let cwd = proc.cwd;
      try {
        for (let i = 0; i < nacts; i++) {
          const a = actsPtr + i * 24;
          const kind = mem.u32(a);
          const fd = mem.u32(a + 4) | 0;
          const arg = mem.u32(a + 8) | 0;
          switch (kind) {
            case ACTION_CLOSE:
              table.delete(childKfd(fd)); // closing a closed fd is not an error (as in musl)
              break;
            case ACTION_DUP2: {
              const src = table.get(childKfd(arg));
              if (!src) throw kerr('EBADF', 'posix_spawn');
              table.set(childKfd(fd), { pfd: src.pfd, cloexec: false });
              break;
            }
            case ACTION_OPEN: {
              const kfd = childKfd(fd);
              const p = joinPath(cwd, mem.string(mem.u32(a + 16), mem.u32(a + 20)));
              const t = proc.open(p, (arg & ~O_CLOEXEC) | O_NOCTTY, mem.u32(a + 12));
              temps.push(t);
              table.set(kfd, { pfd: t, cloexec: (arg & O_CLOEXEC) !== 0 });
              break;
            }
            case ACTION_CHDIR: {
              const p = joinPath(cwd, mem.string(mem.u32(a + 16), mem.u32(a + 20)));
              if ((proc.stat(p).mode & S_IFMT) !== S_IFDIR) throw kerr('ENOTDIR', 'chdir', p);
              if (!proc.access(p, X_OK)) throw kerr('EACCES', 'chdir', p);
              cwd = proc.realpath(p);
              break;
            }
            case ACTION_FCHDIR: {
              const e = table.get(childKfd(fd));
              if (!e) throw kerr('EBADF', 'fchdir');
              const f = proc.file(e.pfd);
              if ((f.stat().mode & S_IFMT) !== S_IFDIR || f.path === '') throw kerr('ENOTDIR', 'fchdir');
              cwd = f.path;
              break;
            }
            default:
              throw kerr('EINVAL', 'posix_spawn');
          }
        }
        const map = new Map<number, number>();
        for (const [c, e] of table) if (!e.cloexec) map.set(c, e.pfd);
        if (flags & SPAWN_SETSIGDEF) {
          // the child copies the caller's dispositions: reset the listed ignored ones around the
          // (synchronous) spawn, so nothing can be delivered to the caller in between
          for (let sig = 1; sig <= 64; sig++) {
            if (!((sigdef >> BigInt(sig - 1)) & 1n) || sig === Signal.SIGKILL || sig === Signal.SIGSTOP) continue;
            const d = proc.getSignal(sig);
            if (d === 'ignore') {
              restore.push([sig, d]);
              proc.setSignal(sig, 'default');
            }
          }
        }
        const pid = proc.spawn({
          argv, path: exePath(path), env, cwd, fds: map,
          pgid: flags & SPAWN_SETPGROUP ? pgid : undefined,
          newSession: (flags & SPAWN_SETSID) !== 0,
        });
        mem.setU32(pidOut, pid);
        return 0;
      } finally {
        for (const [sig, d] of restore) proc.setSignal(sig, d);
        for (const t of temps) proc.close(t);
      }
    },

    /** proc_exec(path, path_len, argv, argc, envp, envc): replaces the program (execve); returns only on failure. */
    proc_exec(pathPtr: number, pathLen: number, argvPtr: number, argc: number, envpPtr: number, envc: number): Promise<number> {
      const path = mem.string(pathPtr, pathLen);
      const argv = cstrings(mem, argvPtr, argc);
      const env = envRecord(cstrings(mem, envpPtr, envc));
      return proc.exec({ argv, path: exePath(path), env }).then(() => 0);
    },

    /** proc_wait(pid, options, status_out, pid_out): waitpid; pid_out 0 with WNOHANG and nothing to report. */
    proc_wait(pid: number, options: number, statusOut: number, pidOut: number): Promise<number> {
      if (options & ~(WNOHANG | WUNTRACED | 8 /* WCONTINUED: accepted, never reported */)) throw kerr('EINVAL', 'wait4');
      return proc.wait(pid | 0, { noHang: (options & WNOHANG) !== 0, untraced: (options & WUNTRACED) !== 0 }).then((st) => {
        mem.setU32(pidOut, st ? st.pid : 0);
        mem.setU32(statusOut, st ? waitStatus(st) : 0);
        return 0;
      });
    },

    /** proc_kill(pid, sig): kill(2) with Linux signal numbers. */
    proc_kill(pid: number, sig: number): number {
      proc.kill(pid | 0, sig);
      return 0;
    },

    /**
     * sys_uname(buf): struct utsname — sysname, nodename (the kernel's hostname), release,
     * version, machine, domainname ("(none)"), as uname(1) and /proc report them.
     */
    sys_uname(buf: number): number {
      const fields = [UNAME_SYSNAME, proc.kernel.hostname, UNAME_RELEASE, UNAME_VERSION, UNAME_MACHINE, '(none)'];
      for (let i = 0; i < fields.length; i++) {
        const b = utf8.encode(fields[i]!).subarray(0, UTSNAME_FIELD - 1);
        const at = buf + i * UTSNAME_FIELD;
        mem.put(at, b);
        for (let j = b.length; j < UTSNAME_FIELD; j++) mem.setU8(at + j, 0);
      }
      return 0;
    },

    /** proc_ids(out): 8 × i32 — pid, ppid, pgid, sid, uid, euid, gid, egid. */
    proc_ids(out: number): number {
      const v = [proc.pid, proc.ppid, proc.pgid, proc.sid, proc.uid, proc.uid, proc.gid, proc.gid];
      for (let i = 0; i < v.length; i++) mem.setU32(out + i * 4, v[i]! >>> 0);
      return 0;
    },

    /** proc_getpgid(pid, out): process group of pid (0 = the caller). */
    proc_getpgid(pid: number, out: number): number {
      mem.setU32(out, (pid | 0) === 0 || pid === proc.pid ? proc.pgid : infoOf(pid | 0).pgid);
      return 0;
    },

    /** proc_getsid(pid, out): session of pid (0 = the caller). */
    proc_getsid(pid: number, out: number): number {
      mem.setU32(out, (pid | 0) === 0 || pid === proc.pid ? proc.sid : infoOf(pid | 0).sid);
      return 0;
    },

    /** proc_setpgid(pid, pgid). */
    proc_setpgid(pid: number, pgid: number): number {
      proc.setpgid(pid | 0, pgid | 0);
      return 0;
    },

    /** proc_setsid(sid_out). */
    proc_setsid(out: number): number {
      mem.setU32(out, proc.setsid());
      return 0;
    },

    /**
     * proc_signal(sig, disposition, old_out): the kernel disposition of a signal — 0 default,
     * 1 ignore, 2 caught (by a non-WASM program); disposition -1 only queries. What children inherit.
     */
    proc_signal(sig: number, disp: number, oldOut: number): number {
      const old = proc.getSignal(sig);
      const d = disp | 0;
      if (d !== -1) {
        if (d !== 0 && d !== 1) throw kerr('EINVAL', 'sigaction');
        if (sig === Signal.SIGKILL || sig === Signal.SIGSTOP) throw kerr('EINVAL', 'sigaction');
        proc.setSignal(sig, d === 1 ? 'ignore' : 'default');
      }
      if (oldOut !== 0) mem.setU32(oldOut, dispCode(old));
      return 0;
    },
  };
}

