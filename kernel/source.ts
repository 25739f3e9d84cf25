// An open file description that yields a fixed byte string and then EOF (vm.exec's stdin).

import { kerr } from './errno.ts';
import { O_RDONLY, S_IFIFO, type OpenFile, type Stat } from './types.ts';

const empty = new Uint8Array(0);

export class Source implements OpenFile {
  flags = O_RDONLY;
  offset = 0;
  readonly path = '';
  #data: Uint8Array;

  constructor(data: Uint8Array) { this.#data = data; }

  read(max: number): Uint8Array {
    if (this.offset >= this.#data.length) return empty;
    const end = Math.min(this.#data.length, this.offset + max);
    const out = this.#data.subarray(this.offset, end);
    this.offset = end;
    return out;
  }

  write(): number { throw kerr('EBADF', 'write'); }
  seek(): number { throw kerr('ESPIPE', 'lseek'); }
  stat(): Stat {
    return { dev: 0, ino: 0, mode: S_IFIFO | 0o600, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096,
      blocks: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0, birthtimeMs: 0 };
  }
  isatty(): boolean { return false; }
  ref(): void {}
  close(): void {}
}
