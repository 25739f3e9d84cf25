// uniq: report or omit repeated lines (GNU options -c -d -D -u -i -f -s -w -z --group).

import { O_CREAT, O_TRUNC, O_WRONLY } from '../types.ts';
import { BinLineReader, Output, argMatch, closeInput, defineProgram, errText, openInput, parseOptions, quotef, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: '[OPTION]... [INPUT [OUTPUT]]',
  about: 'Filter adjacent matching lines from INPUT (or standard input),\nwriting to OUTPUT (or standard output).\n\nWith no options, matching lines are merged to the first occurrence.',
  options: [
    { short: 'c', long: 'count', help: 'prefix lines by the number of occurrences' },
    { short: 'd', long: 'repeated', help: 'only print duplicate lines, one for each group' },
    { short: 'D', key: 'all-repeated', help: 'print all duplicate lines' },
    { long: 'all-repeated', arg: 'optional' as const, argName: 'METHOD', help: "like -D, but allow separating groups\n  with an empty line;\n  METHOD={none(default),prepend,separate}" },
    { short: 'f', long: 'skip-fields', arg: 'required' as const, argName: 'N', help: 'avoid comparing the first N fields' },
    { long: 'group', arg: 'optional' as const, argName: 'METHOD', help: 'show all items, separating groups with an empty line;\n  METHOD={separate(default),prepend,append,both}' },
    { short: 'i', long: 'ignore-case', help: 'ignore differences in case when comparing' },
    { short: 's', long: 'skip-chars', arg: 'required' as const, argName: 'N', help: 'avoid comparing the first N characters' },
    { short: 'u', long: 'unique', help: 'only print unique lines' },
    { short: 'z', long: 'zero-terminated', help: 'line delimiter is NUL, not newline' },
    { short: 'w', long: 'check-chars', arg: 'required' as const, argName: 'N', help: 'compare no more than N characters in lines' },
  ],
};

type AllRepeated = '' | 'none' | 'prepend' | 'separate';
type Group = '' | 'separate' | 'prepend' | 'append' | 'both';

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

export const uniq = defineProgram('uniq', async (ctx: Ctx) => {
  let args = ctx.args;
  // obsolete -N (skip fields) and +N (skip chars)
  let obsFields: number | undefined;
  let obsChars: number | undefined;
  args = args.filter((a, i) => {
    if (args.slice(0, i).includes('--')) return true;
    if (/^-\d+$/.test(a)) {
      obsFields = Number(a.slice(1));
      return false;
    }
    if (/^\+\d+$/.test(a) && i < args.length) {
      obsChars = Number(a.slice(1));
      return false;
    }
    return true;
  });
  const o = parseOptions(ctx, spec, args);
  let count = false;
  let repeated = false;
  let unique = false;
  let allRepeated = '' as AllRepeated;
  let group = '' as Group;
  let icase = false;
  let skipFields = obsFields ?? 0;
  let skipChars = obsChars ?? 0;
  let checkChars = Infinity;
  let delim = 10;
  const num = (v: string, what: string): number => {
    if (!/^\s*\+?\d+$/.test(v)) ctx.fail(`${v}: invalid number of ${what}`);
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER;
  };
  for (const { key, value } of o.list) {
    switch (key) {
      case 'count': count = true; break;
      case 'repeated': repeated = true; break;
      case 'all-repeated':
        allRepeated = value === undefined ? 'none' : argMatch(ctx, '--all-repeated', value, [['none'], ['prepend'], ['separate']]) as AllRepeated;
        break;
      case 'group':
        group = value === undefined ? 'separate' : argMatch(ctx, '--group', value, [['prepend'], ['append'], ['separate'], ['both']]) as Group;
        break;
      case 'skip-fields': skipFields = num(value!, 'fields to skip'); break;
      case 'ignore-case': icase = true; break;
      case 'skip-chars': skipChars = num(value!, 'bytes to skip'); break;
      case 'unique': unique = true; break;
      case 'zero-terminated': delim = 0; break;
      case 'check-chars': checkChars = num(value!, 'bytes to compare'); break;
    }
  }
  if (o.operands.length > 2) ctx.usage(`extra operand ${ctx.q(o.operands[2]!)}`);
  if (group && (repeated || unique || allRepeated || count)) {
    ctx.usage('--group is mutually exclusive with -c/-d/-D/-u');
  }
  if (allRepeated && count) {
    ctx.usage('printing all duplicated lines and repeat counts is meaningless');
  }
  const input = o.operands[0] ?? '-';
  const output = o.operands[1];
  let fd: number;
  try {
    fd = openInput(ctx.proc, input);
  } catch (e) {
    rethrowFatal(e);
    ctx.fail(`${quotef(input)}: ${errText(e)}`);
  }
  let out = ctx.out;
  if (output !== undefined && output !== '-') {
    try {
      out = new Output(ctx.proc, ctx.proc.open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o666));
    } catch (e) {
      rethrowFatal(e);
      ctx.fail(`${quotef(output)}: ${errText(e)}`);
    }
  }

  const keyOf = (line: string): string => {
    let p = 0;
    for (let f = 0; f < skipFields && p < line.length; f++) {
      while (p < line.length && isBlank(line.charCodeAt(p))) p++;
      while (p < line.length && !isBlank(line.charCodeAt(p))) p++;
    }
    p = Math.min(line.length, p + skipChars);
    let k = checkChars === Infinity ? line.slice(p) : line.slice(p, p + checkChars);
    if (icase) k = k.replace(/[a-z]+/g, (m) => m.toUpperCase());
    return k;
  };

  const emitLine = (line: string): void => {
    out.bin(line);
    out.byte(delim);
  };

  let prevLine: string | undefined;
  let prevKey = '';
  let n = 0;
  let groupsPrinted = 0;
  const flushGroup = (): void => {
    if (prevLine === undefined || allRepeated || group) return;
    if ((repeated && n < 2) || (unique && n > 1)) return;
    if (count) out.text(`${String(n).padStart(7)} `);
    emitLine(prevLine);
  };

  const reader = new BinLineReader(ctx.proc, fd, delim);
  try {
    for (;;) {
      let batch: string[] | null;
      try {
        batch = await reader.batch();
      } catch (e) {
        rethrowFatal(e);
        ctx.fail(`${quotef(input)}: ${errText(e)}`);
      }
      if (!batch) break;
      for (const line of batch) {
        const key = keyOf(line);
        const same = prevLine !== undefined && key === prevKey;
        if (group) {
          if (prevLine === undefined) {
            if (group === 'prepend' || group === 'both') out.byte(delim);
          } else if (!same) out.byte(delim);
          emitLine(line);
        } else if (allRepeated) {
          if (same) {
            if (n === 1) {
              if (groupsPrinted > 0 && allRepeated === 'separate') out.byte(delim);
              if (allRepeated === 'prepend') out.byte(delim);
              groupsPrinted++;
              emitLine(prevLine!);
            }
            emitLine(line);
          }
        }
        if (same) {
          n++;
          continue;
        }
        flushGroup();
        prevLine = line;
        prevKey = key;
        n = 1;
      }
      if (out.full) await out.flush();
    }
    flushGroup();
    if (group && prevLine !== undefined && (group === 'append' || group === 'both')) out.byte(delim);
    await out.flush();
  } finally {
    closeInput(ctx.proc, fd);
    if (out !== ctx.out) closeInput(ctx.proc, out.fd);
  }
});
