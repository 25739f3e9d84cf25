// Access to a module's linear memory. The buffer changes identity whenever memory.grow runs, so
// views are re-created lazily; nothing here holds a view across an await.

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class WasmMemory {
  #memory: WebAssembly.Memory | null = null;
  #buf: ArrayBuffer | null = null;
  #dv: DataView | null = null;
  #u8: Uint8Array | null = null;

  attach(memory: WebAssembly.Memory): void {
    this.#memory = memory;
  }

  get memory(): WebAssembly.Memory {
    if (!this.#memory) throw new Error('wasm: the module exports no memory');
    return this.#memory;
  }

  #refresh(): void {
    const b = this.memory.buffer as ArrayBuffer;
    if (b !== this.#buf) {
      this.#buf = b;
      this.#dv = new DataView(b);
      this.#u8 = new Uint8Array(b);
    }
  }

  get dv(): DataView { this.#refresh(); return this.#dv!; }
  get u8(): Uint8Array { this.#refresh(); return this.#u8!; }

  u32(ptr: number): number { return this.dv.getUint32(ptr, true); }
  setU32(ptr: number, v: number): void { this.dv.setUint32(ptr, v, true); }
  setU16(ptr: number, v: number): void { this.dv.setUint16(ptr, v, true); }
  setU8(ptr: number, v: number): void { this.dv.setUint8(ptr, v); }
  u64(ptr: number): bigint { return this.dv.getBigUint64(ptr, true); }
  setU64(ptr: number, v: bigint | number): void {
    this.dv.setBigUint64(ptr, typeof v === 'bigint' ? v : BigInt(Math.max(0, Math.trunc(v))), true);
  }

  /** A copy of len bytes at ptr (RangeError when outside memory). */
  copy(ptr: number, len: number): Uint8Array {
    const u8 = this.u8;
    if (ptr + len > u8.length) throw new RangeError('wasm memory access out of bounds');
    return u8.slice(ptr, ptr + len);
  }

  string(ptr: number, len: number): string {
    const u8 = this.u8;
    if (ptr + len > u8.length) throw new RangeError('wasm memory access out of bounds');
    return decoder.decode(u8.subarray(ptr, ptr + len));
  }

  /** Writes bytes at ptr; RangeError when they do not fit. */
  put(ptr: number, data: Uint8Array): void {
    const u8 = this.u8;
    if (ptr + data.length > u8.length) throw new RangeError('wasm memory access out of bounds');
    u8.set(data, ptr);
  }

  /** Gathers an iovec array (ciovec: buf u32, len u32) into one new buffer. */
  gather(iovs: number, count: number): Uint8Array {
    const dv = this.dv;
    if (count === 1) return this.copy(dv.getUint32(iovs, true), dv.getUint32(iovs + 4, true));
    let total = 0;
    for (let i = 0; i < count; i++) total += dv.getUint32(iovs + i * 8 + 4, true);
    const out = new Uint8Array(total);
    const u8 = this.u8;
    let off = 0;
    for (let i = 0; i < count; i++) {
      const p = dv.getUint32(iovs + i * 8, true);
      const n = dv.getUint32(iovs + i * 8 + 4, true);
      if (p + n > u8.length) throw new RangeError('wasm memory access out of bounds');
      out.set(u8.subarray(p, p + n), off);
      off += n;
    }
    return out;
  }

  /** Total capacity of an iovec array. */
  iovTotal(iovs: number, count: number): number {
    const dv = this.dv;
    let total = 0;
    for (let i = 0; i < count; i++) total += dv.getUint32(iovs + i * 8 + 4, true);
    return total;
  }

  /** Scatters data over an iovec array (data.length <= its capacity). */
  scatter(iovs: number, count: number, data: Uint8Array): void {
    const dv = this.dv;
    const u8 = this.u8;
    let off = 0;
    for (let i = 0; i < count && off < data.length; i++) {
      const p = dv.getUint32(iovs + i * 8, true);
      const n = Math.min(dv.getUint32(iovs + i * 8 + 4, true), data.length - off);
      if (p + n > u8.length) throw new RangeError('wasm memory access out of bounds');
      u8.set(data.subarray(off, off + n), p);
      off += n;
    }
  }

  /** Writes NUL-terminated strings and their pointer table (args_get / environ_get). */
  putStrings(list: Uint8Array[], ptrs: number, buf: number): void {
    let p = buf;
    for (let i = 0; i < list.length; i++) {
      this.setU32(ptrs + i * 4, p);
      this.put(p, list[i]!);
      this.setU8(p + list[i]!.length, 0);
      p += list[i]!.length + 1;
    }
  }
}

export function encodeStrings(list: string[]): { items: Uint8Array[]; bytes: number } {
  const items = list.map((s) => encoder.encode(s));
  let bytes = 0;
  for (const it of items) bytes += it.length + 1;
  return { items, bytes };
}
