// tail: output the last part of files (GNU options -c [+]NUM, -n [+]NUM, -q, -v, -z, -NUM, +NUM).
// Regular files are read backwards from the end; pipes are streamed keeping only what is needed.
// -f/-F (follow) are not implemented: they fail with "Function not implemented".

import type { Proc } from '../types.ts';
import { S_IFMT, S_IFREG, SEEK_CUR, SEEK_END, SEEK_SET } from '../types.ts';
import { closeInput, concatBytes, defineProgram, errText, openInput, parseCount, parseOptions, quoteaf, rethrowFatal, READ_CHUNK, type Ctx } from './util.ts';

const spec = {
  usage: '[OPTION]... [FILE]...',
  about: 'Print the last 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\n\nWith no FILE, or when FILE is -, read standard input.',
  options: [
    { short: 'c', long: 'bytes', arg: 'required' as const, argName: '[+]NUM', help: 'output the last NUM bytes; or use -c +NUM to\n  output starting with byte NUM of each file' },
    { short: 'f', long: 'follow', arg: 'optional' as const, key: 'follow', help: 'not supported in agentvm' },
    { short: 'F', key: 'follow' },
    { long: 'retry', key: 'follow' },
    { long: 'pid', arg: 'required' as const, key: 'follow' },
    { short: 's', long: 'sleep-interval', arg: 'required' as const },
    { long: 'max-unchanged-stats', arg: 'required' as const },
    { short: 'n', long: 'lines', arg: 'required' as const, argName: '[+]NUM', help: 'output the last NUM lines, instead of the last 10;\n  or use -n +NUM to skip NUM-1 lines at the start' },
    { short: 'q', long: 'quiet', key: 'quiet', help: 'never output headers giving file names' },
    { long: 'silent', key: 'quiet' },
    { short: 'v', long: 'verbose', help: 'always output headers giving file names' },
    { short: 'z', long: 'zero-terminated', help: 'line delimiter is NUL, not newline' },
  ],
};

interface Mode {
  bytes: boolean;
  /** +N: start at line/byte N */
  fromStart: boolean;
  n: number;
  delim: number;
}

class ReadError {
  readonly error: unknown;
  constructor(error: unknown) {
    this.error = error;
  }
}

async function readSome(proc: Proc, fd: number, max = READ_CHUNK): Promise<Uint8Array> {
  try {
    return await proc.read(fd, max);
  } catch (e) {
    rethrowFatal(e);
    throw new ReadError(e);
  }
}

async function copyRest(ctx: Ctx, fd: number): Promise<void> {
  for (;;) {
    const c = await readSome(ctx.proc, fd);
    if (c.length === 0) return;
    ctx.out.put(c);
    await ctx.out.flush();
  }
}

/** For a seekable regular file: the current offset and the size; null for streams. */
function seekable(proc: Proc, fd: number): { base: number; size: number } | null {
  try {
    const st = proc.fstat(fd);
    if ((st.mode & S_IFMT) !== S_IFREG) return null;
    const base = proc.seek(fd, 0, SEEK_CUR);
    const size = proc.seek(fd, 0, SEEK_END);
    proc.seek(fd, base, SEEK_SET);
    return { base, size: Math.max(base, size) };
  } catch (e) {
    rethrowFatal(e);
    return null;
  }
}

async function readAt(proc: Proc, fd: number, pos: number, len: number): Promise<Uint8Array> {
  proc.seek(fd, pos, SEEK_SET);
  const parts: Uint8Array[] = [];
  let got = 0;
  while (got < len) {
    const c = await readSome(proc, fd, len - got);
    if (c.length === 0) break;
    parts.push(c);
    got += c.length;
  }
  return parts.length === 1 ? parts[0]! : concatBytes(parts, got);
}

/** Last n lines of a regular file, found by reading backwards from the end. */
async function tailFileLines(ctx: Ctx, fd: number, base: number, size: number, m: Mode): Promise<void> {
  const { proc } = ctx;
  if (m.n === 0) return;
  let pos = size;
  let need = m.n;
  let start = base;
  let first = true;
  scan: while (pos > base) {
    const from = Math.max(base, pos - READ_CHUNK);
    const buf = await readAt(proc, fd, from, pos - from);
    let i = buf.length - 1;
    if (first) {
      // a delimiter ending the file does not start another line
      if (i >= 0 && buf[i] === m.delim) i--;
      first = false;
    }
    for (; i >= 0; i--) {
      if (buf[i] === m.delim && --need === 0) {
        start = from + i + 1;
        break scan;
      }
    }
    pos = from;
  }
  proc.seek(fd, start, SEEK_SET);
  await copyRest(ctx, fd);
}

/** Last n lines of a stream: a ring of the last n lines seen. */
async function tailStreamLines(ctx: Ctx, fd: number, m: Mode): Promise<void> {
  if (m.n === 0) {
    while ((await readSome(ctx.proc, fd)).length) { /* drain */ }
    return;
  }
  const ring: Uint8Array[] = new Array(Math.min(m.n, 1 << 16));
  let count = 0; // lines stored
  let head = 0; // index of the oldest
  const cap = m.n;
  const push = (line: Uint8Array): void => {
    if (count < cap) {
      if (count >= ring.length) ring.length = Math.min(cap, ring.length * 2);
      ring[(head + count) % ring.length] = line;
      count++;
    } else {
      ring[head] = line;
      head = (head + 1) % ring.length;
    }
  };
  let partial: Uint8Array[] = [];
  for (;;) {
    const c = await readSome(ctx.proc, fd);
    if (c.length === 0) break;
    let s = 0;
    let i = c.indexOf(m.delim);
    while (i >= 0) {
      const piece = c.subarray(s, i + 1);
      if (partial.length) {
        partial.push(piece);
        push(concatBytes(partial));
        partial = [];
      } else push(piece);
      s = i + 1;
      i = c.indexOf(m.delim, s);
    }
    if (s < c.length) partial.push(c.slice(s));
  }
  if (partial.length) push(concatBytes(partial));
  for (let k = 0; k < count; k++) ctx.out.put(ring[(head + k) % ring.length]!);
}

async function tailFd(ctx: Ctx, fd: number, m: Mode): Promise<void> {
  const { proc } = ctx;
  if (m.fromStart) {
    let skip = Math.max(0, m.n - 1);
    if (m.bytes) {
      const sk = seekable(proc, fd);
      if (sk !== null) {
        if (sk.base + skip >= sk.size) return;
        proc.seek(fd, sk.base + skip, SEEK_SET);
        return copyRest(ctx, fd);
      }
      while (skip > 0) {
        const c = await readSome(proc, fd, Math.min(READ_CHUNK, skip));
        if (c.length === 0) return;
        skip -= c.length;
      }
      return copyRest(ctx, fd);
    }
    while (skip > 0) {
      const c = await readSome(proc, fd);
      if (c.length === 0) return;
      let i = -1;
      while (skip > 0) {
        i = c.indexOf(m.delim, i + 1);
        if (i < 0) break;
        skip--;
      }
      if (skip === 0 && i + 1 < c.length) ctx.out.put(c.subarray(i + 1));
    }
    return copyRest(ctx, fd);
  }
  const sk = seekable(proc, fd);
  if (m.bytes) {
    if (sk !== null) {
      proc.seek(fd, Math.max(sk.base, sk.size - m.n), SEEK_SET);
      return copyRest(ctx, fd);
    }
    const kept: Uint8Array[] = [];
    let keptLen = 0;
    for (;;) {
      const c = await readSome(proc, fd);
      if (c.length === 0) break;
      kept.push(c);
      keptLen += c.length;
      while (kept.length > 1 && keptLen - kept[0]!.length >= m.n) keptLen -= kept.shift()!.length;
    }
    const all = concatBytes(kept, keptLen);
    ctx.out.put(all.subarray(Math.max(0, all.length - m.n)));
    return;
  }
  if (sk !== null) return tailFileLines(ctx, fd, sk.base, sk.size, m);
  return tailStreamLines(ctx, fd, m);
}

function parseNum(ctx: Ctx, v: string, bytes: boolean, m: Mode): void {
  m.bytes = bytes;
  m.fromStart = v.startsWith('+');
  // like GNU: a leading '-' is dropped, a leading '+' stays (and shows in messages)
  const digits = v.startsWith('-') ? v.slice(1) : v;
  m.n = parseCount(ctx, digits, bytes ? 'bytes' : 'lines');
}

export const tail = defineProgram('tail', async (ctx: Ctx) => {
  let args = ctx.args;
  const m: Mode = { bytes: false, fromStart: false, n: 10, delim: 10 };
  let follow = false;
  const ob = args[0] !== undefined && args.length <= 2 ? /^(?:-(\d+)|\+(\d*))([bcl]?)(f?)$/.exec(args[0]) : null;
  if (ob) {
    const num = ob[1] ?? ob[2] ?? '';
    m.fromStart = ob[2] !== undefined;
    m.bytes = ob[3] === 'c' || ob[3] === 'b';
    let n = num === '' ? 10 : parseCount(ctx, num, m.bytes ? 'bytes' : 'lines');
    if (ob[3] === 'b') n *= 512;
    m.n = n;
    follow = ob[4] === 'f';
    args = args.slice(1);
  }
  const o = parseOptions(ctx, spec, args);
  let headers: boolean | undefined;
  for (const { key, value } of o.list) {
    if (key === 'bytes') parseNum(ctx, value!, true, m);
    else if (key === 'lines') parseNum(ctx, value!, false, m);
    else if (key === 'quiet') headers = false;
    else if (key === 'verbose') headers = true;
    else if (key === 'zero-terminated') m.delim = 0;
    else if (key === 'follow') follow = true;
  }
  if (follow) ctx.fail('following files (-f, -F, --follow) is not supported: Function not implemented');
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
      if (showHeaders) ctx.out.text(`${first ? '' : '\n'}==> ${path === '-' ? 'standard input' : path} <==\n`);
      first = false;
      await tailFd(ctx, fd, m);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      await ctx.warn(`error reading ${quoteaf(path)}: ${errText(e.error)}`);
    } finally {
      closeInput(ctx.proc, fd);
    }
  }
});
