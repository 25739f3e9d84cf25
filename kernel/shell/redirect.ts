// Redirections, applied with dup2 onto the shell's own fds. For builtins, functions and
// compound commands the previous fds are saved (dup'd to fds >= 10, close-on-exec) and put back
// by restoreRedirects; `exec` applies them permanently. Here-documents and here-strings are
// served from an in-memory file description (no pipe, no writer task, no size limit).

import type { Redirect } from './ast.ts';
import type { Interp } from './interp.ts';
import { ShellError } from './contracts.ts';
import { KernelError, strerror } from '../errno.ts';
import { Source } from '../source.ts';
import {
  O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, S_IFMT, S_IFREG,
} from '../types.ts';
import { wordSource } from './wordsrc.ts';

const encoder = new TextEncoder();
/** First fd used for saved copies and {var} allocations, as bash's SHELL_FD_BASE. */
export const FD_BASE = 10;

/** fds changed by one applyRedirects call, in order; saved -1 means "was closed". */
export interface SavedFds { fds: number[]; saved: number[] }

class RedirError {
  readonly msg: string;
  constructor(msg: string) { this.msg = msg; }
}

function isOpen(sh: Interp, fd: number): boolean {
  try { sh.proc.fstat(fd); return true; } catch (e) { if (e instanceof KernelError) return false; throw e; }
}

function save(sh: Interp, out: SavedFds | null, fd: number): void {
  if (out === null || out.fds.includes(fd)) return;
  let copy = -1;
  if (isOpen(sh, fd)) {
    copy = sh.proc.dup(fd, FD_BASE);
    sh.proc.setCloexec(copy, true);
  }
  out.fds.push(fd);
  out.saved.push(copy);
}

/** Puts back what applyRedirects changed (in reverse order). */
export function restoreRedirects(sh: Interp, s: SavedFds): void {
  for (let i = s.fds.length - 1; i >= 0; i--) {
    const fd = s.fds[i]!;
    const copy = s.saved[i]!;
    try {
      if (copy >= 0) {
        sh.proc.dup2(copy, fd);
        sh.proc.close(copy);
      } else if (isOpen(sh, fd)) sh.proc.close(fd);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
    }
  }
  s.fds.length = 0;
  s.saved.length = 0;
}

/** Moves `from` onto `to` (dup2 + close) unless they are the same fd. */
function place(sh: Interp, from: number, to: number): void {
  if (from === to) return;
  sh.proc.dup2(from, to);
  sh.proc.close(from);
}

async function targetPath(sh: Interp, r: Redirect): Promise<string> {
  const fields = await sh.expandWords([r.target]);
  if (fields.length !== 1) throw new RedirError(`${wordSource(r.target)}: ambiguous redirect`);
  return fields[0]!;
}

function openFile(sh: Interp, path: string, flags: number): number {
  try {
    return sh.proc.open(path, flags, 0o666);
  } catch (e) {
    if (e instanceof KernelError) throw new RedirError(`${path}: ${strerror(e.errno)}`);
    throw e;
  }
}

/** open() for `>` honoring noclobber (regular files that exist are refused). */
function openForWrite(sh: Interp, path: string, op: string): number {
  if (op === '>' && sh.setOptions.has('noclobber')) {
    let regular = false;
    let exists = false;
    try {
      const st = sh.proc.stat(path);
      exists = true;
      regular = (st.mode & S_IFMT) === S_IFREG;
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
    }
    if (regular) throw new RedirError(`${path}: cannot overwrite existing file`);
    return openFile(sh, path, exists ? O_WRONLY : O_WRONLY | O_CREAT | O_EXCL);
  }
  if (op === '>>' || op === '&>>') return openFile(sh, path, O_WRONLY | O_CREAT | O_APPEND);
  return openFile(sh, path, O_WRONLY | O_CREAT | O_TRUNC);
}

/** Installs an in-memory file with `text` at a fresh fd and returns it. */
function memoryFile(sh: Interp, text: string): number {
  return sh.proc.install(new Source(encoder.encode(text)), FD_BASE, true);
}

async function heredocText(sh: Interp, r: Redirect): Promise<string> {
  const h = r.heredoc;
  if (!h) return '';
  if (h.quoted) {
    let s = '';
    for (const p of h.body.parts) if ('value' in p && typeof p.value === 'string') s += p.value;
    return s;
  }
  return sh.expandWord(h.body);
}

/** Parses the fd of a dup target: "3", "3-" (move), "-" (close). */
function dupTarget(text: string): { fd: number; move: boolean } | 'close' | null {
  if (text === '-') return 'close';
  const m = /^(\d+)(-?)$/.exec(text);
  if (!m) return null;
  return { fd: Number(m[1]), move: m[2] === '-' };
}

/**
 * Applies `redirects` in order. Returns what to restore (empty when permanent), or null after
 * printing the error (everything applied so far is undone first).
 */
export async function applyRedirects(sh: Interp, redirects: Redirect[], permanent = false): Promise<SavedFds | null> {
  const out: SavedFds = { fds: [], saved: [] };
  const track = permanent ? null : out;
  try {
    for (const r of redirects) await applyOne(sh, r, track);
    return out;
  } catch (e) {
    restoreRedirects(sh, out);
    if (e instanceof RedirError) {
      await sh.error(e.msg);
      return null;
    }
    if (e instanceof KernelError) {
      await sh.reportError(e);
      return null;
    }
    if (e instanceof ShellError) await sh.expansionFailed(e);
    throw e;
  }
}

async function applyOne(sh: Interp, r: Redirect, track: SavedFds | null): Promise<void> {
  const op = r.op;
  const input = op === '<' || op === '<&' || op === '<<' || op === '<<-' || op === '<<<' || op === '<>';
  let fd = r.fd ?? (input ? 0 : 1);
  if (r.fdVar !== undefined) {
    if ((op === '>&' || op === '<&') && (await sh.expandWord(r.target)) === '-') {
      const cur = sh.vars.get(r.fdVar);
      const n = cur !== undefined && /^\d+$/.test(cur) ? Number(cur) : -1;
      if (n < 0 || !isOpen(sh, n)) throw new RedirError(`${cur ?? ''}: Bad file descriptor`);
      sh.proc.close(n);
      return;
    }
    fd = -1;
  }
  const dup = op === '<&' || op === '>&';
  let dupText = '';
  if (dup) {
    // Validate the source fd before saving anything (a saved copy could take its number).
    dupText = await sh.expandWord(r.target);
    const t = dupTarget(dupText);
    if (t !== null && t !== 'close' && !isOpen(sh, t.fd)) throw new RedirError(`${wordSource(r.target)}: Bad file descriptor`);
  }
  // Save before opening: the new file may land on the very fd being redirected.
  if (fd >= 0) save(sh, track, fd);
  if (op === '&>' || op === '&>>') { save(sh, track, 1); save(sh, track, 2); }
  let src: number;
  switch (op) {
    case '<': src = openFile(sh, await targetPath(sh, r), O_RDONLY); break;
    case '<>': src = openFile(sh, await targetPath(sh, r), O_RDWR | O_CREAT); break;
    case '>': case '>>': case '>|': src = openForWrite(sh, await targetPath(sh, r), op); break;
    case '&>': case '&>>': {
      src = openForWrite(sh, await targetPath(sh, r), op === '&>' ? '>' : '>>');
      sh.proc.dup2(src, 2);
      place(sh, src, 1);
      return;
    }
    case '<<': case '<<-': src = memoryFile(sh, await heredocText(sh, r)); break;
    case '<<<': src = memoryFile(sh, (await sh.expandWord(r.target)) + '\n'); break;
    case '<&': case '>&': {
      const text = dupText;
      const t = dupTarget(text);
      if (t === null) {
        if (op === '>&' && r.fd === undefined && r.fdVar === undefined) {
          // `>&file` is `&>file`
          const fields = await sh.expandWords([r.target]);
          if (fields.length !== 1) throw new RedirError(`${wordSource(r.target)}: ambiguous redirect`);
          save(sh, track, 2);
          src = openForWrite(sh, fields[0]!, '>');
          sh.proc.dup2(src, 2);
          place(sh, src, 1);
          return;
        }
        throw new RedirError(`${text}: ambiguous redirect`);
      }
      if (t === 'close') {
        if (fd < 0) return;
        if (isOpen(sh, fd)) sh.proc.close(fd);
        return;
      }
      if (fd < 0) {
        src = sh.proc.dup(t.fd, FD_BASE);
      } else {
        if (t.fd === fd) return;
        sh.proc.dup2(t.fd, fd);
        if (t.move) {
          save(sh, track, t.fd);
          sh.proc.close(t.fd);
        }
        return;
      }
      if (t.move) {
        save(sh, track, t.fd);
        sh.proc.close(t.fd);
      }
      break;
    }
  }
  if (fd < 0) {
    // {var}>…: the file stays at a fresh fd >= 10 that the variable names.
    let n = src;
    if (n < FD_BASE) {
      n = sh.proc.dup(src, FD_BASE);
      sh.proc.close(src);
    }
    sh.proc.setCloexec(n, false);
    sh.vars.set(r.fdVar!, String(n));
    return;
  }
  if (src !== fd) {
    sh.proc.dup2(src, fd);
    sh.proc.close(src);
  }
}
