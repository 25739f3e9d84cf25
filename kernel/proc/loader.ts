// execve's program resolution: PATH search, registry programs behind /bin inodes, `#!`
// interpreters. Everything here is synchronous (spawn returns a pid at once) and reports
// errors as Linux does: ENOENT, EACCES (not executable, a directory), ENOEXEC (no known
// format: the shell then runs the file as a script), ELOOP (interpreter nesting).

import { kerr } from '../errno.ts';
import { S_IFDIR, S_IFMT, S_IFREG, type PathContext, type Program, type VfsApi } from '../types.ts';

const X_OK = 1;
const F_OK = 0;
/** Linux BINPRM_BUF_SIZE: how much of a file execve looks at for `#!`. */
const HEADER = 256;
/** Linux allows 4 levels of interpreter nesting (script whose interpreter is a script…). */
const MAX_INTERP_DEPTH = 4;
/** glibc's default search path when PATH is unset. */
export const DEFAULT_PATH = '/bin:/usr/bin';

export interface LoadedProgram {
  program: Program;
  /** Final argv (with interpreter and script path prepended for `#!` files). */
  argv: string[];
  /** Executable path that was run, if it came from the filesystem. */
  path: string | undefined;
  /** Process name (comm): basename of the executed file. */
  comm: string;
}

export function basename(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  const p = path.slice(0, end);
  const i = p.lastIndexOf('/');
  return i < 0 || p.length === 1 ? p : p.slice(i + 1);
}

function joinDir(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/**
 * PATH search for `name` (which must not contain '/'). Returns the path, or throws ENOENT /
 * EACCES (EACCES when a match existed but was not executable, as execvp reports it).
 */
export function searchPath(vfs: VfsApi, ctx: PathContext, name: string, pathVar: string | undefined): string {
  if (name === '') throw kerr('ENOENT', 'execve', name);
  let sawEacces = false;
  for (const dir of (pathVar ?? DEFAULT_PATH).split(':')) {
    const cand = joinDir(dir, name);
    if (vfs.access(ctx, cand, X_OK)) {
      let mode: number;
      try { mode = vfs.stat(ctx, cand).mode; } catch { continue; }
      if ((mode & S_IFMT) === S_IFREG) return cand;
      if ((mode & S_IFMT) === S_IFDIR) sawEacces = true;
    } else if (!sawEacces && vfs.access(ctx, cand, F_OK)) {
      sawEacces = true;
    }
  }
  throw kerr(sawEacces ? 'EACCES' : 'ENOENT', 'execve', name);
}

/** Like `command -v` for files: PATH search without throwing; names with '/' are checked as is. */
export function whichPath(vfs: VfsApi, ctx: PathContext, name: string, pathVar: string | undefined): string | null {
  try {
    if (name.includes('/')) {
      if (!vfs.access(ctx, name, X_OK)) return null;
      return (vfs.stat(ctx, name).mode & S_IFMT) === S_IFREG ? name : null;
    }
    return searchPath(vfs, ctx, name, pathVar);
  } catch {
    return null;
  }
}

/**
 * Resolves what a spawn/exec runs. `program` wins; else `path`, else argv[0] (PATH search in
 * `pathVar` when it has no '/').
 */
export function loadProgram(
  vfs: VfsApi, lookup: (name: string) => Program | undefined, ctx: PathContext,
  argv: string[], program: Program | undefined, path: string | undefined, pathVar: string | undefined,
): LoadedProgram {
  if (program) return { program, argv, path: undefined, comm: program.name };
  const target = path ?? argv[0];
  if (target === undefined || target === '') throw kerr('ENOENT', 'execve', target ?? '');
  const file = target.includes('/') ? target : searchPath(vfs, ctx, target, pathVar);
  return loadFile(vfs, lookup, ctx, file, argv, 0);
}

function loadFile(
  vfs: VfsApi, lookup: (name: string) => Program | undefined, ctx: PathContext,
  file: string, argv: string[], depth: number,
): LoadedProgram {
  const st = vfs.stat(ctx, file);
  if ((st.mode & S_IFMT) !== S_IFREG) throw kerr('EACCES', 'execve', file);
  if (!vfs.access(ctx, file, X_OK)) throw kerr('EACCES', 'execve', file);
  const name = vfs.programOf(ctx, file);
  if (name !== undefined) {
    const program = lookup(name);
    if (!program) throw kerr('ENOSYS', 'execve', file, `program '${name}' is not registered in this kernel`);
    return { program, argv, path: file, comm: basename(file) };
  }
  const head = vfs.readFile(ctx, file).subarray(0, HEADER);
  if (head.length >= 2 && head[0] === 0x23 && head[1] === 0x21) {
    if (depth >= MAX_INTERP_DEPTH) throw kerr('ELOOP', 'execve', file);
    let end = head.indexOf(0x0a);
    if (end < 0) end = head.length;
    const line = new TextDecoder().decode(head.subarray(2, end)).replace(/^[ \t]+|[ \t\r]+$/g, '');
    const m = /^(\S+)(?:[ \t]+(.*))?$/.exec(line);
    if (!m) throw kerr('ENOEXEC', 'execve', file);
    const interp = m[1]!;
    const arg = m[2]?.replace(/[ \t]+$/, '');
    const next = arg ? [interp, arg, file, ...argv.slice(1)] : [interp, file, ...argv.slice(1)];
    const loaded = loadFile(vfs, lookup, ctx, interp, next, depth + 1);
    loaded.comm = basename(file);
    return loaded;
  }
  throw kerr('ENOEXEC', 'execve', file);
}

/** ARG_MAX accounting: every argv and environment string plus its NUL terminator. */
export function argvBytes(argv: string[], env: Record<string, string>): number {
  let n = 0;
  for (const a of argv) n += a.length + 1;
  for (const k in env) n += k.length + env[k]!.length + 2;
  return n;
}
