// chmod (octal and symbolic MODEs, --reference, -R -v -c -f), like GNU chmod: symlinks named on
// the command line are followed, symlinks met while recursing are skipped.

import { Errno } from '../errno.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, type Stat } from '../types.ts';
import { adjustMode, compileMode, modeString, type ModeChange } from './mode.ts';
import { eachChild } from './walk.ts';
import { defineProgram, errText, joinPath, parseOptions, quoteaf, quotef, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: ['[OPTION]... MODE[,MODE]... FILE...', '[OPTION]... OCTAL-MODE FILE...', '[OPTION]... --reference=RFILE FILE...'],
  about: 'Change the mode of each FILE to MODE.\nWith --reference, change the mode of each FILE to that of RFILE.',
  options: [
    { short: 'c', long: 'changes', help: 'like verbose but report only when a change is made' },
    { short: 'f', long: 'silent', key: 'silent', help: 'suppress most error messages' },
    { long: 'quiet', key: 'silent' },
    { short: 'v', long: 'verbose', help: 'output a diagnostic for every file processed' },
    { long: 'no-preserve-root', help: 'do not treat \'/\' specially (the default)' },
    { long: 'preserve-root', help: 'fail to operate recursively on \'/\'' },
    { long: 'reference', arg: 'required' as const, argName: 'RFILE', help: "use RFILE's mode instead of MODE values" },
    { short: 'R', long: 'recursive', help: 'change files and directories recursively' },
  ],
  after: 'Each MODE is of the form \'[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+\'.',
};

/** "rwxr-xr-x": strmode without the type letter. */
const perms = (m: number): string => modeString(m).slice(1);
const oct = (m: number): string => (m & 0o7777).toString(8).padStart(4, '0');

export const chmod = defineProgram('chmod', async (ctx: Ctx) => {
  // "chmod -w f": a dash-led MODE is taken as the mode, not as options (GNU does the same)
  const args: string[] = [];
  let dashMode: string | undefined;
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    if (a === '--') {
      args.push(...ctx.args.slice(i));
      break;
    }
    if (dashMode === undefined && /^-[rwxXstugoa,+=0-7-]+$/.test(a) && !a.startsWith('--')) dashMode = a;
    else args.push(a);
  }
  const o = parseOptions(ctx, spec, args);
  const { proc } = ctx;
  const silent = o.has('silent');
  const verbose = o.has('verbose');
  const changesOnly = o.has('changes');
  const recursive = o.has('recursive');
  const ops = [...o.operands];
  const ref = o.get('reference');
  let changes: ModeChange[] | null = null;
  let refMode = 0;
  if (ref !== undefined) {
    if (dashMode !== undefined) ops.unshift(dashMode);
    if (ops.length === 0) ctx.usage('missing operand');
    try {
      refMode = proc.stat(ref).mode & 0o7777;
    } catch (e) {
      rethrowFatal(e);
      ctx.fail(`failed to get attributes of ${quoteaf(ref)}: ${errText(e)}`);
    }
  } else {
    const modeText = dashMode ?? ops.shift();
    if (modeText === undefined) ctx.usage('missing operand');
    if (ops.length === 0) ctx.usage(`missing operand after ${ctx.q(modeText)}`);
    changes = compileMode(modeText);
    if (!changes) {
      await ctx.say(`invalid mode: ${ctx.q(modeText)}`);
      ctx.tryHelp();
    }
  }
  const diagnoseSurprises = dashMode !== undefined && ref === undefined;
  const umask = proc.umask;

  const one = async (path: string, st: Stat): Promise<void> => {
    const old = st.mode & 0o7777;
    const dir = (st.mode & S_IFMT) === S_IFDIR;
    const want = changes ? adjustMode(old, dir, umask, changes) : refMode;
    let ok = true;
    if (want !== old) {
      try {
        proc.chmod(path, want);
      } catch (e) {
        rethrowFatal(e);
        ok = false;
        if (!silent) await ctx.warn(`changing permissions of ${quoteaf(path)}: ${errText(e)}`);
        else ctx.status = 1;
      }
    }
    if (verbose || (changesOnly && ok && want !== old)) {
      if (!ok) ctx.out.text(`failed to change mode of ${quoteaf(path)} from ${oct(old)} (${perms(old)}) to ${oct(want)} (${perms(want)})\n`);
      else if (want === old) ctx.out.text(`mode of ${quoteaf(path)} retained as ${oct(old)} (${perms(old)})\n`);
      else ctx.out.text(`mode of ${quoteaf(path)} changed from ${oct(old)} (${perms(old)}) to ${oct(want)} (${perms(want)})\n`);
    }
    if (ok && diagnoseSurprises && changes) {
      const naive = adjustMode(old, dir, 0, changes);
      if (want & ~naive) {
        await ctx.warn(`${quotef(path)}: new permissions are ${perms(want)}, not ${perms(naive)}`);
      }
    }
    if (recursive && dir) {
      await eachChild(ctx, path, silent, async (child, cst) => {
        if ((cst.mode & S_IFMT) === S_IFLNK) {
          // symlinks met while recursing are neither followed nor changed
          if (verbose) ctx.out.text(`neither symbolic link ${quoteaf(child)} nor referent has been changed\n`);
          return;
        }
        await one(child, cst);
      });
    }
  };

  for (const path of ops) {
    let st: Stat;
    try {
      st = proc.stat(path);
    } catch (e) {
      rethrowFatal(e);
      ctx.status = 1;
      if (silent) continue;
      let dangling = false;
      if (e.errno === Errno.ENOENT) {
        try {
          dangling = (proc.lstat(path).mode & S_IFMT) === S_IFLNK;
        } catch (e2) {
          rethrowFatal(e2);
        }
      }
      await ctx.warn(dangling ? `cannot operate on dangling symlink ${quoteaf(path)}` : `cannot access ${quoteaf(path)}: ${errText(e)}`);
      continue;
    }
    await one(path, st);
  }
});
