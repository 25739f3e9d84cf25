// A small WebAssembly binary reader/writer for module rewriters (wasm/fuel.ts): LEB128, sections,
// and an instruction walker that knows the immediates of every opcode of MVP + sign-extension,
// saturating truncation, bulk memory, reference types, multi-value, SIMD (incl. relaxed), threads
// (atomics) and tail calls. Anything else (exceptions, GC, typed function references) is refused
// with WasmRewriteError naming the opcode: a rewriter must never guess an instruction's length.

/** The module cannot be rewritten (malformed, or uses an instruction the walker does not know). */
export class WasmRewriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WasmRewriteError';
  }
}

const hex = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;

export class Reader {
  readonly b: Uint8Array;
  pos: number;
  end: number;

  constructor(b: Uint8Array, pos = 0, end = b.length) {
    this.b = b;
    this.pos = pos;
    this.end = end;
  }

  #eof(): never {
    throw new WasmRewriteError(`wasm: truncated at byte ${this.pos}`);
  }

  u8(): number {
    if (this.pos >= this.end) this.#eof();
    return this.b[this.pos++]!;
  }

  /** Unsigned LEB128 of at most 32 bits. */
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.end) this.#eof();
      const byte = this.b[this.pos++]!;
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
      shift += 7;
      if (shift > 28) {
        if (this.pos >= this.end) this.#eof();
        const last = this.b[this.pos++]!;
        if (last & 0xf0) throw new WasmRewriteError(`wasm: u32 too long at byte ${this.pos - 1}`);
        return result + last * 2 ** 28;
      }
    }
  }

  /** Signed LEB128 of at most 33 bits (block types). */
  s33(): number {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      if (this.pos >= this.end) this.#eof();
      byte = this.b[this.pos++]!;
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (shift > 35) throw new WasmRewriteError(`wasm: s33 too long at byte ${this.pos - 1}`);
    } while (byte & 0x80);
    if (byte & 0x40) result -= 2 ** shift;
    return result;
  }

  /** Skips one LEB128 (any width up to 64 bits). */
  leb(): void {
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) this.#eof();
      if (!(this.b[this.pos++]! & 0x80)) return;
    }
    throw new WasmRewriteError(`wasm: LEB128 too long at byte ${this.pos}`);
  }

  skip(n: number): void {
    if (this.pos + n > this.end) this.#eof();
    this.pos += n;
  }

  /** Skips a length-prefixed name. */
  name(): void {
    this.skip(this.u32());
  }
}

export class Writer {
  #buf: Uint8Array;
  length = 0;

  constructor(capacity = 4096) {
    this.#buf = new Uint8Array(capacity);
  }

  #room(n: number): void {
    if (this.length + n <= this.#buf.length) return;
    let cap = this.#buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.#buf.subarray(0, this.length));
    this.#buf = next;
  }

  u8(x: number): void {
    this.#room(1);
    this.#buf[this.length++] = x;
  }

  u32(x: number): void {
    this.#room(5);
    do {
      let byte = x & 0x7f;
      x = Math.floor(x / 128);
      if (x > 0) byte |= 0x80;
      this.#buf[this.length++] = byte;
    } while (x > 0);
  }

  /** Signed LEB128 of a 32-bit integer. */
  s32(x: number): void {
    this.#room(5);
    let v = x | 0;
    for (;;) {
      const byte = v & 0x7f;
      v >>= 7;
      if ((v === 0 && !(byte & 0x40)) || (v === -1 && byte & 0x40)) {
        this.#buf[this.length++] = byte;
        return;
      }
      this.#buf[this.length++] = byte | 0x80;
    }
  }

  /** A signed 32-bit LEB128 always 5 bytes long (valid; patchable in place by patchS32). */
  s32Padded(x: number): number {
    const at = this.length;
    this.#room(5);
    this.length += 5;
    this.patchS32(at, x);
    return at;
  }

  patchS32(at: number, x: number): void {
    let v = x | 0;
    for (let i = 0; i < 4; i++) {
      this.#buf[at + i] = (v & 0x7f) | 0x80;
      v >>= 7;
    }
    this.#buf[at + 4] = v & 0x7f;
  }

  bytes(src: Uint8Array, start = 0, end = src.length): void {
    const n = end - start;
    this.#room(n);
    const buf = this.#buf;
    if (n < 8) {
      let o = this.length;
      for (let i = start; i < end; i++) buf[o++] = src[i]!;
    } else buf.set(src.subarray(start, end), this.length);
    this.length += n;
  }

  /** The bytes written so far (a view; copy before writing more if it must survive). */
  view(): Uint8Array {
    return this.#buf.subarray(0, this.length);
  }

  finish(): Uint8Array {
    return this.#buf.slice(0, this.length);
  }
}

/** Bytes of an unsigned LEB128. */
export function leb(n: number): Uint8Array {
  const w = new Writer();
  w.u32(n);
  return w.finish();
}

export interface Section {
  id: number;
  /** Offset of the section id byte. */
  start: number;
  /** Offset of the payload (after the size). */
  body: number;
  end: number;
}

/** The sections of a module, in order. Checks magic and version. */
export function sections(bytes: Uint8Array): Section[] {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new WasmRewriteError('wasm: not a WebAssembly module (bad magic)');
  }
  if (bytes[4] !== 1 || bytes[5] !== 0 || bytes[6] !== 0 || bytes[7] !== 0) {
    throw new WasmRewriteError('wasm: unsupported binary version (a component, or not version 1)');
  }
  const out: Section[] = [];
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const start = r.pos;
    const id = r.u8();
    const size = r.u32();
    const body = r.pos;
    if (body + size > bytes.length) throw new WasmRewriteError(`wasm: section ${id} runs past the end of the module`);
    out.push({ id, start, body, end: body + size });
    r.pos = body + size;
  }
  return out;
}

/** Reads a block type: returns the type index (>= 0), or -1 for an inline type (none or one value). */
export function blockType(r: Reader): number {
  const t = r.s33();
  if (t >= 0) return t;
  // -64 empty; -1..-5 numeric/vector; -16/-17 funcref/externref; -13..-23 other abstract heap types
  if (t === -29 || t === -28) throw new WasmRewriteError(`wasm: typed reference block type (GC proposal) at byte ${r.pos - 1}`);
  return -1;
}

/** Skips a memory argument (align, [memory index], offset). */
function memarg(r: Reader): void {
  const align = r.u32();
  if (align & 0x40) r.u32();
  r.leb();
}

/**
 * Advances r past the immediates of a one-byte opcode op (already read), or of the prefixed
 * opcode that follows a 0xFC/0xFD/0xFE prefix. Control opcodes that open blocks (block, loop,
 * if) and the opcodes a rewriter renumbers are handled here too, so a caller may treat
 * everything it does not care about generically. Unknown opcodes throw WasmRewriteError.
 */
export function skipImmediates(r: Reader, op: number): void {
  if (op >= 0x45 && op <= 0xc4) return; // numeric (MVP + sign-extension): no immediates
  if (op >= 0x28 && op <= 0x3e) return memarg(r);
  switch (op) {
    case 0x00: case 0x01: case 0x05: case 0x0b: case 0x0f: case 0x1a: case 0x1b: case 0xd1:
      return; // unreachable nop else end return drop select ref.is_null
    case 0x02: case 0x03: case 0x04:
      blockType(r);
      return;
    case 0x0c: case 0x0d: // br br_if
    case 0x10: case 0x12: // call return_call
    case 0x20: case 0x21: case 0x22: case 0x23: case 0x24: // local.* global.*
    case 0x25: case 0x26: // table.get table.set
    case 0x3f: case 0x40: // memory.size memory.grow
    case 0xd2: // ref.func
      r.u32();
      return;
    case 0x0e: { // br_table
      const n = r.u32();
      for (let i = 0; i <= n; i++) r.u32();
      return;
    }
    case 0x11: case 0x13: // call_indirect return_call_indirect
      r.u32();
      r.u32();
      return;
    case 0x1c: { // select t*
      const n = r.u32();
      for (let i = 0; i < n; i++) valType(r);
      return;
    }
    case 0x41: r.leb(); return; // i32.const
    case 0x42: r.leb(); return; // i64.const
    case 0x43: r.skip(4); return;
    case 0x44: r.skip(8); return;
    case 0xd0: heapType(r); return; // ref.null
    case 0xfc: return prefixFC(r);
    case 0xfd: return prefixFD(r);
    case 0xfe: return prefixFE(r);
  }
  throw new WasmRewriteError(`wasm: unsupported opcode ${hex(op)} at byte ${r.pos - 1}${OPCODE_HINT[op] ? ` (${OPCODE_HINT[op]})` : ''}`);
}

const OPCODE_HINT: Record<number, string> = {
  0x06: 'try, exception handling', 0x07: 'catch, exception handling', 0x08: 'throw, exception handling',
  0x09: 'rethrow, exception handling', 0x0a: 'throw_ref, exception handling', 0x18: 'delegate, exception handling',
  0x19: 'catch_all, exception handling', 0x1f: 'try_table, exception handling', 0x14: 'call_ref, typed function references',
  0x15: 'return_call_ref, typed function references', 0xd3: 'ref.as_non_null, typed function references',
  0xd4: 'br_on_null, typed function references', 0xd5: 'ref.eq / br_on_non_null', 0xd6: 'br_on_non_null',
  0xfb: 'GC prefix',
};

/** Skips a value type (one byte, or a typed reference with its heap type). */
export function valType(r: Reader): void {
  const t = r.u8();
  if (t === 0x63 || t === 0x64) heapType(r);
}

function heapType(r: Reader): void {
  r.s33();
}

function prefixFC(r: Reader): void {
  const sub = r.u32();
  if (sub <= 7) return; // saturating truncation
  switch (sub) {
    case 8: r.u32(); r.u32(); return; // memory.init data mem
    case 9: r.u32(); return; // data.drop
    case 10: r.u32(); r.u32(); return; // memory.copy
    case 11: r.u32(); return; // memory.fill
    case 12: r.u32(); r.u32(); return; // table.init
    case 13: r.u32(); return; // elem.drop
    case 14: r.u32(); r.u32(); return; // table.copy
    case 15: case 16: case 17: r.u32(); return; // table.grow/size/fill
  }
  throw new WasmRewriteError(`wasm: unsupported opcode 0xfc ${sub} at byte ${r.pos - 1}`);
}

function prefixFD(r: Reader): void {
  const sub = r.u32();
  if (sub <= 0x0b || sub === 0x5c || sub === 0x5d) return memarg(r); // loads, stores, load_zero
  if (sub === 0x0c || sub === 0x0d) return r.skip(16); // v128.const, i8x16.shuffle
  if (sub >= 0x15 && sub <= 0x22) return r.skip(1); // extract/replace lane
  if (sub >= 0x54 && sub <= 0x5b) { memarg(r); r.skip(1); return; } // load/store lane
  if (sub <= 0x113) return; // every other SIMD / relaxed-SIMD op has no immediates
  throw new WasmRewriteError(`wasm: unsupported opcode 0xfd ${sub} at byte ${r.pos - 1}`);
}

function prefixFE(r: Reader): void {
  const sub = r.u32();
  if (sub === 0x03) return r.skip(1); // atomic.fence
  if (sub <= 0x02 || (sub >= 0x10 && sub <= 0x4e)) return memarg(r);
  throw new WasmRewriteError(`wasm: unsupported opcode 0xfe ${sub} at byte ${r.pos - 1}`);
}

// ---- fast path for hot loops: immediates by table, positions in locals (no Reader calls)

/** Immediate kinds for skipFast (exported so hot loops can inline the two commonest). */
export const K_NONE = 1, K_LEB = 2;
const K_LEB2 = 3, K_MEMARG = 4, K_4 = 5, K_8 = 6, K_BLOCK = 7;
export const KIND = new Uint8Array(256); // 0: not handled here (skipImmediates decides)
for (let op = 0x45; op <= 0xc4; op++) KIND[op] = K_NONE;
for (let op = 0x28; op <= 0x3e; op++) KIND[op] = K_MEMARG;
for (const op of [0x00, 0x01, 0x05, 0x0b, 0x0f, 0x1a, 0x1b, 0xd1]) KIND[op] = K_NONE;
for (const op of [0x0c, 0x0d, 0x10, 0x12, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3f, 0x40, 0x41, 0x42, 0xd0, 0xd2]) KIND[op] = K_LEB;
for (const op of [0x11, 0x13]) KIND[op] = K_LEB2;
for (const op of [0x02, 0x03, 0x04]) KIND[op] = K_BLOCK;
KIND[0x43] = K_4;
KIND[0x44] = K_8;

/**
 * Position after the immediates of op (already read; they start at p), for the common opcodes;
 * -1 when the caller must use skipImmediates (prefixed and rare opcodes, errors).
 */
export function skipFast(b: Uint8Array, p: number, op: number): number {
  switch (KIND[op]) {
    case K_NONE: return p;
    case K_LEB: while (b[p++]! & 0x80); return p;
    case K_LEB2: while (b[p++]! & 0x80); while (b[p++]! & 0x80); return p;
    case K_MEMARG: {
      const align = b[p]!;
      while (b[p++]! & 0x80);
      if (align & 0x40) while (b[p++]! & 0x80);
      while (b[p++]! & 0x80);
      return p;
    }
    case K_4: return p + 4;
    case K_8: return p + 8;
    case K_BLOCK: {
      const t = b[p]!;
      if (t === 0x63 || t === 0x64) return -1;
      while (b[p++]! & 0x80);
      return p;
    }
    default: return -1;
  }
}
