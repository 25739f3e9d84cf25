// Signal names as bash prints and parses them, and the `trap` builtin.
// Traps are stored in sh.traps by name without SIG (INT, TERM…) or EXIT/ERR/DEBUG/RETURN; the
// interpreter (interp.ts) delivers caught signals between commands.

import type { Shell } from './contracts.ts';
import { Signal } from '../types.ts';

const NSIG = 64;
const SIGRTMIN = 34;

/** Name without SIG for 1..64 as `kill -l` prints it (RTMIN+n / RTMAX-n for real-time ones). */
export function signalName(n: number): string | undefined {
  if (n <= 0 || n > NSIG) return undefined;
  for (const [k, v] of Object.entries(Signal)) if (v === n) return k.slice(3);
  if (n < SIGRTMIN) return undefined;
  if (n === SIGRTMIN) return 'RTMIN';
  if (n === NSIG) return 'RTMAX';
  const half = SIGRTMIN + (NSIG - SIGRTMIN) / 2;
  return n <= half ? `RTMIN+${n - SIGRTMIN}` : `RTMAX-${NSIG - n}`;
}

/** Pseudo-signals of trap (not real signals). */
export const pseudoSignals = ['EXIT', 'DEBUG', 'ERR', 'RETURN'] as const;

/**
 * Parses a signal spec: number, NAME or SIGNAME (case-insensitive when `nocase`). Returns the
 * number, or 0 for EXIT, or the pseudo name for DEBUG/ERR/RETURN (trap only), or null.
 */
export function parseSignal(spec: string, opts: { pseudo?: boolean; nocase?: boolean } = {}): number | string | null {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    if (n === 0) return opts.pseudo ? 0 : 0;
    return n <= NSIG && signalName(n) !== undefined ? n : null;
  }
  let s = opts.nocase ? spec.toUpperCase() : spec;
  if (s.startsWith('SIG')) s = s.slice(3);
  if (opts.pseudo) {
    if (s === 'EXIT') return 0;
    if (s === 'DEBUG' || s === 'ERR' || s === 'RETURN') return s;
  }
  for (let n = 1; n <= NSIG; n++) if (signalName(n) === s) return n;
  return null;
}

/** The trap-table key of a parsed spec. */
export function trapKey(sig: number | string): string {
  if (typeof sig === 'string') return sig;
  return sig === 0 ? 'EXIT' : signalName(sig)!;
}

/** `trap -l` / `kill -l` table: five per line, ` 1) SIGHUP\t`. */
export function signalTable(): string {
  let out = '';
  let col = 0;
  for (let n = 1; n <= NSIG; n++) {
    const name = signalName(n);
    if (!name) continue;
    out += `${String(n).padStart(2)}) SIG${name}`;
    col++;
    out += col % 5 === 0 ? '\n' : '\t';
  }
  if (col % 5 !== 0) out += '\n';
  return out;
}

/** Order of `trap -p`: EXIT, then signals by number, then DEBUG, ERR, RETURN. */
function trapOrder(key: string): number {
  if (key === 'EXIT') return 0;
  if (key === 'DEBUG') return 1000;
  if (key === 'ERR') return 1001;
  if (key === 'RETURN') return 1002;
  return (parseSignal(key) as number) ?? 999;
}

function displayName(key: string): string {
  return (pseudoSignals as readonly string[]).includes(key) ? key : `SIG${key}`;
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** What the interpreter offers trap for installing dispositions. */
export interface TrapHost extends Shell {
  /** Applies a trap change to the process's signal disposition (catch / ignore / default). */
  setTrap(key: string, action: string | null): void;
  /** In a subshell that has not changed any trap yet: the parent's traps, which `trap -p` still lists. */
  displayTraps: Map<string, string> | null;
}

/** trap [-lp] [[action] sigspec ...] */
export async function trapBuiltin(sh: TrapHost, args: string[]): Promise<number> {
  let list = false;
  let print = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { i++; break; }
    if (a.length < 2 || a[0] !== '-' || !/^-[lp]+$/.test(a)) {
      if (a[0] === '-' && a.length > 1 && !/^-\d+$/.test(a)) {
        await sh.error(`trap: ${a.slice(0, 2)}: invalid option`);
        await sh.write(2, 'trap: usage: trap [-lp] [[arg] signal_spec ...]\n');
        return 2;
      }
      break;
    }
    if (a.includes('l')) list = true;
    if (a.includes('p')) print = true;
  }
  const rest = args.slice(i);
  if (list) {
    await sh.write(1, signalTable());
    return 0;
  }
  if (print || rest.length === 0) {
    const traps = sh.displayTraps ?? sh.traps;
    let keys: string[];
    let status = 0;
    if (rest.length === 0) keys = [...traps.keys()];
    else {
      keys = [];
      for (const spec of rest) {
        const sig = parseSignal(spec, { pseudo: true, nocase: true });
        if (sig === null) { await sh.error(`trap: ${spec}: invalid signal specification`); status = 1; continue; }
        keys.push(trapKey(sig));
      }
    }
    keys.sort((a, b) => trapOrder(a) - trapOrder(b));
    let out = '';
    for (const k of keys) {
      const act = traps.get(k);
      if (act !== undefined) out += `trap -- ${quote(act)} ${displayName(k)}\n`;
    }
    if (out) await sh.write(1, out);
    return status;
  }
  // `trap n…` (first operand a signal number): reset those signals, as bash does.
  let action: string | null;
  let specs: string[];
  if (rest.length === 1 || (/^\d+$/.test(rest[0]!) && parseSignal(rest[0]!) !== null)) {
    action = null;
    specs = rest;
  } else {
    action = rest[0] === '-' ? null : rest[0]!;
    specs = rest.slice(1);
  }
  let status = 0;
  for (const spec of specs) {
    const sig = parseSignal(spec, { pseudo: true, nocase: true });
    if (sig === null) {
      await sh.error(`trap: ${spec}: invalid signal specification`);
      status = 1;
      continue;
    }
    sh.setTrap(trapKey(sig), action);
  }
  return status;
}
