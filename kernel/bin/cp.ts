// cp: copy files and directories (GNU options -a -d -f -H -l -L -n -P -p -r -R -s -t -T -u -v
// --preserve[=LIST] --no-preserve=LIST --remove-destination). Interactive -i and backups are
// not implemented.

import { Copier, defaultCopyOptions, planTargets } from './copy.ts';
import { argMatch, defineProgram, parseOptions, type Ctx } from './util.ts';

const spec = {
  usage: ['[OPTION]... [-T] SOURCE DEST', '[OPTION]... SOURCE... DIRECTORY', '[OPTION]... -t DIRECTORY SOURCE...'],
  about: 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.',
  options: [
    { short: 'a', long: 'archive', help: 'same as -dR --preserve=all' },
    { long: 'attributes-only', help: 'not supported' },
    { short: 'b', key: 'backup', help: 'not supported' },
    { long: 'backup', arg: 'optional' as const, argName: 'CONTROL', key: 'backup' },
    { long: 'copy-contents', help: 'ignored' },
    { short: 'd', key: 'd', help: 'same as --no-dereference --preserve=links' },
    { short: 'f', long: 'force', help: 'if an existing destination file cannot be\n  opened, remove it and try again' },
    { short: 'i', long: 'interactive', help: 'prompt before overwrite (not supported)' },
    { short: 'H', key: 'H', help: 'follow command-line symbolic links in SOURCE' },
    { short: 'l', long: 'link', help: 'hard link files instead of copying' },
    { short: 'L', long: 'dereference', help: 'always follow symbolic links in SOURCE' },
    { short: 'n', long: 'no-clobber', help: 'do not overwrite an existing file' },
    { short: 'P', long: 'no-dereference', help: 'never follow symbolic links in SOURCE' },
    { short: 'p', key: 'p', help: 'same as --preserve=mode,ownership,timestamps' },
    { long: 'preserve', arg: 'optional' as const, argName: 'ATTR_LIST', help: 'preserve the specified attributes' },
    { long: 'no-preserve', arg: 'required' as const, argName: 'ATTR_LIST', help: "don't preserve the specified attributes" },
    { long: 'parents', help: 'not supported' },
    { short: 'R', long: 'recursive', key: 'recursive', help: 'copy directories recursively' },
    { short: 'r', key: 'recursive' },
    { long: 'reflink', arg: 'optional' as const, argName: 'WHEN', help: 'ignored' },
    { long: 'remove-destination', help: 'remove each existing destination file before\n  attempting to open it' },
    { long: 'sparse', arg: 'required' as const, argName: 'WHEN', help: 'ignored' },
    { long: 'strip-trailing-slashes', help: 'remove any trailing slashes from each SOURCE argument' },
    { short: 's', long: 'symbolic-link', help: 'make symbolic links instead of copying' },
    { short: 'S', long: 'suffix', arg: 'required' as const, argName: 'SUFFIX', key: 'backup' },
    { short: 't', long: 'target-directory', arg: 'required' as const, argName: 'DIRECTORY', help: 'copy all SOURCE arguments into DIRECTORY' },
    { short: 'T', long: 'no-target-directory', help: 'treat DEST as a normal file' },
    { short: 'u', long: 'update', help: 'copy only when the SOURCE file is newer than the\n  destination file or when the destination file is missing' },
    { short: 'v', long: 'verbose', help: 'explain what is being done' },
    { short: 'x', long: 'one-file-system', help: 'ignored' },
  ],
};

const ATTRS = [['mode'], ['timestamps'], ['ownership'], ['links'], ['context'], ['xattr'], ['all']];

export const cp = defineProgram('cp', async (ctx: Ctx) => {
  const p = parseOptions(ctx, spec);
  const o = defaultCopyOptions();
  let deref: 'never' | 'always' | 'cmdline' | undefined;
  let strip = false;
  const setPreserve = (list: string, on: boolean, opt: string): void => {
    for (const a of list.split(',')) {
      const w = argMatch(ctx, opt, a, ATTRS);
      if (w === 'mode' || w === 'all') o.preserveMode = on;
      if (w === 'timestamps' || w === 'all') o.preserveTimes = on;
      if (w === 'ownership' || w === 'all') o.preserveOwner = on;
      if (w === 'links' || w === 'all') o.preserveLinks = on;
    }
  };
  for (const { key, value, name } of p.list) {
    switch (key) {
      case 'archive': o.recursive = true; deref = 'never'; setPreserve('all', true, name); break;
      case 'attributes-only': case 'backup': case 'parents':
        ctx.fail(`${name}: not supported: Function not implemented`);
        break;
      case 'interactive': ctx.fail('interactive mode (-i) is not supported: Function not implemented'); break;
      case 'd': deref = 'never'; o.preserveLinks = true; break;
      case 'force': o.force = true; break;
      case 'H': deref = 'cmdline'; break;
      case 'link': o.hardLink = true; break;
      case 'dereference': deref = 'always'; break;
      case 'no-clobber': o.noClobber = true; break;
      case 'no-dereference': deref = 'never'; break;
      case 'p': setPreserve('mode,timestamps,ownership', true, '--preserve'); break;
      case 'preserve': setPreserve(value ?? 'mode,timestamps,ownership', true, '--preserve'); break;
      case 'no-preserve': setPreserve(value!, false, '--no-preserve'); break;
      case 'recursive': o.recursive = true; break;
      case 'remove-destination': o.removeDestination = true; break;
      case 'strip-trailing-slashes': strip = true; break;
      case 'symbolic-link': o.symbolicLink = true; break;
      case 'update': o.update = true; break;
      case 'verbose': o.verbose = true; break;
    }
  }
  o.deref = deref ?? (o.recursive ? 'never' : 'always');
  let operands = p.operands;
  if (strip) operands = operands.map((s) => s.replace(/(.)\/+$/, '$1'));
  const pairs = planTargets(ctx, operands, p.get('target-directory'), p.has('no-target-directory'), 'cp');
  const copier = new Copier(ctx, o);
  for (const [src, dst] of pairs) {
    await copier.copy(src, dst, true);
    await ctx.out.maybeFlush();
  }
});
