// mv: move (rename) files (GNU options -f -n -t -T -u -v). Across file systems (EXDEV) it copies
// with everything preserved, then removes the source. Interactive -i and backups are not
// implemented.

import { Errno } from '../errno.ts';
import { S_IFDIR, S_IFMT, type Stat } from '../types.ts';
import { Copier, defaultCopyOptions, isInside, planTargets } from './copy.ts';
import { defineProgram, errText, joinPath, parseOptions, quoteaf, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: ['[OPTION]... [-T] SOURCE DEST', '[OPTION]... SOURCE... DIRECTORY', '[OPTION]... -t DIRECTORY SOURCE...'],
  about: 'Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.',
  options: [
    { short: 'b', key: 'backup', help: 'not supported' },
    { long: 'backup', arg: 'optional' as const, argName: 'CONTROL', key: 'backup' },
    { short: 'f', long: 'force', help: 'do not prompt before overwriting' },
    { short: 'i', long: 'interactive', help: 'prompt before overwrite (not supported)' },
    { short: 'n', long: 'no-clobber', help: 'do not overwrite an existing file' },
    { long: 'strip-trailing-slashes', help: 'remove any trailing slashes from each SOURCE\n  argument' },
    { short: 'S', long: 'suffix', arg: 'required' as const, argName: 'SUFFIX', key: 'backup' },
    { short: 't', long: 'target-directory', arg: 'required' as const, argName: 'DIRECTORY', help: 'move all SOURCE arguments into DIRECTORY' },
    { short: 'T', long: 'no-target-directory', help: 'treat DEST as a normal file' },
    { short: 'u', long: 'update', help: 'move only when the SOURCE file is newer\n  than the destination file or when the\n  destination file is missing' },
    { short: 'v', long: 'verbose', help: 'explain what is being done' },
    { short: 'Z', long: 'context', help: 'ignored' },
  ],
};

function isDir(st: Stat | null): boolean {
  return !!st && (st.mode & S_IFMT) === S_IFDIR;
}

async function removeTree(ctx: Ctx, path: string): Promise<boolean> {
  const { proc } = ctx;
  try {
    const st = proc.lstat(path);
    if (isDir(st)) {
      for (const d of proc.readdir(path)) {
        if (d.name === '.' || d.name === '..') continue;
        if (!(await removeTree(ctx, joinPath(path, d.name)))) return false;
      }
      proc.rmdir(path);
    } else proc.unlink(path);
    return true;
  } catch (e) {
    rethrowFatal(e);
    await ctx.warn(`cannot remove ${quoteaf(path)}: ${errText(e)}`);
    return false;
  }
}

export const mv = defineProgram('mv', async (ctx: Ctx) => {
  const p = parseOptions(ctx, spec);
  const { proc } = ctx;
  let noClobber = false;
  let update = false;
  let verbose = false;
  let strip = false;
  for (const { key, name } of p.list) {
    if (key === 'backup') ctx.fail(`${name}: backups are not supported: Function not implemented`);
    else if (key === 'interactive') ctx.fail('interactive mode (-i) is not supported: Function not implemented');
    else if (key === 'force') noClobber = false;
    else if (key === 'no-clobber') noClobber = true;
    else if (key === 'update') update = true;
    else if (key === 'verbose') verbose = true;
    else if (key === 'strip-trailing-slashes') strip = true;
  }
  let operands = p.operands;
  if (strip) operands = operands.map((s) => s.replace(/(.)\/+$/, '$1'));
  const pairs = planTargets(ctx, operands, p.get('target-directory'), p.has('no-target-directory'), 'mv');
  for (const [src, dst] of pairs) {
    let sst: Stat;
    try {
      sst = proc.lstat(src);
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(`cannot stat ${quoteaf(src)}: ${errText(e)}`);
      continue;
    }
    let dst0: Stat | null = null;
    try {
      dst0 = proc.lstat(dst);
    } catch (e) {
      rethrowFatal(e);
    }
    if (dst0 && dst0.ino === sst.ino && dst0.dev === sst.dev) {
      await ctx.warn(`${quoteaf(src)} and ${quoteaf(dst)} are the same file`);
      continue;
    }
    if (dst0 && noClobber) continue;
    if (dst0 && update && dst0.mtimeMs >= sst.mtimeMs) continue;
    if (isDir(sst) && isInside(ctx, src, dst)) {
      await ctx.warn(`cannot move ${quoteaf(src)} to a subdirectory of itself, ${quoteaf(dst)}`);
      continue;
    }
    if (dst0 && isDir(dst0) && !isDir(sst)) {
      await ctx.warn(`cannot overwrite directory ${quoteaf(dst)} with non-directory`);
      continue;
    }
    if (dst0 && !isDir(dst0) && isDir(sst)) {
      await ctx.warn(`cannot overwrite non-directory ${quoteaf(dst)} with directory ${quoteaf(src)}`);
      continue;
    }
    try {
      proc.rename(src, dst);
      if (verbose) ctx.out.text(`renamed ${quoteaf(src)} -> ${quoteaf(dst)}\n`);
      continue;
    } catch (e) {
      rethrowFatal(e);
      if (e.errno !== Errno.EXDEV) {
        await ctx.warn(`cannot move ${quoteaf(src)} to ${quoteaf(dst)}: ${errText(e)}`);
        continue;
      }
    }
    // across file systems: copy everything, then remove the source
    const o = { ...defaultCopyOptions(), recursive: true, deref: 'never' as const, preserveMode: true, preserveTimes: true, preserveOwner: true, preserveLinks: true, forMove: true };
    if (dst0) {
      if (!(await removeTree(ctx, dst))) continue;
    }
    const copier = new Copier(ctx, o);
    if (!(await copier.copy(src, dst, true))) continue;
    if (await removeTree(ctx, src)) {
      if (verbose) ctx.out.text(`copied ${quoteaf(src)} -> ${quoteaf(dst)}\nremoved ${quoteaf(src)}\n`);
    }
  }
});
