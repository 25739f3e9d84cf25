// The session's event log: `doc.getArray('events')`, append-only, ordered, each event with an id
// that grows by one. A client that joins late or reconnects replays the array (Yjs sync gives it
// exactly what it lacks). Retention: the doc keeps the newest `maxEvents`; when it holds more,
// the oldest quarter is dropped in one transaction (ids stay monotonic, so a client that sees a
// first id above 1 knows older events were dropped).

import type * as Y from 'yjs';

export interface SessionEvent {
  id: number;
  /** ms since epoch */
  ts: number;
  /** e.g. 'command.started', 'command.exited', 'control.granted', 'files.changed' */
  type: string;
  /** who caused it: a grant's name and id (absent for the system) */
  by?: { name: string; id: string };
  [key: string]: unknown;
}

export class EventLog {
  readonly #doc: Y.Doc;
  readonly #arr: Y.Array<SessionEvent>;
  readonly #origin: unknown;
  readonly #maxEvents: number;
  #next: number;
  readonly #listeners = new Set<(ev: SessionEvent) => void>();

  constructor(doc: Y.Doc, opts: { origin?: unknown; maxEvents?: number } = {}) {
    this.#doc = doc;
    this.#arr = doc.getArray<SessionEvent>('events');
    this.#origin = opts.origin ?? this;
    this.#maxEvents = opts.maxEvents ?? 10_000;
    const last = this.#arr.length > 0 ? this.#arr.get(this.#arr.length - 1) : undefined;
    this.#next = last ? last.id + 1 : 1;
  }

  /** Appends one event and returns it (with its id and timestamp). */
  append(type: string, data: Record<string, unknown> = {}, by?: { name: string; id: string }): SessionEvent {
    const ev: SessionEvent = { ...data, id: this.#next++, ts: Date.now(), type };
    if (by) ev.by = { name: by.name, id: by.id };
    this.#doc.transact(() => {
      this.#arr.push([ev]);
      if (this.#arr.length > this.#maxEvents) this.#arr.delete(0, Math.ceil(this.#maxEvents / 4));
    }, this.#origin);
    for (const l of this.#listeners) {
      try { l(ev); } catch (e) { console.error('agentvm: event listener failed:', e); }
    }
    return ev;
  }

  /** Calls `listener` after each append (e.g. to broadcast over RivetKit connections). */
  onAppend(listener: (ev: SessionEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Events with id > after (all when omitted), oldest first, at most `limit`. */
  since(after = 0, limit = 1000): SessionEvent[] {
    const all = this.#arr.toArray();
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]!.id <= after) lo = mid + 1; else hi = mid;
    }
    return all.slice(lo, lo + limit);
  }

  get length(): number { return this.#arr.length; }
  get lastId(): number { return this.#next - 1; }
}
