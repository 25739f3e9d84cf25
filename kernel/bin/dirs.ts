// mkdir (-p -m -v) and rmdir (-p -v --ignore-fail-on-non-empty).

import { Errno } from '../errno.ts';
import { S_IFDIR, S_IFMT } from '../types.ts';
import { adjustModeBits, compileMode } from './mode.ts';
import { defineProgram, errText, isErrno, parseOptions, quoteaf, rethrowFatal, type Ctx } from './util.ts';

const mkdirSpec = {
  usage: '[OPTION]... DIRECTORY...',
  about: 'Create the DIRECTORY(ies), if they do not already exist.',
  options: [
    { short: 'm', long: 'mode', arg: 'required' as const, argName: 'MODE', help: 'set file mode (as in chmod), not a=rwx - umask' },
    { short: 'p', long: 'parents', help: 'no error if existing, make parent directories as needed,\n  with their file modes unaffected by any -m option.' },
    { short: 'v', long: 'verbose', help: 'print a message for each created directory' },
    { short: 'Z', key: 'Z', help: 'ignored (no SELinux)' },
    { long: 'context', arg: 'optional' as const, key: 'Z' },
  ],
};

function isDir(ctx: Ctx, path: string): boolean {
  try {
    return (ctx.proc.stat(path).mode & S_IFMT) === S_IFDIR;
  } catch (e) {
    rethrowFatal(e);
    return false;
  }
}

export const mkdir = defineProgram('mkdir', async (ctx: Ctx) => {
  const o = parseOptions(ctx, mkdirSpec);
  const { proc } = ctx;
  if (o.operands.length === 0) ctx.usage('missing operand');
  const parents = o.has('parents');
  const verbose = o.has('verbose');
  const modeArg = o.get('mode');
  let mode: number | undefined;
  let modeBits = 0;
  if (modeArg !== undefined) {
    const ch = compileMode(modeArg);
    if (!ch) ctx.fail(`invalid mode ${ctx.q(modeArg)}`);
    ({ mode, bits: modeBits } = adjustModeBits(0o777, true, proc.umask, ch));
  }
  const created = (p: string): void => {
    if (verbose) ctx.out.text(`${ctx.name}: created directory ${quoteaf(p)}\n`);
  };
  for (const path of o.operands) {
    if (parents) {
      // every missing ancestor, with u+wx so the next level can be made
      const comps = path.split('/');
      let prefix = path.startsWith('/') ? '/' : '';
      let failed = false;
      for (let i = 0; i < comps.length - 1 && !failed; i++) {
        const c = comps[i]!;
        if (c === '') continue;
        prefix += (prefix === '' || prefix.endsWith('/') ? '' : '/') + c;
        if (c === '.' || c === '..') continue;
        const rest = comps.slice(i + 1).filter((x) => x !== '');
        if (rest.length === 0) break;
        try {
          proc.mkdir(prefix, 0o777);
          created(prefix);
          if ((~proc.umask & 0o300) !== 0o300) proc.chmod(prefix, (0o777 & ~proc.umask) | 0o300);
        } catch (e) {
          rethrowFatal(e);
          if (e.errno === Errno.EEXIST && isDir(ctx, prefix)) continue;
          const err = e.errno === Errno.EEXIST ? 'Not a directory' : errText(e);
          await ctx.warn(`cannot create directory ${ctx.q(prefix)}: ${err}`);
          failed = true;
        }
      }
      if (failed) continue;
    }
    try {
      proc.mkdir(path, mode ?? 0o777);
      if (mode !== undefined) {
        // like gnulib dirchownmod: the bits the MODE mentions win over the umask, the rest stay
        const actual = proc.stat(path).mode & 0o7777;
        const want = (mode & modeBits) | (actual & ~modeBits);
        if (want !== actual) proc.chmod(path, want);
      }
      created(path);
    } catch (e) {
      rethrowFatal(e);
      if (parents && e.errno === Errno.EEXIST && isDir(ctx, path)) continue;
      await ctx.warn(`cannot create directory ${ctx.q(path)}: ${errText(e)}`);
    }
  }
});

const rmdirSpec = {
  usage: '[OPTION]... DIRECTORY...',
  about: 'Remove the DIRECTORY(ies), if they are empty.',
  options: [
    { long: 'ignore-fail-on-non-empty', help: 'ignore each failure that is solely because a directory\n  is non-empty' },
    { short: 'p', long: 'parents', help: "remove DIRECTORY and its ancestors; e.g., 'rmdir -p a/b/c' is\n  similar to 'rmdir a/b/c a/b a'" },
    { short: 'v', long: 'verbose', help: 'output a diagnostic for every directory processed' },
  ],
};

export const rmdir = defineProgram('rmdir', async (ctx: Ctx) => {
  const o = parseOptions(ctx, rmdirSpec);
  const { proc } = ctx;
  if (o.operands.length === 0) ctx.usage('missing operand');
  const ignoreNonEmpty = o.has('ignore-fail-on-non-empty');
  const verbose = o.has('verbose');
  const ignorable = (e: unknown): boolean => ignoreNonEmpty && (isErrno(e, 'ENOTEMPTY') || isErrno(e, 'EEXIST'));
  const remove = async (p: string): Promise<boolean> => {
    if (verbose) ctx.out.text(`${ctx.name}: removing directory, ${quoteaf(p)}\n`);
    try {
      proc.rmdir(p);
      return true;
    } catch (e) {
      rethrowFatal(e);
      if (ignorable(e)) return false;
      await ctx.warn(`failed to remove ${quoteaf(p)}: ${errText(e)}`);
      return false;
    }
  };
  for (const path of o.operands) {
    if (!(await remove(path)) || !o.has('parents')) continue;
    let dir = path.replace(/(.)\/+$/, '$1');
    for (;;) {
      let slash = dir.lastIndexOf('/');
      if (slash < 0) break;
      while (slash > 0 && dir[slash] === '/') slash--;
      dir = dir.slice(0, slash + 1);
      if (!(await remove(dir))) break;
    }
  }
});
