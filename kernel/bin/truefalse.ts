// true, false: exit with a fixed status. Like GNU, a sole --help or --version is honoured
// (and false still exits 1); every other argument is ignored.

import type { Program } from '../types.ts';
import { defineProgram, helpText, versionText, type Ctx } from './util.ts';

function fixed(name: string, status: number, about: string): Program {
  return defineProgram(name, async (ctx: Ctx) => {
    if (ctx.args.length === 1 && (ctx.args[0] === '--help' || ctx.args[0] === '--version')) {
      const text = ctx.args[0] === '--help'
        ? helpText(ctx.name, { usage: ['[ignored command line arguments]', 'OPTION'], about, options: [] })
        : versionText(ctx.name);
      ctx.out.text(text);
    }
    return status;
  });
}

export const trueProgram = fixed('true', 0, 'Exit with a status code indicating success.');
export const falseProgram = fixed('false', 1, 'Exit with a status code indicating failure.');
