// Fuel: makes a CPU-bound WASM process give the host's event loop back, and stop when killed,
// even if it never makes a syscall. JSPI suspends only at imports, so before compilation the
// module is rewritten (addFuel): a new mutable i32 global holds the fuel (functions whose loops
// make no calls keep it in a local, see wasi/fuelcode.ts); every loop header and the entry of
// every function that can recurse subtract a static weight (about the instructions up to the
// next check) and, when the fuel goes negative, call the new import `agentvm_sched.tick` — a
// WebAssembly.Suspending function returning the next budget. tick (fuelImports) throws the
// process's exit once it is killed, and yields a host turn (setImmediate) when the scheduler
// slice (limits.cpuSliceMs) is used up. The budget adapts per process so that ticks come about
// every TICK_TARGET_MS, within [FUEL_MIN, FUEL_MAX].
//
// The import is appended after the module's imports, so every defined function's index grows
// by one: call, return_call, ref.func, element segments, exports, start and the name section
// are renumbered (wasi/renumber.ts). Design and measurements: docs/design/wasi.md, "Fuel".

import type { Proc } from '../kernel/types.ts';
import { overSlice, yieldToHost } from '../kernel/sched.ts';
import { Reader, WasmRewriteError, Writer, sections, valType, type Section } from './wasi/wasmbinary.ts';
import { BodyEmitter, scanBody, type EmitContext, type FuncScan } from './wasi/fuelcode.ts';
import { recursiveFunctions } from './wasi/callgraph.ts';
import { Copier, checkTables, constExpr, customSection, elements, exports, limits, type Renumber } from './wasi/renumber.ts';

export { WasmRewriteError } from './wasi/wasmbinary.ts';

/** Import module and name of the tick function added by addFuel. */
export const FUEL_MODULE = 'agentvm_sched';
export const FUEL_TICK = 'tick';

/** Fuel (≈ instructions) a process starts with, and the bounds the adaptive budget stays in. */
export const FUEL_INITIAL = 100_000;
export const FUEL_MIN = 10_000;
export const FUEL_MAX = 2_000_000;
/** The budget adapts so that ticks come about this often (ms). */
export const TICK_TARGET_MS = 1;

export { WEIGHT_CAP } from './wasi/fuelcode.ts';

export interface FuelStats {
  /** Defined functions in the module. */
  functions: number;
  /** Loop headers instrumented. */
  loops: number;
  /** Function entries instrumented (functions on a call cycle, incl. through call_indirect). */
  entries: number;
  /** Rewrite time, ms. */
  ms: number;
}

export interface FuelResult {
  bytes: Uint8Array;
  stats: FuelStats;
}

const enc = new TextEncoder();
const I32 = 0x7f;

// canonical position of each non-custom section id (the binary order)
const RANK: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 13: 6, 6: 7, 7: 8, 8: 9, 9: 10, 12: 11, 10: 12, 11: 13 };

/**
 * Returns the module with fuel checks (see the file comment). A module without loops or
 * recursion comes back unchanged. Throws WasmRewriteError when the module uses an instruction
 * or section form the rewriter does not know (the caller should run it without fuel).
 */
export function addFuel(bytes: Uint8Array, initial = FUEL_INITIAL): FuelResult {
  const t0 = performance.now();
  const secs = sections(bytes);
  const r = new Reader(bytes);
  const at = (s: Section): Reader => new Reader(bytes, s.body, s.end);

  // --- types
  const typeKeys: string[] = [];
  const paramCounts: number[] = [];
  let tickType = -1;
  const typeSec = secs.find((s) => s.id === 1);
  if (typeSec) {
    const tr = at(typeSec);
    const n = tr.u32();
    for (let i = 0; i < n; i++) {
      const start = tr.pos;
      const form = tr.u8();
      if (form !== 0x60) throw new WasmRewriteError(`wasm: type ${i} is not a plain function type (form 0x${form.toString(16)}: GC types)`);
      for (let k = 0; k < 2; k++) {
        const m = tr.u32();
        if (k === 0) paramCounts.push(m);
        for (let j = 0; j < m; j++) {
          const v = tr.u8();
          if (v === 0x63 || v === 0x64) throw new WasmRewriteError('wasm: typed references in a function type (GC proposal)');
        }
      }
      const key = Array.from(bytes.subarray(start, tr.pos)).join(',');
      typeKeys.push(key);
      if (tickType < 0 && key === '96,0,1,127') tickType = i;
    }
  }

  // --- imports
  let nImpFuncs = 0;
  let nImpGlobals = 0;
  let nImports = 0;
  const impSec = secs.find((s) => s.id === 2);
  if (impSec) {
    const ir = at(impSec);
    nImports = ir.u32();
    for (let i = 0; i < nImports; i++) {
      ir.name();
      ir.name();
      const kind = ir.u8();
      if (kind === 0) { ir.u32(); nImpFuncs++; }
      else if (kind === 1) { valType(ir); limits(ir); }
      else if (kind === 2) limits(ir);
      else if (kind === 3) { valType(ir); ir.u8(); nImpGlobals++; }
      else if (kind === 4) { ir.u8(); ir.u32(); }
      else throw new WasmRewriteError(`wasm: unknown import kind ${kind}`);
    }
  }
  const ren = (i: number): number => (i < nImpFuncs ? i : i + 1);

  // --- defined functions' types
  const funcTypes: number[] = [];
  const fnSec = secs.find((s) => s.id === 3);
  if (fnSec) {
    const fr = at(fnSec);
    const n = fr.u32();
    for (let i = 0; i < n; i++) funcTypes.push(fr.u32());
  }
  let nGlobals = nImpGlobals;
  const globSec = secs.find((s) => s.id === 6);
  if (globSec) nGlobals += at(globSec).u32();
  const fuel = nGlobals; // appended after every defined global: no global index moves

  const addressTaken = new Set<number>();
  const ix: Renumber = { ren, taken: addressTaken };

  // globals (+ the fuel global) and element segments, renumbered: they also name address-taken functions
  const globals = new Writer();
  {
    let n = 0;
    let gr: Reader | null = null;
    if (globSec) {
      gr = at(globSec);
      n = gr.u32();
    }
    globals.u32(n + 1);
    if (gr) {
      const c = new Copier(gr, globals);
      for (let i = 0; i < n; i++) {
        valType(gr);
        gr.u8();
        constExpr(c, ix);
      }
      c.flush();
    }
    globals.u8(I32);
    globals.u8(1);
    globals.u8(0x41);
    globals.s32Padded(initial);
    globals.u8(0x0b);
  }
  const elemSec = secs.find((s) => s.id === 9);
  const elems = elemSec ? elements(at(elemSec), ix) : null;

  // --- code, scan pass: call graph, loops, sizes
  const cx: EmitContext = { bytes, typeKeys, nImpFuncs, addressTaken, fuel, tick: nImpFuncs, paramCounts };
  const funcs: FuncScan[] = [];
  const codeSec = secs.find((s) => s.id === 10);
  if (codeSec) {
    const cr = at(codeSec);
    const n = cr.u32();
    if (n !== funcTypes.length) throw new WasmRewriteError(`wasm: ${funcTypes.length} functions declared but ${n} bodies`);
    for (let f = 0; f < n; f++) {
      const size = cr.u32();
      funcs.push(scanBody(cx, funcTypes[f]!, cr.pos, cr.pos + size, nImpFuncs + f));
      cr.pos += size;
    }
  }

  // --- which functions can recurse (they get a check at entry)
  const recursive = recursiveFunctions(funcs, funcTypes, typeKeys, addressTaken, nImpFuncs);
  const loops = funcs.reduce((n, f) => n + f.loops, 0);
  const entries = recursive.reduce((n, x) => n + (x ? 1 : 0), 0);
  if (loops === 0 && entries === 0) {
    return { bytes, stats: { functions: funcs.length, loops, entries, ms: performance.now() - t0 } };
  }

  // --- assemble
  const out = new Writer(bytes.length + (bytes.length >> 3));
  out.bytes(bytes, 0, 8);
  let haveImports = false;
  let haveGlobals = false;
  const section = (id: number, body: Writer | Uint8Array): void => {
    const b = body instanceof Writer ? body.view() : body;
    out.u8(id);
    out.u32(b.length);
    out.bytes(b);
  };
  const importSection = (): void => {
    const w = new Writer();
    w.u32(nImports + 1);
    if (impSec) {
      const ir = at(impSec);
      ir.u32();
      w.bytes(bytes, ir.pos, impSec.end);
    }
    for (const s of [FUEL_MODULE, FUEL_TICK]) {
      const b = enc.encode(s);
      w.u32(b.length);
      w.bytes(b);
    }
    w.u8(0);
    w.u32(tickType >= 0 ? tickType : typeKeys.length);
    section(2, w);
    haveImports = true;
  };
  const globalSection = (): void => {
    section(6, globals);
    haveGlobals = true;
  };
  if (!typeSec) {
    const w = new Writer();
    w.bytes(Uint8Array.of(1, 0x60, 0, 1, I32));
    section(1, w);
  }
  for (const s of secs) {
    const rank = RANK[s.id];
    if (rank !== undefined) {
      if (!haveImports && rank > 2) importSection();
      if (!haveGlobals && rank > 7) globalSection();
    }
    r.pos = s.body;
    r.end = s.end;
    switch (s.id) {
      case 1: {
        if (tickType >= 0) { out.bytes(bytes, s.start, s.end); break; }
        const w = new Writer();
        w.u32(typeKeys.length + 1);
        r.u32();
        w.bytes(bytes, r.pos, s.end);
        w.bytes(Uint8Array.of(0x60, 0, 1, I32));
        section(1, w);
        break;
      }
      case 2: importSection(); break;
      case 4: checkTables(r); out.bytes(bytes, s.start, s.end); break;
      case 6: globalSection(); break;
      case 7: section(7, exports(r, ix)); break;
      case 8: { const w = new Writer(); w.u32(ren(r.u32())); section(8, w); break; }
      case 9: section(9, elems!); break;
      case 10: {
        const w = new Writer(s.end - s.body + (s.end - s.body >> 3));
        const emitter = new BodyEmitter(cx);
        w.u32(funcs.length);
        for (let f = 0; f < funcs.length; f++) emitter.emit(funcs[f]!, recursive[f]!, w);
        section(10, w);
        break;
      }
      case 0: {
        const custom = customSection(bytes, s, ix);
        if (custom) section(0, custom);
        break;
      }
      default: out.bytes(bytes, s.start, s.end);
    }
  }
  if (!haveImports) importSection();
  if (!haveGlobals) globalSection();
  return { bytes: out.finish(), stats: { functions: funcs.length, loops, entries, ms: performance.now() - t0 } };
}

interface SuspendingCtor { new (fn: (...args: never[]) => unknown): object }
const Suspending = (WebAssembly as unknown as { Suspending?: SuspendingCtor }).Suspending;

/** Per-process tick counters (optional, for tests and measurements). */
export interface FuelCounters {
  /** tick calls (the fuel ran out) */
  ticks: number;
  /** host turns yielded (the scheduler slice was used up) */
  yields: number;
}

/**
 * The import object part for a fuel-rewritten module run by proc: `agentvm_sched.tick`. It ends
 * a killed process (throws its exit), yields a host turn once the scheduler slice is used up, and
 * returns the next budget (adapted so that ticks come about every TICK_TARGET_MS).
 */
export function fuelImports(proc: Proc, counters?: FuelCounters): WebAssembly.Imports {
  if (!Suspending) throw new Error('fuel needs JSPI (WebAssembly.Suspending)');
  const slice = proc.kernel.limits.cpuSliceMs;
  let budget = FUEL_INITIAL;
  let last = performance.now();
  const resume = (): number => {
    if (proc.killed) throw proc.signal.reason;
    last = performance.now();
    return budget;
  };
  const tick = (): number | Promise<number> => {
    if (proc.killed) throw proc.signal.reason;
    const now = performance.now();
    const dt = now - last;
    last = now;
    // aim at TICK_TARGET_MS: shrink at once, grow at most 2x per tick
    const aim = dt > 0 ? (budget * TICK_TARGET_MS) / dt : FUEL_MAX;
    budget = Math.max(FUEL_MIN, Math.min(FUEL_MAX, budget * 2, Math.round(aim)));
    if (counters) counters.ticks++;
    if (overSlice(slice)) {
      if (counters) counters.yields++;
      return yieldToHost().then(resume);
    }
    return budget;
  };
  return { [FUEL_MODULE]: { [FUEL_TICK]: new Suspending(tick) } as unknown as WebAssembly.ModuleImports };
}

/**
 * addFuel for the module cache: on a module the rewriter cannot handle, warns once (process
 * warning 'AgentvmFuelWarning', naming the module and the reason) and returns the bytes unchanged
 * — the program still runs, but a syscall-free loop in it can stall the host and ignores kill.
 */
export function fuelOrWarn(bytes: Uint8Array, label: string): Uint8Array {
  try {
    return addFuel(bytes).bytes;
  } catch (e) {
    if (!(e instanceof WasmRewriteError)) throw e;
    process.emitWarning(`${label}: running without fuel (CPU loops cannot be preempted or killed): ${e.message}`, 'AgentvmFuelWarning');
    return bytes;
  }
}
