// cat: concatenate files to standard output (GNU coreutils options -A -b -e -E -n -s -t -T -u -v).

import { S_IFMT, S_IFREG, SEEK_CUR } from '../types.ts';
import { Output, closeInput, defineProgram, errText, openInput, parseOptions, quotef, rethrowFatal, READ_CHUNK, type Ctx } from './util.ts';

const spec = {
  usage: '[OPTION]... [FILE]...',
  about: 'Concatenate FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.',
  options: [
    { short: 'A', long: 'show-all', help: 'equivalent to -vET' },
    { short: 'b', long: 'number-nonblank', help: 'number nonempty output lines, overrides -n' },
    { short: 'e', key: 'e', help: 'equivalent to -vE' },
    { short: 'E', long: 'show-ends', help: "display $ at end of each line" },
    { short: 'n', long: 'number', help: 'number all output lines' },
    { short: 's', long: 'squeeze-blank', help: 'suppress repeated empty output lines' },
    { short: 't', key: 't', help: 'equivalent to -vT' },
    { short: 'T', long: 'show-tabs', help: 'display TAB characters as ^I' },
    { short: 'u', key: 'u', help: '(ignored)' },
    { short: 'v', long: 'show-nonprinting', help: 'use ^ and M- notation, except for LFD and TAB' },
  ],
};

/** Formatting state that carries across files, as in GNU cat. */
interface Fmt {
  number: boolean;
  nonblank: boolean;
  squeeze: boolean;
  ends: boolean;
  tabs: boolean;
  nonprinting: boolean;
  lineNo: number;
  atLineStart: boolean;
  blankRun: number;
}

function putNumber(out: Output, f: Fmt): void {
  f.lineNo++;
  out.text(`${String(f.lineNo).padStart(6)}\t`);
}

function format(out: Output, data: Uint8Array, f: Fmt): void {
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 10) {
      if (f.atLineStart) {
        f.blankRun++;
        if (f.squeeze && f.blankRun > 1) continue;
        if (f.number && !f.nonblank) putNumber(out, f);
      }
      if (f.ends) out.byte(36);
      out.byte(10);
      f.atLineStart = true;
      continue;
    }
    if (f.atLineStart) {
      f.blankRun = 0;
      f.atLineStart = false;
      if (f.number) putNumber(out, f);
    }
    if (f.nonprinting) {
      let b = c;
      if (b >= 128) {
        out.byte(77);
        out.byte(45);
        b -= 128;
      }
      if (b < 32) {
        if (c === 9 && !f.tabs) out.byte(9);
        else {
          out.byte(94);
          out.byte(b + 64);
        }
      } else if (b === 127) {
        out.byte(94);
        out.byte(63);
      } else out.byte(b);
    } else if (c === 9 && f.tabs) {
      out.byte(94);
      out.byte(73);
    } else out.byte(c);
  }
}

async function catFile(ctx: Ctx, path: string, f: Fmt | null): Promise<void> {
  const { proc, out } = ctx;
  let fd: number;
  try {
    fd = openInput(proc, path);
  } catch (e) {
    rethrowFatal(e);
    await ctx.warn(`${quotef(path)}: ${errText(e)}`);
    return;
  }
  try {
    // "input file is output file": same regular file, not appending past our read position
    try {
      const st = proc.fstat(fd);
      const os = proc.fstat(1);
      if ((st.mode & S_IFMT) === S_IFREG && (os.mode & S_IFMT) === S_IFREG && st.ino === os.ino && st.dev === os.dev &&
          st.size > 0 && proc.seek(fd, 0, SEEK_CUR) < st.size) {
        await ctx.warn(`${quotef(path)}: input file is output file`);
        return;
      }
    } catch (e) {
      rethrowFatal(e);
    }
    for (;;) {
      let data: Uint8Array;
      try {
        data = await proc.read(fd, READ_CHUNK);
      } catch (e) {
        rethrowFatal(e);
        await ctx.warn(`${quotef(path)}: ${errText(e)}`);
        return;
      }
      if (data.length === 0) return;
      if (f) {
        format(out, data, f);
        await out.flush();
      } else {
        await out.flush();
        await proc.write(1, data);
      }
    }
  } finally {
    closeInput(proc, fd);
  }
}

export const cat = defineProgram('cat', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  const f: Fmt = {
    number: false, nonblank: false, squeeze: false, ends: false, tabs: false, nonprinting: false,
    lineNo: 0, atLineStart: true, blankRun: 0,
  };
  for (const { key } of o.list) {
    switch (key) {
      case 'show-all': f.nonprinting = f.ends = f.tabs = true; break;
      case 'number-nonblank': f.number = f.nonblank = true; break;
      case 'e': f.nonprinting = f.ends = true; break;
      case 'show-ends': f.ends = true; break;
      case 'number': f.number = true; break;
      case 'squeeze-blank': f.squeeze = true; break;
      case 't': f.nonprinting = f.tabs = true; break;
      case 'show-tabs': f.tabs = true; break;
      case 'show-nonprinting': f.nonprinting = true; break;
    }
  }
  const plain = !(f.number || f.squeeze || f.ends || f.tabs || f.nonprinting);
  const files = o.operands.length ? o.operands : ['-'];
  for (const path of files) await catFile(ctx, path, plain ? null : f);
});
