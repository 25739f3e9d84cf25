// ln: make links (GNU options -s -f -n -T -t -v -L -P; hard links by default). -r (relative)
// and backups are not implemented.

import { S_IFDIR, S_IFLNK, S_IFMT, type Stat } from '../types.ts';
import { planTargets } from './copy.ts';
import { defineProgram, errText, parseOptions, quoteaf, quotef, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: ['[OPTION]... [-T] TARGET LINK_NAME', '[OPTION]... TARGET', '[OPTION]... TARGET... DIRECTORY', '[OPTION]... -t DIRECTORY TARGET...'],
  about: 'In the 1st form, create a link to TARGET with the name LINK_NAME.\nIn the 2nd form, create a link to TARGET in the current directory.\nIn the 3rd and 4th forms, create links to each TARGET in DIRECTORY.\nCreate hard links by default, symbolic links with --symbolic.',
  options: [
    { short: 'b', key: 'backup', help: 'not supported' },
    { long: 'backup', arg: 'optional' as const, argName: 'CONTROL', key: 'backup' },
    { short: 'd', long: 'directory', key: 'directory', help: 'hard links to directories are never allowed' },
    { short: 'F', key: 'directory' },
    { short: 'f', long: 'force', help: 'remove existing destination files' },
    { short: 'i', long: 'interactive', help: 'prompt whether to remove destinations (not supported)' },
    { short: 'L', long: 'logical', help: 'dereference TARGETs that are symbolic links' },
    { short: 'n', long: 'no-dereference', help: 'treat LINK_NAME as a normal file if\n  it is a symbolic link to a directory' },
    { short: 'P', long: 'physical', help: 'make hard links directly to symbolic links' },
    { short: 'r', long: 'relative', help: 'not supported' },
    { short: 's', long: 'symbolic', help: 'make symbolic links instead of hard links' },
    { short: 'S', long: 'suffix', arg: 'required' as const, argName: 'SUFFIX', key: 'backup' },
    { short: 't', long: 'target-directory', arg: 'required' as const, argName: 'DIRECTORY', help: 'specify the DIRECTORY in which to create\n  the links' },
    { short: 'T', long: 'no-target-directory', help: 'treat LINK_NAME as a normal file always' },
    { short: 'v', long: 'verbose', help: 'print name of each linked file' },
  ],
};

export const ln = defineProgram('ln', async (ctx: Ctx) => {
  const p = parseOptions(ctx, spec);
  const { proc } = ctx;
  let symbolic = false;
  let force = false;
  let noDeref = false;
  let logical = false;
  let verbose = false;
  for (const { key, name } of p.list) {
    if (key === 'backup' || key === 'relative') ctx.fail(`${name}: not supported: Function not implemented`);
    else if (key === 'interactive') ctx.fail('interactive mode (-i) is not supported: Function not implemented');
    else if (key === 'symbolic') symbolic = true;
    else if (key === 'force') force = true;
    else if (key === 'no-dereference') noDeref = true;
    else if (key === 'logical') logical = true;
    else if (key === 'physical') logical = false;
    else if (key === 'verbose') verbose = true;
  }
  const pairs = planTargets(ctx, p.operands, p.get('target-directory'), p.has('no-target-directory'), 'ln', noDeref);
  for (const [target, link] of pairs) {
    if (!symbolic) {
      let tst: Stat;
      try {
        tst = logical ? proc.stat(target) : proc.lstat(target);
      } catch (e) {
        rethrowFatal(e);
        await ctx.warn(`failed to access ${quoteaf(target)}: ${errText(e)}`);
        continue;
      }
      if ((tst.mode & S_IFMT) === S_IFDIR) {
        await ctx.warn(`${quotef(target)}: hard link not allowed for directory`);
        continue;
      }
    }
    let existing: Stat | null = null;
    try {
      existing = proc.lstat(link);
    } catch (e) {
      rethrowFatal(e);
    }
    if (existing && force) {
      if ((existing.mode & S_IFMT) === S_IFDIR) {
        await ctx.warn(`cannot overwrite directory ${quoteaf(link)}`);
        continue;
      }
      if (!symbolic) {
        try {
          const t = proc.stat(target);
          if (t.ino === existing.ino && t.dev === existing.dev && (existing.mode & S_IFMT) !== S_IFLNK) {
            await ctx.warn(`${quoteaf(target)} and ${quoteaf(link)} are the same file`);
            continue;
          }
        } catch (e) {
          rethrowFatal(e);
        }
      }
      try {
        proc.unlink(link);
      } catch (e) {
        rethrowFatal(e);
        await ctx.warn(`cannot remove ${quoteaf(link)}: ${errText(e)}`);
        continue;
      }
    }
    try {
      if (symbolic) proc.symlink(target, link);
      else {
        let src = target;
        if (logical) src = proc.realpath(target);
        proc.link(src, link);
      }
      if (verbose) ctx.out.text(`${quoteaf(link)} ${symbolic ? '->' : '=>'} ${quoteaf(target)}\n`);
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(symbolic
        ? `failed to create symbolic link ${quoteaf(link)}: ${errText(e)}`
        : `failed to create hard link ${quoteaf(link)}${e.errno === 17 ? '' : ` => ${quoteaf(target)}`}: ${errText(e)}`);
    }
  }
});
