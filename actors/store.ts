// SessionStore: a session's durable state (Y.Doc updates, VM file records, small meta strings)
// over the actor's asynchronous SQLite plus a local synchronous journal (journal.ts).
//
// Every change is first appended to the journal (one write(2), ~µs: survives kill -9, not a host
// power loss) and queued; a background replicator copies the queue into SQLite every
// `replicateMs` in one transaction that also stores the last replicated seq, then drops those
// records from the journal. open() loads SQLite and replays journal records newer than that seq.
// Replication is at-least-once: a failed or doubtful transaction is retried with the same records
// (file and meta rows are upserts; a doc update stored twice is harmless to Yjs).

import { Journal } from './journal.ts';
import { decodeFileRecord, encodeFileRecord, mergeFileRecords, type FileRecord } from './filesync.ts';

export interface SqlDb {
  execute(sql: string, ...args: unknown[]): Promise<Record<string, unknown>[]>;
  /** Optional (RivetKit's db has it): run `fn` in one transaction; used instead of BEGIN/COMMIT. */
  transaction?<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T>;
}
export interface LoadedSession { docUpdates: Uint8Array[]; files: FileRecord[]; meta: Record<string, string> }

type Pending =
  | { seq: number; kind: 'doc'; data: Uint8Array }
  | { seq: number; kind: 'files'; records: FileRecord[] }
  | { seq: number; kind: 'meta'; key: string; value: string };

const K_DOC = 1, K_FILES = 2, K_META = 3;
const SEQ_KEY = 'agentvm.replicatedSeq';
const enc = new TextEncoder();
const dec = new TextDecoder();

const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, type TEXT NOT NULL, mode INTEGER NOT NULL, uid INTEGER NOT NULL, gid INTEGER NOT NULL, mtime REAL NOT NULL, data BLOB, target TEXT)',
  'CREATE TABLE IF NOT EXISTS doc_updates (id INTEGER PRIMARY KEY, data BLOB NOT NULL)',
  'CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
];

/** A BLOB as a plain Uint8Array, whatever the driver returned (Buffer, ArrayBuffer, view, number[]). */
function bytes(v: unknown): Uint8Array | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Uint8Array) return Object.getPrototypeOf(v) === Uint8Array.prototype ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (Array.isArray(v)) return Uint8Array.from(v as number[]);
  throw new TypeError(`SessionStore: expected a BLOB, got ${typeof v}`);
}

function encodeFiles(records: FileRecord[]): Uint8Array {
  const parts = records.map(encodeFileRecord);
  const out = new Uint8Array(4 + parts.reduce((n, p) => n + 4 + p.length, 0));
  const v = new DataView(out.buffer);
  v.setUint32(0, parts.length, true);
  let o = 4;
  for (const p of parts) { v.setUint32(o, p.length, true); out.set(p, o + 4); o += 4 + p.length; }
  return out;
}
function decodeFiles(b: Uint8Array): FileRecord[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const n = v.getUint32(0, true);
  const out: FileRecord[] = [];
  for (let i = 0, o = 4; i < n; i++) {
    const len = v.getUint32(o, true);
    out.push(decodeFileRecord(b.subarray(o + 4, o + 4 + len)));
    o += 4 + len;
  }
  return out;
}
function encodeMeta(key: string, value: string): Uint8Array {
  const k = enc.encode(key), val = enc.encode(value);
  const out = new Uint8Array(4 + k.length + val.length);
  new DataView(out.buffer).setUint32(0, k.length, true);
  out.set(k, 4); out.set(val, 4 + k.length);
  return out;
}

/** Statements with one `(?,…)` group per row, `per` rows at a time. */
function multiRow(head: string, width: number, rows: unknown[][], per: number): { sql: string; args: unknown[] }[] {
  const out: { sql: string; args: unknown[] }[] = [];
  const group = `(${new Array(width).fill('?').join(',')})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    out.push({ sql: `${head} VALUES ${chunk.map(() => group).join(',')}`, args: chunk.flat() });
  }
  return out;
}

export class SessionStore {
  readonly #db: SqlDb;
  readonly #journal: Journal;
  readonly #compactAfter: number;
  #pending: Pending[];
  #replicatedSeq: number;
  #docRows: number;
  #compactor: (() => Uint8Array) | null = null;
  #chain: Promise<void> = Promise.resolve();
  #timer: ReturnType<typeof setInterval>;
  #closing: Promise<void> | null = null;
  #complained = false;
  #journalClosed = false;

  private constructor(db: SqlDb, journal: Journal, pending: Pending[], replicatedSeq: number, docRows: number, replicateMs: number, compactAfter: number) {
    this.#db = db; this.#journal = journal; this.#pending = pending;
    this.#replicatedSeq = replicatedSeq; this.#docRows = docRows; this.#compactAfter = compactAfter;
    this.#timer = setInterval(() => {
      if (this.#pending.length > 0) this.replicate().catch(() => { /* logged in #once */ });
    }, replicateMs);
    this.#timer.unref?.();
  }

  static async open(opts: { db: SqlDb; journalPath: string; replicateMs?: number; compactDocAfter?: number }): Promise<{ store: SessionStore; loaded: LoadedSession }> {
    const db = opts.db;
    for (const sql of SCHEMA) await db.execute(sql);
    const meta: Record<string, string> = {};
    let replicatedSeq = 0;
    for (const row of await db.execute('SELECT key, value FROM meta')) {
      if (row.key === SEQ_KEY) replicatedSeq = Number(row.value);
      else meta[String(row.key)] = String(row.value);
    }
    const files = new Map<string, FileRecord>();
    mergeFileRecords(files, (await db.execute('SELECT path, type, mode, uid, gid, mtime, data, target FROM files')).map((r) => {
      const rec: FileRecord = {
        path: String(r.path), type: String(r.type) as FileRecord['type'],
        mode: Number(r.mode), uid: Number(r.uid), gid: Number(r.gid), mtimeMs: Number(r.mtime),
      };
      const data = bytes(r.data);
      if (data !== undefined) rec.data = data;
      if (r.target !== null && r.target !== undefined) rec.target = String(r.target);
      return rec;
    }));
    const docUpdates = (await db.execute('SELECT data FROM doc_updates ORDER BY id')).map((r) => bytes(r.data)!);
    const docRows = docUpdates.length;

    const journal = Journal.open(opts.journalPath, { minSeq: replicatedSeq + 1 });
    const pending: Pending[] = [];
    for (const { seq, kind, payload } of journal.records) {
      if (seq <= replicatedSeq) continue;
      if (kind === K_DOC) { pending.push({ seq, kind: 'doc', data: payload }); docUpdates.push(payload); }
      else if (kind === K_FILES) { const records = decodeFiles(payload); pending.push({ seq, kind: 'files', records }); mergeFileRecords(files, records); }
      else if (kind === K_META) {
        const kl = new DataView(payload.buffer, payload.byteOffset).getUint32(0, true);
        const key = dec.decode(payload.subarray(4, 4 + kl)), value = dec.decode(payload.subarray(4 + kl));
        pending.push({ seq, kind: 'meta', key, value }); meta[key] = value;
      } else throw new Error(`SessionStore: journal ${opts.journalPath} has a record of unknown kind ${kind} (seq ${seq})`);
    }
    const store = new SessionStore(db, journal, pending, replicatedSeq, docRows, opts.replicateMs ?? 50, opts.compactDocAfter ?? 500);
    const sorted = [...files.keys()].sort().map((p) => files.get(p)!);
    return { store, loaded: { docUpdates, files: sorted, meta } };
  }

  #append(kind: number, payload: Uint8Array): number {
    if (this.#closing) throw new Error('SessionStore is closed');
    return this.#journal.append(kind, payload);
  }

  appendDocUpdate(update: Uint8Array): void {
    const data = update.slice();
    this.#pending.push({ seq: this.#append(K_DOC, data), kind: 'doc', data });
  }

  putFiles(records: FileRecord[]): void {
    if (records.length === 0) return;
    const payload = encodeFiles(records);
    this.#pending.push({ seq: this.#append(K_FILES, payload), kind: 'files', records: decodeFiles(payload) });
  }

  setMeta(key: string, value: string): void {
    if (typeof key !== 'string' || typeof value !== 'string') throw new TypeError('setMeta(key, value): strings only');
    if (key === SEQ_KEY) throw new Error(`meta key ${SEQ_KEY} is reserved`);
    this.#pending.push({ seq: this.#append(K_META, encodeMeta(key, value)), kind: 'meta', key, value });
  }

  /** fn returns the doc's full state, which must include every update appended so far. */
  setDocCompactor(fn: () => Uint8Array): void { this.#compactor = fn; }

  /** Copies every queued record into SQLite (one transaction), then drops them from the journal. */
  replicate(): Promise<void> {
    const run = this.#chain.then(() => this.#once());
    this.#chain = run.catch(() => {});
    return run;
  }

  async #once(): Promise<void> {
    const n = this.#pending.length;
    if (n === 0) return;
    const batch = this.#pending.slice(0, n);
    const lastSeq = batch[n - 1]!.seq;
    const files = new Map<string, FileRecord>();
    const wiped = new Set<string>();
    const docs: Uint8Array[] = [];
    const meta = new Map<string, string>();
    for (const p of batch) {
      if (p.kind === 'doc') docs.push(p.data);
      else if (p.kind === 'files') mergeFileRecords(files, p.records, wiped);
      else meta.set(p.key, p.value);
    }
    meta.set(SEQ_KEY, String(lastSeq));
    const stmts: { sql: string; args: unknown[] }[] = [];
    const roots = [...wiped].filter((p) => p !== '/');
    for (let i = 0; i < roots.length; i += 200) {
      const chunk = roots.slice(i, i + 200);
      stmts.push({
        sql: `DELETE FROM files WHERE ${chunk.map(() => '(path >= ? AND path < ?)').join(' OR ')}`,
        args: chunk.flatMap((p) => [`${p}/`, `${p}0`]), // '0' follows '/': exactly the paths below p
      });
    }
    stmts.push(...multiRow('INSERT OR REPLACE INTO files (path, type, mode, uid, gid, mtime, data, target)', 8,
      [...files.values()].map((r) => [r.path, r.type, r.mode, r.uid, r.gid, r.mtimeMs, r.data ?? null, r.target ?? null]), 100));
    let docRows = this.#docRows + docs.length;
    if (this.#compactor !== null && docRows > this.#compactAfter) {
      stmts.push({ sql: 'DELETE FROM doc_updates', args: [] });
      stmts.push({ sql: 'INSERT INTO doc_updates (data) VALUES (?)', args: [this.#compactor().slice()] });
      docRows = 1;
    } else {
      stmts.push(...multiRow('INSERT INTO doc_updates (data)', 1, docs.map((d) => [d]), 500));
    }
    stmts.push(...multiRow('INSERT OR REPLACE INTO meta (key, value)', 2, [...meta].map(([k, v]) => [k, v]), 400));
    try {
      await this.#transaction(stmts);
    } catch (e) {
      if (!this.#complained) {
        this.#complained = true;
        console.error(`agentvm store: replication to SQLite failed; ${this.#pending.length} record(s) stay queued in the journal and are retried:`, e);
      }
      throw e;
    }
    this.#complained = false;
    this.#pending.splice(0, n);
    this.#replicatedSeq = lastSeq;
    this.#docRows = docRows;
    if (!this.#journalClosed) this.#journal.truncateThrough(lastSeq);
  }

  async #transaction(stmts: { sql: string; args: unknown[] }[]): Promise<void> {
    const db = this.#db;
    if (typeof db.transaction === 'function') {
      await db.transaction(async (tx) => { for (const s of stmts) await tx.execute(s.sql, ...s.args); });
      return;
    }
    await db.execute('BEGIN');
    try {
      for (const s of stmts) await db.execute(s.sql, ...s.args);
      await db.execute('COMMIT');
    } catch (e) {
      try { await db.execute('ROLLBACK'); } catch { /* no transaction left to roll back */ }
      throw e;
    }
  }

  /** Replicates what is queued, stops the timer and closes the journal. If that last replication
   *  fails the records are still in the journal (replayed by the next open) and this rejects. */
  close(): Promise<void> {
    return (this.#closing ??= (async () => {
      clearInterval(this.#timer);
      try { await this.replicate(); } finally { this.#journal.close(); this.#journalClosed = true; }
    })());
  }

  stats(): { journalBytes: number; pending: number; replicatedSeq: number } {
    return { journalBytes: this.#journal.size, pending: this.#pending.length, replicatedSeq: this.#replicatedSeq };
  }
}
