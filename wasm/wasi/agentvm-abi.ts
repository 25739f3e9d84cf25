// Shared pieces of the `agentvm` import module (wasm/ABI.md, "agentvm import module"): the Linux
// numbers it speaks, C string and string-array readers, (dirfd, path) resolution and the record
// layouts written into the module's memory. Every call returns a WASI errno and takes WASI fd
// numbers (FdMap); flags, modes, signals and wait statuses are Linux values.

import { kerr } from '../../kernel/errno.ts';
import { S_IFMT, type Stat } from '../../kernel/types.ts';
import type { SyscallContext } from './fs.ts';
import type { WasmMemory } from './memory.ts';

/** Linux AT_FDCWD: a dirfd meaning "the process's working directory". */
export const AT_FDCWD = -100;
export const AT_SYMLINK_NOFOLLOW = 0x100;
export const AT_EMPTY_PATH = 0x1000;
/** FD_CLOEXEC, the only fd flag. */
export const FD_CLOEXEC = 1;
/** Linux wait(2) options. */
export const WNOHANG = 1;
export const WUNTRACED = 2;

const decoder = new TextDecoder();

/** The NUL-terminated string at ptr (EFAULT when it runs off the end of memory). */
export function cstring(mem: WasmMemory, ptr: number): string {
  const u8 = mem.u8;
  const end = u8.indexOf(0, ptr);
  if (ptr >= u8.length || end < 0) throw kerr('EFAULT', 'agentvm');
  return decoder.decode(u8.subarray(ptr, end));
}

/** `count` C strings from an array of pointers (argv/envp style). */
export function cstrings(mem: WasmMemory, ptr: number, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(cstring(mem, mem.u32(ptr + i * 4)));
  return out;
}

/** An environment from "NAME=value" strings (the first definition of a name wins, as getenv sees it). */
export function envRecord(list: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const s of list) {
    const i = s.indexOf('=');
    if (i <= 0) continue;
    const k = s.slice(0, i);
    if (!Object.hasOwn(env, k)) env[k] = s.slice(i + 1);
  }
  return env;
}

/** Joins a relative path onto an absolute directory (no normalisation: the kernel resolves it). */
export function joinPath(dir: string, path: string): string {
  if (path.startsWith('/')) return path;
  return dir.endsWith('/') ? dir + path : `${dir}/${path}`;
}

/**
 * The path a (dirfd, path) pair names: dirfd AT_FDCWD leaves a relative path relative to the
 * process's cwd (the kernel resolves it); any other dirfd goes through FdMap.resolve.
 */
export function pathAt(ctx: SyscallContext, dirfd: number, ptr: number, len: number, syscall: string): string {
  const path = ctx.mem.string(ptr, len);
  if ((dirfd | 0) === AT_FDCWD) {
    if (path.includes('\0')) throw kerr('EINVAL', syscall, path);
    if (path === '') throw kerr('ENOENT', syscall, path);
    return path;
  }
  return ctx.fds.resolve(dirfd, path, syscall);
}

const ns = (ms: number): bigint => BigInt(Math.round(ms * 1e6));

/** Size of the stat record (13 × u64). */
export const STAT_SIZE = 104;

/**
 * stat record: dev, ino, nlink, mode (Linux st_mode), uid, gid, rdev, size, blksize, blocks
 * (512-byte units), atime, mtime, ctime (ns since the epoch) — 13 little-endian u64.
 */
export function putStat(mem: WasmMemory, ptr: number, st: Stat): void {
  const v = [st.dev, st.ino, st.nlink, st.mode, st.uid, st.gid, st.rdev, st.size, st.blksize, st.blocks];
  for (let i = 0; i < v.length; i++) mem.setU64(ptr + i * 8, v[i]!);
  mem.setU64(ptr + 80, ns(st.atimeMs));
  mem.setU64(ptr + 88, ns(st.mtimeMs));
  mem.setU64(ptr + 96, ns(st.ctimeMs));
}

/** True when two stats name the same inode (a path still names an fd's file). */
export function sameFile(a: Stat, b: Stat): boolean {
  return a.ino === b.ino && a.dev === b.dev && (a.mode & S_IFMT) === (b.mode & S_IFMT);
}

/** Linux wait status: exited (code << 8), killed (signal), stopped ((signal << 8) | 0x7f). */
export function waitStatus(st: { code?: number; signal?: number; stopped?: boolean; status: number }): number {
  if (st.stopped) return ((st.signal! & 0xff) << 8) | 0x7f;
  if (st.signal !== undefined) return st.signal & 0x7f;
  return ((st.code ?? st.status) & 0xff) << 8;
}
