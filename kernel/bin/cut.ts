// cut: remove sections from each line (GNU options -b -c -f -d -s -n -z --complement
// --output-delimiter). -c works on bytes, as in the C locale.

import { LineReader, argBytes, closeInput, defineProgram, errText, openInput, parseOptions, quotef, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: 'OPTION... [FILE]...',
  about: 'Print selected parts of lines from each FILE to standard output.\n\nWith no FILE, or when FILE is -, read standard input.',
  options: [
    { short: 'b', long: 'bytes', arg: 'required' as const, argName: 'LIST', help: 'select only these bytes' },
    { short: 'c', long: 'characters', arg: 'required' as const, argName: 'LIST', help: 'select only these characters' },
    { short: 'd', long: 'delimiter', arg: 'required' as const, argName: 'DELIM', help: 'use DELIM instead of TAB for field delimiter' },
    { short: 'f', long: 'fields', arg: 'required' as const, argName: 'LIST', help: 'select only these fields;  also print any line\n  that contains no delimiter character, unless\n  the -s option is specified' },
    { short: 'n', key: 'n', help: '(ignored)' },
    { long: 'complement', help: 'complement the set of selected bytes, characters\n  or fields' },
    { short: 's', long: 'only-delimited', help: 'do not print lines not containing delimiters' },
    { long: 'output-delimiter', arg: 'required' as const, argName: 'STRING', help: 'use STRING as the output delimiter\n  the default is to use the input delimiter' },
    { short: 'z', long: 'zero-terminated', help: 'line delimiter is NUL, not newline' },
  ],
};

interface Range {
  lo: number;
  hi: number;
}

function parseList(ctx: Ctx, list: string, fields: boolean): Range[] {
  const pos = !fields;
  const zeroMsg = pos ? 'byte/character positions are numbered from 1' : 'fields are numbered from 1';
  const ranges: Range[] = [];
  let i = 0;
  let value = 0;
  let initial = 0;
  let lhs = false;
  let rhs = false;
  let dash = false;
  let numStart = 0;
  let inDigits = false;
  for (;;) {
    const ch = list[i];
    if (ch === '-') {
      inDigits = false;
      if (dash) ctx.usage(pos ? 'invalid byte or character range' : 'invalid field range');
      dash = true;
      i++;
      if (lhs && value === 0) ctx.usage(zeroMsg);
      initial = lhs ? value : 1;
      value = 0;
    } else if (ch === undefined || ch === ',' || ch === ' ' || ch === '\t') {
      inDigits = false;
      if (dash) {
        dash = false;
        if (!lhs && !rhs) ctx.usage('invalid range with no endpoint: -');
        if (!rhs) ranges.push({ lo: initial, hi: Infinity });
        else {
          if (value < initial) ctx.usage('invalid decreasing range');
          ranges.push({ lo: initial, hi: value });
        }
        value = 0;
      } else {
        if (value === 0) ctx.usage(zeroMsg);
        ranges.push({ lo: value, hi: value });
        value = 0;
      }
      if (ch === undefined) break;
      i++;
      lhs = rhs = false;
    } else if (ch >= '0' && ch <= '9') {
      if (!inDigits) numStart = i;
      inDigits = true;
      if (dash) rhs = true;
      else lhs = true;
      value = value * 10 + (ch.charCodeAt(0) - 48);
      if (!Number.isSafeInteger(value)) {
        const bad = /^\d*/.exec(list.slice(numStart))![0];
        ctx.usage(pos ? `byte/character offset ${ctx.q(bad)} is too large` : `field number ${ctx.q(bad)} is too large`);
      }
      i++;
    } else {
      ctx.usage(pos ? `invalid byte/character position ${ctx.q(list.slice(i))}` : `invalid field value ${ctx.q(list.slice(i))}`);
    }
  }
  ranges.sort((a, b) => a.lo - b.lo);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.lo <= last.hi) last.hi = Math.max(last.hi, r.hi);
    else merged.push({ ...r });
  }
  return merged;
}

function complementRanges(rs: Range[]): Range[] {
  const out: Range[] = [];
  let next = 1;
  for (const r of rs) {
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1 });
    next = r.hi + 1;
  }
  if (next !== Infinity) out.push({ lo: next, hi: Infinity });
  return out;
}

export const cut = defineProgram('cut', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  let mode: '' | 'bytes' | 'fields' = '';
  let listText = '';
  let delimSet = false;
  let delim = 9;
  let outDelim: string | undefined;
  for (const { key, value } of o.list) {
    if (key === 'bytes' || key === 'characters' || key === 'fields') {
      if (mode) ctx.usage('only one list may be specified');
      mode = key === 'fields' ? 'fields' : 'bytes';
      listText = value!;
    } else if (key === 'delimiter') {
      const d = argBytes(value!);
      if (d.length > 1) ctx.usage('the delimiter must be a single character');
      delim = d === '' ? 0 : d.charCodeAt(0);
      delimSet = true;
    } else if (key === 'output-delimiter') outDelim = argBytes(value!);
  }
  const onlyDelimited = o.has('only-delimited');
  if (!mode) ctx.usage('you must specify a list of bytes, characters, or fields');
  if (mode === 'bytes' && delimSet) ctx.usage('an input delimiter may be specified only when operating on fields');
  if (mode === 'bytes' && onlyDelimited) ctx.usage('suppressing non-delimited lines makes sense\n\tonly when operating on fields');
  let ranges = parseList(ctx, listText, mode === 'fields');
  if (o.has('complement')) ranges = complementRanges(ranges);
  const eol = o.has('zero-terminated') ? 0 : 10;
  const od = outDelim ?? String.fromCharCode(delim);
  const { out, proc } = ctx;

  const selected = (n: number): boolean => {
    for (const r of ranges) {
      if (n < r.lo) return false;
      if (n <= r.hi) return true;
    }
    return false;
  };

  const cutBytes = (line: Uint8Array): void => {
    let first = true;
    for (const r of ranges) {
      if (r.lo > line.length) break;
      if (!first && outDelim !== undefined) out.bin(outDelim);
      out.put(line.subarray(r.lo - 1, Math.min(line.length, r.hi)));
      first = false;
    }
    out.byte(eol);
  };

  const cutFields = (line: Uint8Array): void => {
    let idx = line.indexOf(delim);
    if (idx < 0) {
      if (!onlyDelimited) {
        out.put(line);
        out.byte(eol);
      }
      return;
    }
    let start = 0;
    let field = 1;
    let printed = false;
    for (;;) {
      const end = idx < 0 ? line.length : idx;
      if (selected(field)) {
        if (printed) out.bin(od);
        out.put(line.subarray(start, end));
        printed = true;
      }
      if (idx < 0) break;
      start = idx + 1;
      field++;
      idx = line.indexOf(delim, start);
    }
    out.byte(eol);
  };

  const files = o.operands.length ? o.operands : ['-'];
  for (const file of files) {
    let fd: number;
    try {
      fd = openInput(proc, file);
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(`${quotef(file)}: ${errText(e)}`);
      continue;
    }
    try {
      const reader = new LineReader(proc, fd, eol);
      for (;;) {
        const batch = await reader.batch();
        if (!batch) break;
        for (const line of batch) {
          if (mode === 'bytes') cutBytes(line);
          else cutFields(line);
        }
        await out.flush();
      }
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(`${quotef(file)}: ${errText(e)}`);
    } finally {
      closeInput(proc, fd);
    }
  }
});
