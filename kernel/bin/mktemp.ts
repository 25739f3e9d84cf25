// mktemp: create a temporary file or directory from a template (GNU options -d -p DIR --tmpdir
// -t -u -q --suffix). Names use random [A-Za-z0-9] in place of the trailing X's.

import { Errno } from '../errno.ts';
import { O_CREAT, O_EXCL, O_RDWR } from '../types.ts';
import { defineProgram, errText, parseOptions, quoteaf, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: '[OPTION]... [TEMPLATE]',
  about: 'Create a temporary file or directory, safely, and print its name.\nTEMPLATE must contain at least 3 consecutive \'X\'s in last component.\nIf TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.\nFiles are created u+rw, and directories u+rwx, minus umask restrictions.',
  options: [
    { short: 'd', long: 'directory', help: 'create a directory, not a file' },
    { short: 'u', long: 'dry-run', help: 'do not create anything; merely print a name (unsafe)' },
    { short: 'q', long: 'quiet', help: 'suppress diagnostics about file/dir-creation failure' },
    { long: 'suffix', arg: 'required' as const, argName: 'SUFF', help: 'append SUFF to TEMPLATE; SUFF must not contain a slash.\n  This option is implied if TEMPLATE does not end in X' },
    { short: 'p', key: 'tmpdir', arg: 'required' as const, argName: 'DIR', help: 'interpret TEMPLATE relative to DIR; if DIR is not\n  specified, use $TMPDIR if set, else /tmp.' },
    { long: 'tmpdir', arg: 'optional' as const, argName: 'DIR' },
    { short: 't', key: 't', help: 'interpret TEMPLATE as a single file name component,\n  relative to a directory: $TMPDIR, if set; else the\n  directory specified via -p; else /tmp [deprecated]' },
  ],
};

const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomChars(n: number): string {
  const bytes = new Uint8Array(n);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256);
  let s = '';
  for (const b of bytes) s += CHARS[b % CHARS.length];
  return s;
}

export const mktemp = defineProgram('mktemp', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  const { proc } = ctx;
  if (o.operands.length > 1) ctx.usage(`too many templates`);
  const makeDir = o.has('directory');
  const dry = o.has('dry-run');
  const quiet = o.has('quiet');
  let suffix = o.get('suffix');
  const useT = o.has('t');
  let tmpdir: string | undefined;
  const hasTmpdir = o.has('tmpdir');
  if (hasTmpdir) tmpdir = o.get('tmpdir') || proc.env.TMPDIR || '/tmp';
  let template = o.operands[0];
  if (template === undefined) {
    template = 'tmp.XXXXXXXXXX';
    if (!hasTmpdir) tmpdir = proc.env.TMPDIR || '/tmp';
  } else if (useT) {
    tmpdir = proc.env.TMPDIR || tmpdir || '/tmp';
  }
  if (suffix === undefined) {
    const m = /X*([^X]*)$/.exec(template)!;
    if (!template.endsWith('X')) {
      suffix = m[1]!;
      template = template.slice(0, template.length - suffix.length);
    } else suffix = '';
  } else {
    if (suffix.includes('/')) ctx.usage(`invalid suffix ${ctx.q(suffix)}, contains directory separator`);
    if (!template.endsWith('X') && o.operands.length) ctx.usage(`with --suffix, template ${ctx.q(template)} must end in X`);
  }
  if (tmpdir !== undefined && (hasTmpdir || useT) && template.includes('/')) {
    ctx.usage(`invalid template, ${ctx.q(template + suffix)}, contains directory separator`);
  }
  const xs = /X*$/.exec(template)![0].length;
  if (xs < 3) ctx.fail(`too few X's in template ${ctx.q(template + suffix)}`);
  const full = tmpdir !== undefined ? `${tmpdir.replace(/\/+$/, '')}/${template}` : template;
  const stem = full.slice(0, full.length - xs);
  for (let attempt = 0; attempt < 100; attempt++) {
    const name = stem + randomChars(xs) + suffix;
    if (dry) {
      try {
        proc.lstat(name);
        continue;
      } catch (e) {
        rethrowFatal(e);
      }
      ctx.out.text(`${name}\n`);
      return 0;
    }
    try {
      if (makeDir) proc.mkdir(name, 0o700);
      else proc.close(proc.open(name, O_RDWR | O_CREAT | O_EXCL, 0o600));
      ctx.out.text(`${name}\n`);
      return 0;
    } catch (e) {
      rethrowFatal(e);
      if (e.errno === Errno.EEXIST) continue;
      if (!quiet) await ctx.say(`failed to create ${makeDir ? 'directory' : 'file'} via template ${quoteaf(full + suffix)}: ${errText(e)}`);
      return 1;
    }
  }
  if (!quiet) await ctx.say(`failed to create ${makeDir ? 'directory' : 'file'} via template ${quoteaf(full + suffix)}: File exists`);
  return 1;
});
