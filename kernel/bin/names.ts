// basename and dirname (GNU options -a -s -z / -z).

import { baseName, defineProgram, dirName, parseOptions, type Ctx } from './util.ts';

const basenameSpec = {
  usage: ['NAME [SUFFIX]', 'OPTION... NAME...'],
  about: "Print NAME with any leading directory components removed.\nIf specified, also remove a trailing SUFFIX.",
  options: [
    { short: 'a', long: 'multiple', help: 'support multiple arguments and treat each as a NAME' },
    { short: 's', long: 'suffix', arg: 'required' as const, argName: 'SUFFIX', help: 'remove a trailing SUFFIX; implies -a' },
    { short: 'z', long: 'zero', help: 'end each output line with NUL, not newline' },
  ],
};

function strip(name: string, suffix: string | undefined): string {
  const b = baseName(name);
  if (suffix && b !== suffix && b.endsWith(suffix) && b !== '/') return b.slice(0, b.length - suffix.length);
  return b;
}

export const basename = defineProgram('basename', async (ctx: Ctx) => {
  const o = parseOptions(ctx, basenameSpec);
  const ops = o.operands;
  let suffix = o.get('suffix');
  const multiple = o.has('multiple') || suffix !== undefined;
  const end = o.has('zero') ? '\0' : '\n';
  if (ops.length === 0) ctx.usage('missing operand');
  if (multiple) {
    for (const n of ops) ctx.out.text(strip(n, suffix) + end);
    return 0;
  }
  if (ops.length > 2) ctx.usage(`extra operand ${ctx.q(ops[2]!)}`);
  suffix = ops[1];
  ctx.out.text(strip(ops[0]!, suffix) + end);
  return 0;
});

const dirnameSpec = {
  usage: '[OPTION] NAME...',
  about: "Output each NAME with its last non-slash component and trailing slashes\nremoved; if NAME contains no /'s, output '.' (meaning the current directory).",
  options: [{ short: 'z', long: 'zero', help: 'end each output line with NUL, not newline' }],
};

export const dirname = defineProgram('dirname', async (ctx: Ctx) => {
  const o = parseOptions(ctx, dirnameSpec);
  if (o.operands.length === 0) ctx.usage('missing operand');
  const end = o.has('zero') ? '\0' : '\n';
  for (const n of o.operands) ctx.out.text(dirName(n) + end);
  return 0;
});
