// Function-index renumbering for the sections of a module a rewriter changes (wasm/fuel.ts adds
// an import, which moves every defined function up by one): constant expressions (ref.func),
// exports, element segments and the name section. Custom sections whose content are code
// offsets (metadata.code.*: branch hints) are dropped: they would point into rewritten code.

import { Reader, WasmRewriteError, Writer, skipImmediates, valType, type Section } from './wasmbinary.ts';

export interface Renumber {
  /** old function index → new */
  ren: (i: number) => number;
  /** functions named by ref.func or element segments (old indices) */
  taken: Set<number>;
}

/** Copies bytes from a reader to a writer, except the spans a caller re-encodes. */
export class Copier {
  readonly r: Reader;
  readonly w: Writer;
  from: number;
  constructor(r: Reader, w: Writer) {
    this.r = r;
    this.w = w;
    this.from = r.pos;
  }
  /** Copies everything up to `to` not yet copied. */
  flush(to = this.r.pos): void {
    if (to > this.from) this.w.bytes(this.r.b, this.from, to);
    this.from = to;
  }
}

/** Copies a constant expression up to its end, renumbering ref.func. */
export function constExpr(c: Copier, ix: Renumber): void {
  for (;;) {
    const start = c.r.pos;
    const op = c.r.u8();
    if (op === 0x0b) return;
    if (op === 0xd2) {
      const idx = c.r.u32();
      ix.taken.add(idx);
      c.flush(start);
      c.w.u8(0xd2);
      c.w.u32(ix.ren(idx));
      c.from = c.r.pos;
    } else skipImmediates(c.r, op);
  }
}

/** Skips table or memory limits. */
export function limits(r: Reader): void {
  const flags = r.u8();
  r.leb();
  if (flags & 1) r.leb();
}

/** Refuses tables with initializer expressions (they could hold ref.func; GC proposal only). */
export function checkTables(r: Reader): void {
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    if (r.b[r.pos] === 0x40) throw new WasmRewriteError('wasm: table with an initializer expression (GC proposal)');
    valType(r);
    limits(r);
  }
}

/** The export section with function indices renumbered. */
export function exports(r: Reader, ix: Renumber): Writer {
  const w = new Writer();
  const c = new Copier(r, w);
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    r.name();
    const kind = r.u8();
    const start = r.pos;
    const idx = r.u32();
    if (kind === 0) {
      c.flush(start);
      w.u32(ix.ren(idx));
      c.from = r.pos;
    }
  }
  c.flush();
  return w;
}

/** The element section renumbered; every function it names is added to ix.taken. */
export function elements(r: Reader, ix: Renumber): Writer {
  const w = new Writer();
  const c = new Copier(r, w);
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const flags = r.u32();
    if (flags > 7) throw new WasmRewriteError(`wasm: unknown element segment form ${flags}`);
    if (flags === 2 || flags === 6) r.u32(); // table index
    if (!(flags & 1)) constExpr(c, ix); // active: offset
    const exprs = (flags & 4) !== 0;
    if (flags & 3) { if (exprs) valType(r); else r.u8(); } // reftype / elemkind
    const m = r.u32();
    for (let j = 0; j < m; j++) {
      if (exprs) { constExpr(c, ix); continue; }
      const start = r.pos;
      const idx = r.u32();
      ix.taken.add(idx);
      c.flush(start);
      w.u32(ix.ren(idx));
      c.from = r.pos;
    }
  }
  c.flush();
  return w;
}

/**
 * A custom section after renumbering: the name section with function indices renumbered (dropped
 * if malformed: traps then show indices), code metadata dropped (null), anything else unchanged.
 */
export function customSection(bytes: Uint8Array, s: Section, ix: Renumber): Uint8Array | null {
  const r = new Reader(bytes, s.body, s.end);
  let name: string;
  try {
    const len = r.u32();
    r.skip(len);
    name = new TextDecoder().decode(bytes.subarray(r.pos - len, r.pos));
  } catch {
    return null;
  }
  if (name.startsWith('metadata.code.')) return null;
  if (name !== 'name') return bytes.subarray(s.body, s.end);
  try {
    const w = new Writer();
    w.bytes(bytes, s.body, r.pos);
    while (r.pos < s.end) {
      const id = r.u8();
      const size = r.u32();
      const end = r.pos + size;
      if (end > s.end) throw new WasmRewriteError('wasm: name subsection runs past its section');
      if (id < 1 || id > 3) { // module name, and names of things other than functions
        w.u8(id);
        w.u32(size);
        w.bytes(bytes, r.pos, end);
        r.pos = end;
        continue;
      }
      // 1: function names (idx name)*; 2: local names, 3: labels (idx (idx name)*)*
      const sub = new Writer();
      const sr = new Reader(bytes, r.pos, end);
      const c = new Copier(sr, sub);
      const n = sr.u32();
      for (let i = 0; i < n; i++) {
        const start = sr.pos;
        const idx = sr.u32();
        c.flush(start);
        sub.u32(ix.ren(idx));
        c.from = sr.pos;
        if (id === 1) sr.name();
        else {
          const m = sr.u32();
          for (let j = 0; j < m; j++) { sr.u32(); sr.name(); }
        }
      }
      if (sr.pos !== end) throw new WasmRewriteError('wasm: name subsection size mismatch');
      c.flush();
      w.u8(id);
      w.u32(sub.length);
      w.bytes(sub.view());
      r.pos = end;
    }
    return w.finish();
  } catch (e) {
    if (e instanceof WasmRewriteError) return null;
    throw e;
  }
}
