// The `time` keyword: real time from the host clock; user and system time from the host
// process's CPU usage over the same span (the VM has no per-process CPU accounting), printed
// with TIMEFORMAT (default "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS"), or POSIX format with -p.

import type { Interp } from './interp.ts';

const DEFAULT_FORMAT = '\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS';
const POSIX_FORMAT = 'real %2R\nuser %2U\nsys %2S';

interface Usage { real: number; user: number; sys: number }

function usage(): Usage {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  const cpu = p?.cpuUsage?.() ?? { user: 0, system: 0 };
  return { real: performance.now(), user: cpu.user / 1000, sys: cpu.system / 1000 };
}

/** Seconds as bash prints them: precision digits, long form MmS.FFFs with `l`. */
function fmtTime(ms: number, prec: number, long: boolean): string {
  const secs = Math.max(0, ms) / 1000;
  const scale = 10 ** prec;
  const total = Math.floor(secs * scale) / scale;
  if (long) {
    const m = Math.floor(total / 60);
    const s = total - m * 60;
    return `${m}m${s.toFixed(prec)}s`;
  }
  return total.toFixed(prec);
}

export function formatTimes(format: string, t: Usage): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') { out += c; continue; }
    let j = i + 1;
    if (format[j] === '%') { out += '%'; i = j; continue; }
    let prec = 3;
    let long = false;
    if (/[0-9]/.test(format[j] ?? '')) { prec = Math.min(3, Number(format[j])); j++; }
    if (format[j] === 'l') { long = true; j++; }
    const k = format[j];
    if (k === 'R') out += fmtTime(t.real, prec, long);
    else if (k === 'U') out += fmtTime(t.user, prec, long);
    else if (k === 'S') out += fmtTime(t.sys, prec, long);
    else if (k === 'P') out += (t.real > 0 ? ((t.user + t.sys) / t.real) * 100 : 0).toFixed(2);
    else { out += format.slice(i, j + 1); i = j; continue; }
    i = j;
  }
  return out;
}

export async function timeCommand(sh: Interp, p: { timePosix: boolean }, fn: () => Promise<number>): Promise<number> {
  const a = usage();
  const st = await fn();
  const b = usage();
  const t = { real: b.real - a.real, user: b.user - a.user, sys: b.sys - a.sys };
  let format = p.timePosix ? POSIX_FORMAT : sh.vars.get('TIMEFORMAT') ?? DEFAULT_FORMAT;
  if (p.timePosix) format = POSIX_FORMAT;
  if (format !== '') await sh.writeErr(formatTimes(format, t) + '\n');
  return st;
}
