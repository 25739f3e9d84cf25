// tee: copy standard input to standard output and to files (GNU options -a -i -p
// --output-error[=MODE]). Streams chunk by chunk.

import { Errno, KernelError } from '../errno.ts';
import { O_APPEND, O_CREAT, O_TRUNC, O_WRONLY, Signal } from '../types.ts';
import { argMatch, defineProgram, errText, parseOptions, quotef, rethrowFatal, READ_CHUNK, type Ctx } from './util.ts';

const spec = {
  usage: '[OPTION]... [FILE]...',
  about: 'Copy standard input to each FILE, and also to standard output.',
  options: [
    { short: 'a', long: 'append', help: 'append to the given FILEs, do not overwrite' },
    { short: 'i', long: 'ignore-interrupts', help: 'ignore interrupt signals' },
    { short: 'p', key: 'p', help: 'diagnose errors writing to non pipes' },
    { long: 'output-error', arg: 'optional' as const, argName: 'MODE', help: 'set behavior on write error.  See MODE below' },
  ],
};

type Mode = 'sigpipe' | 'warn' | 'warn-nopipe' | 'exit' | 'exit-nopipe';

interface Target {
  name: string;
  fd: number;
  open: boolean;
}

export const tee = defineProgram('tee', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  const { proc } = ctx;
  let mode = 'sigpipe' as Mode;
  for (const { key, value } of o.list) {
    if (key === 'p') mode = 'warn-nopipe';
    else if (key === 'output-error') {
      mode = value === undefined
        ? 'warn-nopipe'
        : argMatch(ctx, '--output-error', value, [['warn'], ['warn-nopipe'], ['exit'], ['exit-nopipe']]) as Mode;
    }
  }
  if (o.has('ignore-interrupts')) proc.setSignal(Signal.SIGINT, 'ignore');
  if (mode !== 'sigpipe') proc.setSignal(Signal.SIGPIPE, 'ignore');
  const flags = O_WRONLY | O_CREAT | (o.has('append') ? O_APPEND : O_TRUNC);
  const targets: Target[] = [{ name: 'standard output', fd: 1, open: true }];
  for (const name of o.operands) {
    try {
      targets.push({ name, fd: proc.open(name, flags, 0o666), open: true });
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(`${quotef(name)}: ${errText(e)}`);
    }
  }
  try {
    for (;;) {
      let data: Uint8Array;
      try {
        data = await proc.read(0, READ_CHUNK);
      } catch (e) {
        rethrowFatal(e);
        await ctx.warn(`read error: ${errText(e)}`);
        break;
      }
      if (data.length === 0) break;
      let live = 0;
      for (const t of targets) {
        if (!t.open) continue;
        try {
          await proc.write(t.fd, data);
          live++;
        } catch (e) {
          if (!(e instanceof KernelError) || (e.errno === Errno.EPIPE && mode === 'sigpipe')) throw e;
          t.open = false;
          const pipeErr = e.errno === Errno.EPIPE;
          if (pipeErr && (mode === 'warn-nopipe' || mode === 'exit-nopipe')) continue;
          await ctx.warn(`${quotef(t.name)}: ${errText(e)}`);
          if (mode === 'exit' || mode === 'exit-nopipe') return 1;
        }
      }
      if (live === 0) break;
    }
  } finally {
    for (const t of targets) {
      if (t.fd === 1) continue;
      try {
        proc.close(t.fd);
      } catch (e) {
        rethrowFatal(e);
      }
    }
  }
});
