// The listing engine of ls: stat'ing entries (with -L/-H rules), sorting, and printing them in
// long, one-per-line, column (-C/-x) and comma formats, recursing for -R.

import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat } from '../types.ts';
import { filevercmp } from './compare.ts';
import { strftime } from './datetime.ts';
import { displayWidth, fitColumns, humanReadable, indent, quoteName, type QuotingStyle } from './lsformat.ts';
import { modeString } from './mode.ts';
import { IdNames, compareBytes, errText, joinPath, quoteaf, rethrowFatal, type Ctx } from './util.ts';

export type Format = 'long' | 'one' | 'columns' | 'across' | 'commas';
export type SortKey = 'name' | 'none' | 'size' | 'time' | 'version' | 'extension';
export type Indicator = 'none' | 'slash' | 'file-type' | 'classify';

export interface Opts {
  format: Format;
  all: boolean;
  almostAll: boolean;
  ignoreBackups: boolean;
  directory: boolean;
  recursive: boolean;
  sort: SortKey;
  reverse: boolean;
  timeKind: 'mtime' | 'atime' | 'ctime';
  indicator: Indicator;
  inode: boolean;
  size: boolean;
  human: 0 | 1000 | 1024;
  numeric: boolean;
  showOwner: boolean;
  showGroup: boolean;
  deref: 'never' | 'all' | 'cmdline' | 'cmdline-dir';
  quoting: QuotingStyle;
  hideControl: boolean;
  width: number;
  tabsize: number;
  timeStyle: [string, string];
  groupDirsFirst: boolean;
  hide: RegExp[];
  ignore: RegExp[];
  blockSize: number;
  blockSizeSet: boolean;
  /** unit letter shown after scaled sizes (--block-size=K) */
  blockSuffix: string;
}

export interface Entry {
  /** name as printed */
  name: string;
  /** path for system calls */
  path: string;
  st: Stat | null;
  /** symlink target text (for -l) */
  target?: string;
  /** stat of the symlink target (undefined: not looked up; null: dangling) */
  targetSt?: Stat | null;
  /** a command-line argument */
  arg: boolean;
  /** type letter of an entry that could not be stat'ed */
  unknownType?: string;
  /** DIR/NAME as -R names subdirectories (./sub for entries of .) */
  dirPath?: string;
}

export function typeOf(st: Stat | null | undefined): number {
  return st ? st.mode & S_IFMT : 0;
}

/** Shell glob (for --hide / -I) as a RegExp. */
export function globRe(p: string): RegExp {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '[') {
      const j = p.indexOf(']', i + 2);
      if (j < 0) re += '\\[';
      else {
        let cls = p.slice(i + 1, j);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = j;
      }
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

export class Lister {
  readonly ctx: Ctx;
  readonly o: Opts;
  readonly ids: IdNames;
  readonly now: number;
  /** status: 0 ok, 1 minor problem, 2 serious */
  status = 0;
  printedSomething = false;
  constructor(ctx: Ctx, o: Opts) {
    this.ctx = ctx;
    this.o = o;
    this.ids = new IdNames(ctx.proc);
    this.now = ctx.proc.kernel.now();
  }

  async problem(msg: string, serious: boolean): Promise<void> {
    await this.ctx.say(msg);
    this.status = Math.max(this.status, serious ? 2 : 1);
  }

  /** Stats an entry as the options say; null after reporting a failure. */
  async stat(name: string, path: string, arg: boolean): Promise<Entry | null> {
    const { proc } = this.ctx;
    const o = this.o;
    let st: Stat;
    try {
      st = proc.lstat(path);
    } catch (e) {
      rethrowFatal(e);
      await this.problem(`cannot access ${quoteaf(path)}: ${errText(e)}`, arg);
      return null;
    }
    const e: Entry = { name, path, st, arg };
    if (typeOf(st) === S_IFLNK) {
      const follow = o.deref === 'all' || (arg && (o.deref === 'cmdline' || o.deref === 'cmdline-dir'));
      let tst: Stat | null = null;
      try {
        tst = proc.stat(path);
      } catch (err) {
        rethrowFatal(err);
        const needStat = o.format === 'long' || o.size || o.indicator === 'classify' || o.indicator === 'file-type' ||
          o.sort === 'size' || o.sort === 'time';
        if (!arg && o.deref === 'all' && !needStat) return e;
        if (o.deref === 'all' || (arg && o.deref === 'cmdline')) {
          await this.problem(`cannot access ${quoteaf(path)}: ${errText(err)}`, arg);
          if (arg) return null;
          // inside a listing GNU still shows the entry: as the link itself, or in a long
          // listing with '?' for what it could not learn
          if (o.format === 'long') {
            e.st = null;
            e.unknownType = 'l';
          }
          return e;
        }
      }
      if (follow && tst && (o.deref !== 'cmdline-dir' || typeOf(tst) === S_IFDIR)) {
        e.st = tst;
      } else {
        e.targetSt = tst;
        if (o.format === 'long') {
          try {
            e.target = proc.readlink(path);
          } catch (err) {
            rethrowFatal(err);
            await this.problem(`cannot read symbolic link ${quoteaf(path)}: ${errText(err)}`, arg);
          }
        }
      }
    }
    return e;
  }

  sortEntries(list: Entry[]): Entry[] {
    const o = this.o;
    if (o.sort === 'none') return o.reverse ? list.slice().reverse() : list;
    const byName = (a: Entry, b: Entry): number => compareBytes(a.name, b.name);
    const timeOf = (s: Stat | null): number => (s ? (o.timeKind === 'atime' ? s.atimeMs : o.timeKind === 'ctime' ? s.ctimeMs : s.mtimeMs) : 0);
    const ext = (n: string): string => {
      const i = n.lastIndexOf('.');
      return i >= 0 ? n.slice(i) : '';
    };
    let cmp: (a: Entry, b: Entry) => number;
    switch (o.sort) {
      case 'size': cmp = (a, b) => (b.st?.size ?? 0) - (a.st?.size ?? 0) || byName(a, b); break;
      case 'time': cmp = (a, b) => timeOf(b.st) - timeOf(a.st) || byName(a, b); break;
      case 'version': cmp = (a, b) => filevercmp(a.name, b.name) || byName(a, b); break;
      case 'extension': cmp = (a, b) => compareBytes(ext(a.name), ext(b.name)) || byName(a, b); break;
      default: cmp = byName;
    }
    let c = o.reverse ? (a: Entry, b: Entry) => cmp(b, a) : cmp;
    if (o.groupDirsFirst) {
      const inner = c;
      const isDir = (e: Entry): boolean => typeOf(e.st) === S_IFDIR || (typeOf(e.st) === S_IFLNK && typeOf(e.targetSt) === S_IFDIR);
      c = (a, b) => (isDir(b) ? 1 : 0) - (isDir(a) ? 1 : 0) || inner(a, b);
    }
    return list.slice().sort(c);
  }

  indicator(e: Entry): string {
    const o = this.o;
    if (o.indicator === 'none') return '';
    const t = typeOf(e.st);
    if (t === S_IFDIR) return '/';
    if (o.indicator === 'slash') return '';
    if (t === S_IFLNK) return o.format === 'long' ? '' : '@';
    if (t === S_IFIFO) return '|';
    if (t === S_IFSOCK) return '=';
    if (t === S_IFREG && o.indicator === 'classify' && e.st!.mode & 0o111) return '*';
    return '';
  }

  targetIndicator(e: Entry): string {
    const o = this.o;
    if (o.indicator === 'none' || !e.targetSt) return '';
    return this.indicator({ ...e, st: e.targetSt, targetSt: undefined });
  }

  blocks(st: Stat | null): string {
    const bytes = st ? st.blocks * 512 : 0;
    if (this.o.human) return humanReadable(bytes, this.o.human);
    return `${Math.ceil(bytes / this.o.blockSize)}${this.o.blockSuffix}`;
  }

  timeText(st: Stat): string {
    const o = this.o;
    const t = o.timeKind === 'atime' ? st.atimeMs : o.timeKind === 'ctime' ? st.ctimeMs : st.mtimeMs;
    const sixMonths = (31556952 / 2) * 1000;
    const recent = this.now - sixMonths < t && t <= this.now;
    return strftime(o.timeStyle[recent ? 1 : 0], t);
  }

  timeWidth(): number {
    return displayWidth(strftime(this.o.timeStyle[0], this.now));
  }

  /** Prints a list of entries (one directory's, or the command-line files). */
  async print(list: Entry[], total: boolean): Promise<void> {
    const o = this.o;
    const out = this.ctx.out;
    if (list.length === 0 && !total) return;
    const names = list.map((e) => quoteName(e.name, o.quoting, o.hideControl));
    const someQuoted = (o.quoting === 'shell' || o.quoting === 'shell-escape' || o.quoting === 'c') && names.some((n) => n.quoted);
    const align = someQuoted && (o.format === 'long' || ((o.format === 'columns' || o.format === 'across') && o.width !== 0));
    const shown = names.map((n) => (align && !n.quoted ? ` ${n.text}` : n.text));
    const inodes = list.map((e) => (e.st ? String(e.st.ino) : '?'));
    const blocks = list.map((e) => this.blocks(e.st));
    if (total && (o.format === 'long' || o.size)) {
      const sum = list.reduce((s, e) => s + (e.st ? e.st.blocks : 0), 0) * 512;
      out.text(`total ${o.human ? humanReadable(sum, o.human) : `${Math.ceil(sum / o.blockSize)}${o.blockSuffix}`}\n`);
    }
    if (o.format === 'long') {
      await this.printLong(list, shown, inodes, blocks);
      return;
    }
    const inodeW = o.inode && o.format !== 'commas' ? Math.max(...inodes.map((s) => s.length)) : 0;
    const blockW = o.size && o.format !== 'commas' ? Math.max(...blocks.map((s) => s.length)) : 0;
    const items = list.map((e, k) => {
      let s = '';
      if (o.inode) s += `${inodes[k]!.padStart(inodeW)} `;
      if (o.size) s += `${blocks[k]!.padStart(blockW)} `;
      return s + shown[k]! + this.indicator(e);
    });
    const widths = items.map((s) => displayWidth(s));
    if (o.format === 'one') {
      for (const s of items) {
        out.text(`${s}\n`);
        await out.maybeFlush();
      }
    } else if (o.format === 'commas') {
      let pos = 0;
      items.forEach((s, k) => {
        const len = o.width ? widths[k]! : 0;
        if (k !== 0) {
          if (!o.width || pos + len + 2 < o.width) {
            pos += 2;
            out.text(', ');
          } else {
            pos = 0;
            out.text(',\n');
          }
        }
        out.text(s);
        pos += len;
      });
      if (items.length) out.text('\n');
    } else if (o.format === 'columns') {
      const cols = fitColumns(widths, o.width, true);
      const n = items.length;
      const nc = cols.length;
      const rows = Math.floor(n / nc) + (n % nc !== 0 ? 1 : 0);
      for (let row = 0; row < rows; row++) {
        let col = 0;
        let f = row;
        let pos = 0;
        let line = '';
        for (;;) {
          const w = widths[f]!;
          const max = cols[col++]!;
          line += items[f];
          f += rows;
          if (f >= n) break;
          line += indent(pos + w, pos + max, o.tabsize);
          pos += max;
        }
        out.text(`${line}\n`);
        await out.maybeFlush();
      }
    } else {
      const cols = fitColumns(widths, o.width, false);
      const nc = cols.length;
      let pos = 0;
      let line = '';
      items.forEach((s, k) => {
        const col = k % nc;
        if (k > 0) {
          if (col === 0) {
            out.text(`${line}\n`);
            line = '';
            pos = 0;
          } else {
            const prevMax = cols[col - 1]!;
            line += indent(pos + widths[k - 1]!, pos + prevMax, o.tabsize);
            pos += prevMax;
          }
        }
        line += s;
      });
      if (items.length) out.text(`${line}\n`);
    }
  }

  async printLong(list: Entry[], shown: string[], inodes: string[], blocks: string[]): Promise<void> {
    const o = this.o;
    const out = this.ctx.out;
    const owner = (st: Stat | null): string => (st ? (o.numeric ? String(st.uid) : this.ids.user(st.uid) ?? String(st.uid)) : '?');
    const group = (st: Stat | null): string => (st ? (o.numeric ? String(st.gid) : this.ids.group(st.gid) ?? String(st.gid)) : '?');
    const isNum = (st: Stat | null, user: boolean): boolean => !!st && (o.numeric || (user ? this.ids.user(st.uid) : this.ids.group(st.gid)) === undefined);
    const size = (st: Stat | null): string => {
      if (!st) return '?';
      const t = typeOf(st);
      if (t === S_IFCHR || t === S_IFBLK) return '';
      if (o.human) return humanReadable(st.size, o.human);
      if (!o.blockSizeSet || o.blockSize === 1) return String(st.size);
      return `${Math.ceil(st.size / o.blockSize)}${o.blockSuffix}`;
    };
    const dev = (st: Stat): [string, string] => [String(Math.floor(st.rdev / 256) & 0xfff), String((st.rdev & 0xff) | ((st.rdev >>> 12) & 0xfff00))];
    let nlinkW = 0;
    let ownerW = 0;
    let groupW = 0;
    let sizeW = 0;
    let majorW = 0;
    let minorW = 0;
    for (const e of list) {
      nlinkW = Math.max(nlinkW, String(e.st ? e.st.nlink : '?').length);
      if (o.showOwner) ownerW = Math.max(ownerW, displayWidth(owner(e.st)));
      if (o.showGroup) groupW = Math.max(groupW, displayWidth(group(e.st)));
      const t = typeOf(e.st);
      if (t === S_IFCHR || t === S_IFBLK) {
        const [ma, mi] = dev(e.st!);
        majorW = Math.max(majorW, ma.length);
        minorW = Math.max(minorW, mi.length);
      } else sizeW = Math.max(sizeW, size(e.st).length);
    }
    if (majorW) sizeW = Math.max(sizeW, majorW + 2 + minorW);
    const inodeW = o.inode ? Math.max(...inodes.map((s) => s.length)) : 0;
    const blockW = o.size ? Math.max(...blocks.map((s) => s.length)) : 0;
    for (let k = 0; k < list.length; k++) {
      const e = list[k]!;
      const st = e.st;
      let line = '';
      if (o.inode) line += `${inodes[k]!.padStart(inodeW)} `;
      if (o.size) line += `${blocks[k]!.padStart(blockW)} `;
      line += st ? modeString(st.mode) : `${e.unknownType ?? '?'}?????????`;
      line += ` ${String(st ? st.nlink : '?').padStart(nlinkW)} `;
      if (o.showOwner) {
        const u = owner(st);
        line += isNum(st, true) ? `${u.padStart(ownerW)} ` : `${u}${' '.repeat(ownerW - displayWidth(u))} `;
      }
      if (o.showGroup) {
        const g = group(st);
        line += isNum(st, false) ? `${g.padStart(groupW)} ` : `${g}${' '.repeat(groupW - displayWidth(g))} `;
      }
      const t = typeOf(st);
      if (t === S_IFCHR || t === S_IFBLK) {
        const [ma, mi] = dev(st!);
        line += `${`${ma.padStart(majorW)}, ${mi.padStart(minorW)}`.padStart(sizeW)} `;
      } else line += `${size(st).padStart(sizeW)} `;
      line += `${st ? this.timeText(st) : '?'.padStart(this.timeWidth())} `;
      line += shown[k]!;
      if (t === S_IFLNK && e.target !== undefined) {
        line += ` -> ${quoteName(e.target, o.quoting, o.hideControl).text}${this.targetIndicator(e)}`;
      } else line += this.indicator(e);
      out.text(`${line}\n`);
      await out.maybeFlush();
    }
  }

  /** Lists one directory (and, with -R, its subdirectories). */
  async listDir(path: string, header: boolean, arg: boolean): Promise<void> {
    const { proc } = this.ctx;
    const o = this.o;
    let names: string[];
    try {
      names = proc.readdir(path).map((d) => d.name);
    } catch (e) {
      rethrowFatal(e);
      await this.problem(`cannot open directory ${quoteaf(path)}: ${errText(e)}`, arg);
      return;
    }
    if (this.printedSomething) this.ctx.out.text('\n');
    this.printedSomething = true;
    if (header) this.ctx.out.text(`${quoteName(path, o.quoting, o.hideControl).text}:\n`);
    names = names.filter((n) => n !== '.' && n !== '..');
    if (o.all) names.unshift('.', '..');
    const entries: Entry[] = [];
    for (const n of names) {
      if (!o.all) {
        if (n.startsWith('.') && !o.almostAll) continue;
        if (!o.almostAll && o.hide.some((re) => re.test(n))) continue;
      }
      if (o.ignoreBackups && n.endsWith('~')) continue;
      if (o.ignore.some((re) => re.test(n))) continue;
      const e = await this.stat(n, path === '.' ? n : joinPath(path, n), false);
      if (e) {
        e.dirPath = joinPath(path, n);
        entries.push(e);
      }
    }
    const sorted = this.sortEntries(entries);
    await this.print(sorted, true);
    await this.ctx.out.maybeFlush();
    if (o.recursive) {
      for (const e of sorted) {
        if (typeOf(e.st) === S_IFDIR && e.name !== '.' && e.name !== '..') await this.listDir(e.dirPath ?? e.path, true, false);
      }
    }
  }
}
