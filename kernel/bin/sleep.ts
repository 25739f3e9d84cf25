// sleep: pause for NUMBER[smhd]… (fractions, several operands summed, "inf"). Ends as soon as
// the process is killed (proc.signal aborts the wait).

import { strtod } from './compare.ts';
import { defineProgram, parseOptions, type Ctx } from './util.ts';

const spec = {
  usage: ['NUMBER[SUFFIX]...', 'OPTION'],
  about: "Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),\n'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an\ninteger.  Given two or more arguments, pause for the amount of time\nspecified by the sum of their values.",
  options: [],
};

const MULT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds for one operand, or null if invalid. */
function interval(s: string): number | null {
  const m = /^([ \t\n\v\f\r]*[+-]?(?:0[xX][0-9a-fA-F.]+(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?))([smhd]?)$/i.exec(s);
  if (!m) return null;
  const v = strtod(m[1]!);
  if (v === undefined || Number.isNaN(v) || v < 0) return null;
  return v * MULT[m[2]!]!;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    timer = setTimeout(done, Math.min(ms, 0x7fffffff));
  });
}

export const sleep = defineProgram('sleep', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  if (o.operands.length === 0) ctx.usage('missing operand');
  let total = 0;
  let bad = false;
  for (const a of o.operands) {
    const v = interval(a);
    if (v === null) {
      await ctx.say(`invalid time interval ${ctx.q(a)}`);
      bad = true;
    } else total += v;
  }
  if (bad) ctx.tryHelp();
  const { proc } = ctx;
  let left = total * 1000;
  const end = Date.now() + left;
  while (left > 0 && !proc.signal.aborted) {
    await wait(left, proc.signal);
    left = total === Infinity ? Infinity : end - Date.now();
  }
  return 0;
});
