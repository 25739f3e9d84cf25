// head: output the first part of files (GNU options -c [-]NUM, -n [-]NUM, -q, -v, -z, -NUM).
// Streams: `head -n 1` on an endless pipe returns after the first line.

import type { Proc } from '../types.ts';
import { closeInput, defineProgram, errText, openInput, parseCount, parseOptions, quoteaf, rethrowFatal, READ_CHUNK, type Ctx } from './util.ts';


const spec = {
  usage: '[OPTION]... [FILE]...',
  about: 'Print the first 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\n\nWith no FILE, or when FILE is -, read standard input.',
  options: [
    { short: 'c', long: 'bytes', arg: 'required' as const, argName: '[-]NUM', help: "print the first NUM bytes of each file;\n  with the leading '-', print all but the last\n  NUM bytes of each file" },
    { short: 'n', long: 'lines', arg: 'required' as const, argName: '[-]NUM', help: "print the first NUM lines instead of the first 10;\n  with the leading '-', print all but the last\n  NUM lines of each file" },
    { short: 'q', long: 'quiet', key: 'quiet', help: 'never print headers giving file names' },
    { long: 'silent', key: 'quiet' },
    { short: 'v', long: 'verbose', help: 'always print headers giving file names' },
    { short: 'z', long: 'zero-terminated', help: 'line delimiter is NUL, not newline' },
  ],
};

interface Mode {
  bytes: boolean;
  /** all but the last N */
  allBut: boolean;
  n: number;
  delim: number;
}

class ReadError {
  readonly error: unknown;
  constructor(error: unknown) {
    this.error = error;
  }
}

async function readSome(proc: Proc, fd: number): Promise<Uint8Array> {
  try {
    return await proc.read(fd, READ_CHUNK);
  } catch (e) {
    rethrowFatal(e);
    throw new ReadError(e);
  }
}

async function headFd(ctx: Ctx, fd: number, m: Mode): Promise<void> {
  const { proc, out } = ctx;
  if (!m.allBut) {
    let left = m.n;
    while (left > 0) {
      const c = await readSome(proc, fd);
      if (c.length === 0) return;
      if (m.bytes) {
        const part = c.length <= left ? c : c.subarray(0, left);
        left -= part.length;
        out.put(part);
      } else {
        let i = -1;
        let end = c.length;
        while (left > 0) {
          i = c.indexOf(m.delim, i + 1);
          if (i < 0) break;
          left--;
          if (left === 0) end = i + 1;
        }
        out.put(end === c.length ? c : c.subarray(0, end));
      }
      await out.flush();
    }
    return;
  }
  if (m.bytes) {
    // all but the last n bytes: hold back n bytes
    const held: Uint8Array[] = [];
    let heldLen = 0;
    for (;;) {
      const c = await readSome(proc, fd);
      if (c.length === 0) return;
      held.push(c);
      heldLen += c.length;
      while (held.length && heldLen - held[0]!.length >= m.n) {
        const first = held.shift()!;
        heldLen -= first.length;
        out.put(first);
      }
      if (held.length && heldLen > m.n) {
        const extra = heldLen - m.n;
        out.put(held[0]!.subarray(0, extra));
        held[0] = held[0]!.subarray(extra);
        heldLen -= extra;
      }
      await out.flush();
    }
  }
  // all but the last n lines: hold back the last n complete-or-partial lines
  const lines: Uint8Array[] = [];
  let partial: Uint8Array[] = [];
  for (;;) {
    const c = await readSome(proc, fd);
    if (c.length === 0) return; // held lines (and an unterminated tail) are dropped
    let start = 0;
    let i = c.indexOf(m.delim);
    while (i >= 0) {
      const piece = c.subarray(start, i + 1);
      if (partial.length) {
        partial.push(piece);
        const n = partial.reduce((s, p) => s + p.length, 0);
        const whole = new Uint8Array(n);
        let off = 0;
        for (const p of partial) {
          whole.set(p, off);
          off += p.length;
        }
        lines.push(whole);
        partial = [];
      } else lines.push(piece);
      if (lines.length > m.n) out.put(lines.shift()!);
      start = i + 1;
      i = c.indexOf(m.delim, start);
    }
    if (start < c.length) partial.push(c.slice(start));
    await out.flush();
  }
}

export const head = defineProgram('head', async (ctx: Ctx) => {
  let args = ctx.args;
  let obsolete: { kind: 'c' | 'n'; value: string; q: boolean; v: boolean; z: boolean } | undefined;
  const ob = args[0] !== undefined ? /^-(\d+)([bkm]?)([cqlvz]*)$/.exec(args[0]) : null;
  if (ob) {
    const flags = ob[3]!;
    const kind = flags.includes('c') ? 'c' : 'n';
    obsolete = { kind, value: ob[1]! + ob[2]!, q: flags.includes('q'), v: flags.includes('v'), z: flags.includes('z') };
    args = args.slice(1);
  }
  const o = parseOptions(ctx, spec, args);
  const m: Mode = { bytes: false, allBut: false, n: 10, delim: 10 };
  let headers: boolean | undefined;
  if (obsolete) {
    m.bytes = obsolete.kind === 'c';
    m.n = parseCount(ctx, obsolete.value, m.bytes ? 'bytes' : 'lines');
    if (obsolete.q) headers = false;
    if (obsolete.v) headers = true;
    if (obsolete.z) m.delim = 0;
  }
  for (const { key, value } of o.list) {
    if (key === 'bytes' || key === 'lines') {
      let v = value!;
      m.bytes = key === 'bytes';
      m.allBut = v.startsWith('-');
      if (m.allBut) v = v.slice(1);
      m.n = parseCount(ctx, v, key);
    } else if (key === 'quiet') headers = false;
    else if (key === 'verbose') headers = true;
    else if (key === 'zero-terminated') m.delim = 0;
  }
  const files = o.operands.length ? o.operands : ['-'];
  const showHeaders = headers ?? files.length > 1;
  let first = true;
  for (const path of files) {
    let fd: number;
    try {
      fd = openInput(ctx.proc, path);
    } catch (e) {
      rethrowFatal(e);
      await ctx.warn(`cannot open ${quoteaf(path)} for reading: ${errText(e)}`);
      continue;
    }
    try {
      if (showHeaders) {
        ctx.out.text(`${first ? '' : '\n'}==> ${path === '-' ? 'standard input' : path} <==\n`);
      }
      first = false;
      if (m.n === 0 && !m.allBut) continue;
      await headFd(ctx, fd, m.allBut && m.n === 0 ? { ...m, allBut: false, n: Infinity } : m);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      await ctx.warn(`error reading ${quoteaf(path)}: ${errText(e.error)}`);
    } finally {
      closeInput(ctx.proc, fd);
    }
  }
});
