// rm: remove files or directories (GNU options -f -r -R -d -v --no-preserve-root). Refuses "/"
// recursively and '.'/'..'. Interactive modes (-i, -I) are not implemented.

import { Errno } from '../errno.ts';
import { S_IFDIR, S_IFMT } from '../types.ts';
import { ProgramExit, baseName, defineProgram, errText, joinPath, parseOptions, quoteaf, rethrowFatal, type Ctx, type Options } from './util.ts';

const spec = {
  usage: '[OPTION]... [FILE]...',
  about: 'Remove (unlink) the FILE(s).',
  options: [
    { short: 'f', long: 'force', help: 'ignore nonexistent files and arguments, never prompt' },
    { short: 'i', key: 'interactive', help: 'prompt before every removal (not supported)' },
    { short: 'I', key: 'interactive' },
    { long: 'interactive', arg: 'optional' as const, argName: 'WHEN', key: 'interactive-when' },
    { long: 'one-file-system', help: 'ignored (a VM has one file system)' },
    { long: 'no-preserve-root', help: "do not treat '/' specially" },
    { long: 'preserve-root', arg: 'optional' as const, argName: 'all', help: "do not remove '/' (default)" },
    { short: 'r', long: 'recursive', key: 'recursive', help: 'remove directories and their contents recursively' },
    { short: 'R', key: 'recursive' },
    { short: 'd', long: 'dir', help: 'remove empty directories' },
    { short: 'v', long: 'verbose', help: 'explain what is being done' },
  ],
};

interface RmOpts {
  force: boolean;
  recursive: boolean;
  dir: boolean;
  verbose: boolean;
  preserveRoot: boolean;
}

/** Removes one path; returns false if it (or something under it) could not be removed. */
async function remove(ctx: Ctx, path: string, o: RmOpts): Promise<boolean> {
  const { proc } = ctx;
  let mode: number;
  try {
    mode = proc.lstat(path).mode;
  } catch (e) {
    rethrowFatal(e);
    if (o.force && e.errno === Errno.ENOENT) return true;
    await ctx.warn(`cannot remove ${quoteaf(path)}: ${errText(e)}`);
    return false;
  }
  if ((mode & S_IFMT) === S_IFDIR) {
    if (!o.recursive) {
      if (!o.dir) {
        await ctx.warn(`cannot remove ${quoteaf(path)}: Is a directory`);
        return false;
      }
    } else {
      let names: string[];
      try {
        names = proc.readdir(path).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
      } catch (e) {
        rethrowFatal(e);
        await ctx.warn(`cannot remove ${quoteaf(path)}: ${errText(e)}`);
        return false;
      }
      let ok = true;
      for (const n of names) {
        if (!(await remove(ctx, joinPath(path, n), o))) ok = false;
      }
      if (!ok) return false;
    }
    try {
      proc.rmdir(path);
      if (o.verbose) ctx.out.text(`removed directory ${quoteaf(path)}\n`);
      return true;
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(`cannot remove ${quoteaf(path)}: ${errText(e)}`);
      return false;
    }
  }
  try {
    proc.unlink(path);
    if (o.verbose) ctx.out.text(`removed ${quoteaf(path)}\n`);
    return true;
  } catch (e) {
    rethrowFatal(e);
    if (o.force && e.errno === Errno.ENOENT) return true;
    await ctx.warn(`cannot remove ${quoteaf(path)}: ${errText(e)}`);
    return false;
  }
}

function isRoot(ctx: Ctx, path: string): boolean {
  try {
    const a = ctx.proc.stat(path);
    const r = ctx.proc.stat('/');
    return a.ino === r.ino && a.dev === r.dev;
  } catch (e) {
    rethrowFatal(e);
    return false;
  }
}

export const rm = defineProgram('rm', async (ctx: Ctx) => {
  let parsed: Options;
  try {
    parsed = parseOptions(ctx, spec);
  } catch (e) {
    // "Try 'rm ./-x' to remove the file '-x'." when an "option" is really an existing file
    if (e instanceof ProgramExit && e.status !== 0) {
      for (const a of ctx.args) {
        if (a === '--') break;
        if (a.length > 1 && a.startsWith('-')) {
          let exists = false;
          try {
            ctx.proc.lstat(a);
            exists = true;
          } catch (e2) {
            rethrowFatal(e2);
          }
          if (exists) {
            const [first, ...rest] = e.stderr.split('\n');
            const hint = `Try '${ctx.name} ./${a}' to remove the file ${quoteaf(a)}.`;
            throw new ProgramExit(e.status, [first, hint, ...rest].join('\n'));
          }
        }
      }
    }
    throw e;
  }
  const p = parsed;
  if (p.has('interactive') || p.has('interactive-when')) {
    const when = p.get('interactive-when');
    if (!(p.has('interactive-when') && when === 'never' && !p.has('interactive'))) {
      ctx.fail('interactive removal (-i, -I, --interactive) is not supported: Function not implemented');
    }
  }
  const o: RmOpts = { force: false, recursive: false, dir: false, verbose: false, preserveRoot: true };
  for (const { key } of p.list) {
    if (key === 'force') o.force = true;
    else if (key === 'recursive') o.recursive = true;
    else if (key === 'dir') o.dir = true;
    else if (key === 'verbose') o.verbose = true;
    else if (key === 'no-preserve-root') o.preserveRoot = false;
    else if (key === 'preserve-root') o.preserveRoot = true;
  }
  if (p.operands.length === 0) {
    if (o.force) return 0;
    ctx.usage('missing operand');
  }
  let status = 0;
  for (const path of p.operands) {
    const last = baseName(path);
    if ((o.recursive || o.dir) && (last === '.' || last === '..')) {
      await ctx.say(`refusing to remove '.' or '..' directory: skipping ${quoteaf(path)}`);
      status = 1;
      continue;
    }
    if (o.recursive && o.preserveRoot && isRoot(ctx, path)) {
      if (path === '/' || /^\/+$/.test(path)) await ctx.say(`it is dangerous to operate recursively on ${quoteaf(path)}`);
      else await ctx.say(`it is dangerous to operate recursively on ${quoteaf(path)} (same as '/')`);
      await ctx.say('use --no-preserve-root to override this failsafe');
      status = 1;
      continue;
    }
    if (!(await remove(ctx, path, o))) status = 1;
    await ctx.out.maybeFlush();
  }
  return status || ctx.status;
});
