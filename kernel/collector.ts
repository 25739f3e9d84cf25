// An open file description that collects everything written to it (vm.exec's stdout/stderr),
// up to a byte limit; past it, writes are accepted and dropped and `truncated` is set.

import { kerr } from './errno.ts';
import { O_WRONLY, S_IFIFO, type OpenFile, type Stat } from './types.ts';

const decoder = new TextDecoder();

export class Collector implements OpenFile {
  flags = O_WRONLY;
  offset = 0;
  readonly path = '';
  truncated = false;
  #chunks: Uint8Array[] = [];
  #bytes = 0;
  #limit: number;
  #refs = 1;
  #onData: ((chunk: Uint8Array) => void) | undefined;

  constructor(limit: number, onData?: (chunk: Uint8Array) => void) {
    this.#limit = limit;
    this.#onData = onData;
  }

  read(): Uint8Array { throw kerr('EBADF', 'read'); }

  write(data: Uint8Array): number {
    const n = data.length;
    if (n === 0) return 0;
    const room = this.#limit - this.#bytes;
    if (room <= 0) { this.truncated = true; return n; }
    // The writer may reuse its buffer: keep a copy.
    const chunk = n <= room ? data.slice() : data.slice(0, room);
    if (n > room) this.truncated = true;
    this.#chunks.push(chunk);
    this.#bytes += chunk.length;
    this.#onData?.(chunk);
    return n;
  }

  seek(): number { throw kerr('ESPIPE', 'lseek'); }
  stat(): Stat {
    return { dev: 0, ino: 0, mode: S_IFIFO | 0o600, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096,
      blocks: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0, birthtimeMs: 0 };
  }
  isatty(): boolean { return false; }
  ref(): void { this.#refs++; }
  close(): void { if (this.#refs > 0) this.#refs--; }

  get bytes(): number { return this.#bytes; }

  bytesValue(): Uint8Array {
    if (this.#chunks.length === 1) return this.#chunks[0]!;
    const out = new Uint8Array(this.#bytes);
    let at = 0;
    for (const c of this.#chunks) { out.set(c, at); at += c.length; }
    this.#chunks = this.#bytes ? [out] : [];
    return out;
  }

  text(): string {
    return this.#bytes === 0 ? '' : decoder.decode(this.bytesValue());
  }
}
