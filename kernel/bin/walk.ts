// Recursion helper for -R utilities (chmod, chown, chgrp): visits each entry of a directory
// with its lstat, reporting unreadable directories and vanished entries as GNU does
// (silently with -f: the status still becomes 1).

import type { Stat } from '../types.ts';
import { errText, joinPath, quoteaf, rethrowFatal, type Ctx } from './util.ts';

export async function eachChild(ctx: Ctx, dir: string, silent: boolean, visit: (child: string, st: Stat) => Promise<void>): Promise<void> {
  const problem = async (msg: string): Promise<void> => {
    if (!silent) await ctx.warn(msg);
    else ctx.status = 1;
  };
  let names: string[];
  try {
    names = ctx.proc.readdir(dir).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
  } catch (e) {
    rethrowFatal(e);
    return problem(`cannot read directory ${quoteaf(dir)}: ${errText(e)}`);
  }
  for (const n of names) {
    const child = joinPath(dir, n);
    let st: Stat;
    try {
      st = ctx.proc.lstat(child);
    } catch (e) {
      rethrowFatal(e);
      await problem(`cannot access ${quoteaf(child)}: ${errText(e)}`);
      continue;
    }
    await visit(child, st);
  }
}
