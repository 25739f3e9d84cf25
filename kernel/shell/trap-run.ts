// Delivering traps: caught signals queued by proc.onSignal run between commands, ERR/DEBUG/RETURN
// from the interpreter, EXIT once when the shell ends; `trap` changes the process's disposition.

import type { Interp } from './interp.ts';
import { KernelError } from '../errno.ts';
import { Signal } from '../types.ts';
import { AbortCommand, BreakLoop, ContinueLoop, ExitShell, ReturnFromFunction } from './control.ts';
import { parseSignal, signalName } from './trap.ts';

/** Signals whose default action ends the shell: with an EXIT trap, bash catches them to run it first. */
const TERMINATING = [
  Signal.SIGHUP, Signal.SIGINT, Signal.SIGQUIT, Signal.SIGILL, Signal.SIGTRAP, Signal.SIGABRT, Signal.SIGFPE,
  Signal.SIGBUS, Signal.SIGSEGV, Signal.SIGSYS, Signal.SIGPIPE, Signal.SIGALRM, Signal.SIGTERM, Signal.SIGXCPU,
  Signal.SIGXFSZ, Signal.SIGVTALRM, Signal.SIGUSR1, Signal.SIGUSR2,
];

export async function runPendingTraps(sh: Interp): Promise<void> {
  while (sh.pendingSignals.length !== 0) {
    const sig = sh.pendingSignals.shift()!;
    const key = signalName(sig);
    if (key && sh.traps.has(key)) await runTrap(sh, key, sh.lastStatus);
    else if (sh.exitCatches.has(sig)) await dieOfSignal(sh, sig);
  }
}

/** A terminating signal caught only for the EXIT trap: run it, then die of the signal. */
async function dieOfSignal(sh: Interp, sig: number): Promise<void> {
  await runExitTrap(sh, 128 + sig);
  sh.exitCatches.delete(sig);
  sh.proc.setSignal(sig, 'default');
  sh.proc.kill(sh.proc.pid, sig);
}

/** Catches (or stops catching) the terminating signals as the EXIT trap comes and goes. */
function syncExitCatches(sh: Interp): void {
  const want = sh.traps.has('EXIT') && !sh.interactive;
  for (const sig of TERMINATING) {
    const key = signalName(sig)!;
    if (want && !sh.exitCatches.has(sig) && !sh.traps.has(key) && sh.proc.getSignal(sig) === 'default') {
      sh.proc.setSignal(sig, 'catch');
      sh.exitCatches.add(sig);
    } else if (sh.exitCatches.has(sig) && (!want || sh.traps.has(key))) {
      sh.exitCatches.delete(sig);
      if (!want && !sh.traps.has(key)) sh.proc.setSignal(sig, 'default');
    }
  }
}

/** Runs a trap action with $? = status; $? and LINENO are restored afterwards. */
export async function runTrap(sh: Interp, key: string, status: number): Promise<void> {
  const action = sh.traps.get(key);
  if (action === undefined || action === '') return;
  const saved = sh.lastStatus;
  const savedLine = sh.lineno;
  sh.inTrap++;
  sh.lastStatus = status;
  try {
    await sh.runString(action, undefined, { trap: true });
  } catch (e) {
    if (!(e instanceof ReturnFromFunction)) throw e;
  } finally {
    sh.inTrap--;
    sh.lastStatus = saved;
    sh.lineno = savedLine;
  }
}

/** The EXIT trap, run once; `exit n` inside it sets the final status. */
export async function runExitTrap(sh: Interp, status: number): Promise<number> {
  const action = sh.traps.get('EXIT');
  if (action === undefined) return status;
  sh.traps.delete('EXIT');
  sh.lastStatus = status;
  try {
    await sh.runString(action, undefined, { trap: true });
  } catch (e) {
    if (e instanceof ExitShell) return e.status;
    if (!(e instanceof ReturnFromFunction || e instanceof BreakLoop || e instanceof ContinueLoop ||
      e instanceof AbortCommand)) throw e;
  }
  return status;
}

/** Signals an interactive shell catches and discards on its own (its children get the default). */
export function shellOwnSignal(sh: Interp, sig: number): boolean {
  if (sig === Signal.SIGINT || sig === Signal.SIGTERM || sig === Signal.SIGQUIT) return true;
  return sh.setOptions.has('monitor') && (sig === Signal.SIGTSTP || sig === Signal.SIGTTIN || sig === Signal.SIGTTOU);
}

/** Records a trap and sets the disposition of a real signal: catch, ignore ('') or default (reset). */
export function setTrap(sh: Interp, key: string, action: string | null): void {
  sh.displayTraps = null;
  if (action === null) sh.traps.delete(key);
  else sh.traps.set(key, action);
  const sig = parseSignal(key);
  if (key === 'EXIT' || sh.exitCatches.size !== 0) {
    try { syncExitCatches(sh); } catch (e) { if (!(e instanceof KernelError)) throw e; }
  }
  if (typeof sig !== 'number' || sig === 0 || sig === Signal.SIGKILL || sig === Signal.SIGSTOP) return;
  sh.exitCatches.delete(sig);
  let disp: 'default' | 'ignore' | 'catch' = action === null ? 'default' : action === '' ? 'ignore' : 'catch';
  if (disp === 'default' && sh.interactive && shellOwnSignal(sh, sig)) disp = 'catch';
  try {
    sh.proc.setSignal(sig, disp);
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
  }
}
