// TerminalLog: the session's PTY output, shared through the session's Y.Doc.
//
// Doc layout (owned by this file):
//   doc.getArray<string>('terminal')  output chunks, in order. Bytes are decoded with one streaming
//                                     TextDecoder, so a UTF-8 character split across PTY reads is never
//                                     broken. Replaying all chunks, in order, into an xterm of size
//                                     cols x rows reproduces the terminal.
//   doc.getMap('terminalMeta')        epoch  number, bumped by every compaction (the array was replaced
//                                            by one snapshot chunk; a client already in sync may keep its
//                                            screen and continue from the new last index, or reset and replay)
//                                     cols, rows  the PTY's (driver's) size; every chunk in the array was
//                                            produced at this size: resize() compacts in the same transaction,
//                                            so a late joiner replaying at cols x rows is exact
//                                     bytes  UTF-16 length of the array, written at construction, compaction,
//                                            resize, restore and dispose only. It is NOT written per flush: a map
//                                            write leaves a ~20-byte tombstone that never merges (measured: 100k
//                                            1-char flushes -> 2.2 MB doc with per-flush writes, 104 KB without),
//                                            whereas consecutive array chunks merge into one struct, deleted or not.
//                                            Live value: TerminalLog.chars (or the sum of chunk lengths).
//
// Boundedness: when the array holds more than retainChars (and more than twice the last snapshot, so a big
// snapshot cannot make every flush compact) or more than maxChunks chunks, compact() replaces it by one
// snapshot chunk. The chunk bound matters: consecutive appends merge into one Yjs item whose ContentAny
// concatenates its array on every merge, so an append costs O(chunks): measured ~10-40 us/append below ~14k
// chunks, then a cliff to ~1.2 ms/append at 20k+ (on every peer applying the updates, too). With doc.gc on
// (the default) deleted chunks shrink to one tombstone run, so the encoded doc stays ~ live chars (<= 3 bytes
// per 1-char chunk) + ~27 bytes per compaction (measured: 5 MB of seq, retainChars 64 KiB: peak 68 KB). Writes to the same doc by the same client between flushes
// break the merging (one tombstone each).
//
// snapshot() is synchronous: @xterm/headless's public write() parses on a timer, so we use its internal
// _core.writeSync() (parses immediately; only async parser hooks, which we never register, make it unreliable).
// Measured (Node 24, xterm 6.0): a snapshot of 256 KiB of `seq` or coloured lines takes ~40-45 ms;
// no terminal is kept alive between snapshots, so an idle session costs one TextDecoder.
import type * as Y from 'yjs';
import xtermHeadless from '@xterm/headless';
import { SerializeAddon } from '@xterm/addon-serialize';

const { Terminal } = xtermHeadless;

export interface TerminalLogOptions {
  cols?: number; rows?: number;        // initial size (80x24)
  flushMs?: number;                    // batching window, default 16
  retainChars?: number;                // when the array holds more than this many chars, compact; default 256 * 1024
  scrollback?: number;                 // lines of scrollback kept in a compaction snapshot, default 1000
  origin?: unknown;                    // transaction origin used for every doc change (default: the TerminalLog itself)
  maxChunks?: number;                  // also compact when the array holds more chunks than this; default 4096
}

type SyncCore = { writeSync?: (data: string) => void };

/** A flush this large means output is flooding: batch it per flushMs instead of per timer turn. */
const FLOOD_CHARS = 512;

export class TerminalLog {
  readonly #doc: Y.Doc;
  readonly #arr: Y.Array<string>;
  readonly #meta: Y.Map<unknown>;
  readonly #origin: unknown;
  readonly #flushMs: number;
  readonly #retain: number;
  readonly #scrollback: number;
  readonly #maxChunks: number;
  readonly #decoder = new TextDecoder('utf-8');
  #cols: number;
  #rows: number;
  #pending: string[] = [];
  #pendingLen = 0;
  #chars = 0;
  #base = 0;                // length of the last snapshot chunk (anti-thrash)
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastFlushLen = 0;        // size of the last flush: small ones (echo) keep the window at one timer turn
  #compactSoon: ReturnType<typeof setImmediate> | null = null;
  #disposed = false;

  constructor(doc: Y.Doc, opts: TerminalLogOptions = {}) {
    this.#doc = doc;
    this.#arr = doc.getArray<string>('terminal');
    this.#meta = doc.getMap('terminalMeta');
    this.#origin = opts.origin === undefined ? this : opts.origin;
    this.#flushMs = opts.flushMs ?? 16;
    this.#retain = opts.retainChars ?? 256 * 1024;
    this.#scrollback = opts.scrollback ?? 1000;
    this.#maxChunks = opts.maxChunks ?? 4096;
    this.#cols = opts.cols ?? num(this.#meta.get('cols')) ?? 80;
    this.#rows = opts.rows ?? num(this.#meta.get('rows')) ?? 24;
    checkSize(this.#cols, this.#rows);
    this.#recount();
    this.#syncMeta({ epoch: num(this.#meta.get('epoch')) ?? 0, cols: this.#cols, rows: this.#rows, bytes: this.#chars });
  }

  /** Chars (UTF-16 units) currently in the array; pending output is not counted. */
  get chars(): number { return this.#chars; }

  /** PTY output. Leading edge: appended synchronously when idle; then coalesced for flushMs (trailing edge). */
  write(data: Uint8Array | string): void {
    if (this.#disposed) return;
    const text = typeof data === 'string' ? data : this.#decoder.decode(data, { stream: true });
    if (text === '') return;
    this.#pending.push(text);
    this.#pendingLen += text.length;
    if (this.#timer === null) {
      this.flush();
      this.#arm();
    }
  }

  /** Appends anything pending now, as one chunk. */
  flush(): void {
    if (this.#pendingLen === 0) return;
    const text = this.#take();
    this.#lastFlushLen = text.length;
    this.#doc.transact(() => this.#arr.push([text]), this.#origin);
    this.#chars += text.length;
    if (this.#compactSoon === null && this.#overfull()) {
      this.#compactSoon = setImmediate(() => {
        this.#compactSoon = null;
        this.compact();
      });
    }
  }

  /** Updates terminalMeta and re-renders the array at the new size (a snapshot: <= ~45 ms), in one transaction. */
  resize(cols: number, rows: number): void {
    if (this.#disposed) return;
    checkSize(cols, rows);
    if (cols === this.#cols && rows === this.#rows) return;
    const tail = this.#take();
    const snap = this.#arr.length > 0 || tail !== '' ? this.#render(tail, cols, rows) : null;
    this.#cols = cols;
    this.#rows = rows;
    this.#doc.transact(() => {
      if (snap !== null) this.#replace(snap);
      this.#meta.set('cols', cols);
      this.#meta.set('rows', rows);
    }, this.#origin);
  }

  /** Escape sequences reproducing the current screen (+ up to `scrollback` lines) in a fresh cols x rows xterm. */
  snapshot(): string {
    return this.#render(this.#pending.join(''));
  }

  /** In one transaction: the array becomes [snapshot] (pending output included), epoch++, bytes updated. */
  compact(): void {
    if (this.#disposed) return;
    if (this.#compactSoon !== null) { clearImmediate(this.#compactSoon); this.#compactSoon = null; }
    const snap = this.#render(this.#take());
    this.#doc.transact(() => this.#replace(snap), this.#origin);
  }

  /** After the doc was loaded from storage: recount chars, adopt the stored size, fix meta.bytes. */
  restore(): void {
    this.#cols = num(this.#meta.get('cols')) ?? this.#cols;
    this.#rows = num(this.#meta.get('rows')) ?? this.#rows;
    this.#recount();
    this.#syncMeta({ epoch: num(this.#meta.get('epoch')) ?? 0, cols: this.#cols, rows: this.#rows, bytes: this.#chars });
    if (this.#overfull() && !this.#disposed) this.compact();
  }

  /** Flushes, stops timers; later writes are ignored. */
  dispose(): void {
    if (this.#disposed) return;
    if (this.#timer !== null) { clearTimeout(this.#timer); this.#timer = null; }
    if (this.#compactSoon !== null) { clearImmediate(this.#compactSoon); this.#compactSoon = null; }
    const text = this.#take();
    this.#disposed = true;
    this.#chars += text.length;
    const bytes = this.#chars;
    if (text === '' && this.#meta.get('bytes') === bytes) return;
    this.#doc.transact(() => {
      if (text !== '') this.#arr.push([text]);
      this.#meta.set('bytes', bytes);
    }, this.#origin);
  }

  #overfull(): boolean {
    return this.#chars > Math.max(this.#retain, 2 * this.#base) || this.#arr.length > this.#maxChunks;
  }

  /** Trailing edge: the next turn while output is a trickle (typing echo), flushMs once it floods. */
  #arm(): void {
    const flood = this.#lastFlushLen >= FLOOD_CHARS;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#pendingLen === 0) return; // idle again: the next write goes straight through
      this.flush();
      this.#arm();
    }, flood ? this.#flushMs : 0);
  }

  #take(): string {
    const text = this.#pending.length === 1 ? this.#pending[0]! : this.#pending.join('');
    this.#pending = [];
    this.#pendingLen = 0;
    return text;
  }

  /** Must run inside a transaction. Meta first and the snapshot appended after the deleted chunks, so the
   *  snapshot and the chunks that follow it are clock-contiguous and later merge into one tombstone run. */
  #replace(snap: string): void {
    this.#meta.set('epoch', (num(this.#meta.get('epoch')) ?? 0) + 1);
    this.#meta.set('bytes', snap.length);
    this.#arr.delete(0, this.#arr.length);
    if (snap !== '') this.#arr.push([snap]);
    this.#chars = this.#base = snap.length;
  }

  /** Replays the array (+ tail) at the current size into a throw-away headless xterm, optionally resizes it, serializes. */
  #render(tail: string, toCols = this.#cols, toRows = this.#rows): string {
    const term = new Terminal({ cols: this.#cols, rows: this.#rows, scrollback: this.#scrollback, allowProposedApi: true, logLevel: 'off' });
    try {
      const ser = new SerializeAddon();
      term.loadAddon(ser);
      const core = (term as unknown as { _core?: SyncCore })._core;
      const writeSync = core?.writeSync;
      if (typeof writeSync !== 'function') throw new Error('TerminalLog: this @xterm/headless has no _core.writeSync; snapshot() cannot be synchronous');
      this.#arr.forEach((chunk) => writeSync.call(core, chunk));
      if (tail !== '') writeSync.call(core, tail);
      if (toCols !== this.#cols || toRows !== this.#rows) term.resize(toCols, toRows);
      return ser.serialize({ scrollback: this.#scrollback });
    } finally {
      term.dispose();
    }
  }

  #recount(): void {
    let n = 0;
    this.#arr.forEach((chunk) => { n += chunk.length; });
    this.#chars = n;
    // After a compaction the first chunk is the snapshot.
    this.#base = (num(this.#meta.get('epoch')) ?? 0) > 0 && this.#arr.length > 0 ? this.#arr.get(0).length : 0;
  }

  #syncMeta(want: Record<string, number>): void {
    const diff = Object.entries(want).filter(([k, v]) => this.#meta.get(k) !== v);
    if (diff.length === 0) return;
    this.#doc.transact(() => { for (const [k, v] of diff) this.#meta.set(k, v); }, this.#origin);
  }
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function checkSize(cols: number, rows: number): void {
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 1 || rows < 1) {
    throw new RangeError(`TerminalLog: bad terminal size ${cols}x${rows}`);
  }
}
