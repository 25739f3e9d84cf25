// stat: display file status (GNU default format, -c/--format, --printf, -t, -L). File system
// status (-f) is not implemented.

import { S_IFBLK, S_IFCHR, S_IFLNK, S_IFMT, type Stat } from '../types.ts';
import { strftime } from './datetime.ts';
import { fileTypeName, modeString } from './mode.ts';
import { IdNames, defineProgram, errText, parseOptions, quoteaf, rethrowFatal, shellQuote, type Ctx } from './util.ts';

const spec = {
  usage: '[OPTION]... FILE...',
  about: 'Display file or file system status.',
  options: [
    { short: 'L', long: 'dereference', help: 'follow links' },
    { short: 'f', long: 'file-system', help: 'display file system status (not supported)' },
    { long: 'cached', arg: 'required' as const, argName: 'MODE', help: 'ignored' },
    { short: 'c', long: 'format', arg: 'required' as const, argName: 'FORMAT', help: 'use the specified FORMAT instead of the default;\n  output a newline after each use of FORMAT' },
    { long: 'printf', arg: 'required' as const, argName: 'FORMAT', help: 'like --format, but interpret backslash escapes,\n  and do not output a mandatory trailing newline' },
    { short: 't', long: 'terse', help: 'print the information in terse form' },
  ],
};

const DEFAULT = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Hd,%Ld\tInode: %-10i  Links: %h\nAccess: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n';
const DEFAULT_DEV = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\nAccess: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n';
const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n';

/** Directives whose text is a number (octal or hex), zero-padded like numbers. */
const NUMERIC = new Set(['a', 'f', 'D', 't', 'T']);

function major(dev: number): number {
  return Math.floor(dev / 256) & 0xfff;
}
function minor(dev: number): number {
  return (dev & 0xff) | ((dev >>> 12) & 0xfff00);
}

function unescape(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    const map: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', a: '\x07', b: '\b', e: '\x1b', f: '\f', r: '\r', v: '\v' };
    return map[e] ?? `\\${e}`;
  });
}

function timeText(ms: number): string {
  return strftime('%Y-%m-%d %H:%M:%S.%N %z', ms);
}

/** Seconds since the epoch with `prec` digits of fraction (%.3Y); prec < 0: integer seconds. */
function secondsText(ms: number, prec: number): string {
  const s = Math.floor(ms / 1000);
  if (prec < 0) return String(s);
  const ns = String(Math.round((ms - s * 1000) * 1e6)).padStart(9, '0');
  return prec === 0 ? `${s}` : `${s}.${ns.slice(0, Math.min(prec, 9)).padEnd(prec, '0')}`;
}

export const stat = defineProgram('stat', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  const { proc } = ctx;
  if (o.has('file-system')) ctx.fail('--file-system (-f): file system status is not supported: Function not implemented');
  if (o.operands.length === 0) ctx.usage('missing operand');
  const follow = o.has('dereference');
  const ids = new IdNames(proc);
  let fmt: string | undefined;
  let newline = false;
  for (const { key, value } of o.list) {
    if (key === 'format') {
      fmt = value!;
      newline = true;
    } else if (key === 'printf') {
      fmt = unescape(value!);
      newline = false;
    } else if (key === 'terse') {
      fmt = TERSE;
      newline = false;
    }
  }
  for (const file of o.operands) {
    let st: Stat;
    try {
      st = follow ? proc.stat(file) : proc.lstat(file);
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(`cannot statx ${quoteaf(file)}: ${errText(e)}`);
      continue;
    }
    const type = st.mode & S_IFMT;
    const f = fmt ?? (type === S_IFCHR || type === S_IFBLK ? DEFAULT_DEV : DEFAULT);
    let linkTarget: string | undefined;
    const directive = (conv: string): string | number => {
      switch (conv) {
        case 'a': return (st.mode & 0o7777).toString(8);
        case 'A': return modeString(st.mode);
        case 'b': return st.blocks;
        case 'B': return 512;
        case 'C': return '?';
        case 'd': return st.dev;
        case 'D': return st.dev.toString(16);
        case 'Hd': return major(st.dev);
        case 'Ld': return minor(st.dev);
        case 'f': return st.mode.toString(16);
        case 'F': return fileTypeName(st.mode, st.size);
        case 'g': return st.gid;
        case 'G': return ids.group(st.gid) ?? 'UNKNOWN';
        case 'h': return st.nlink;
        case 'i': return st.ino;
        case 'm': return '/';
        case 'n': return file;
        case 'N': {
          // the default format shows names as they are; %N in a user format quotes them
          const q = (n: string): string => (fmt === undefined ? n : shellQuote(n, true));
          let s = q(file);
          if (type === S_IFLNK && !follow) {
            try {
              linkTarget ??= proc.readlink(file);
              s += ` -> ${q(linkTarget)}`;
            } catch (e) {
              rethrowFatal(e);
            }
          }
          return s;
        }
        case 'o': return st.blksize;
        case 's': return st.size;
        case 't': return major(st.rdev).toString(16);
        case 'T': return minor(st.rdev).toString(16);
        case 'Hr': return major(st.rdev);
        case 'Lr': return minor(st.rdev);
        case 'u': return st.uid;
        case 'U': return ids.user(st.uid) ?? 'UNKNOWN';
        case 'w': return st.birthtimeMs ? timeText(st.birthtimeMs) : '-';
        case 'x': return timeText(st.atimeMs);
        case 'y': return timeText(st.mtimeMs);
        case 'z': return timeText(st.ctimeMs);
      }
      return `?${conv}`;
    };
    const timeSecs: Record<string, (s: Stat) => number> = { W: (s) => s.birthtimeMs, X: (s) => s.atimeMs, Y: (s) => s.mtimeMs, Z: (s) => s.ctimeMs };
    let out = '';
    for (let i = 0; i < f.length; i++) {
      const c = f[i]!;
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-#0 +']*)(\d*)(?:\.(\d*))?(H[dr]|L[dr]|[a-zA-Z%]?)/.exec(f.slice(i))!;
      i += m[0].length - 1;
      const flags = m[1]!;
      const width = m[2] ? Number(m[2]) : 0;
      const prec = m[3] !== undefined ? Number(m[3] || '0') : -1;
      const conv = m[4]!;
      if (conv === '') {
        out += m[0];
        continue;
      }
      if (conv === '%') {
        out += '%';
        continue;
      }
      let v: string | number;
      if (conv in timeSecs) {
        const ms = timeSecs[conv]!(st);
        v = conv === 'W' && !ms ? 0 : prec >= 0 ? secondsText(ms, prec) : Math.floor(ms / 1000);
        if (typeof v === 'string') {
          out += pad(v, flags, width, true);
          continue;
        }
      } else v = directive(conv);
      if (typeof v === 'number' || NUMERIC.has(conv)) out += pad(String(v), flags, width, true);
      else out += pad(prec >= 0 ? v.slice(0, prec) : v, flags, width, false);
    }
    ctx.out.text(newline ? `${out}\n` : out);
    await ctx.out.maybeFlush();
  }
});

function pad(s: string, flags: string, width: number, numeric: boolean): string {
  if (s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (numeric && flags.includes('0')) {
    const neg = s.startsWith('-');
    return (neg ? '-' : '') + (neg ? s.slice(1) : s).padStart(width - (neg ? 1 : 0), '0');
  }
  return s.padStart(width);
}
