// An append-only local journal: the synchronous durability step on the keystroke path.
//
// append() is one write(2) into the page cache (no fsync): the record survives a kill -9 of the
// host process but a host power loss or kernel crash can lose the last moments. A background
// replicator copies records elsewhere (SQLite) and then calls truncateThrough(seq).
//
// File layout (little endian):
//   header  'AVJ1' | nextSeq f64              — the seq the first record of this file would get
//   record  len u32 | crc u32 | seq f64 | kind u8 | payload[len]
// crc = crc32 over len, seq, kind and payload. Reading stops at the first record that is short or
// fails its checksum (a torn tail after a kill mid-write, or garbage after a power loss); open()
// cuts the file there so later appends are readable. Rotation (truncateThrough) writes the kept
// tail to `<path>.tmp` and renames it over the journal, so a kill at any point leaves one valid file.

import {
  closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync,
  renameSync, rmSync, writeFileSync, writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';

const MAGIC = 0x314a5641; // 'AVJ1' read as u32 LE
const HEADER = 12;
const REC_HEAD = 17;
const MAX_PAYLOAD = 0x7fff_ffff;

export interface JournalRecord { seq: number; kind: number; payload: Uint8Array }

function header(nextSeq: number): Uint8Array {
  const b = new Uint8Array(HEADER);
  const v = new DataView(b.buffer);
  v.setUint32(0, MAGIC, true);
  v.setFloat64(4, nextSeq, true);
  return b;
}

function checksum(b: Uint8Array, off: number, len: number): number {
  return crc32(b.subarray(off + 8, off + REC_HEAD + len), crc32(b.subarray(off, off + 4))) >>> 0;
}

function writeAll(fd: number, b: Uint8Array, pos: number): void {
  let done = 0;
  while (done < b.length) done += writeSync(fd, b, done, b.length - done, pos + done);
}

export class Journal {
  readonly path: string;
  /** The valid records found when the journal was opened, in seq order. */
  readonly records: JournalRecord[];
  #fd: number;
  #size: number;
  #nextSeq: number;
  /** seq and file offset of every record in the current file (for rotation). */
  #index: { seq: number; off: number }[] = [];
  #closed = false;

  private constructor(path: string, fd: number, size: number, nextSeq: number, records: JournalRecord[], index: { seq: number; off: number }[]) {
    this.path = path;
    this.#fd = fd;
    this.#size = size;
    this.#nextSeq = nextSeq;
    this.records = records;
    this.#index = index;
  }

  /**
   * Opens (creating directories and the file as needed) and replays the journal at `path`.
   * `minSeq`: the next append gets at least this seq (pass last-replicated + 1 so a lost or
   * fresh journal file never reuses seqs that are already stored elsewhere).
   */
  static open(path: string, opts: { minSeq?: number } = {}): Journal {
    mkdirSync(dirname(path), { recursive: true });
    rmSync(`${path}.tmp`, { force: true });
    const read = (): Uint8Array => { const b = readFileSync(path); return new Uint8Array(b.buffer, b.byteOffset, b.byteLength); };
    let buf = existsSync(path) ? read() : new Uint8Array(0);
    if (buf.length < HEADER) {
      // Absent, or empty (never written past creation): start a new file atomically.
      writeFileSync(`${path}.tmp`, header(Math.max(1, opts.minSeq ?? 1)));
      renameSync(`${path}.tmp`, path);
      buf = read();
    }
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw new Error(`journal ${path}: not an agentvm journal (bad magic)`);
    let nextSeq = view.getFloat64(4, true);
    if (!Number.isSafeInteger(nextSeq) || nextSeq < 1) throw new Error(`journal ${path}: corrupt header`);
    const records: JournalRecord[] = [];
    const index: { seq: number; off: number }[] = [];
    let off = HEADER;
    while (off + REC_HEAD <= buf.length) {
      const len = view.getUint32(off, true);
      if (len > MAX_PAYLOAD || off + REC_HEAD + len > buf.length) break;
      if (view.getUint32(off + 4, true) !== checksum(buf, off, len)) break;
      const seq = view.getFloat64(off + 8, true);
      if (!Number.isSafeInteger(seq) || seq < 1) break;
      records.push({ seq, kind: buf[off + 16]!, payload: buf.slice(off + REC_HEAD, off + REC_HEAD + len) });
      index.push({ seq, off });
      nextSeq = Math.max(nextSeq, seq + 1);
      off += REC_HEAD + len;
    }
    const fd = openSync(path, 'r+');
    if (off < buf.length) ftruncateSync(fd, off); // drop a torn / corrupt tail
    nextSeq = Math.max(nextSeq, opts.minSeq ?? 1);
    return new Journal(path, fd, off, nextSeq, records, index);
  }

  /** Bytes in the journal file. */
  get size(): number { return this.#size; }
  /** The seq the next append() returns. */
  get nextSeq(): number { return this.#nextSeq; }

  /** Appends one record with a synchronous write; returns its seq. */
  append(kind: number, payload: Uint8Array): number {
    if (this.#closed) throw new Error(`journal ${this.path} is closed`);
    if (!Number.isInteger(kind) || kind < 0 || kind > 255) throw new RangeError('journal record kind must be an integer 0..255');
    if (!(payload instanceof Uint8Array)) throw new TypeError('journal payload must be a Uint8Array');
    if (payload.length > MAX_PAYLOAD) throw new RangeError('journal payload too large');
    const seq = this.#nextSeq;
    const b = new Uint8Array(REC_HEAD + payload.length);
    const v = new DataView(b.buffer);
    v.setUint32(0, payload.length, true);
    v.setFloat64(8, seq, true);
    b[16] = kind;
    b.set(payload, REC_HEAD);
    v.setUint32(4, checksum(b, 0, payload.length), true);
    writeAll(this.#fd, b, this.#size);
    this.#index.push({ seq, off: this.#size });
    this.#size += b.length;
    this.#nextSeq = seq + 1;
    return seq;
  }

  /** Records with seq <= `seq` are stored elsewhere: drop them, keeping any later ones. */
  truncateThrough(seq: number): void {
    if (this.#closed) throw new Error(`journal ${this.path} is closed`);
    let i = 0;
    while (i < this.#index.length && this.#index[i]!.seq <= seq) i++;
    if (i === 0) return;
    if (i === this.#index.length) {
      // Nothing kept: record the next seq in the header first, then cut. A kill between the two
      // leaves old records behind, which are <= seq and skipped by whoever replays.
      writeAll(this.#fd, header(this.#nextSeq), 0);
      ftruncateSync(this.#fd, HEADER);
      this.#size = HEADER;
      this.#index = [];
      return;
    }
    const from = this.#index[i]!.off;
    const tail = new Uint8Array(this.#size - from);
    let got = 0;
    while (got < tail.length) {
      const n = readSync(this.#fd, tail, got, tail.length - got, from + got);
      if (n === 0) throw new Error(`journal ${this.path}: file shrank under us`);
      got += n;
    }
    const tmp = `${this.path}.tmp`;
    const out = new Uint8Array(HEADER + tail.length);
    out.set(header(this.#index[i]!.seq), 0);
    out.set(tail, HEADER);
    writeFileSync(tmp, out);
    renameSync(tmp, this.path);
    closeSync(this.#fd);
    this.#fd = openSync(this.path, 'r+');
    this.#index = this.#index.slice(i).map((r) => ({ seq: r.seq, off: r.off - from + HEADER }));
    this.#size = fstatSync(this.#fd).size;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
  }
}
