// readlink (-f -e -m -n -q -s -v -z) and realpath (-e -m -E -L -P -s -q -z --relative-to
// --relative-base), over gnulib's canonicalize_filename_mode done with lstat/readlink.

import { kerr } from '../errno.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, type Proc } from '../types.ts';
import { defineProgram, errText, parseOptions, quotef, rethrowFatal, type Ctx } from './util.ts';

/** existing: every component must exist; allButLast: all but the last; missing: none need to. */
export type CanonMode = 'existing' | 'allButLast' | 'missing';

/**
 * The absolute name of `name` with ., .. and (unless noLinks) symbolic links resolved.
 * Throws KernelError (ENOENT, ENOTDIR, ELOOP, …) as canonicalize_filename_mode fails.
 */
export function canonicalize(proc: Proc, name: string, mode: CanonMode, opts: { noLinks?: boolean; logical?: boolean } = {}): string {
  if (name === '') throw kerr('ENOENT', 'canonicalize', name);
  let rest = name.startsWith('/') ? name : `${proc.cwd}/${name}`;
  if (opts.logical) {
    // -L: resolve '..' lexically before looking at symlinks
    const parts: string[] = [];
    for (const c of rest.split('/')) {
      if (c === '' || c === '.') continue;
      if (c === '..') parts.pop();
      else parts.push(c);
    }
    rest = `/${parts.join('/')}`;
  }
  let comps = rest.split('/').filter((c) => c !== '');
  const limit = proc.kernel.limits.symlinkDepth;
  let links = 0;
  let resolved: string[] = [];
  let missingSeen = false;
  for (let i = 0; i < comps.length; i++) {
    const c = comps[i]!;
    if (c === '.') continue;
    if (c === '..') {
      resolved.pop();
      continue;
    }
    const candidate = `/${[...resolved, c].join('/')}`;
    const more = comps.slice(i + 1).some((x) => x !== '' && x !== '.');
    if (missingSeen) {
      resolved.push(c);
      continue;
    }
    let st;
    try {
      st = proc.lstat(candidate);
    } catch (e) {
      rethrowFatal(e);
      if (mode === 'existing') throw e;
      if (mode === 'allButLast') {
        if (more || e.errno !== 2) throw e;
        resolved.push(c);
        continue;
      }
      missingSeen = true;
      resolved.push(c);
      continue;
    }
    if ((st.mode & S_IFMT) === S_IFLNK && !opts.noLinks) {
      if (++links > limit) throw kerr('ELOOP', 'canonicalize', name);
      const target = proc.readlink(candidate);
      const tcomps = target.split('/').filter((x) => x !== '');
      if (target.startsWith('/')) resolved = [];
      comps = [...tcomps, ...comps.slice(i + 1)];
      i = -1;
      continue;
    }
    if ((st.mode & S_IFMT) !== S_IFDIR && more && mode !== 'missing') throw kerr('ENOTDIR', 'canonicalize', name);
    resolved.push(c);
  }
  return `/${resolved.join('/')}`;
}

// ---- readlink ----

const readlinkSpec = {
  usage: '[OPTION]... FILE...',
  about: 'Print value of a symbolic link or canonical file name',
  options: [
    { short: 'f', long: 'canonicalize', help: 'canonicalize by following every symlink in\n  every component of the given name recursively;\n  all but the last component must exist' },
    { short: 'e', long: 'canonicalize-existing', help: 'canonicalize by following every symlink in\n  every component of the given name recursively,\n  all components must exist' },
    { short: 'm', long: 'canonicalize-missing', help: 'canonicalize by following every symlink in\n  every component of the given name recursively,\n  without requirements on components existence' },
    { short: 'n', long: 'no-newline', help: 'do not output the trailing delimiter' },
    { short: 'q', long: 'quiet', key: 'quiet', help: 'suppress most error messages (on by default)' },
    { short: 's', long: 'silent', key: 'quiet' },
    { short: 'v', long: 'verbose', help: 'report error messages' },
    { short: 'z', long: 'zero', help: 'end each output line with NUL, not newline' },
  ],
};

export const readlink = defineProgram('readlink', async (ctx: Ctx) => {
  const o = parseOptions(ctx, readlinkSpec);
  let mode: CanonMode | null = null;
  let verbose = false;
  for (const { key } of o.list) {
    if (key === 'canonicalize') mode = 'allButLast';
    else if (key === 'canonicalize-existing') mode = 'existing';
    else if (key === 'canonicalize-missing') mode = 'missing';
    else if (key === 'quiet') verbose = false;
    else if (key === 'verbose') verbose = true;
  }
  if (o.operands.length === 0) ctx.usage('missing operand');
  let noNewline = o.has('no-newline');
  if (noNewline && o.operands.length > 1) {
    await ctx.say('ignoring --no-newline with multiple arguments');
    noNewline = false;
  }
  const end = o.has('zero') ? '\0' : '\n';
  let status = 0;
  for (const f of o.operands) {
    try {
      const v = mode ? canonicalize(ctx.proc, f, mode) : ctx.proc.readlink(f);
      ctx.out.text(noNewline ? v : v + end);
    } catch (e) {
      rethrowFatal(e);
      status = 1;
      if (verbose) await ctx.say(`${quotef(f)}: ${errText(e)}`);
    }
  }
  return status;
});

// ---- realpath ----

const realpathSpec = {
  usage: '[OPTION]... FILE...',
  about: 'Print the resolved absolute file name;\nall but the last component must exist',
  options: [
    { short: 'e', long: 'canonicalize-existing', help: 'all components of the path must exist' },
    { short: 'm', long: 'canonicalize-missing', help: 'no path components need exist or be a directory' },
    { short: 'E', key: 'E', help: 'all but the last component must exist (default)' },
    { short: 'L', long: 'logical', help: 'resolve \'..\' components before symlinks' },
    { short: 'P', long: 'physical', help: 'resolve symlinks as encountered (default)' },
    { short: 'q', long: 'quiet', help: 'suppress most error messages' },
    { long: 'relative-to', arg: 'required' as const, argName: 'DIR', help: 'print the resolved path relative to DIR' },
    { long: 'relative-base', arg: 'required' as const, argName: 'DIR', help: 'print absolute paths unless paths below DIR' },
    { short: 's', long: 'strip', key: 'strip', help: "don't expand symlinks" },
    { long: 'no-symlinks', key: 'strip' },
    { short: 'z', long: 'zero', help: 'end each output line with NUL, not newline' },
  ],
};

function relative(path: string, base: string): string {
  const p = path.split('/').filter(Boolean);
  const b = base.split('/').filter(Boolean);
  let i = 0;
  while (i < p.length && i < b.length && p[i] === b[i]) i++;
  const up = b.slice(i).map(() => '..');
  const r = [...up, ...p.slice(i)].join('/');
  return r === '' ? '.' : r;
}

function under(path: string, base: string): boolean {
  return base === '/' || path === base || path.startsWith(`${base}/`);
}

export const realpath = defineProgram('realpath', async (ctx: Ctx) => {
  const o = parseOptions(ctx, realpathSpec);
  let mode: CanonMode = 'allButLast';
  let logical = false;
  for (const { key } of o.list) {
    if (key === 'canonicalize-existing') mode = 'existing';
    else if (key === 'canonicalize-missing') mode = 'missing';
    else if (key === 'E') mode = 'allButLast';
    else if (key === 'logical') logical = true;
    else if (key === 'physical') logical = false;
  }
  const noLinks = o.has('strip');
  const quiet = o.has('quiet');
  if (o.operands.length === 0) ctx.usage('missing operand');
  const canon = (p: string, m: CanonMode): string => canonicalize(ctx.proc, p, m, { noLinks, logical: logical || noLinks });
  let relTo = o.get('relative-to');
  let relBase = o.get('relative-base');
  try {
    if (relTo !== undefined) relTo = canon(relTo, mode);
    if (relBase !== undefined) relBase = canon(relBase, mode);
  } catch (e) {
    rethrowFatal(e);
    ctx.fail(`${quotef(o.get('relative-to') ?? o.get('relative-base')!)}: ${errText(e)}`);
  }
  if (relBase !== undefined && relTo === undefined) relTo = relBase;
  if (relBase !== undefined && relTo !== undefined && !under(relTo, relBase)) relTo = undefined;
  const end = o.has('zero') ? '\0' : '\n';
  let status = 0;
  for (const f of o.operands) {
    try {
      let r = canon(f, mode);
      if (relTo !== undefined && (relBase === undefined || under(r, relBase))) r = relative(r, relTo);
      ctx.out.text(r + end);
    } catch (e) {
      rethrowFatal(e);
      status = 1;
      if (!quiet) await ctx.say(`${quotef(f)}: ${errText(e)}`);
    }
  }
  return status;
});
