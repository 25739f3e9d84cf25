// The copying engine behind cp (and mv across file systems): files streamed chunk by chunk,
// directories recursively, symlinks as symlinks (-P) or followed (-L), modes/times/owners
// preserved on request, hard links kept with --preserve=links. Plus the target-operand logic
// cp, mv and ln share (-t, -T, last operand a directory).

import { O_CREAT, O_EXCL, O_RDONLY, O_TRUNC, O_WRONLY, S_IFDIR, S_IFLNK, S_IFMT, type Stat } from '../types.ts';
import { absPath, baseName, errText, quoteaf, rethrowFatal, READ_CHUNK, type Ctx } from './util.ts';

export interface CopyOptions {
  recursive: boolean;
  /** 'never' (-P), 'always' (-L), 'cmdline' (-H) */
  deref: 'never' | 'always' | 'cmdline';
  preserveMode: boolean;
  preserveTimes: boolean;
  preserveOwner: boolean;
  preserveLinks: boolean;
  force: boolean;
  noClobber: boolean;
  update: boolean;
  verbose: boolean;
  hardLink: boolean;
  symbolicLink: boolean;
  removeDestination: boolean;
  /** mv: the message verb and quiet overwrite rules */
  forMove: boolean;
}

export function defaultCopyOptions(): CopyOptions {
  return {
    recursive: false, deref: 'always', preserveMode: false, preserveTimes: false, preserveOwner: false,
    preserveLinks: false, force: false, noClobber: false, update: false, verbose: false, hardLink: false,
    symbolicLink: false, removeDestination: false, forMove: false,
  };
}

function isDir(st: Stat | null | undefined): boolean {
  return !!st && (st.mode & S_IFMT) === S_IFDIR;
}

/** True if `inner` is `outer` or lies below it (by absolute, lexical paths after resolving what exists). */
export function isInside(ctx: Ctx, outer: string, inner: string): boolean {
  const { proc } = ctx;
  const real = (p: string): string => {
    try {
      return proc.realpath(p);
    } catch (e) {
      rethrowFatal(e);
      // resolve the existing parent, then append the rest
      const a = absPath(proc, p);
      const i = a.lastIndexOf('/');
      const parent = i <= 0 ? '/' : a.slice(0, i);
      try {
        const rp = proc.realpath(parent);
        return rp === '/' ? `/${a.slice(i + 1)}` : `${rp}/${a.slice(i + 1)}`;
      } catch (e2) {
        rethrowFatal(e2);
        return a;
      }
    }
  };
  const o = real(outer);
  const n = real(inner);
  return n === o || n.startsWith(o === '/' ? '/' : `${o}/`);
}

export class Copier {
  readonly ctx: Ctx;
  readonly o: CopyOptions;
  /** src "dev:ino" → dst path, for --preserve=links */
  readonly #links = new Map<string, string>();
  /** "dev:ino" of directories this run created (meeting one as a source = copying into itself) */
  readonly #createdDirs = new Set<string>();
  #topSrc = '';
  #topDst = '';
  ok = true;
  constructor(ctx: Ctx, o: CopyOptions) {
    this.ctx = ctx;
    this.o = o;
  }

  async #fail(msg: string): Promise<false> {
    this.ok = false;
    await this.ctx.warn(msg);
    return false;
  }

  #lstat(p: string): Stat | null {
    try {
      return this.ctx.proc.lstat(p);
    } catch (e) {
      rethrowFatal(e);
      return null;
    }
  }

  /** Copies src to dst; `top` marks command-line sources (for -H). Returns false on failure. */
  async copy(src: string, dst: string, top: boolean): Promise<boolean> {
    const { proc } = this.ctx;
    const o = this.o;
    if (top) {
      this.#topSrc = src;
      this.#topDst = dst;
    }
    const follow = o.deref === 'always' || (o.deref === 'cmdline' && top);
    let sst: Stat;
    try {
      sst = follow ? proc.stat(src) : proc.lstat(src);
    } catch (e) {
      rethrowFatal(e);
      return this.#fail(`cannot stat ${quoteaf(src)}: ${errText(e)}`);
    }
    let dst0 = this.#lstat(dst);
    let dstSt: Stat | null = dst0;
    if (dst0 && (dst0.mode & S_IFMT) === S_IFLNK) {
      try {
        dstSt = proc.stat(dst);
      } catch (e) {
        rethrowFatal(e);
        dstSt = null;
      }
    }
    if (dstSt && dstSt.ino === sst.ino && dstSt.dev === sst.dev && !(o.symbolicLink)) {
      if (!(o.force && (dst0!.mode & S_IFMT) === S_IFLNK && !isDir(sst))) {
        return this.#fail(`${quoteaf(src)} and ${quoteaf(dst)} are the same file`);
      }
    }
    const stype = sst.mode & S_IFMT;
    if (stype === S_IFDIR && !o.symbolicLink) {
      if (!o.recursive) {
        return this.#fail(`-r not specified; omitting directory ${quoteaf(src)}`);
      }
      if (dstSt && !isDir(dstSt)) {
        return this.#fail(`cannot overwrite non-directory ${quoteaf(dst)} with directory ${quoteaf(src)}`);
      }
      if (this.#createdDirs.has(`${sst.dev}:${sst.ino}`) || (dstSt && isInside(this.ctx, src, dst))) {
        return this.#fail(`cannot copy a directory, ${quoteaf(this.#topSrc)}, into itself, ${quoteaf(this.#topDst)}`);
      }
      let created = false;
      if (!dstSt) {
        try {
          proc.mkdir(dst, (sst.mode & 0o7777) | 0o700);
          created = true;
          try {
            const nst = proc.lstat(dst);
            this.#createdDirs.add(`${nst.dev}:${nst.ino}`);
          } catch (e) {
            rethrowFatal(e);
          }
          if (o.verbose) this.ctx.out.text(`${quoteaf(src)} -> ${quoteaf(dst)}\n`);
        } catch (e) {
          rethrowFatal(e);
          return this.#fail(`cannot create directory ${quoteaf(dst)}: ${errText(e)}`);
        }
      }
      let names: string[];
      try {
        names = proc.readdir(src).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
      } catch (e) {
        rethrowFatal(e);
        return this.#fail(`cannot access ${quoteaf(src)}: ${errText(e)}`);
      }
      let ok = true;
      for (const n of names) {
        if (!(await this.copy(`${src.replace(/\/+$/, '')}/${n}`, `${dst.replace(/\/+$/, '')}/${n}`, false))) ok = false;
        await this.ctx.out.maybeFlush();
      }
      // the directory's own mode: the source's (minus umask unless preserving), set after filling it
      try {
        if (o.preserveMode) proc.chmod(dst, sst.mode & 0o7777);
        else if (created) proc.chmod(dst, sst.mode & 0o7777 & ~proc.umask);
        this.#preserveRest(dst, sst);
      } catch (e) {
        rethrowFatal(e);
        await this.#fail(`preserving permissions for ${quoteaf(dst)}: ${errText(e)}`);
      }
      return ok;
    }
    // non-directories
    if (dstSt && isDir(dstSt) && !(o.symbolicLink && dst0 && !isDir(dst0))) {
      return this.#fail(`cannot overwrite directory ${quoteaf(dst)} with non-directory`);
    }
    if (dst0 && o.noClobber) return true;
    if (dst0 && o.update && dstSt && dstSt.mtimeMs >= sst.mtimeMs) return true;
    const key = `${sst.dev}:${sst.ino}`;
    if (o.preserveLinks && sst.nlink > 1 && this.#links.has(key)) {
      return this.#replace(dst, dst0, () => proc.link(this.#links.get(key)!, dst), src, 'hard link');
    }
    if (o.symbolicLink) {
      return this.#replace(dst, dst0, () => proc.symlink(src, dst), src, 'symbolic link');
    }
    if (o.hardLink) {
      return this.#replace(dst, dst0, () => proc.link(src, dst), src, 'hard link');
    }
    if (stype === S_IFLNK) {
      let target: string;
      try {
        target = proc.readlink(src);
      } catch (e) {
        rethrowFatal(e);
        return this.#fail(`cannot read symbolic link ${quoteaf(src)}: ${errText(e)}`);
      }
      const ok = await this.#replace(dst, dst0, () => proc.symlink(target, dst), src, 'symbolic link');
      if (ok && o.preserveLinks && sst.nlink > 1) this.#links.set(key, dst);
      return ok;
    }
    const ok = await this.#copyData(src, dst, sst, dst0);
    if (ok && o.preserveLinks && sst.nlink > 1) this.#links.set(key, dst);
    return ok;
  }

  /** Makes dst with `make`, removing an existing non-directory first. */
  async #replace(dst: string, existing: Stat | null, make: () => void, src: string, what: string): Promise<boolean> {
    const { proc } = this.ctx;
    try {
      if (existing) proc.unlink(dst);
      make();
      if (this.o.verbose) this.ctx.out.text(`${quoteaf(src)} -> ${quoteaf(dst)}\n`);
      return true;
    } catch (e) {
      rethrowFatal(e);
      return this.#fail(`cannot create ${what} ${quoteaf(dst)}: ${errText(e)}`);
    }
  }

  #preserveRest(dst: string, sst: Stat): void {
    const { proc } = this.ctx;
    if (this.o.preserveOwner) {
      try {
        proc.chown(dst, sst.uid, sst.gid);
      } catch (e) {
        rethrowFatal(e);
        // like GNU cp run by a non-root user: losing ownership is not an error
      }
    }
    if (this.o.preserveTimes) proc.utimes(dst, sst.atimeMs, sst.mtimeMs);
  }

  async #copyData(src: string, dst: string, sst: Stat, dst0: Stat | null): Promise<boolean> {
    const { proc } = this.ctx;
    const o = this.o;
    let inFd: number;
    try {
      inFd = proc.open(src, O_RDONLY);
    } catch (e) {
      rethrowFatal(e);
      return this.#fail(`cannot open ${quoteaf(src)} for reading: ${errText(e)}`);
    }
    let outFd = -1;
    try {
      let existing = dst0;
      if (existing && (o.removeDestination || (existing.mode & S_IFMT) === S_IFLNK && o.forMove)) {
        proc.unlink(dst);
        existing = null;
      }
      if (existing) {
        try {
          outFd = proc.open(dst, O_WRONLY | O_TRUNC);
        } catch (e) {
          rethrowFatal(e);
          if (!o.force) return this.#fail(`cannot open ${quoteaf(dst)} for writing: ${errText(e)}`);
          try {
            proc.unlink(dst);
          } catch (e2) {
            rethrowFatal(e2);
            return this.#fail(`cannot remove ${quoteaf(dst)}: ${errText(e2)}`);
          }
          existing = null;
        }
      }
      if (outFd < 0) {
        try {
          outFd = proc.open(dst, O_WRONLY | O_CREAT | O_EXCL, sst.mode & 0o777);
        } catch (e) {
          rethrowFatal(e);
          return this.#fail(`cannot create regular file ${quoteaf(dst)}: ${errText(e)}`);
        }
      }
      for (;;) {
        let data: Uint8Array;
        try {
          data = await proc.read(inFd, READ_CHUNK);
        } catch (e) {
          rethrowFatal(e);
          return this.#fail(`error reading ${quoteaf(src)}: ${errText(e)}`);
        }
        if (data.length === 0) break;
        try {
          await proc.write(outFd, data);
        } catch (e) {
          rethrowFatal(e);
          return this.#fail(`error writing ${quoteaf(dst)}: ${errText(e)}`);
        }
      }
      if (o.verbose) this.ctx.out.text(`${quoteaf(src)} -> ${quoteaf(dst)}\n`);
      try {
        if (o.preserveMode) proc.chmod(dst, sst.mode & 0o7777);
        this.#preserveRest(dst, sst);
      } catch (e) {
        rethrowFatal(e);
        return this.#fail(`preserving times for ${quoteaf(dst)}: ${errText(e)}`);
      }
      return true;
    } finally {
      try {
        proc.close(inFd);
        if (outFd >= 0) proc.close(outFd);
      } catch (e) {
        rethrowFatal(e);
      }
    }
  }
}

/** Where each source goes: [src, dst] pairs from operands, -t and -T, as cp/mv/ln decide it. */
export function planTargets(
  ctx: Ctx, operands: string[], targetDir: string | undefined, noTarget: boolean, what: 'cp' | 'mv' | 'ln',
  lnNoDeref = false,
): [string, string][] {
  const { proc } = ctx;
  if (targetDir !== undefined && noTarget) ctx.usage('cannot combine --target-directory (-t) and --no-target-directory (-T)');
  const statDir = (p: string): Stat | null => {
    try {
      return proc.stat(p);
    } catch (e) {
      rethrowFatal(e);
      return null;
    }
  };
  if (targetDir !== undefined) {
    if (operands.length === 0) ctx.usage('missing file operand');
    let st: Stat | null = null;
    try {
      st = proc.stat(targetDir);
    } catch (e) {
      rethrowFatal(e);
      ctx.fail(what === 'ln' ? `failed to access ${quoteaf(targetDir)}: ${errText(e)}` : `target directory ${quoteaf(targetDir)}: ${errText(e)}`);
    }
    if (!isDir(st)) ctx.fail(what === 'ln' ? `target ${quoteaf(targetDir)} is not a directory` : `target directory ${quoteaf(targetDir)}: Not a directory`);
    return operands.map((s) => [s, joinInto(targetDir, s)]);
  }
  if (operands.length === 0) ctx.usage('missing file operand');
  if (operands.length === 1) {
    if (what === 'ln') return [[operands[0]!, baseName(operands[0]!)]];
    ctx.usage(`missing destination file operand after ${quoteaf(operands[0]!)}`);
  }
  if (noTarget) {
    if (operands.length > 2) ctx.usage(`extra operand ${quoteaf(operands[2]!)}`);
    return [[operands[0]!, operands[1]!]];
  }
  const last = operands[operands.length - 1]!;
  const sources = operands.slice(0, -1);
  const lstatOrStat = (p: string): Stat | null => {
    try {
      return proc.lstat(p);
    } catch (e) {
      rethrowFatal(e);
      return null;
    }
  };
  const lst = what === 'ln' && lnNoDeref ? lstatOrStat(last) : statDir(last);
  if (operands.length === 2 && !isDir(lst)) return [[operands[0]!, last]];
  if (!isDir(lst)) {
    if (!lst) {
      try {
        proc.stat(last);
      } catch (e) {
        rethrowFatal(e);
        ctx.fail(`target ${quoteaf(last)}: ${errText(e)}`);
      }
    }
    ctx.fail(`target ${quoteaf(last)}: Not a directory`);
  }
  return sources.map((s) => [s, joinInto(last, s)]);
}

/** DIR/basename(SRC), the way coreutils names a source inside a target directory. */
export function joinInto(dir: string, src: string): string {
  const b = baseName(src.replace(/\/+$/, '') || src);
  return dir.endsWith('/') ? dir + b : `${dir}/${b}`;
}
