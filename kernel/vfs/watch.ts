// Change notification for one VM filesystem (Vfs.watch): an ordered queue of VfsEvents delivered
// to the listeners in a microtask. The VFS allocates one of these on the first watch() and drops
// it when the last listener leaves, so an unwatched VM carries nothing but a null field.
//
// Writes through open file descriptions are coalesced: the first write to a file (key: inode
// number, or the path for host files) since the last delivery queues one 'modify' at that point
// of the sequence; later writes to it fold into that event until the queue is delivered or a
// 'rename' / 'delete' is queued (after which the file may have another name). The listeners run
// after the writer's synchronous burst, so they see the data complete.
//
// /proc and /dev never emit: events whose path lies below them are dropped (a rename between
// them and the rest of the tree becomes a plain 'create' / 'delete' of the visible side).

import type { VfsEvent, VfsListener } from '../types.ts';

/** What a description reports its writes to; `key` identifies the file for coalescing. */
export interface WriteWatch {
  written(file: { readonly path: string }, key: number | string): void;
}

/** Holder of the (usually null) watch of a VM's files: the MemStore, for host files too. */
export interface WatchPoint {
  watch: WriteWatch | null;
}

type Kind = VfsEvent['kind'];

function hidden(path: string): boolean {
  return (path.startsWith('/proc') && (path.length === 5 || path.charCodeAt(5) === 47)) ||
    (path.startsWith('/dev') && (path.length === 4 || path.charCodeAt(4) === 47));
}

export class VfsWatch implements WriteWatch {
  readonly listeners = new Set<VfsListener>();
  /** Canonical paths of directories by inode number, valid while the resolver's gen is dirGen. */
  readonly dirPaths = new Map<number, string>();
  dirGen = -1;
  readonly #locate: (file: { readonly path: string }, key: number | string) => string | null;
  #queue: VfsEvent[] = [];
  #pending: Set<number | string> | null = null;
  #scheduled = false;

  /** locate: the canonical path a written file currently has, or null (no event). */
  constructor(locate: (file: { readonly path: string }, key: number | string) => string | null) {
    this.#locate = locate;
  }

  emit(type: 'create' | 'delete' | 'attrib', path: string | null, kind: Kind): void {
    if (path === null || hidden(path)) return;
    if (type === 'delete') this.#pending?.clear();
    this.#push({ type, path, kind });
  }

  rename(oldPath: string | null, path: string | null, kind: Kind): void {
    this.#pending?.clear();
    const from = oldPath !== null && !hidden(oldPath);
    const to = path !== null && !hidden(path);
    if (from && to) this.#push({ type: 'rename', path: path!, oldPath: oldPath!, kind });
    else if (from) this.#push({ type: 'delete', path: oldPath!, kind });
    else if (to) this.#push({ type: 'create', path: path!, kind });
  }

  /** A file's contents changed (truncate, O_TRUNC) at a known path. */
  modified(key: number | string, path: string | null): void {
    const p = (this.#pending ??= new Set());
    if (p.has(key)) return;
    if (path === null || hidden(path)) return;
    p.add(key);
    this.#push({ type: 'modify', path, kind: 'file' });
  }

  written(file: { readonly path: string }, key: number | string): void {
    const p = (this.#pending ??= new Set());
    if (p.has(key)) return;
    p.add(key);
    const path = this.#locate(file, key);
    if (path !== null && !hidden(path)) this.#push({ type: 'modify', path, kind: 'file' });
  }

  #push(ev: VfsEvent): void {
    this.#queue.push(Object.freeze(ev));
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(this.#flush);
    }
  }

  readonly #flush = (): void => {
    const q = this.#queue;
    this.#queue = [];
    this.#pending = null;
    this.#scheduled = false;
    for (const ev of q) {
      for (const l of this.listeners) {
        // A throwing listener is the embedder's bug: it must not stop the others or crash the
        // host process (a server holds many VMs), so it is reported and delivery goes on.
        try { l(ev); } catch (e) { console.error('agentvm: a vfs.watch listener threw:', e); }
      }
    }
  };
}
