// Per-process memory limit for WASM modules: the module's own memory declaration gets a maximum
// (in 64 KiB pages) before compilation, so memory.grow fails past it and malloc returns NULL —
// the program reports "memory exhausted" as on Linux under a ulimit, instead of the host dying.

export const PAGE = 65536;

export class MemoryLimitError extends Error {
  constructor(minPages: number, maxPages: number) {
    super(`the module needs ${minPages * PAGE} bytes of memory at start, over the limit of ${maxPages * PAGE}`);
    this.name = 'MemoryLimitError';
  }
}

/** Reads an unsigned LEB128 at pos: [value, next position]. */
export function readLeb(b: Uint8Array, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = b[pos++];
    if (byte === undefined) throw new Error('wasm: truncated module');
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [result, pos];
  }
}

/** Encodes n as unsigned LEB128. */
export function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

/**
 * Returns the module bytes with every defined 32-bit memory capped at maxPages (min(declared
 * max, maxPages)). Throws MemoryLimitError when a memory's initial size is already over it.
 * Modules without a memory section come back unchanged.
 */
export function capMemory(bytes: Uint8Array, maxPages: number): Uint8Array {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('wasm: not a WebAssembly module (bad magic)');
  }
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos]!;
    const [size, body] = readLeb(bytes, pos + 1);
    const end = body + size;
    if (id === 5) {
      let [count, p] = readLeb(bytes, body);
      const payload: number[] = leb(count);
      for (let i = 0; i < count; i++) {
        const flags = bytes[p++]!;
        if (flags & 4) return bytes; // memory64: left alone
        let min: number;
        let max: number | undefined;
        [min, p] = readLeb(bytes, p);
        if (flags & 1) [max, p] = readLeb(bytes, p);
        if (min > maxPages) throw new MemoryLimitError(min, maxPages);
        const cap = Math.min(max ?? 65536, maxPages);
        payload.push(flags | 1, ...leb(min), ...leb(cap));
      }
      const section = [5, ...leb(payload.length), ...payload];
      const out = new Uint8Array(pos + section.length + (bytes.length - end));
      out.set(bytes.subarray(0, pos), 0);
      out.set(section, pos);
      out.set(bytes.subarray(end), pos + section.length);
      return out;
    }
    pos = end;
  }
  return bytes;
}
