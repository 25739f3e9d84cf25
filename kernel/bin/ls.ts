// ls: list directory contents like GNU ls in the C locale. Formats -l -1 -C -x -m (columns when
// stdout is a terminal, width from -w, the terminal, COLUMNS or 80; tab stops every 8), sorting
// by name (byte order) -t -S -X -v -U -r, -a -A -d -R -F -p -i -s -h --si -n -g -o -G -L -H,
// --full-time/--time-style, quoting (literal off a terminal, shell-escape on one). No colors.

import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat } from '../types.ts';
import { filevercmp } from './compare.ts';
import { strftime } from './datetime.ts';
import { displayWidth, fitColumns, humanReadable, indent, quoteName, type QuotingStyle } from './lsformat.ts';
import { modeString } from './mode.ts';
import { IdNames, argMatch, compareBytes, defineProgram, errText, joinPath, parseOptions, parseSize, quoteaf, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: '[OPTION]... [FILE]...',
  about: 'List information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -cftuvSUX nor --sort is specified.',
  options: [
    { short: 'a', long: 'all', help: 'do not ignore entries starting with .' },
    { short: 'A', long: 'almost-all', help: 'do not list implied . and ..' },
    { long: 'author', help: 'with -l, print the author of each file' },
    { short: 'b', long: 'escape', help: 'print C-style escapes for nongraphic characters' },
    { long: 'block-size', arg: 'required' as const, argName: 'SIZE', help: 'with -l, scale sizes by SIZE when printing them' },
    { short: 'B', long: 'ignore-backups', help: 'do not list implied entries ending with ~' },
    { short: 'c', key: 'c', help: 'with -lt: sort by, and show, ctime' },
    { short: 'C', key: 'C', help: 'list entries by columns' },
    { long: 'color', arg: 'optional' as const, argName: 'WHEN', help: 'colors are not supported: only never/auto are accepted' },
    { short: 'd', long: 'directory', help: 'list directories themselves, not their contents' },
    { short: 'f', key: 'f', help: 'list all entries in directory order' },
    { short: 'F', long: 'classify', arg: 'optional' as const, argName: 'WHEN', help: 'append indicator (one of */=>@|) to entries' },
    { long: 'file-type', help: "likewise, except do not append '*'" },
    { long: 'format', arg: 'required' as const, argName: 'WORD', help: 'across -x, commas -m, horizontal -x, long -l,\n  single-column -1, verbose -l, vertical -C' },
    { long: 'full-time', help: 'like -l --time-style=full-iso' },
    { short: 'g', key: 'g', help: 'like -l, but do not list owner' },
    { long: 'group-directories-first', help: 'group directories before files' },
    { short: 'G', long: 'no-group', help: 'in a long listing, don\'t print group names' },
    { short: 'h', long: 'human-readable', help: 'with -l and -s, print sizes like 1K 234M 2G etc.' },
    { short: 's', long: 'size', help: 'print the allocated size of each file, in blocks' },
    { long: 'si', help: 'likewise, but use powers of 1000 not 1024' },
    { short: 'H', long: 'dereference-command-line', help: 'follow symbolic links listed on the command line' },
    { long: 'hide', arg: 'required' as const, argName: 'PATTERN', help: 'do not list implied entries matching shell PATTERN' },
    { long: 'indicator-style', arg: 'required' as const, argName: 'WORD', help: 'append indicator with style WORD to entry names:\n  none (default), slash (-p), file-type (--file-type), classify (-F)' },
    { short: 'i', long: 'inode', help: 'print the index number of each file' },
    { short: 'I', long: 'ignore', arg: 'required' as const, argName: 'PATTERN', help: 'do not list implied entries matching shell PATTERN' },
    { short: 'k', long: 'kibibytes', help: 'default to 1024-byte blocks for file system usage' },
    { short: 'l', key: 'l', help: 'use a long listing format' },
    { short: 'L', long: 'dereference', help: 'when showing file information for a symbolic link, show information\n  for the file the link references rather than for the link itself' },
    { short: 'm', key: 'm', help: 'fill width with a comma separated list of entries' },
    { short: 'n', long: 'numeric-uid-gid', help: 'like -l, but list numeric user and group IDs' },
    { short: 'N', long: 'literal', help: 'print entry names without quoting' },
    { short: 'o', key: 'o', help: 'like -l, but do not list group information' },
    { short: 'p', key: 'p', help: 'append / indicator to directories' },
    { short: 'q', long: 'hide-control-chars', help: 'print ? instead of nongraphic characters' },
    { long: 'show-control-chars', help: 'show nongraphic characters as-is' },
    { short: 'Q', long: 'quote-name', help: 'enclose entry names in double quotes' },
    { long: 'quoting-style', arg: 'required' as const, argName: 'WORD', help: 'use quoting style WORD for entry names:\n  literal, locale, shell, shell-always,\n  shell-escape, shell-escape-always, c, escape' },
    { short: 'r', long: 'reverse', help: 'reverse order while sorting' },
    { short: 'R', long: 'recursive', help: 'list subdirectories recursively' },
    { short: 'S', key: 'S', help: 'sort by file size, largest first' },
    { long: 'sort', arg: 'required' as const, argName: 'WORD', help: 'sort by WORD instead of name: none (-U), size (-S),\n  time (-t), version (-v), extension (-X)' },
    { long: 'time', arg: 'required' as const, argName: 'WORD', help: 'change the default of using modification times;\n  access time (-u): atime, access, use;\n  change time (-c): ctime, status' },
    { long: 'time-style', arg: 'required' as const, argName: 'TIME_STYLE', help: 'time/date format with -l; see TIME_STYLE below' },
    { short: 't', key: 't', help: 'sort by time, newest first; see --time' },
    { short: 'T', long: 'tabsize', arg: 'required' as const, argName: 'COLS', help: 'assume tab stops at each COLS instead of 8' },
    { short: 'u', key: 'u', help: 'with -lt: sort by, and show, access time' },
    { short: 'U', key: 'U', help: 'do not sort; list entries in directory order' },
    { short: 'v', key: 'v', help: 'natural sort of (version) numbers within text' },
    { short: 'w', long: 'width', arg: 'required' as const, argName: 'COLS', help: 'set output width to COLS.  0 means no limit' },
    { short: 'x', key: 'x', help: 'list entries by lines instead of by columns' },
    { short: 'X', key: 'X', help: 'sort alphabetically by entry extension' },
    { short: 'Z', long: 'context', help: 'print any security context of each file (none here)' },
    { short: '1', key: '1', help: 'list one file per line' },
  ],
};

type Format = 'long' | 'one' | 'columns' | 'across' | 'commas';
type SortKey = 'name' | 'none' | 'size' | 'time' | 'version' | 'extension';
type Indicator = 'none' | 'slash' | 'file-type' | 'classify';

interface Opts {
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

interface Entry {
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

function typeOf(st: Stat | null | undefined): number {
  return st ? st.mode & S_IFMT : 0;
}

/** Shell glob (for --hide / -I) as a RegExp. */
function globRe(p: string): RegExp {
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

class Lister {
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

async function windowWidth(ctx: Ctx): Promise<number> {
  const { proc } = ctx;
  try {
    const f = proc.file(1);
    const ws = f.ioctl?.('TIOCGWINSZ') as { cols?: number } | undefined;
    if (ws && typeof ws.cols === 'number' && ws.cols > 0) return ws.cols;
  } catch (e) {
    rethrowFatal(e);
  }
  const c = proc.env.COLUMNS;
  if (c) {
    if (/^\d+$/.test(c) && Number(c) <= 0x7fffffff) return Number(c);
    await ctx.say(`ignoring invalid width in environment variable COLUMNS: ${ctx.q(c)}`);
  }
  return 80;
}

export const ls = defineProgram('ls', async (ctx: Ctx) => {
  ctx.usageStatus = 2;
  const p = parseOptions(ctx, spec);
  const { proc } = ctx;
  const tty = proc.isatty(1);
  const o: Opts = {
    format: tty ? 'columns' : 'one', all: false, almostAll: false, ignoreBackups: false, directory: false,
    recursive: false, sort: 'name', reverse: false, timeKind: 'mtime', indicator: 'none', inode: false, size: false,
    human: 0, numeric: false, showOwner: true, showGroup: true, deref: 'cmdline-dir',
    quoting: tty ? 'shell-escape' : 'literal', hideControl: tty, width: -1, tabsize: 8,
    timeStyle: ['%b %e  %Y', '%b %e %H:%M'], groupDirsFirst: false, hide: [], ignore: [], blockSize: 1024,
    blockSizeSet: false, blockSuffix: '',
  };
  let derefSet = false;
  let sortSet: SortKey | undefined;
  let timeStyleArg: string | undefined;
  for (const { key, value } of p.list) {
    switch (key) {
      case 'all': o.all = true; o.almostAll = false; break;
      case 'almost-all': o.almostAll = true; o.all = false; break;
      case 'escape': o.quoting = 'escape'; break;
      case 'block-size': {
        let v = value!;
        let suffix = '';
        if (/^[A-Za-z]/.test(v)) {
          suffix = v.replace(/iB$/, '').replace(/^([KMGTPEZY])B$/, (m0, c: string) => (c === 'K' ? 'kB' : m0));
          v = `1${v}`;
        }
        const n = parseSize(v, 'kKMGTPEZY');
        if (n === null || n === 'overflow' || n === 0n) ctx.fail(`invalid --block-size argument ${ctx.q(value!)}`, 2);
        o.blockSize = Number(n);
        o.blockSuffix = suffix;
        o.blockSizeSet = true;
        o.human = 0;
        break;
      }
      case 'ignore-backups': o.ignoreBackups = true; break;
      case 'c': o.timeKind = 'ctime'; break;
      case 'C': o.format = 'columns'; break;
      case 'color': {
        const w = value === undefined ? 'always' : argMatch(ctx, '--color', value, [['always', 'yes', 'force'], ['never', 'no', 'none'], ['auto', 'tty', 'if-tty']]);
        void w; // colors are not implemented: listings are always plain
        break;
      }
      case 'directory': o.directory = true; break;
      case 'f': o.all = true; o.sort = 'none'; sortSet = 'none'; break;
      case 'classify': {
        const w = value === undefined ? 'always' : argMatch(ctx, '--classify', value, [['always', 'yes', 'force'], ['never', 'no', 'none'], ['auto', 'tty', 'if-tty']]);
        o.indicator = w === 'always' || (w === 'auto' && tty) ? 'classify' : 'none';
        break;
      }
      case 'file-type': o.indicator = 'file-type'; break;
      case 'format': {
        const w = argMatch(ctx, '--format', value!, [['verbose', 'long'], ['commas'], ['horizontal', 'across'], ['vertical'], ['single-column']]);
        o.format = ({ verbose: 'long', commas: 'commas', horizontal: 'across', vertical: 'columns', 'single-column': 'one' } as const)[w as 'verbose'];
        break;
      }
      case 'full-time': o.format = 'long'; timeStyleArg = 'full-iso'; break;
      case 'g': o.format = 'long'; o.showOwner = false; break;
      case 'group-directories-first': o.groupDirsFirst = true; break;
      case 'no-group': o.showGroup = false; break;
      case 'human-readable': o.human = 1024; o.blockSizeSet = false; o.blockSize = 1024; o.blockSuffix = ''; break;
      case 'si': o.human = 1000; o.blockSizeSet = false; o.blockSize = 1024; o.blockSuffix = ''; break;
      case 'dereference-command-line': o.deref = 'cmdline'; derefSet = true; break;
      case 'hide': o.hide.push(globRe(value!)); break;
      case 'indicator-style': o.indicator = argMatch(ctx, '--indicator-style', value!, [['none'], ['slash'], ['file-type'], ['classify']]) as Indicator; break;
      case 'inode': o.inode = true; break;
      case 'ignore': o.ignore.push(globRe(value!)); break;
      case 'kibibytes': o.blockSize = 1024; break;
      case 'l': o.format = 'long'; break;
      case 'dereference': o.deref = 'all'; derefSet = true; break;
      case 'm': o.format = 'commas'; break;
      case 'numeric-uid-gid': o.format = 'long'; o.numeric = true; break;
      case 'literal': o.quoting = 'literal'; break;
      case 'o': o.format = 'long'; o.showGroup = false; break;
      case 'p': o.indicator = 'slash'; break;
      case 'hide-control-chars': o.hideControl = true; break;
      case 'show-control-chars': o.hideControl = false; break;
      case 'quote-name': o.quoting = 'c'; break;
      case 'quoting-style':
        o.quoting = argMatch(ctx, '--quoting-style', value!, [['literal'], ['shell'], ['shell-always'], ['shell-escape'], ['shell-escape-always'], ['c'], ['escape'], ['locale'], ['clocale']]) as QuotingStyle;
        break;
      case 'reverse': o.reverse = true; break;
      case 'recursive': o.recursive = true; break;
      case 'size': o.size = true; break;
      case 'S': sortSet = 'size'; break;
      case 'sort': sortSet = argMatch(ctx, '--sort', value!, [['none'], ['time'], ['size'], ['extension'], ['version']]) as SortKey; break;
      case 'time': {
        const w = argMatch(ctx, '--time', value!, [['atime', 'access', 'use'], ['ctime', 'status'], ['mtime', 'modification'], ['birth', 'creation']]);
        o.timeKind = w === 'atime' ? 'atime' : w === 'ctime' ? 'ctime' : 'mtime';
        break;
      }
      case 'time-style': timeStyleArg = value; break;
      case 't': sortSet = 'time'; break;
      case 'tabsize': {
        if (!/^\d+$/.test(value!)) ctx.fail(`invalid tab size: ${ctx.q(value!)}`, 2);
        o.tabsize = Number(value);
        break;
      }
      case 'u': o.timeKind = 'atime'; break;
      case 'U': sortSet = 'none'; break;
      case 'v': sortSet = 'version'; break;
      case 'width': {
        if (!/^\d+$/.test(value!)) ctx.fail(`invalid line width: ${ctx.q(value!)}`, 2);
        o.width = Number(value);
        break;
      }
      case 'x': o.format = 'across'; break;
      case 'X': sortSet = 'extension'; break;
      case '1': o.format = 'one'; break;
    }
  }
  if (sortSet) o.sort = sortSet;
  else if ((o.timeKind === 'atime' || o.timeKind === 'ctime') && o.format !== 'long') o.sort = 'time';
  if (!derefSet) o.deref = o.directory || o.indicator === 'classify' || o.format === 'long' ? 'never' : 'cmdline-dir';
  if (timeStyleArg !== undefined && o.format === 'long') {
    let st = timeStyleArg.replace(/^posix-/, '');
    if (st.startsWith('+')) {
      const f = st.slice(1);
      const nl = f.indexOf('\n');
      o.timeStyle = nl >= 0 ? [f.slice(nl + 1), f.slice(0, nl)] : [f, f];
    } else {
      st = argMatchTimeStyle(ctx, timeStyleArg, st);
      if (st === 'full-iso') o.timeStyle = ['%Y-%m-%d %H:%M:%S.%N %z', '%Y-%m-%d %H:%M:%S.%N %z'];
      else if (st === 'long-iso') o.timeStyle = ['%Y-%m-%d %H:%M', '%Y-%m-%d %H:%M'];
      else if (st === 'iso') o.timeStyle = ['%Y-%m-%d ', '%m-%d %H:%M'];
    }
  }
  if (o.format === 'columns' || o.format === 'across' || o.format === 'commas') {
    if (o.width < 0) o.width = await windowWidth(ctx);
    if (o.width === 0) o.tabsize = 0;
  }
  const lister = new Lister(ctx, o);
  const args = p.operands.length ? p.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const a of args) {
    const e = await lister.stat(a, a, true);
    if (!e) continue;
    if (!o.directory && typeOf(e.st) === S_IFDIR) dirs.push(e);
    else files.push(e);
  }
  const sortedFiles = lister.sortEntries(files);
  if (sortedFiles.length) {
    await lister.print(sortedFiles, false);
    lister.printedSomething = true;
  }
  const sortedDirs = o.sort === 'none' ? dirs : lister.sortEntries(dirs);
  const headers = o.recursive || args.length > 1;
  for (const d of sortedDirs) await lister.listDir(d.path, headers, true);
  return lister.status;
});

function argMatchTimeStyle(ctx: Ctx, orig: string, style: string): string {
  const valid = ['full-iso', 'long-iso', 'iso', 'locale'];
  if (valid.includes(style)) return style === 'locale' ? 'default' : style;
  ctx.usage(`invalid argument ${ctx.q(orig)} for 'time style'\nValid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n  - [posix-]locale\n  - +FORMAT (e.g., +%H:%M) for a 'date'-style format`);
}
