// du: disk usage in 1K blocks (st_blocks), each inode counted once, like GNU du's defaults;
// -a -s -c -h -k -m -b --apparent-size --max-depth -0 -L -x (ignored: one file system view).

import { S_IFDIR, S_IFMT, type Stat } from '../types.ts';
import { defineProgram, errText, joinPath, parseOptions, quoteaf, rethrowFatal, type Ctx } from './util.ts';

const spec = {
  usage: ['[OPTION]... [FILE]...'],
  about: 'Summarize device usage of the set of FILEs, recursively for directories.',
  options: [
    { short: '0', long: 'null', help: 'end each output line with NUL, not newline' },
    { short: 'a', long: 'all', help: 'write counts for all files, not just directories' },
    { long: 'apparent-size', help: 'print apparent sizes rather than device usage' },
    { short: 'b', long: 'bytes', help: "equivalent to '--apparent-size --block-size=1'" },
    { short: 'c', long: 'total', help: 'produce a grand total' },
    { short: 'd', long: 'max-depth', arg: 'required' as const, argName: 'N', help: 'print the total for a directory (or file, with --all)\nonly if it is N or fewer levels below the command\nline argument;  --max-depth=0 is the same as\n--summarize' },
    { short: 'h', long: 'human-readable', help: 'print sizes in human readable format (e.g., 1K 234M 2G)' },
    { short: 'k', key: 'k', help: 'like --block-size=1K' },
    { short: 'L', long: 'dereference', help: 'dereference all symbolic links' },
    { short: 'm', key: 'm', help: 'like --block-size=1M' },
    { short: 's', long: 'summarize', help: 'display only a total for each argument' },
    { short: 'x', long: 'one-file-system', help: 'skip directories on different file systems' },
  ],
};

/** GNU human_readable with -h: ceiling, one decimal below 10, powers of 1024. */
export function humanSize(bytes: number): string {
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let v = bytes;
  let u = 0;
  if (v < 1024) return String(Math.ceil(v));
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    let r = Math.ceil(v * 10 - 1e-9) / 10;
    if (r >= 10) return `${10}${units[u]}`;
    return `${r.toFixed(1)}${units[u]}`;
  }
  let r = Math.ceil(v - 1e-9);
  if (r >= 1024 && u < units.length - 1) return `1.0${units[u + 1]}`;
  return `${r}${units[u]}`;
}

export const du = defineProgram('du', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  const { proc } = ctx;
  const all = o.has('all');
  const summarize = o.has('summarize');
  const apparent = o.has('apparent-size') || o.has('bytes');
  let maxDepth = Infinity;
  const md = o.get('max-depth');
  if (md !== undefined) {
    if (!/^\d+$/.test(md)) ctx.usage(`invalid maximum depth ${ctx.q(md)}`);
    maxDepth = Number(md);
  }
  if (summarize && md !== undefined && maxDepth !== 0) {
    await ctx.say(`warning: summarizing conflicts with --max-depth=${maxDepth}`);
    ctx.tryHelp();
  }
  if (summarize) maxDepth = 0;
  if (all && summarize) {
    await ctx.say('cannot both summarize and show all entries');
    ctx.tryHelp();
  }
  // unit of the printed numbers, in bytes (the last of -k -m -b -h wins)
  let unit = 1024;
  let human = false;
  for (const x of o.list) {
    if (x.key === 'k') { unit = 1024; human = false; } else if (x.key === 'm') { unit = 1 << 20; human = false; } else if (x.key === 'bytes') { unit = 1; human = false; } else if (x.key === 'human-readable') human = true;
  }
  const end = o.has('null') ? '\0' : '\n';
  const deref = o.has('dereference');
  const seen = new Set<string>();
  const size = (st: Stat): number => (apparent ? st.size : st.blocks * 512);
  const show = (bytes: number, path: string): void => {
    ctx.out.text(`${human ? humanSize(bytes) : String(Math.ceil(bytes / unit))}\t${path}${end}`);
  };
  const walk = async (path: string, st: Stat, depth: number): Promise<number> => {
    const key = `${st.dev}:${st.ino}`;
    if (st.nlink > 1 && (st.mode & S_IFMT) !== S_IFDIR) {
      if (seen.has(key)) return 0;
      seen.add(key);
    }
    let total = size(st);
    if ((st.mode & S_IFMT) === S_IFDIR) {
      let names: string[] = [];
      try {
        names = proc.readdir(path).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
      } catch (e) {
        rethrowFatal(e);
        await ctx.warn(`cannot read directory ${quoteaf(path)}: ${errText(e)}`);
      }
      for (const n of names) {
        const child = joinPath(path, n);
        let cst: Stat;
        try {
          cst = deref ? proc.stat(child) : proc.lstat(child);
        } catch (e) {
          rethrowFatal(e);
          await ctx.warn(`cannot access ${quoteaf(child)}: ${errText(e)}`);
          continue;
        }
        total += await walk(child, cst, depth + 1);
      }
      if (depth <= maxDepth) show(total, path);
    } else if (depth === 0 || (all && depth <= maxDepth)) {
      show(total, path);
    }
    return total;
  };
  let grand = 0;
  const ops = o.operands.length ? o.operands : ['.'];
  for (const p of ops) {
    let st: Stat;
    try {
      st = deref ? proc.stat(p) : proc.lstat(p);
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(`cannot access ${quoteaf(p)}: ${errText(e)}`);
      continue;
    }
    grand += await walk(p, st, 0);
  }
  if (o.has('total')) show(grand, 'total');
});
