// Linear memories reused across runs. A fresh WebAssembly.Memory costs a page fault for every
// page the module's data segments touch: instantiating coreutils (387 KB of data) took 2.6 ms
// with a new memory and 0.34 ms with a reused, zeroed one (docs/design/wasi.md). So each module's
// own memory declaration becomes an import (IMPORT_MODULE.memory) before compilation, and every
// run gets a memory from a pool keyed by its limits; a memory goes back to the pool, zeroed,
// when its process has ended — no byte of one process (or VM) ever reaches the next.

import { PAGE, leb, readLeb } from './memlimit.ts';
import { sections as moduleSections } from './wasmbinary.ts';

export const IMPORT_MODULE = 'agentvm_mem';
export const IMPORT_NAME = 'memory';
/** Memories larger than this are dropped instead of pooled (zeroing costs ~80 µs per MiB). */
export const POOL_MEMORY_BYTES = 4 * 1024 * 1024;
/** Free memories kept per (initial, maximum) pair. */
export const POOL_PER_KEY = 8;

export interface MemoryLimits { initial: number; maximum: number }

const name = (s: string): number[] => [...leb(s.length), ...new TextEncoder().encode(s)];

/**
 * The module with its one defined 32-bit memory (which must have a maximum: run capMemory first)
 * turned into the import IMPORT_MODULE.IMPORT_NAME with the same limits, and those limits; or
 * null when the module has no such memory (none, several, imported, shared or 64-bit): it then
 * runs with its own memory as before.
 */
export function memoryToImport(bytes: Uint8Array): { bytes: Uint8Array; limits: MemoryLimits } | null {
  const sections = moduleSections(bytes);
  const mem = sections.find((s) => s.id === 5);
  if (!mem) return null;
  let [count, p] = readLeb(bytes, mem.body);
  if (count !== 1) return null;
  const flags = bytes[p++]!;
  if (flags !== 1) return null; // needs a maximum; shared (2) and memory64 (4) stay as they are
  let initial: number, maximum: number;
  [initial, p] = readLeb(bytes, p);
  [maximum, p] = readLeb(bytes, p);
  const imp = sections.find((s) => s.id === 2);
  let importBody: number[];
  if (imp) {
    const [n, q] = readLeb(bytes, imp.body);
    // An imported memory would be memory 0 already: leave such modules alone.
    if (hasMemoryImport(bytes, q, n)) return null;
    importBody = [...leb(n + 1), ...bytes.subarray(q, imp.end)];
  } else {
    importBody = [...leb(1)];
  }
  importBody.push(...name(IMPORT_MODULE), ...name(IMPORT_NAME), 0x02, 0x01, ...leb(initial), ...leb(maximum));
  const importSection = new Uint8Array([2, ...leb(importBody.length), ...importBody]);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let placed = false;
  for (const s of sections) {
    if (s.id === 2) { parts.push(importSection); placed = true; continue; }
    if (s.id === 5) continue;
    // Without an import section, it goes before the first section that must follow it.
    if (!placed && s.id !== 0 && s.id !== 1) { parts.push(importSection); placed = true; }
    parts.push(bytes.subarray(s.start, s.end));
  }
  if (!placed) parts.push(importSection);
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of parts) { out.set(x, at); at += x.length; }
  return { bytes: out, limits: { initial, maximum } };
}

function hasMemoryImport(b: Uint8Array, p: number, n: number): boolean {
  for (let i = 0; i < n; i++) {
    let len: number;
    [len, p] = readLeb(b, p); p += len; // module
    [len, p] = readLeb(b, p); p += len; // field
    const kind = b[p++]!;
    if (kind === 2) return true;
    if (kind === 0) [, p] = readLeb(b, p);                       // type index
    else if (kind === 1) { p++; const f = b[p++]!; [, p] = readLeb(b, p); if (f & 1) [, p] = readLeb(b, p); } // table
    else if (kind === 3) p += 2;                                  // global: valtype, mut
    else if (kind === 4) { p++; [, p] = readLeb(b, p); }          // tag
    else throw new Error(`wasm: unknown import kind ${kind}`);
  }
  return false;
}

const pools = new Map<string, WebAssembly.Memory[]>();
const stats = { created: 0, reused: 0 };

/** A zeroed memory of these limits: a pooled one when there is one, else a new one. */
export function takeMemory(limits: MemoryLimits): WebAssembly.Memory {
  const free = pools.get(`${limits.initial}:${limits.maximum}`);
  const m = free?.pop();
  if (m) { stats.reused++; return m; }
  stats.created++;
  return new WebAssembly.Memory({ initial: limits.initial, maximum: limits.maximum });
}

/** Gives a memory back after its process ended: zeroed and pooled, or dropped when large. */
export function releaseMemory(limits: MemoryLimits, m: WebAssembly.Memory): void {
  if (m.buffer.byteLength > Math.max(POOL_MEMORY_BYTES, limits.initial * PAGE)) return;
  const key = `${limits.initial}:${limits.maximum}`;
  let free = pools.get(key);
  if (!free) pools.set(key, (free = []));
  if (free.length >= POOL_PER_KEY) return;
  new Uint8Array(m.buffer).fill(0);
  free.push(m);
}

/** Pool counters (memories created and reused). */
export function memoryPoolStats(): { created: number; reused: number; pooled: number } {
  let pooled = 0;
  for (const f of pools.values()) pooled += f.length;
  return { created: stats.created, reused: stats.reused, pooled };
}
