// poll_oneoff: clock timeouts and fd readiness. Regular files (and anything without
// OpenFile.ready) are always ready; pipes and PTYs wait through ready(). The wait rejects with
// the process's end (proc.signal), so a killed process never stays parked here.

import { S_IFMT, S_IFREG } from '../../kernel/types.ts';
import * as W from './constants.ts';
import { errnoOf } from './errno.ts';
import type { SyscallContext } from './fs.ts';

const SUB_SIZE = 48;
const EVENT_SIZE = 32;

interface Event { userdata: bigint; error: number; type: number; nbytes: number }

/** Milliseconds until a clock subscription fires. */
function clockDelay(ctx: SyscallContext, id: number, timeout: bigint, flags: number): number {
  const t = Number(BigInt.asUintN(64, timeout)) / 1e6;
  if (!(flags & W.SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME)) return t;
  if (id === W.CLOCKID_REALTIME) return t - ctx.proc.kernel.now();
  return t - performance.now();
}

export function pollOneoff(ctx: SyscallContext, inPtr: number, outPtr: number, nsubs: number, neventsPtr: number): number | Promise<number> {
  const { proc, mem, fds } = ctx;
  if (nsubs === 0) return W.ERRNO_INVAL;
  const ready: Event[] = [];
  const waits: { ev: Event; file: NonNullable<ReturnType<typeof fds.file>>; kind: 'read' | 'write' }[] = [];
  let delay = Infinity;
  let clockEv: Event | null = null;
  for (let i = 0; i < nsubs; i++) {
    const p = inPtr + i * SUB_SIZE;
    const userdata = mem.u64(p);
    const tag = mem.dv.getUint8(p + 8);
    if (tag === W.EVENTTYPE_CLOCK) {
      const d = clockDelay(ctx, mem.u32(p + 16), mem.u64(p + 24), mem.dv.getUint16(p + 40, true));
      if (d < delay || clockEv === null) {
        delay = Math.min(d, delay);
        clockEv = { userdata, error: 0, type: W.EVENTTYPE_CLOCK, nbytes: 0 };
      }
      continue;
    }
    if (tag !== W.EVENTTYPE_FD_READ && tag !== W.EVENTTYPE_FD_WRITE) return W.ERRNO_INVAL;
    const ev: Event = { userdata, error: 0, type: tag, nbytes: 0 };
    const wfd = mem.u32(p + 16);
    if (fds.isPreopen(wfd)) { ready.push(ev); continue; }
    try {
      const file = fds.file(wfd, 'poll');
      if (!file.ready) {
        const st = file.stat();
        if ((st.mode & S_IFMT) === S_IFREG && tag === W.EVENTTYPE_FD_READ) ev.nbytes = Math.max(0, st.size - file.offset);
        ready.push(ev);
      } else {
        waits.push({ ev, file, kind: tag === W.EVENTTYPE_FD_READ ? 'read' : 'write' });
      }
    } catch (e) {
      const n = errnoOf(e);
      if (n === undefined) throw e;
      ev.error = n;
      ready.push(ev);
    }
  }
  const finish = (events: Event[]): number => {
    events.forEach((ev, i) => {
      const q = outPtr + i * EVENT_SIZE;
      mem.setU64(q, ev.userdata);
      mem.setU16(q + 8, ev.error);
      mem.setU8(q + 10, ev.type);
      mem.setU64(q + 16, ev.nbytes);
      mem.setU16(q + 24, 0);
    });
    mem.setU32(neventsPtr, events.length);
    return 0;
  };
  if (ready.length > 0) return finish(ready);
  if (clockEv && delay <= 0 && waits.length === 0) return finish([clockEv]);
  return wait(ctx, waits, clockEv ? Math.max(0, delay) : Infinity, clockEv).then(finish);
}

async function wait(ctx: SyscallContext, waits: { ev: Event; file: { ready?(k: 'read' | 'write', s?: AbortSignal): Promise<void> }; kind: 'read' | 'write' }[],
  delay: number, clockEv: Event | null): Promise<Event[]> {
  const { proc } = ctx;
  const done: Event[] = [];
  const ac = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      if (proc.signal.aborted) return reject(proc.signal.reason);
      onAbort = () => reject(proc.signal.reason);
      proc.signal.addEventListener('abort', onAbort, { once: true });
      for (const w of waits) {
        w.file.ready!(w.kind, ac.signal).then(() => { done.push(w.ev); resolve(); }, (e: unknown) => {
          if (ac.signal.aborted) return;
          const n = errnoOf(e);
          if (n === undefined) return reject(e);
          w.ev.error = n;
          done.push(w.ev);
          resolve();
        });
      }
      if (clockEv && delay !== Infinity) {
        // Node's timers may fire up to ~1 ms before performance.now() (the monotonic clock the
        // program reads) reaches the deadline: re-arm until it has, so a sleep is never short
        const deadline = performance.now() + delay;
        const arm = (ms: number) => {
          timer = setTimeout(() => {
            const left = deadline - performance.now();
            if (left > 0) arm(Math.ceil(left)); else { done.push(clockEv); resolve(); }
          }, ms);
        };
        arm(delay);
      }
    });
    // Let other subscriptions that became ready in the same turn report too.
    await Promise.resolve();
    await Promise.resolve();
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    if (onAbort) proc.signal.removeEventListener('abort', onAbort);
    ac.abort();
  }
  return done.slice();
}
