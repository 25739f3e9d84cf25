// Function bodies for the fuel rewrite (wasm/fuel.ts): a scan pass (call graph, loops, sizes)
// and an emit pass that inserts the fuel checks and renumbers function indices.
//
// A check subtracts a weight W from the fuel and calls tick when it goes negative. W is the
// number of instructions the check stands for (the loop body without its inner loops, or the
// function body outside its loops), capped at WEIGHT_CAP. The fuel lives in a global; a function
// whose loops make no calls keeps it in a local L instead (loaded at entry, stored before calls
// to defined functions and reloaded after, stored at every exit), which V8 keeps in a register:
// through the global, each check is a store→load chain (measured: +60 % on short nested loops,
// with the local: within noise). At a loop header the call to tick is kept out of the loop,
// because a call inside a hot loop, even one never taken, makes V8 spill the loop's values
// around it (measured: +12 % on a CRC loop; with the call outside: within noise):
//
//   block $exit (bt)                   ;; new
//     loop $retry                      ;; new
//       block $tickit                  ;; new
//         loop $L (bt)                 ;; the original loop
//           fuel -= W; br_if $tickit (fuel < 0)
//           ...body (branches that leave $L: depth + 3)...
//         end
//         br $exit                     ;; the loop ended normally, with its results
//       end
//       fuel = tick() + W; br $retry   ;; re-enter $L at its header (which takes W again)
//     end
//     unreachable
//   end
//
// Loops with parameters (multi-value) and function entries use `if (fuel < 0) fuel = tick()`.

import { KIND, K_LEB, K_NONE, Reader, WasmRewriteError, Writer, blockType, skipFast, skipImmediates, valType } from './wasmbinary.ts';

/** Largest weight of one check: bigger loop bodies are mostly skipped per iteration (switches). */
export const WEIGHT_CAP = 128;

/** What the scan pass learns about one defined function. */
export interface FuncScan {
  type: number;
  /** body: [start, end); locals declaration [start, code) */
  start: number;
  code: number;
  end: number;
  /** declared locals (not parameters) */
  locals: number;
  /** defined functions called directly (indices among defined functions) */
  callees: number[];
  /** type keys of call_indirect / return_call_indirect */
  indirect: Set<string> | null;
  loops: number;
  /** instructions outside any loop */
  outer: number;
  /** calls to defined functions (or call_indirect) inside loops */
  loopCalls: number;
  /** weight of each loop's check, in the order the loops open */
  weights: number[];
}

export interface CodeContext {
  bytes: Uint8Array;
  typeKeys: string[];
  nImpFuncs: number;
  /** ref.func targets found in bodies are added here (absolute indices) */
  addressTaken: Set<number>;
}

let after = 0; // position after the last readU32

/** Reads an unsigned LEB128 at p; the position after it is left in `after`. */
function readU32(b: Uint8Array, p: number): number {
  let x = b[p++]!;
  if (x < 0x80) {
    after = p;
    return x;
  }
  let result = x & 0x7f;
  let scale = 128;
  do {
    x = b[p++]!;
    result += (x & 0x7f) * scale;
    scale *= 128;
  } while (x & 0x80 && scale <= 2 ** 28);
  if (x & 0x80) throw new WasmRewriteError(`wasm: u32 too long at byte ${p}`);
  after = p;
  return result;
}

/** Scan pass over one body at [start, end). */
export function scanBody(cx: CodeContext, type: number, start: number, end: number, index: number): FuncScan {
  const r = new Reader(cx.bytes, start, end);
  const groups = r.u32();
  let locals = 0;
  for (let g = 0; g < groups; g++) {
    locals += r.u32();
    valType(r);
  }
  const fn: FuncScan = { type, start, code: r.pos, end, locals, callees: [], indirect: null, loops: 0, outer: 0, loopCalls: 0, weights: [] };
  const b = cx.bytes;
  const nImp = cx.nImpFuncs;
  let p = r.pos;
  let depth = 0;
  let loopDepth = 0;
  let outer = 0;
  let count = 0; // instructions of the innermost open loop so far
  const loopAt: number[] = []; // depth of each open loop
  const counts: number[] = []; // count of each enclosing open loop, and its index in fn.weights
  const weights = fn.weights;
  for (;;) {
    if (p >= end) throw new WasmRewriteError(`wasm: function ${index} has no final end`);
    const op = b[p++]!;
    if (loopDepth === 0) outer++;
    else count++;
    switch (op) {
      case 0x03:
        depth++;
        loopAt.push(depth);
        loopDepth++;
        fn.loops++;
        counts.push(count, weights.length);
        weights.push(0);
        count = 0;
        break;
      case 0x02: case 0x04:
        depth++;
        break;
      case 0x0b:
        if (depth === 0) {
          if (p !== end) throw new WasmRewriteError(`wasm: function ${index} ends before its body`);
          fn.outer = outer;
          return fn;
        }
        if (loopAt[loopAt.length - 1] === depth) {
          loopAt.pop();
          loopDepth--;
          weights[counts.pop()!] = Math.min(WEIGHT_CAP, count);
          count = counts.pop()!;
        }
        depth--;
        break;
      case 0x10: case 0x12: {
        const idx = readU32(b, p);
        if (idx >= nImp) {
          fn.callees.push(idx - nImp);
          if (loopDepth > 0) fn.loopCalls++;
        }
        p = after;
        continue;
      }
      case 0xd2:
        cx.addressTaken.add(readU32(b, p));
        p = after;
        continue;
      case 0x11: case 0x13: {
        const t = readU32(b, p);
        readU32(b, after);
        p = after;
        (fn.indirect ??= new Set()).add(cx.typeKeys[t] ?? `#${t}`);
        if (loopDepth > 0) fn.loopCalls++;
        continue;
      }
    }
    const kind = KIND[op];
    if (kind === K_NONE) continue;
    if (kind === K_LEB) {
      while (b[p++]! & 0x80);
      continue;
    }
    const q = skipFast(b, p, op);
    if (q >= 0) p = q;
    else {
      r.pos = p;
      skipImmediates(r, op);
      p = r.pos;
    }
  }
}

export interface EmitContext extends CodeContext {
  fuel: number;
  tick: number;
  paramCounts: number[];
}

/**
 * Emit pass. One emitter per module; emit() writes one rewritten body (size-prefixed). The fuel
 * lives in the global F, or in a local L of functions whose loops make no calls (see above).
 */
export class BodyEmitter {
  readonly #cx: EmitContext;
  readonly #w = new Writer(1 << 16);
  #local = false;
  #L = 0;
  // per open block: 1 if it is a wrapped loop; and the number of wrapped loops open up to it
  #wrapped = new Uint8Array(64);
  #weight = new Int32Array(64); // per open block: its loop's weight
  #cum = new Int32Array(65);
  #open = 0;

  constructor(cx: EmitContext) {
    this.#cx = cx;
  }

  #get(): void {
    const w = this.#w;
    if (this.#local) { w.u8(0x20); w.u32(this.#L); } else { w.u8(0x23); w.u32(this.#cx.fuel); }
  }

  #set(): void {
    const w = this.#w;
    if (this.#local) { w.u8(0x21); w.u32(this.#L); } else { w.u8(0x24); w.u32(this.#cx.fuel); }
  }

  #spill(): void {
    const w = this.#w;
    w.u8(0x20); w.u32(this.#L);
    w.u8(0x24); w.u32(this.#cx.fuel);
  }

  #reload(): void {
    const w = this.#w;
    w.u8(0x23); w.u32(this.#cx.fuel);
    w.u8(0x21); w.u32(this.#L);
  }

  /** fuel -= weight, leaving `fuel < 0` on the stack. */
  #decrement(weight: number): void {
    const w = this.#w;
    this.#get();
    w.u8(0x41); w.s32(weight);
    w.u8(0x6b);
    if (this.#local) { w.u8(0x22); w.u32(this.#L); } else { this.#set(); this.#get(); }
    w.u8(0x41); w.u8(0);
    w.u8(0x48); // i32.lt_s
  }

  #callTick(): void {
    this.#w.u8(0x10);
    this.#w.u32(this.#cx.tick);
    this.#set();
  }

  #inlineCheck(weight: number): void {
    this.#decrement(weight);
    this.#w.u8(0x04); this.#w.u8(0x40);
    this.#callTick();
    this.#w.u8(0x0b);
  }

  #push(wrap: boolean, weight = 0): void {
    const n = this.#open;
    if (n + 1 >= this.#wrapped.length) {
      const wr = new Uint8Array(n * 2);
      wr.set(this.#wrapped);
      this.#wrapped = wr;
      const wt = new Int32Array(n * 2);
      wt.set(this.#weight);
      this.#weight = wt;
      const cum = new Int32Array(n * 2 + 1);
      cum.set(this.#cum);
      this.#cum = cum;
    }
    this.#wrapped[n] = wrap ? 1 : 0;
    this.#weight[n] = weight;
    this.#cum[n + 1] = this.#cum[n]! + (wrap ? 1 : 0);
    this.#open = n + 1;
  }

  /** A branch depth after wrapping: +3 for every wrapped loop the branch leaves. */
  #depth(d: number): number {
    const k = this.#open;
    return d + 3 * (this.#cum[k]! - this.#cum[d >= k ? 0 : k - d]!);
  }

  emit(fn: FuncScan, recursive: boolean, out: Writer): void {
    const cx = this.#cx;
    const w = this.#w;
    const b = cx.bytes;
    const nImp = cx.nImpFuncs;
    const local = (this.#local = fn.loopCalls === 0 && (fn.loops > 0 || recursive));
    this.#L = local ? cx.paramCounts[fn.type]! + fn.locals : -1;
    this.#open = 0;
    w.length = 0;
    const r = new Reader(b, fn.start, fn.end);
    if (local) { // the locals, plus one i32
      w.u32(r.u32() + 1);
      w.bytes(b, r.pos, fn.code);
      w.u8(1);
      w.u8(0x7f);
    } else w.bytes(b, fn.start, fn.code);
    if (local) this.#reload();
    if (recursive) this.#inlineCheck(Math.min(WEIGHT_CAP, Math.max(1, fn.outer)));

    let p = fn.code;
    let from = p; // bytes [from, p) are still to be copied
    let loop = 0; // index of the next loop in fn.weights
    for (;;) {
      const start = p;
      const op = b[p++]!;
      switch (op) {
        case 0x03: {
          r.pos = p;
          const bt = blockType(r);
          p = r.pos;
          w.bytes(b, from, start);
          // A loop with parameters keeps its check inline (the retry path has no values to re-enter with).
          const wrap = bt < 0 || (cx.paramCounts[bt] ?? 0) === 0;
          if (wrap) {
            // block $exit (bt) loop $retry block $tickit — the original loop follows
            w.u8(0x02); w.bytes(b, start + 1, p);
            w.u8(0x03); w.u8(0x40);
            w.u8(0x02); w.u8(0x40);
          }
          w.bytes(b, start, p);
          from = p;
          const weight = fn.weights[loop++]!;
          if (wrap) {
            this.#decrement(weight);
            w.u8(0x0d); w.u8(1); // br_if $tickit
          } else this.#inlineCheck(weight);
          this.#push(wrap, weight);
          continue;
        }
        case 0x02: case 0x04:
          this.#push(false);
          break;
        case 0x0b: {
          if (this.#open === 0) {
            if (p !== fn.end) throw new WasmRewriteError('wasm: function body ends early');
            w.bytes(b, from, start);
            if (local) this.#spill();
            w.u8(0x0b);
            out.u32(w.length);
            out.bytes(w.view());
            return;
          }
          if (this.#wrapped[--this.#open]) {
            w.bytes(b, from, p);
            from = p;
            w.u8(0x0c); w.u8(2); // br $exit (with the loop's results)
            w.u8(0x0b); // end $tickit: the fuel ran out
            // fuel = tick() + W: the header takes W again on re-entry, whatever budget tick gave
            w.u8(0x10); w.u32(cx.tick);
            w.u8(0x41); w.s32(this.#weight[this.#open]!);
            w.u8(0x6a);
            this.#set();
            w.u8(0x0c); w.u8(0); // br $retry: re-enter the loop at its header
            w.u8(0x0b); // end $retry
            w.u8(0x00); // unreachable
            w.u8(0x0b); // end $exit
          }
          continue;
        }
        case 0x10: case 0x12: case 0xd2: {
          const idx = readU32(b, p);
          p = after;
          w.bytes(b, from, start);
          from = p;
          // store before calls to defined functions (imports never touch the fuel) and tail calls
          const sync = local && (op === 0x12 || (op === 0x10 && idx >= nImp));
          if (sync) this.#spill();
          w.u8(op);
          w.u32(idx < nImp ? idx : idx + 1);
          if (sync && op === 0x10) this.#reload();
          continue;
        }
        case 0x11: case 0x13:
          readU32(b, p);
          readU32(b, after);
          p = after;
          if (local) {
            w.bytes(b, from, start);
            this.#spill();
            w.bytes(b, start, p);
            from = p;
            if (op === 0x11) this.#reload();
          }
          continue;
        case 0x0f:
          if (local) {
            w.bytes(b, from, start);
            from = start;
            this.#spill();
          }
          continue;
        case 0x0c: case 0x0d: {
          const d = readU32(b, p);
          p = after;
          const nd = this.#depth(d);
          if (local && d === this.#open) { // leaves the function
            w.bytes(b, from, start);
            from = start;
            this.#spill();
          }
          if (nd !== d) {
            w.bytes(b, from, start);
            w.u8(op);
            w.u32(nd);
            from = p;
          }
          continue;
        }
        case 0x0e: {
          const n = readU32(b, p);
          let q = after;
          let moved = false;
          let leaves = false;
          for (let i = 0; i <= n; i++) {
            const d = readU32(b, q);
            q = after;
            if (this.#depth(d) !== d) moved = true;
            if (d === this.#open) leaves = true;
          }
          if (local && leaves) {
            w.bytes(b, from, start);
            from = start;
            this.#spill();
          }
          if (moved) {
            w.bytes(b, from, start);
            w.u8(0x0e);
            w.u32(n);
            readU32(b, p);
            q = after;
            for (let i = 0; i <= n; i++) {
              w.u32(this.#depth(readU32(b, q)));
              q = after;
            }
            from = q;
          }
          p = q;
          continue;
        }
      }
      const kind = KIND[op];
      if (kind === K_LEB) while (b[p++]! & 0x80);
      else if (kind !== K_NONE) {
        const q = skipFast(b, p, op);
        if (q >= 0) p = q;
        else {
          r.pos = p;
          skipImmediates(r, op);
          p = r.pos;
        }
      }
      if (p > fn.end) throw new WasmRewriteError('wasm: function body truncated');
    }
  }
}
