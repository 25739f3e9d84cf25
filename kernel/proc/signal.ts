// Signal numbers' default actions (Linux, signal(7)) and a process's dispositions.

import { kerr } from '../errno.ts';
import { Signal, type SignalDisposition } from '../types.ts';

export const NSIG = 64;

export type DefaultAction = 'term' | 'core' | 'ignore' | 'stop' | 'cont';

/** signal(7): the action taken when the disposition is 'default'. Real-time signals terminate. */
export function defaultAction(sig: number): DefaultAction {
  switch (sig) {
    case Signal.SIGCHLD: case Signal.SIGURG: case Signal.SIGWINCH: return 'ignore';
    case Signal.SIGCONT: return 'cont';
    case Signal.SIGSTOP: case Signal.SIGTSTP: case Signal.SIGTTIN: case Signal.SIGTTOU: return 'stop';
    case Signal.SIGQUIT: case Signal.SIGILL: case Signal.SIGTRAP: case Signal.SIGABRT: case Signal.SIGBUS:
    case Signal.SIGFPE: case Signal.SIGSEGV: case Signal.SIGXCPU: case Signal.SIGXFSZ: case Signal.SIGSYS:
      return 'core';
    default: return 'term';
  }
}

const names: Record<number, string> = {};
for (const [k, v] of Object.entries(Signal)) names[v] = k;

/** 'SIGINT' for 2; 'SIG<n>' for numbers without a name. */
export function signalName(sig: number): string {
  return names[sig] ?? `SIG${sig}`;
}

export function checkSignal(sig: number, syscall: string): void {
  if (!Number.isInteger(sig) || sig < 0 || sig > NSIG) throw kerr('EINVAL', syscall);
}

const DISP_DEFAULT = 0;
const DISP_IGNORE = 1;
const DISP_CATCH = 2;
const dispNames: SignalDisposition[] = ['default', 'ignore', 'catch'];

/**
 * Per-process dispositions. Allocated lazily: a process that never changes one costs nothing.
 * SIGKILL and SIGSTOP cannot be caught or ignored (EINVAL, as sigaction(2)).
 */
export class SignalDispositions {
  #disp: Uint8Array | null = null;

  get(sig: number): SignalDisposition {
    return dispNames[this.#disp?.[sig] ?? DISP_DEFAULT]!;
  }

  set(sig: number, d: SignalDisposition): void {
    if (!Number.isInteger(sig) || sig < 1 || sig > NSIG) throw kerr('EINVAL', 'sigaction');
    if ((sig === Signal.SIGKILL || sig === Signal.SIGSTOP) && d !== 'default') throw kerr('EINVAL', 'sigaction');
    const v = d === 'ignore' ? DISP_IGNORE : d === 'catch' ? DISP_CATCH : d === 'default' ? DISP_DEFAULT : -1;
    if (v < 0) throw kerr('EINVAL', 'sigaction', undefined, `bad disposition '${String(d)}'`);
    if (v === DISP_DEFAULT && !this.#disp) return;
    (this.#disp ??= new Uint8Array(NSIG + 1))[sig] = v;
  }

  /** fork: the child gets a copy. */
  copyFrom(other: SignalDispositions): void {
    this.#disp = other.#disp ? other.#disp.slice() : null;
  }

  /** execve: caught signals go back to default, ignored ones stay ignored. */
  resetCaught(): void {
    const d = this.#disp;
    if (!d) return;
    for (let i = 0; i < d.length; i++) if (d[i] === DISP_CATCH) d[i] = DISP_DEFAULT;
  }

  /** Bit masks for /proc/<pid>/status (SigIgn, SigCgt) as 16 hex digits. */
  masks(): { ignored: string; caught: string } {
    let ign = 0n;
    let cgt = 0n;
    const d = this.#disp;
    if (d) {
      for (let i = 1; i < d.length; i++) {
        if (d[i] === DISP_IGNORE) ign |= 1n << BigInt(i - 1);
        else if (d[i] === DISP_CATCH) cgt |= 1n << BigInt(i - 1);
      }
    }
    return { ignored: ign.toString(16).padStart(16, '0'), caught: cgt.toString(16).padStart(16, '0') };
  }
}
