// Byte-level I/O for the utilities: byte strings (one char per byte, as the C locale sees
// text), buffered output flushed in chunks, and streaming line readers over proc.read.

import { rethrowFatal } from './errors.ts';
import type { Proc } from '../types.ts';

/** Bytes asked of proc.read at a time. */
export const READ_CHUNK = 64 * 1024;
/** Output is flushed once this many bytes are pending. */
export const WRITE_CHUNK = 8 * 1024;

const encoder = new TextEncoder();
const utf8 = new TextDecoder();

// ---- byte strings ("binary" strings: one char per byte, like the C locale sees text) ----

/** Bytes → string with one char per byte (ISO-8859-1; never windows-1252). */
export function bin(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let i = start; i < end; i += 8192) {
    const j = Math.min(end, i + 8192);
    s += String.fromCharCode.apply(null, bytes.subarray(i, j) as unknown as number[]);
  }
  return s;
}

/** A byte string (chars 0..255) back to bytes. */
export function unbin(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A JS string (argv, env) as the byte string a C program would see (UTF-8 bytes). */
export function argBytes(s: string): string {
  return bin(encoder.encode(s));
}

export function utf8Decode(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Compares two strings by Unicode code point (= UTF-8 byte order, strcmp in the C locale). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // surrogates (0xD800-0xDFFF) encode code points above 0xFFFF: they sort after 0xE000-0xFFFF
      const sx = x >= 0xd800 && x <= 0xdfff;
      const sy = y >= 0xd800 && y <= 0xdfff;
      if (sx !== sy) return sx ? 1 : -1;
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/** Whether the process's locale is a UTF-8 one (LC_ALL > LC_CTYPE > LANG). */
export function utf8Locale(proc: Proc): boolean {
  const env = proc.env;
  const v = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(v);
}

// ---- buffered output ----

/** Collects output and writes it in chunks; flush() before exiting or waiting for input. */
export class Output {
  readonly proc: Proc;
  readonly fd: number;
  #buf: Uint8Array;
  #len = 0;
  constructor(proc: Proc, fd = 1, initial = WRITE_CHUNK * 2) {
    this.proc = proc;
    this.fd = fd;
    this.#buf = new Uint8Array(initial);
  }

  get pending(): number {
    return this.#len;
  }

  /** True once enough is pending that the caller should `await flush()`. */
  get full(): boolean {
    return this.#len >= WRITE_CHUNK;
  }

  #room(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + n) size *= 2;
    const nb = new Uint8Array(size);
    nb.set(this.#buf.subarray(0, this.#len));
    this.#buf = nb;
  }

  /** Appends bytes. */
  put(data: Uint8Array): void {
    this.#room(data.length);
    this.#buf.set(data, this.#len);
    this.#len += data.length;
  }

  /** Appends one byte. */
  byte(c: number): void {
    if (this.#len >= this.#buf.length) this.#room(1);
    this.#buf[this.#len++] = c;
  }

  /** Appends text as UTF-8. */
  text(s: string): void {
    this.#room(s.length * 3);
    const r = encoder.encodeInto(s, this.#buf.subarray(this.#len));
    this.#len += r.written;
  }

  /** Appends a byte string (one char per byte). */
  bin(s: string): void {
    this.#room(s.length);
    const buf = this.#buf;
    let p = this.#len;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.#len = p;
  }

  /** Writes everything pending (the kernel may keep the array, so a fresh buffer follows). */
  async flush(): Promise<void> {
    if (this.#len === 0) return;
    const data = this.#buf.subarray(0, this.#len);
    this.#buf = new Uint8Array(Math.max(WRITE_CHUNK * 2, Math.min(this.#buf.length, 1 << 20)));
    this.#len = 0;
    await this.proc.write(this.fd, data);
  }

  /** Flushes if `full`. */
  async maybeFlush(): Promise<void> {
    if (this.#len >= WRITE_CHUNK) await this.flush();
  }
}

// ---- streaming input ----

/** Opens a file operand for reading ('-' = stdin); returns the fd. Throws KernelError. */
export function openInput(proc: Proc, path: string): number {
  if (path === '-') return 0;
  return proc.open(path, 0);
}

export function closeInput(proc: Proc, fd: number): void {
  if (fd === 0) return;
  try {
    proc.close(fd);
  } catch (e) {
    rethrowFatal(e);
  }
}


/**
 * Splits a stream into lines (without their delimiter), yielding them in batches as they
 * arrive. `last.terminated` tells whether the final line had a delimiter.
 */
export class LineReader {
  readonly proc: Proc;
  readonly fd: number;
  readonly delim: number;
  /** Whether the last line returned ended with the delimiter. */
  terminated = true;
  #pending: Uint8Array[] = [];
  #pendingLen = 0;
  #eof = false;
  constructor(proc: Proc, fd: number, delim = 10) {
    this.proc = proc;
    this.fd = fd;
    this.delim = delim;
  }

  /** The next batch of complete lines, or null at end of input. */
  async batch(): Promise<Uint8Array[] | null> {
    for (;;) {
      if (this.#eof) return null;
      const c = await this.proc.read(this.fd, READ_CHUNK);
      if (c.length === 0) {
        this.#eof = true;
        if (this.#pendingLen === 0) return null;
        const line = this.#takePending(new Uint8Array(0));
        this.terminated = false;
        return [line];
      }
      const lines: Uint8Array[] = [];
      let start = 0;
      let idx = c.indexOf(this.delim);
      while (idx >= 0) {
        const piece = c.subarray(start, idx);
        lines.push(this.#pendingLen ? this.#takePending(piece) : piece);
        start = idx + 1;
        idx = c.indexOf(this.delim, start);
      }
      if (start < c.length) {
        this.#pending.push(c.subarray(start));
        this.#pendingLen += c.length - start;
      }
      if (lines.length) {
        this.terminated = true;
        return lines;
      }
    }
  }

  #takePending(tail: Uint8Array): Uint8Array {
    const out = new Uint8Array(this.#pendingLen + tail.length);
    let p = 0;
    for (const piece of this.#pending) {
      out.set(piece, p);
      p += piece.length;
    }
    out.set(tail, p);
    this.#pending = [];
    this.#pendingLen = 0;
    return out;
  }
}

/**
 * Like LineReader, but lines come as byte strings (one char per byte), decoded a chunk at a
 * time: far fewer allocations for line-oriented tools that compare text (sort, uniq).
 */
export class BinLineReader {
  readonly proc: Proc;
  readonly fd: number;
  readonly delim: string;
  /** Whether the last line returned ended with the delimiter. */
  terminated = true;
  #carry = '';
  #eof = false;
  constructor(proc: Proc, fd: number, delim = 10) {
    this.proc = proc;
    this.fd = fd;
    this.delim = String.fromCharCode(delim);
  }

  /** The next batch of complete lines, or null at end of input. */
  async batch(): Promise<string[] | null> {
    for (;;) {
      if (this.#eof) return null;
      const c = await this.proc.read(this.fd, READ_CHUNK);
      if (c.length === 0) {
        this.#eof = true;
        if (this.#carry === '') return null;
        this.terminated = false;
        const last = this.#carry;
        this.#carry = '';
        return [last];
      }
      const text = this.#carry + bin(c);
      const lines = text.split(this.delim);
      this.#carry = lines.pop()!;
      if (lines.length) {
        this.terminated = true;
        return lines;
      }
    }
  }
}

/** Concatenates byte arrays. */
export function concatBytes(parts: Uint8Array[], total?: number): Uint8Array {
  const n = total ?? parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
