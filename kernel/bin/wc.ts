// wc: newline, word, character and byte counts (GNU options -c -m -l -L -w), aligned like GNU:
// all regular files → width of the total size's digits, any other input → at least 7, a single
// count of a single input → no padding.

import type { Proc } from '../types.ts';
import { S_IFMT, S_IFREG } from '../types.ts';
import { closeInput, defineProgram, errText, openInput, parseOptions, quotef, rethrowFatal, READ_CHUNK, utf8Locale, type Ctx } from './util.ts';
import { wcwidth } from './wcwidth.ts';

const spec = {
  usage: ['[OPTION]... [FILE]...'],
  about: 'Print newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.  A word is a non-zero-length sequence of\nprintable characters delimited by white space.\n\nWith no FILE, or when FILE is -, read standard input.\n\nThe options below may be used to select which counts are printed, always in\nthe following order: newline, word, character, byte, maximum line length.',
  options: [
    { short: 'c', long: 'bytes', help: 'print the byte counts' },
    { short: 'm', long: 'chars', help: 'print the character counts' },
    { short: 'l', long: 'lines', help: 'print the newline counts' },
    { short: 'L', long: 'max-line-length', help: 'print the maximum display width' },
    { short: 'w', long: 'words', help: 'print the word counts' },
  ],
};

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

interface Want {
  lines: boolean;
  words: boolean;
  chars: boolean;
  bytes: boolean;
  maxLine: boolean;
}

/** Counting state that survives chunk boundaries. */
class Counter {
  readonly c: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
  readonly utf8: boolean;
  inWord = false;
  linePos = 0;
  // pending UTF-8 sequence
  #cp = 0;
  #need = 0;
  #seqLen = 0;
  constructor(utf8: boolean) {
    this.utf8 = utf8;
  }

  #char(cp: number): void {
    const c = this.c;
    c.chars++;
    if (cp === 10) c.lines++;
    switch (cp) {
      case 10:
      case 13:
      case 12:
        if (this.linePos > c.maxLine) c.maxLine = this.linePos;
        this.linePos = 0;
        this.#sep();
        return;
      case 9:
        this.linePos += 8 - (this.linePos % 8);
        this.#sep();
        return;
      case 32:
        this.linePos++;
        this.#sep();
        return;
      case 11:
        this.#sep();
        return;
    }
    if (this.utf8) {
      if (cp === 0xa0 || cp === 0x2007 || cp === 0x202f || cp === 0x2060 || isUnicodeSpace(cp)) {
        this.#sep();
        return;
      }
      const w = wcwidth(cp);
      if (w >= 0) {
        // printable (zero-width marks included) characters make words
        this.linePos += w;
        this.inWord = true;
      }
      return;
    }
    if (cp >= 32 && cp < 127) {
      this.linePos++;
      this.inWord = true;
    }
  }

  #sep(): void {
    if (this.inWord) this.c.words++;
    this.inWord = false;
  }

  /** An invalid byte in UTF-8 mode counts as a byte only: neither a character nor a word boundary. */
  #invalid(): void {}

  feed(data: Uint8Array): void {
    this.c.bytes += data.length;
    if (!this.utf8) {
      for (let i = 0; i < data.length; i++) this.#char(data[i]!);
      return;
    }
    for (let i = 0; i < data.length; i++) {
      const b = data[i]!;
      if (this.#need > 0) {
        if ((b & 0xc0) === 0x80) {
          this.#cp = (this.#cp << 6) | (b & 0x3f);
          if (--this.#need === 0) {
            const cp = this.#cp;
            const overlong = (this.#seqLen === 2 && cp < 0x80) || (this.#seqLen === 3 && cp < 0x800) || (this.#seqLen === 4 && cp < 0x10000);
            if (overlong || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
              for (let k = 0; k < this.#seqLen; k++) this.#invalid();
            } else this.#char(cp);
          }
          continue;
        }
        for (let k = 0; k < this.#seqLen - this.#need; k++) this.#invalid();
        this.#need = 0;
      }
      if (b < 0x80) this.#char(b);
      else if (b >= 0xc2 && b < 0xe0) this.#start(b & 0x1f, 1, 2);
      else if (b >= 0xe0 && b < 0xf0) this.#start(b & 0x0f, 2, 3);
      else if (b >= 0xf0 && b < 0xf5) this.#start(b & 0x07, 3, 4);
      else this.#invalid();
    }
  }

  #start(bits: number, need: number, len: number): void {
    this.#cp = bits;
    this.#need = need;
    this.#seqLen = len;
  }

  finish(): Counts {
    if (this.linePos > this.c.maxLine) this.c.maxLine = this.linePos;
    if (this.inWord) this.c.words++;
    this.inWord = false;
    return this.c;
  }
}

function isUnicodeSpace(cp: number): boolean {
  return cp === 0x85 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x2006) || (cp >= 0x2008 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x205f || cp === 0x3000;
}

function countNewlines(data: Uint8Array): number {
  let n = 0;
  let i = data.indexOf(10);
  while (i >= 0) {
    n++;
    i = data.indexOf(10, i + 1);
  }
  return n;
}

async function count(proc: Proc, fd: number, want: Want, utf8: boolean): Promise<Counts> {
  const onlyBytes = !want.lines && !want.words && !want.chars && !want.maxLine;
  if (onlyBytes) {
    try {
      const st = proc.fstat(fd);
      if ((st.mode & S_IFMT) === S_IFREG && fd !== 0) return { lines: 0, words: 0, chars: 0, bytes: st.size, maxLine: 0 };
    } catch (e) {
      rethrowFatal(e);
    }
  }
  const simple = !want.words && !want.maxLine && !(want.chars && utf8);
  if (simple) {
    const c: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
    for (;;) {
      const d = await proc.read(fd, READ_CHUNK);
      if (d.length === 0) break;
      c.bytes += d.length;
      if (want.lines) c.lines += countNewlines(d);
    }
    c.chars = c.bytes;
    return c;
  }
  const counter = new Counter(utf8);
  for (;;) {
    const d = await proc.read(fd, READ_CHUNK);
    if (d.length === 0) break;
    counter.feed(d);
  }
  return counter.finish();
}

export const wc = defineProgram('wc', async (ctx: Ctx) => {
  const o = parseOptions(ctx, spec);
  const want: Want = { lines: o.has('lines'), words: o.has('words'), chars: o.has('chars'), bytes: o.has('bytes'), maxLine: o.has('max-line-length') };
  if (!want.lines && !want.words && !want.chars && !want.bytes && !want.maxLine) want.lines = want.words = want.bytes = true;
  const utf8 = utf8Locale(ctx.proc);
  const { proc } = ctx;
  const names = o.operands.length ? o.operands : ['-'];
  // open and stat everything first: the column width depends on all inputs
  const inputs: { name: string; fd: number; error?: unknown; regular: boolean; size: number }[] = [];
  for (const name of names) {
    try {
      const fd = openInput(proc, name);
      const st = proc.fstat(fd);
      const regular = (st.mode & S_IFMT) === S_IFREG;
      inputs.push({ name, fd, regular, size: st.size });
    } catch (e) {
      rethrowFatal(e);
      inputs.push({ name, fd: -1, error: e, regular: false, size: 0 });
    }
  }
  const nCounts = [want.lines, want.words, want.chars, want.bytes, want.maxLine].filter(Boolean).length;
  let width = 1;
  if (!(nCounts === 1 && names.length === 1)) {
    let min = 1;
    let total = 0;
    for (const i of inputs) {
      if (i.error) continue;
      if (i.regular) total += i.size;
      else min = 7;
    }
    width = Math.max(String(total).length, min);
  }
  const fmt = (c: Counts): string => {
    const parts: number[] = [];
    if (want.lines) parts.push(c.lines);
    if (want.words) parts.push(c.words);
    if (want.chars) parts.push(c.chars);
    if (want.bytes) parts.push(c.bytes);
    if (want.maxLine) parts.push(c.maxLine);
    return parts.map((n) => String(n).padStart(width)).join(' ');
  };
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
  for (const inp of inputs) {
    if (inp.error) {
      await ctx.warn(`${quotef(inp.name)}: ${errText(inp.error)}`);
      continue;
    }
    let c: Counts;
    try {
      c = await count(proc, inp.fd, want, utf8);
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(`${quotef(inp.name)}: ${errText(e)}`);
      c = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
    } finally {
      closeInput(proc, inp.fd);
    }
    if (!want.chars) c.chars = 0;
    total.lines += c.lines;
    total.words += c.words;
    total.chars += c.chars;
    total.bytes += c.bytes;
    total.maxLine = Math.max(total.maxLine, c.maxLine);
    ctx.out.text(o.operands.length ? `${fmt(c)} ${inp.name}\n` : `${fmt(c)}\n`);
    await ctx.out.maybeFlush();
  }
  if (names.length > 1) ctx.out.text(`${fmt(total)} total\n`);
});
