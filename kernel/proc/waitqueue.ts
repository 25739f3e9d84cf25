// A queue of blocked callers (pipe readers, PTY writers, wait(2) callers). Waiters are woken all
// at once and re-check their condition; an AbortSignal removes a waiter and rejects it with the
// signal's reason, so a killed or interrupted process never leaves a waiter behind that could
// later consume data meant for someone else.

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

export class WaitQueue {
  #waiters: Waiter[] | null = null;

  get size(): number { return this.#waiters?.length ?? 0; }

  /** Resolves at the next wakeAll(); rejects with signal.reason if the signal aborts first. */
  wait(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        w.onAbort = () => {
          const list = this.#waiters;
          if (list) {
            const i = list.indexOf(w);
            if (i >= 0) list.splice(i, 1);
          }
          reject(signal.reason);
        };
        signal.addEventListener('abort', w.onAbort, { once: true });
      }
      (this.#waiters ??= []).push(w);
    });
  }

  /** Wakes every waiter (they re-check whatever they wait for). */
  wakeAll(): void {
    const list = this.#waiters;
    if (!list || list.length === 0) return;
    this.#waiters = null;
    for (const w of list) {
      if (w.onAbort) w.signal!.removeEventListener('abort', w.onAbort);
      w.resolve();
    }
  }
}
