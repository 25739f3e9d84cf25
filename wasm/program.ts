// WasmProgram: a WASI preview1 command module (wasm32-wasi, `_start`) run as a kernel Program.
// Modules are compiled once per host process and shared by every VM (cache keyed by content or
// host file identity, plus the memory cap); each run instantiates afresh and runs `_start`
// through JSPI so blocking syscalls suspend only this process.

import type { Limits } from '../kernel/limits.ts';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { Proc, Program } from '../kernel/types.ts';
import { Signal } from '../kernel/types.ts';
import { Preview1, hasJspi } from './wasi/preview1.ts';
import { MemoryLimitError, PAGE, capMemory } from './wasi/memlimit.ts';
import { IMPORT_MODULE, IMPORT_NAME, memoryToImport, releaseMemory, takeMemory, type MemoryLimits } from './wasi/mempool.ts';
import { fuelImports, fuelOrWarn, type FuelCounters } from './fuel.ts';

/** Where a module comes from: its bytes, or a host file path / file: URL (re-read when it changes). */
export type WasmSource = Uint8Array | ArrayBuffer | string | URL;

export interface WasmProgramOptions {
  /**
   * Largest linear memory of one process, in bytes (rounded down to 64 KiB pages). Default:
   * kernel.limits.wasmMemoryBytes (kernel/limits.ts), else DEFAULT_WASM_MEMORY.
   */
  maxMemoryBytes?: number;
  /**
   * Fuel checks at loop headers and recursive function entries (wasm/fuel.ts), so that a
   * syscall-free loop yields the host and can be killed. Default true; false only for measuring.
   */
  fuel?: boolean;
  /**
   * The source file does not change while this host process runs (the built userland): its
   * identity is checked on the first run only, instead of a stat(2) of the host file per run.
   */
  immutable?: boolean;
  /** Tick counters every run of this program adds to (tests and measurements). */
  fuelCounters?: FuelCounters;
}

/** Default per-process memory cap for WASM programs. */
export const DEFAULT_WASM_MEMORY = 512 * 1024 * 1024;

/** Exit statuses of runtime failures that are not the program's own. */
export const STATUS_CANNOT_RUN = 126;

const cache = new Map<string, Promise<WebAssembly.Module>>();
/** Modules whose memory became an import (wasi/mempool.ts): its limits. */
const pooledMemory = new WeakMap<WebAssembly.Module, MemoryLimits>();
const stats = { compiles: 0, hits: 0 };

/** Module cache counters: compiles (WebAssembly.compile calls), hits (runs served from cache). */
export function moduleCacheStats(): { compiles: number; hits: number; entries: number } {
  return { compiles: stats.compiles, hits: stats.hits, entries: cache.size };
}

/** Drops every compiled module (the next run compiles again). */
export function clearModuleCache(): void {
  cache.clear();
}

interface Promising { promising(fn: Function): (...args: unknown[]) => Promise<unknown> }

/** Which signal a trap stands for (Linux would have raised it for the same fault). */
export function trapSignal(e: unknown): number {
  const m = e instanceof Error ? e.message : '';
  if (/unreachable/i.test(m)) return Signal.SIGABRT; // abort() and __builtin_trap()
  if (/divide by zero|integer overflow|float unrepresentable|remainder by zero/i.test(m)) return Signal.SIGFPE;
  if (/out of bounds|call stack|null function|signature mismatch|table index/i.test(m)) return Signal.SIGSEGV;
  return Signal.SIGILL;
}

function isTrap(e: unknown): boolean {
  return e instanceof WebAssembly.RuntimeError || (e instanceof RangeError && /call stack/i.test(e.message));
}

export class WasmProgram implements Program {
  readonly name: string;
  readonly #source: WasmSource;
  readonly #opts: WasmProgramOptions;
  #bytesKey: string | null = null;
  #bytes: Uint8Array | null = null;
  #fileKey: string | null = null;

  constructor(name: string, source: WasmSource, opts: WasmProgramOptions = {}) {
    if (typeof name !== 'string' || name === '') throw new TypeError('WasmProgram(name, source): name must be a non-empty string');
    this.name = name;
    this.#source = source;
    this.#opts = opts;
  }

  /** Memory cap in pages for a run in this kernel. */
  maxPages(limits?: Pick<Limits, 'wasmMemoryBytes'>): number {
    const bytes = this.#opts.maxMemoryBytes ?? limits?.wasmMemoryBytes ?? DEFAULT_WASM_MEMORY;
    return Math.max(1, Math.min(65536, Math.floor(bytes / PAGE)));
  }

  /** The compiled module (compiled at most once per source identity and memory cap). */
  async module(maxPages: number = this.maxPages()): Promise<WebAssembly.Module> {
    let key: string;
    let load: () => Promise<Uint8Array>;
    const src = this.#source;
    if (typeof src === 'string' || src instanceof URL) {
      if (this.#fileKey === null || !this.#opts.immutable) {
        const st = await stat(src);
        this.#fileKey = `file:${String(src)}:${st.size}:${st.mtimeMs}`;
      }
      key = this.#fileKey;
      load = async () => new Uint8Array(await readFile(src));
    } else {
      if (this.#bytesKey === null) {
        this.#bytes = src instanceof Uint8Array ? src : new Uint8Array(src);
        this.#bytesKey = `sha256:${createHash('sha256').update(this.#bytes).digest('hex')}`;
      }
      key = this.#bytesKey;
      const bytes = this.#bytes!;
      load = async () => bytes;
    }
    const fuel = this.#opts.fuel !== false;
    key += `:pages=${maxPages}:fuel=${fuel}`;
    let p = cache.get(key);
    if (p) {
      stats.hits++;
      return p;
    }
    p = (async () => {
      stats.compiles++;
      const capped = capMemory(await load(), maxPages);
      const fueled = fuel ? fuelOrWarn(capped, this.name) : capped;
      const imported = memoryToImport(fueled);
      const mod = await WebAssembly.compile((imported?.bytes ?? fueled) as Uint8Array<ArrayBuffer>);
      if (imported) pooledMemory.set(mod, imported.limits);
      return mod;
    })();
    cache.set(key, p);
    p.catch(() => { if (cache.get(key) === p) cache.delete(key); });
    return p;
  }

  async run(proc: Proc): Promise<number> {
    const argv0 = proc.argv[0] ?? this.name;
    const fail = async (msg: string, status: number): Promise<number> => {
      await proc.write(2, `${argv0}: ${msg}\n`).catch(() => {});
      return status;
    };
    if (!hasJspi) return fail('cannot run WebAssembly: this host lacks JSPI (WebAssembly.Suspending)', STATUS_CANNOT_RUN);
    let mod: WebAssembly.Module;
    try {
      mod = await this.module(this.maxPages(proc.kernel.limits));
    } catch (e) {
      if (e instanceof MemoryLimitError) return fail(`cannot allocate memory: ${e.message}`, STATUS_CANNOT_RUN);
      return fail(`cannot load WebAssembly module: ${e instanceof Error ? e.message : String(e)}`, STATUS_CANNOT_RUN);
    }
    if (proc.killed) throw proc.signal.reason;
    const wasi = new Preview1(proc);
    const limits = pooledMemory.get(mod);
    const pooled = limits ? takeMemory(limits) : null;
    let instance: WebAssembly.Instance;
    try {
      const imports: WebAssembly.Imports = { ...wasi.imports(), ...fuelImports(proc, this.#opts.fuelCounters) };
      if (pooled) imports[IMPORT_MODULE] = { [IMPORT_NAME]: pooled };
      instance = new WebAssembly.Instance(mod, imports);
    } catch (e) {
      if (pooled) releaseMemory(limits!, pooled);
      return fail(`cannot instantiate WebAssembly module: ${e instanceof Error ? e.message : String(e)}`, STATUS_CANNOT_RUN);
    }
    try {
      return await this.#start(proc, instance, wasi, argv0, fail);
    } finally {
      // The instance's stack has unwound (or never started): nothing can touch the memory again.
      if (pooled) releaseMemory(limits!, pooled);
    }
  }

  async #start(proc: Proc, instance: WebAssembly.Instance, wasi: Preview1, argv0: string,
    fail: (msg: string, status: number) => Promise<number>): Promise<number> {
    const { memory, _start } = instance.exports as { memory?: unknown; _start?: unknown };
    if (!(memory instanceof WebAssembly.Memory) || typeof _start !== 'function') {
      return fail('not a WASI command module (needs exported memory and _start)', STATUS_CANNOT_RUN);
    }
    wasi.mem.attach(memory);
    const start = (WebAssembly as unknown as Promising).promising(_start as Function);
    try {
      await start();
      return 0;
    } catch (e) {
      if (proc.killed) throw proc.signal.reason;
      if (!isTrap(e)) throw e;
      const sig = trapSignal(e);
      await proc.write(2, `${argv0}: wasm trap: ${(e as Error).message}\n`).catch(() => {});
      proc.kill(proc.pid, sig); // default action ends the process here (throws its exit)
      return 128 + sig;         // the signal is ignored: report it as the exit status
    }
  }
}
