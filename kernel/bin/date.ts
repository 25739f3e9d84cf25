// date: prints the time (the VM's clock, always UTC: there is no time zone database) in GNU
// date's default format, +FORMAT, -R or -I; -d STRING / -r FILE choose another time. Setting the
// clock is refused (EPERM), as for an unprivileged Linux process.

import { parseDate, strftime } from './datetime.ts';
import { argMatch, defineProgram, errText, parseOptions, quoteaf, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: ['[OPTION]... [+FORMAT]', '[-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]'],
  about: 'Display date and time in the given FORMAT.\nWith -s, or with [MMDDhhmm[[CC]YY][.ss]], set the date and time.',
  options: [
    { short: 'd', long: 'date', arg: 'required' as const, argName: 'STRING', help: "display time described by STRING, not 'now'" },
    { short: 'I', long: 'iso-8601', arg: 'optional' as const, argName: 'FMT', help: "output date/time in ISO 8601 format.\nFMT='date' for date only (the default),\n'hours', 'minutes', 'seconds', or 'ns'" },
    { short: 'R', long: 'rfc-email', help: 'output date and time in RFC 5322 format.' },
    { long: 'rfc-3339', arg: 'required' as const, argName: 'FMT', help: "output date/time in RFC 3339 format.\nFMT='date', 'seconds', or 'ns'" },
    { short: 'r', long: 'reference', arg: 'required' as const, argName: 'FILE', help: 'display the last modification time of FILE' },
    { short: 's', long: 'set', arg: 'required' as const, argName: 'STRING', help: 'set time described by STRING' },
    { short: 'u', long: 'utc', key: 'utc', help: 'print or set Coordinated Universal Time (UTC)' },
    { long: 'universal', key: 'utc' },
  ],
};

const DEFAULT_FORMAT = '%a %b %e %H:%M:%S %Z %Y';
const NAMED = 'YmdeHMSbhaAByjszZNFTDRlpIkC';

/** GNU date's strftime: the shared UTC conversions plus flags (- _ 0 ^ #), widths and a few more. */
export function formatDate(fmt: string, ms: number, ns = 0): string {
  return fmt.replace(/%([-_0^#]*)(\d*)(:{0,3})([a-zA-Z%+])/g, (whole, flags: string, width: string, colons: string, c: string) => {
    const t = new Date(Math.floor(ms));
    let v: string;
    let numeric = true;
    let padChar = '0';
    if (colons && c !== 'z') return whole;
    switch (c) {
      case 'n': v = '\n'; numeric = false; break;
      case 't': v = '\t'; numeric = false; break;
      case '%': v = '%'; numeric = false; break;
      case 'z': v = ['+0000', '+00:00', '+00:00:00', '+00'][colons.length]!; numeric = false; break;
      case 'u': v = String(t.getUTCDay() || 7); break;
      case 'w': v = String(t.getUTCDay()); break;
      case 'P': v = t.getUTCHours() < 12 ? 'am' : 'pm'; numeric = false; break;
      case 'c': v = strftime('%a %b %e %H:%M:%S %Y', ms, ns); numeric = false; break;
      case 'x': v = strftime('%m/%d/%y', ms, ns); numeric = false; break;
      case 'X': v = strftime('%H:%M:%S', ms, ns); numeric = false; break;
      case 'r': v = strftime('%I:%M:%S %p', ms, ns); numeric = false; break;
      case '+': v = strftime('%a %b %e %H:%M:%S %Z %Y', ms, ns); numeric = false; break;
      default:
        if (!NAMED.includes(c)) return whole;
        v = strftime(`%${c}`, ms, ns);
        numeric = /^[ 0-9]+$/.test(v) && !'FTDR'.includes(c);
        if ('ekl'.includes(c)) padChar = ' ';
    }
    if (numeric) {
      const w = v.length;
      if (flags.includes('-')) return v.replace(/^[ 0]+(?=.)/, '');
      if (flags.includes('_')) { v = v.replace(/^0+(?=.)/, (z) => ' '.repeat(z.length)); padChar = ' '; }
      if (flags.includes('0')) { v = v.replace(/^ +/, (z) => '0'.repeat(z.length)); padChar = '0'; }
      if (width) v = v.trim().padStart(Math.max(Number(width), 1), padChar);
      else if (v.length < w) v = v.padStart(w, padChar);
    } else {
      if (flags.includes('^')) v = v.toUpperCase();
      else if (flags.includes('#')) v = v === v.toUpperCase() ? v.toLowerCase() : v.toUpperCase();
      if (width) v = v.padStart(Number(width), flags.includes('0') ? '0' : ' ');
    }
    return v;
  });
}

export const date = defineProgram('date', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  const { proc } = ctx;
  const ops = o.operands;
  let fmt: string | undefined;
  const chosen = ['date', 'reference', 'set'].filter((k) => o.has(k));
  if (chosen.length > 1) ctx.usage('the options to specify dates for printing are mutually exclusive');
  const formats = ['iso-8601', 'rfc-email', 'rfc-3339'].filter((k) => o.has(k));
  if (formats.length > 1) ctx.usage('multiple output formats specified');
  if (o.has('iso-8601')) {
    const v = o.get('iso-8601');
    const w = v === undefined ? 'date' : argMatch(ctx, '--iso-8601', v, [['date'], ['hours'], ['minutes'], ['seconds'], ['ns']]);
    fmt = { date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z', seconds: '%Y-%m-%dT%H:%M:%S%:z', ns: '%Y-%m-%dT%H:%M:%S,%N%:z' }[w];
  } else if (o.has('rfc-email')) fmt = '%a, %d %b %Y %H:%M:%S %z';
  else if (o.has('rfc-3339')) {
    const w = argMatch(ctx, '--rfc-3339', o.get('rfc-3339')!, [['date'], ['seconds'], ['ns']]);
    fmt = { date: '%Y-%m-%d', seconds: '%Y-%m-%d %H:%M:%S%:z', ns: '%Y-%m-%d %H:%M:%S.%N%:z' }[w];
  }
  if (ops.length > 1) ctx.usage(`extra operand ${ctx.q(ops[1]!)}`);
  if (ops.length === 1) {
    if (ops[0]!.startsWith('+')) {
      if (fmt !== undefined) ctx.usage('multiple output formats specified');
      fmt = ops[0]!.slice(1);
    } else if (chosen.length || fmt !== undefined) {
      await ctx.say(`the argument ${ctx.q(ops[0]!)} lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'`);
      ctx.tryHelp();
    } else {
      ctx.fail('cannot set date: Operation not permitted');
    }
  }
  const now = proc.kernel.now();
  let ms = now;
  let ns = 0;
  const d = o.get('date') ?? o.get('set');
  if (d !== undefined) {
    const t = parseDate(d, now);
    if (!t) ctx.fail(`invalid date ${ctx.q(d)}`);
    ({ ms, ns } = t);
    if (o.has('set')) ctx.fail('cannot set date: Operation not permitted');
  }
  const ref = o.get('reference');
  if (ref !== undefined) {
    try {
      ms = proc.stat(ref).mtimeMs;
    } catch (e) {
      rethrowFatal(e);
      ctx.fail(`${quoteaf(ref)}: ${errText(e)}`);
    }
  }
  ctx.out.text(`${formatDate(fmt ?? DEFAULT_FORMAT, ms, ns)}\n`);
});
