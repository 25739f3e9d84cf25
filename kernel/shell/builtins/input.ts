// Reading input for read and mapfile without consuming more than they use: byte by byte from
// pipes, terminals and devices; in chunks from seekable files, seeking back over the unused rest
// when done (as bash's zreadc/zsyncfd do).

import type { Proc } from '../../types.ts';
import { S_IFMT, S_IFREG, SEEK_CUR } from '../../types.ts';

export const TIMEOUT = Symbol('timeout');

export class FdReader {
  readonly proc: Proc;
  readonly fd: number;
  #seekable: boolean;
  #buf: Uint8Array = new Uint8Array(0);
  #pos = 0;
  #eof = false;

  constructor(proc: Proc, fd: number) {
    this.proc = proc;
    this.fd = fd;
    let seekable = false;
    try {
      seekable = (proc.fstat(fd).mode & S_IFMT) === S_IFREG;
    } catch { /* reported by the first read */ }
    this.#seekable = seekable;
  }

  /** Next byte, null at end of file, TIMEOUT when the deadline (ms, kernel clock) passed first. */
  async byte(deadline?: number): Promise<number | null | typeof TIMEOUT> {
    if (this.#pos < this.#buf.length) return this.#buf[this.#pos++];
    if (this.#eof) return null;
    if (deadline !== undefined) {
      const ok = await this.#waitReadable(deadline);
      if (!ok) return TIMEOUT;
    }
    const chunk = await this.proc.read(this.fd, this.#seekable ? 4096 : 1);
    if (chunk.length === 0) { this.#eof = true; return null; }
    this.#buf = chunk;
    this.#pos = 1;
    return chunk[0];
  }

  /** Waits until the fd is readable or the deadline passes; false on timeout. */
  async #waitReadable(deadline: number): Promise<boolean> {
    if (this.#seekable) return true;
    const file = this.proc.file(this.fd);
    if (!file.ready) return true;
    const left = deadline - Date.now();
    if (left <= 0) {
      // poll: readable now?
      let ready = false;
      const p = file.ready('read').then(() => { ready = true; });
      await new Promise<void>(r => setImmediate(r));
      void p.catch(() => {});
      return ready;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<false>(r => { timer = setTimeout(() => r(false), left); });
    try {
      return await Promise.race([file.ready('read').then(() => true as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** For read -t 0: is input (or end of file) available now, without reading it? */
  async readable(): Promise<boolean> {
    if (this.#pos < this.#buf.length || this.#eof) return true;
    return this.#waitReadable(Date.now());
  }

  /** Gives back bytes read ahead from a seekable file. */
  finish(): void {
    const rest = this.#buf.length - this.#pos;
    if (rest > 0 && this.#seekable) {
      try { this.proc.seek(this.fd, -rest, SEEK_CUR); } catch { /* ignore */ }
    }
    this.#buf = new Uint8Array(0);
    this.#pos = 0;
  }
}

/** Length of the UTF-8 sequence a lead byte starts (1 for ASCII and invalid bytes). */
export function utf8SeqLen(b: number): number {
  if (b < 0xc0) return 1;
  if (b < 0xe0) return 2;
  if (b < 0xf0) return 3;
  if (b < 0xf8) return 4;
  return 1;
}
