// File modes: gnulib's modechange (symbolic and octal MODE arguments, as mkdir -m takes them)
// and filemode (the "drwxr-xr-x" strings of ls -l and stat %A).

import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFSOCK } from '../types.ts';

const S_ISUID = 0o4000;
const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const S_IRWXU = 0o700;
const S_IRWXG = 0o070;
const S_IRWXO = 0o007;
const ALL = 0o7777;
const R = 0o444;
const W = 0o222;
const X = 0o111;

export interface ModeChange {
  op: '=' | '+' | '-';
  flag: 'ordinary' | 'copy' | 'xIfAnyX';
  affected: number;
  value: number;
  mentioned: number;
}

/** Compiles a MODE argument; null when invalid. */
export function compileMode(s: string): ModeChange[] | null {
  if (/^[0-7]+$/.test(s)) {
    const v = parseInt(s, 8);
    if (v > ALL) return null;
    const mentioned = s.length < 5 ? (v & (S_ISUID | S_ISGID)) | S_ISVTX | 0o777 : ALL;
    return [{ op: '=', flag: 'ordinary', affected: ALL, value: v, mentioned }];
  }
  const out: ModeChange[] = [];
  let i = 0;
  for (;;) {
    let affected = 0;
    for (; ; i++) {
      const c = s[i];
      if (c === 'u') affected |= S_ISUID | S_IRWXU;
      else if (c === 'g') affected |= S_ISGID | S_IRWXG;
      else if (c === 'o') affected |= S_ISVTX | S_IRWXO;
      else if (c === 'a') affected |= ALL;
      else if (c === '=' || c === '+' || c === '-') break;
      else return null;
    }
    do {
      const op = s[i++] as '=' | '+' | '-';
      let value = 0;
      let flag: ModeChange['flag'] = 'copy';
      const c = s[i];
      if (c === 'u') {
        value = S_ISUID | S_IRWXU;
        i++;
      } else if (c === 'g') {
        value = S_ISGID | S_IRWXG;
        i++;
      } else if (c === 'o') {
        value = S_ISVTX | S_IRWXO;
        i++;
      } else {
        flag = 'ordinary';
        for (; ; i++) {
          const v = s[i];
          if (v === 'r') value |= R;
          else if (v === 'w') value |= W;
          else if (v === 'x') value |= X;
          else if (v === 'X') flag = 'xIfAnyX';
          else if (v === 's') value |= S_ISUID | S_ISGID;
          else if (v === 't') value |= S_ISVTX;
          else break;
        }
      }
      out.push({ op, flag, affected, value, mentioned: affected ? affected & value : value });
    } while (s[i] === '=' || s[i] === '+' || s[i] === '-');
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (i === s.length) return out;
    return null;
  }
}

/** gnulib mode_adjust: the mode `changes` make of `oldmode`. */
export function adjustMode(oldmode: number, dir: boolean, umask: number, changes: ModeChange[]): number {
  return adjustModeBits(oldmode, dir, umask, changes).mode;
}

/** mode_adjust with its pmode_bits: the new mode and the bits the changes actually set or cleared. */
export function adjustModeBits(oldmode: number, dir: boolean, umask: number, changes: ModeChange[]): { mode: number; bits: number } {
  let newmode = oldmode & ALL;
  let bits = 0;
  for (const ch of changes) {
    const affected = ch.affected;
    const omit = (dir ? S_ISUID | S_ISGID : 0) & ~ch.mentioned;
    let value = ch.value;
    if (ch.flag === 'copy') {
      value &= newmode;
      value |= (value & R ? R : 0) | (value & W ? W : 0) | (value & X ? X : 0);
    } else if (ch.flag === 'xIfAnyX') {
      if (newmode & X || dir) value |= X;
    }
    value &= (affected ? affected : ~umask) & ~omit;
    if (ch.op === '=') {
      const preserved = (affected ? ~affected : 0) | omit;
      bits |= ALL & ~preserved;
      newmode = (newmode & preserved) | value;
    } else if (ch.op === '+') {
      bits |= value;
      newmode |= value;
    } else {
      bits |= value;
      newmode &= ~value;
    }
  }
  return { mode: newmode & ALL, bits };
}

function typeChar(mode: number): string {
  switch (mode & S_IFMT) {
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFCHR: return 'c';
    case S_IFBLK: return 'b';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return '-';
  }
}

/** "drwxr-xr-x" (gnulib strmode without the trailing space). */
export function modeString(mode: number): string {
  const rwx = (r: number, w: number, x: number, special: number, on: string, off: string): string =>
    (mode & r ? 'r' : '-') + (mode & w ? 'w' : '-') + (mode & special ? (mode & x ? on : off) : mode & x ? 'x' : '-');
  return typeChar(mode) +
    rwx(0o400, 0o200, 0o100, S_ISUID, 's', 'S') +
    rwx(0o040, 0o020, 0o010, S_ISGID, 's', 'S') +
    rwx(0o004, 0o002, 0o001, S_ISVTX, 't', 'T');
}

/** stat %F / file type names. */
export function fileTypeName(mode: number, size: number): string {
  switch (mode & S_IFMT) {
    case S_IFDIR: return 'directory';
    case S_IFLNK: return 'symbolic link';
    case S_IFCHR: return 'character special file';
    case S_IFBLK: return 'block special file';
    case S_IFIFO: return 'fifo';
    case S_IFSOCK: return 'socket';
    default: return size === 0 ? 'regular empty file' : 'regular file';
  }
}
