// ls: list directory contents like GNU ls in the C locale. Formats -l -1 -C -x -m (columns when
// stdout is a terminal, width from -w, the terminal, COLUMNS or 80; tab stops every 8), sorting
// by name (byte order) -t -S -X -v -U -r, -a -A -d -R -F -p -i -s -h --si -n -g -o -G -L -H,
// --full-time/--time-style, quoting (literal off a terminal, shell-escape on one). No colors.

import { S_IFDIR } from '../types.ts';
import { Lister, globRe, typeOf, type Entry, type Indicator, type Opts, type SortKey } from './lister.ts';
import type { QuotingStyle } from './lsformat.ts';
import { argMatch, defineProgram, parseOptions, parseSize, rethrowFatal, type Ctx } from './util.ts';

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
      case 'color':
        // validated like GNU; colors themselves are not implemented, listings are always plain
        if (value !== undefined) argMatch(ctx, '--color', value, [['always', 'yes', 'force'], ['never', 'no', 'none'], ['auto', 'tty', 'if-tty']]);
        break;
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
