// touch: change file timestamps, creating missing files (GNU options -a -c -d -f -m -r -t
// --time). -h (symlinks themselves) is not supported: the VM's utimes follows links.

import { Errno } from '../errno.ts';
import { O_CREAT, O_NONBLOCK, O_NOCTTY, O_WRONLY } from '../types.ts';
import { parseDate, parseStamp } from './datetime.ts';
import { argMatch, defineProgram, errText, parseOptions, quoteaf, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: '[OPTION]... FILE...',
  about: 'Update the access and modification times of each FILE to the current time.\n\nA FILE argument that does not exist is created empty, unless -c or -h\nis supplied.',
  options: [
    { short: 'a', key: 'a', help: 'change only the access time' },
    { short: 'c', long: 'no-create', help: 'do not create any files' },
    { short: 'd', long: 'date', arg: 'required' as const, argName: 'STRING', help: 'parse STRING and use it instead of current time' },
    { short: 'f', key: 'f', help: '(ignored)' },
    { short: 'h', long: 'no-dereference', help: 'affect symbolic links themselves (not supported)' },
    { short: 'm', key: 'm', help: 'change only the modification time' },
    { short: 'r', long: 'reference', arg: 'required' as const, argName: 'FILE', help: "use this file's times instead of current time" },
    { short: 't', key: 't', arg: 'required' as const, argName: 'STAMP', help: 'use [[CC]YY]MMDDhhmm[.ss] instead of current time' },
    { long: 'time', arg: 'required' as const, argName: 'WORD', help: 'change the specified time:\n  WORD is access, atime, or use: equivalent to -a\n  WORD is modify or mtime: equivalent to -m' },
  ],
};

export const touch = defineProgram('touch', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  const { proc } = ctx;
  let atime = false;
  let mtime = false;
  for (const { key, value } of o.list) {
    if (key === 'a') atime = true;
    else if (key === 'm') mtime = true;
    else if (key === 'time') {
      if (argMatch(ctx, '--time', value!, [['atime', 'access', 'use'], ['mtime', 'modify']]) === 'atime') atime = true;
      else mtime = true;
    }
  }
  if (!atime && !mtime) atime = mtime = true;
  if (o.has('no-dereference')) ctx.fail('-h (--no-dereference): changing the times of a symbolic link is not supported: Function not implemented');
  const now = proc.kernel.now();
  let aMs = now;
  let mMs = now;
  const ref = o.get('reference');
  if (ref !== undefined) {
    try {
      const st = proc.stat(ref);
      aMs = st.atimeMs;
      mMs = st.mtimeMs;
    } catch (e) {
      rethrowFatal(e);
      ctx.fail(`failed to get attributes of ${quoteaf(ref)}: ${errText(e)}`);
    }
  }
  const date = o.get('date');
  if (date !== undefined) {
    const a = parseDate(date, aMs);
    const m = parseDate(date, mMs);
    if (!a || !m) ctx.fail(`invalid date format ${ctx.q(date)}`);
    aMs = a.ms + a.ns / 1e6;
    mMs = m.ms + m.ns / 1e6;
  }
  const stamp = o.get('t');
  if (stamp !== undefined) {
    const t = parseStamp(stamp, now);
    if (t === null) ctx.fail(`invalid date format ${ctx.q(stamp)}`);
    aMs = mMs = t;
  }
  if (o.operands.length === 0) ctx.usage('missing file operand');
  const noCreate = o.has('no-create');
  for (const file of o.operands) {
    let existed = true;
    if (file !== '-') {
      try {
        proc.stat(file);
      } catch (e) {
        rethrowFatal(e);
        existed = false;
        if (e.errno === Errno.ENOENT && noCreate) continue;
        if (e.errno !== Errno.ENOENT) {
          // ENOTDIR, EACCES, ELOOP…: report as creat(2) would
        }
      }
    }
    if (!existed) {
      try {
        const fd = proc.open(file, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY, 0o666);
        proc.close(fd);
      } catch (e) {
        rethrowFatal(e);
        await ctx.warn(`cannot touch ${quoteaf(file)}: ${errText(e)}`);
        continue;
      }
    }
    try {
      if (file === '-') continue; // times of stdout: not something the VM can change
      let a = aMs;
      let m = mMs;
      if (!atime || !mtime) {
        const st = proc.stat(file);
        if (!atime) a = st.atimeMs;
        if (!mtime) m = st.mtimeMs;
      }
      proc.utimes(file, a, m);
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(`setting times of ${quoteaf(file)}: ${errText(e)}`);
    }
  }
});
