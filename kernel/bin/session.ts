// pwd, printenv and tty: the process's own working directory, environment and terminal.

import { S_IFMT } from '../types.ts';
import { defineProgram, parseOptions, rethrowFatal, type Ctx } from './util.ts';

const pwdSpec = {
  usage: '[OPTION]...',
  about: 'Print the full filename of the current working directory.',
  options: [
    { short: 'L', long: 'logical', help: 'use PWD from environment, even if it contains symlinks' },
    { short: 'P', long: 'physical', help: 'avoid all symlinks (the default)' },
  ],
};

/** $PWD when it is absolute, free of . and .. and names the working directory. */
function logicalPwd(ctx: Ctx): string | undefined {
  const p = ctx.proc.env.PWD;
  if (!p || !p.startsWith('/') || p.split('/').some((c) => c === '.' || c === '..')) return undefined;
  try {
    const a = ctx.proc.stat(p);
    const b = ctx.proc.stat('.');
    if (a.dev === b.dev && a.ino === b.ino && (a.mode & S_IFMT) === (b.mode & S_IFMT)) return p;
  } catch (e) {
    rethrowFatal(e);
  }
  return undefined;
}

export const pwd = defineProgram('pwd', async (ctx: Ctx) => {
  const o = parseOptions(ctx, pwdSpec);
  if (o.operands.length) await ctx.say('ignoring non-option arguments');
  let logical = ctx.proc.env.POSIXLY_CORRECT !== undefined;
  for (const x of o.list) logical = x.key === 'logical' ? true : x.key === 'physical' ? false : logical;
  const l = logical ? logicalPwd(ctx) : undefined;
  let p = l;
  if (p === undefined) {
    try {
      p = ctx.proc.realpath('.');
    } catch (e) {
      rethrowFatal(e);
      p = ctx.proc.cwd;
    }
  }
  ctx.out.text(`${p}\n`);
});

export const printenv = defineProgram('printenv', async (ctx: Ctx) => {
  ctx.usageStatus = 2;
  const o = parseOptions(ctx, {
    usage: '[OPTION]... [VARIABLE]...',
    about: 'Print the values of the specified environment VARIABLE(s).\nIf no VARIABLE is specified, print name and value pairs for them all.',
    options: [{ short: '0', long: 'null', help: 'end each output line with NUL, not newline' }],
  });
  const end = o.has('null') ? '\0' : '\n';
  const env = ctx.proc.env;
  if (o.operands.length === 0) {
    for (const [k, v] of Object.entries(env)) ctx.out.text(`${k}=${v}${end}`);
    return 0;
  }
  let missing = 0;
  for (const name of o.operands) {
    if (!name.includes('=') && Object.hasOwn(env, name)) ctx.out.text(env[name] + end);
    else missing++;
  }
  return missing ? 1 : 0;
});

export const tty = defineProgram('tty', async (ctx: Ctx) => {
  ctx.usageStatus = 2;
  const o = parseOptions(ctx, {
    usage: '[OPTION]...',
    about: 'Print the file name of the terminal connected to standard input.',
    options: [
      { short: 's', long: 'silent', key: 'silent', help: 'print nothing, only return an exit status' },
      { long: 'quiet', key: 'silent' },
    ],
  });
  if (o.operands.length) ctx.usage(`extra operand ${ctx.q(o.operands[0]!)}`);
  let name: string | undefined;
  try {
    if (ctx.proc.isatty(0)) name = ctx.proc.file(0).path || '/dev/tty';
  } catch (e) {
    rethrowFatal(e);
  }
  if (o.has('silent')) return name === undefined ? 1 : 0;
  ctx.out.text(`${name ?? 'not a tty'}\n`);
  return name === undefined ? 1 : 0;
});
