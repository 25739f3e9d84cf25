// The sessions that live in this process (their actor woke here), so the Hono server can attach a
// socket straight to one instead of going through the engine's gateway, and VM forks waiting to
// be picked up by their new session's actor.

import type { SessionCore } from './core.ts';
import type { VM } from '../kernel/vm.ts';

const live = new Map<string, SessionCore>();
const waiters = new Map<string, Set<(core: SessionCore) => void>>();
const forks = new Map<string, { vm: VM; at: number }>();

/** A fork not picked up within this long is dropped (its session was never created here). */
const FORK_PICKUP_MS = 60_000;

export function registerLive(core: SessionCore): void {
  live.set(core.id, core);
  const w = waiters.get(core.id);
  if (w) { waiters.delete(core.id); for (const f of w) f(core); }
}

export function unregisterLive(core: SessionCore): void {
  if (live.get(core.id) === core) live.delete(core.id);
}

export function liveSession(id: string): SessionCore | undefined {
  const c = live.get(id);
  return c && !c.closed ? c : undefined;
}

export function liveSessions(): SessionCore[] { return [...live.values()].filter((c) => !c.closed); }

/** Resolves when the session is live here, or with undefined after `ms`. */
export function waitLive(id: string, ms: number): Promise<SessionCore | undefined> {
  const c = liveSession(id);
  if (c) return Promise.resolve(c);
  return new Promise((resolve) => {
    const set = waiters.get(id) ?? new Set();
    waiters.set(id, set);
    const done = (core: SessionCore | undefined) => { clearTimeout(t); set.delete(done); resolve(core); };
    const t = setTimeout(() => done(undefined), ms);
    set.add(done);
  });
}

export function offerFork(id: string, vm: VM): void {
  const now = Date.now();
  for (const [k, f] of forks) if (f.at + FORK_PICKUP_MS < now) { forks.delete(k); void f.vm.dispose(); }
  forks.set(id, { vm, at: now });
}

export function takeFork(id: string): VM | undefined {
  const f = forks.get(id);
  forks.delete(id);
  return f?.vm;
}
