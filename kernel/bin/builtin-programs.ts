// echo, printf, test, [ and kill as programs (/bin/echo, /usr/bin/printf, /usr/bin/test,
// /usr/bin/[, /bin/kill), until the real GNU coreutils / procps arrive as WASM: each runs the
// shell's builtin of the same name over its own process, through a minimal interpreter for that
// process. What GNU does differently from the builtins is handled here: --help / --version
// (GNU's rules for when they count), printf taking no options, messages without bash's
// "bash: line N:" prefix.

import type { Program } from '../types.ts';
import type { Builtin } from '../shell/contracts.ts';
import { ShellError } from '../shell/contracts.ts';
import { Interp } from '../shell/interp.ts';
import { echo } from '../shell/builtins/echo.ts';
import { printf } from '../shell/builtins/printf.ts';
import { bracket, test } from '../shell/builtins/test.ts';
import { coreBuiltins } from '../shell/builtins-core.ts';
import { defineProgram, helpText, versionText, type Ctx } from './util.ts';

/**
 * An interpreter for a utility process: its messages are "argv[0]: msg", as a program's are
 * (the builtin's own "NAME: " in front of a message becomes the program's name).
 */
class ProgramShell extends Interp {
  readonly #builtinName: string;
  readonly #programName: string;
  constructor(ctx: Ctx, builtinName: string) {
    super(ctx.proc, { scriptName: ctx.name });
    this.#builtinName = builtinName;
    this.#programName = ctx.name;
  }
  override errorPrefix(): string { return ''; }
  override async error(msg: string): Promise<void> {
    const own = `${this.#builtinName}: `;
    await this.writeErr(`${this.#programName}: ${msg.startsWith(own) ? msg.slice(own.length) : msg}\n`);
  }
}

async function runBuiltin(ctx: Ctx, name: string, builtin: Builtin, args: string[]): Promise<number> {
  const sh = new ProgramShell(ctx, name);
  try {
    return await builtin(sh, args);
  } catch (e) {
    if (!(e instanceof ShellError)) throw e;
    if (e.message) await sh.error(e.message);
    return e.status;
  }
}

/** GNU's rule: a sole --help / --version argument is an option; anything else is an operand. */
function helpOrVersion(ctx: Ctx, usage: string[], about: string): boolean {
  if (ctx.args.length !== 1) return false;
  const a = ctx.args[0];
  if (a !== '--help' && a !== '--version') return false;
  ctx.out.text(a === '--help' ? helpText(ctx.name, { usage, about, options: [] }) : versionText(ctx.name));
  return true;
}

export const echoProgram: Program = defineProgram('echo', async (ctx) => {
  if (helpOrVersion(ctx, ['[SHORT-OPTION]... [STRING]...', 'LONG-OPTION'],
    'Echo the STRING(s) to standard output.\n\n' +
    '  -n             do not output the trailing newline\n' +
    '  -e             enable interpretation of backslash escapes\n' +
    '  -E             disable interpretation of backslash escapes (default)')) return 0;
  return runBuiltin(ctx, 'echo', echo, ctx.args);
});

export const printfProgram: Program = defineProgram('printf', async (ctx) => {
  if (helpOrVersion(ctx, ['FORMAT [ARGUMENT]...', 'OPTION'],
    'Print ARGUMENT(s) according to FORMAT, or execute according to OPTION.')) return 0;
  // GNU printf has no options: one leading `--` is skipped, everything else is the format
  const args = ctx.args[0] === '--' ? ctx.args.slice(1) : ctx.args;
  if (args.length === 0) ctx.usage('missing operand');
  const st = await runBuiltin(ctx, 'printf', printf, ['--', ...args]);
  // (a conversion error is status 1 in GNU printf; bash's usage status 2 cannot happen here)
  return st;
});

export const testProgram: Program = defineProgram('test', async (ctx) => {
  // GNU test takes no options at all (`test --help` is a non-empty string): only `[` has them
  return runBuiltin(ctx, 'test', test, ctx.args);
});

export const bracketProgram: Program = defineProgram('[', async (ctx) => {
  if (helpOrVersion(ctx, ['EXPRESSION ]', '[ ]', 'OPTION'],
    'Exit with the status determined by EXPRESSION.')) return 0;
  return runBuiltin(ctx, '[', bracket, ctx.args);
});

export const killProgram: Program = defineProgram('kill', async (ctx) => {
  return runBuiltin(ctx, 'kill', coreBuiltins.get('kill')!, ctx.args);
});
