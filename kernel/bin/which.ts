// which (Debian's debianutils): the first executable regular file named NAME in $PATH, or with
// -a every one; a NAME with a slash is checked as given. Status 0 when every NAME was found,
// 1 otherwise (also with no NAME), 2 for a bad option.

import { S_IFMT, S_IFREG } from '../types.ts';
import { defineProgram, rethrowFatal, type Ctx } from './util.ts';

const X_OK = 1;

function isExecutableFile(ctx: Ctx, path: string): boolean {
  try {
    return (ctx.proc.stat(path).mode & S_IFMT) === S_IFREG && ctx.proc.access(path, X_OK);
  } catch (e) {
    rethrowFatal(e);
    return false;
  }
}

export const which = defineProgram('which', async (ctx: Ctx) => {
  let all = false;
  let i = 0;
  for (; i < ctx.args.length; i++) {
    const a = ctx.args[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) {
      if (c === 'a') all = true;
      else {
        await ctx.proc.write(2, `${ctx.name}: Illegal option -${c}\n`);
        ctx.out.text(`Usage: ${ctx.name} [-a] args\n`);
        return 2;
      }
    }
  }
  const names = ctx.args.slice(i);
  let status = names.length === 0 ? 1 : 0;
  // An empty PATH element (also a trailing ':') means the current directory.
  const dirs = (ctx.proc.env.PATH ?? '').split(':').map((d) => d || '.');
  for (const name of names) {
    let found = false;
    if (name.includes('/')) {
      if (isExecutableFile(ctx, name)) { ctx.out.text(`${name}\n`); found = true; }
    } else if (name !== '') {
      for (const d of dirs) {
        const p = `${d}/${name}`;
        if (!isExecutableFile(ctx, p)) continue;
        ctx.out.text(`${p}\n`);
        found = true;
        if (!all) break;
      }
    }
    if (!found) status = 1;
  }
  return status;
});
