// Pipes: a bounded byte queue (limits.pipeBuffer) between a read end and a write end, each an
// OpenFile description shared by every fd dup'd or inherited from it.
//
// Linux semantics: reads return what is buffered (up to max) without waiting for more; read
// returns an empty array (EOF) once every writer closed; writes block while the buffer is full
// (backpressure), writes of <= PIPE_BUF bytes are atomic, a write with no reader left throws
// EPIPE (also for a writer already blocked), zero-length writes are no-ops, O_NONBLOCK turns
// every would-block into EAGAIN. Blocking calls take an AbortSignal (kill / EINTR).

import { kerr } from './errno.ts';
import type { Limits } from './limits.ts';
import { WaitQueue } from './proc/waitqueue.ts';
import { O_NONBLOCK, O_RDONLY, O_WRONLY, S_IFIFO, type OpenFile, type Stat } from './types.ts';

export const PIPE_BUF = 4096;
/** Small writes are coalesced into buffers of this size instead of queueing one chunk each. */
const COALESCE = 4096;
/** take() merges chunks into one read only while the first is smaller than this. */
const MERGE_BELOW = 4096;
const empty = new Uint8Array(0);
let nextIno = 1;

class Pipe {
  readonly capacity: number;
  readonly ino = nextIno++;
  readonly ctimeMs = Date.now();
  readonly uid: number;
  readonly gid: number;
  readers = 1;
  writers = 1;
  /** Buffered bytes: sealed chunks (from chunks[first] at offset head), then the tail buffer. */
  size = 0;
  #chunks: Uint8Array[] = [];
  #first = 0;
  #head = 0;
  /** Small writes are appended to a tail buffer: bytes [tailHead, tailLen) are buffered. */
  #tail: Uint8Array | null = null;
  #tailHead = 0;
  #tailLen = 0;
  readonly readQ = new WaitQueue();
  readonly writeQ = new WaitQueue();

  constructor(capacity: number, uid: number, gid: number) {
    this.capacity = Math.max(1, capacity);
    this.uid = uid;
    this.gid = gid;
  }

  /** Copies data into the queue (the writer may reuse its buffer afterwards). */
  push(data: Uint8Array): void {
    const n = data.length;
    if (n < COALESCE / 4) {
      let tail = this.#tail;
      if (tail === null || tail.length - this.#tailLen < n) {
        this.#sealTail();
        tail = this.#tail = new Uint8Array(COALESCE);
      }
      if (n <= 16) {
        let j = this.#tailLen;
        for (let i = 0; i < n; i++) tail[j++] = data[i]!;
      } else {
        tail.set(data, this.#tailLen);
      }
      this.#tailLen += n;
    } else {
      this.#sealTail();
      this.#chunks.push(data.slice());
    }
    this.size += n;
    this.readQ.wakeAll();
  }

  /** Moves buffered tail bytes into the chunk list (to keep order before a big chunk). */
  #sealTail(): void {
    const tail = this.#tail;
    if (tail === null) return;
    if (this.#tailLen > this.#tailHead) this.#chunks.push(tail.subarray(this.#tailHead, this.#tailLen));
    this.#tail = null;
    this.#tailHead = this.#tailLen = 0;
  }

  take(max: number): Uint8Array {
    const chunks = this.#chunks;
    let out: Uint8Array;
    if (this.#first === chunks.length) {
      // only the tail holds data: hand out a view (that region is never written again)
      const n = Math.min(max, this.#tailLen - this.#tailHead);
      out = this.#tail!.subarray(this.#tailHead, this.#tailHead + n);
      this.#tailHead += n;
      if (this.#tailHead === this.#tailLen && this.#tailLen > COALESCE / 2) {
        this.#tail = null;
        this.#tailHead = this.#tailLen = 0;
      }
      this.size -= n;
    } else {
      const c0 = chunks[this.#first]!;
      const avail0 = c0.length - this.#head;
      // A big first chunk is handed out as is (a short read, legal and copy-free); small
      // pieces are merged up to max.
      if (avail0 >= max || avail0 >= MERGE_BELOW || this.size === avail0) {
        const n = Math.min(avail0, max);
        out = c0.subarray(this.#head, this.#head + n);
        this.#advance(n);
      } else {
        const n = Math.min(this.size, max);
        out = new Uint8Array(n);
        let got = 0;
        while (got < n && this.#first < chunks.length) {
          const c = chunks[this.#first]!;
          const k = Math.min(c.length - this.#head, n - got);
          out.set(c.subarray(this.#head, this.#head + k), got);
          got += k;
          this.#advance(k);
        }
        if (got < n) {
          const k = n - got;
          out.set(this.#tail!.subarray(this.#tailHead, this.#tailHead + k), got);
          this.#tailHead += k;
          this.size -= k;
        }
      }
    }
    this.writeQ.wakeAll();
    return out;
  }

  #advance(n: number): void {
    this.size -= n;
    this.#head += n;
    const chunks = this.#chunks;
    if (this.#head === chunks[this.#first]!.length) {
      this.#head = 0;
      this.#first++;
      if (this.#first === chunks.length) {
        chunks.length = 0;
        this.#first = 0;
      } else if (this.#first >= 64 && this.#first * 2 >= chunks.length) {
        chunks.splice(0, this.#first);
        this.#first = 0;
      }
    }
  }

  clear(): void {
    this.#chunks.length = 0;
    this.#first = 0;
    this.#head = 0;
    this.#tail = null;
    this.#tailHead = this.#tailLen = 0;
    this.size = 0;
  }

  stat(): Stat {
    return {
      dev: 12, ino: this.ino, mode: S_IFIFO | 0o600, nlink: 1, uid: this.uid, gid: this.gid, rdev: 0,
      size: 0, blksize: 4096, blocks: 0,
      atimeMs: this.ctimeMs, mtimeMs: this.ctimeMs, ctimeMs: this.ctimeMs, birthtimeMs: this.ctimeMs,
    };
  }
}

abstract class PipeEnd implements OpenFile {
  flags: number;
  offset = 0;
  readonly path = '';
  protected readonly pipe: Pipe;
  #refs = 1;

  constructor(pipe: Pipe, flags: number) {
    this.pipe = pipe;
    this.flags = flags;
  }

  /** The pipe's inode number (for /proc/<pid>/fd: "pipe:[ino]"). */
  get ino(): number { return this.pipe.ino; }
  get target(): string { return `pipe:[${this.pipe.ino}]`; }

  abstract read(max: number, signal?: AbortSignal): Promise<Uint8Array> | Uint8Array;
  abstract write(data: Uint8Array, signal?: AbortSignal): Promise<number> | number;
  protected abstract release(): void;

  seek(): number { throw kerr('ESPIPE', 'lseek'); }
  stat(): Stat { return this.pipe.stat(); }
  isatty(): boolean { return false; }
  ref(): void { this.#refs++; }
  close(): void {
    if (this.#refs <= 0) return;
    if (--this.#refs === 0) this.release();
  }
  ioctl(request: string): unknown {
    if (request === 'FIONREAD') return this.pipe.size;
    throw kerr('ENOTTY', 'ioctl');
  }
}

export class PipeReadEnd extends PipeEnd {
  read(max: number, signal?: AbortSignal): Promise<Uint8Array> | Uint8Array {
    const p = this.pipe;
    if (max <= 0) return empty;
    if (p.size > 0) return p.take(max);
    if (p.writers === 0) return empty;
    if (this.flags & O_NONBLOCK) throw kerr('EAGAIN', 'read');
    return this.#readSlow(max, signal);
  }

  async #readSlow(max: number, signal: AbortSignal | undefined): Promise<Uint8Array> {
    const p = this.pipe;
    for (;;) {
      await p.readQ.wait(signal);
      if (p.size > 0) return p.take(max);
      if (p.writers === 0) return empty;
    }
  }

  write(): number { throw kerr('EBADF', 'write'); }

  async ready(events: 'read' | 'write', signal?: AbortSignal): Promise<void> {
    if (events !== 'read') return;
    const p = this.pipe;
    while (p.size === 0 && p.writers > 0) await p.readQ.wait(signal);
  }

  protected release(): void {
    const p = this.pipe;
    if (--p.readers > 0) return;
    p.clear();
    p.writeQ.wakeAll();
  }
}

export class PipeWriteEnd extends PipeEnd {
  read(): Uint8Array { throw kerr('EBADF', 'read'); }

  write(data: Uint8Array, signal?: AbortSignal): Promise<number> | number {
    const p = this.pipe;
    if (p.readers === 0) throw kerr('EPIPE', 'write');
    const n = data.length;
    if (n === 0) return 0;
    const room = p.capacity - p.size;
    if (n <= room) {
      p.push(data);
      return n;
    }
    if (this.flags & O_NONBLOCK) {
      if (n <= PIPE_BUF || room === 0) throw kerr('EAGAIN', 'write');
      p.push(data.subarray(0, room));
      return room;
    }
    return this.#writeSlow(data, signal);
  }

  async #writeSlow(data: Uint8Array, signal: AbortSignal | undefined): Promise<number> {
    const p = this.pipe;
    const n = data.length;
    const atomic = n <= PIPE_BUF;
    let done = 0;
    while (done < n) {
      if (p.readers === 0) {
        if (done > 0) return done;
        throw kerr('EPIPE', 'write');
      }
      const room = p.capacity - p.size;
      if (atomic ? room >= n : room > 0) {
        const k = Math.min(room, n - done);
        p.push(data.subarray(done, done + k));
        done += k;
        continue;
      }
      try {
        await p.writeQ.wait(signal);
      } catch (e) {
        if (done > 0) return done; // interrupted after progress: a short write, as Linux reports it
        throw e;
      }
    }
    return done;
  }

  async ready(events: 'read' | 'write', signal?: AbortSignal): Promise<void> {
    if (events !== 'write') return;
    const p = this.pipe;
    while (p.readers > 0 && p.size >= p.capacity) await p.writeQ.wait(signal);
  }

  protected release(): void {
    const p = this.pipe;
    if (--p.writers > 0) return;
    p.readQ.wakeAll();
  }
}

/**
 * Creates a pipe: [read end, write end], each holding one reference (close() each when done).
 * `owner` sets the uid/gid fstat reports (default 0).
 */
export function createPipe(limits: Pick<Limits, 'pipeBuffer'>, owner?: { uid: number; gid: number }): [PipeReadEnd, PipeWriteEnd] {
  const pipe = new Pipe(limits.pipeBuffer, owner?.uid ?? 0, owner?.gid ?? 0);
  return [new PipeReadEnd(pipe, O_RDONLY), new PipeWriteEnd(pipe, O_WRONLY)];
}
