// Shared helpers for the process-layer tests (test/proc, test/pipe, test/tty): a kernel over
// the real VFS, small Program closures, and byte/string helpers.

import { Kernel, type ProcessHandle } from '../../kernel/kernel.ts';
import { resolveLimits, type Limits } from '../../kernel/limits.ts';
import { createPipe } from '../../kernel/pipe.ts';
import type { OpenFile, Proc, Program } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { createBaseImage } from '../../kernel/vfs/baseimage.ts';

export const enc = new TextEncoder();
export const dec = new TextDecoder();

export function program(name: string, run: (p: Proc) => Promise<number>): Program {
  return { name, run };
}

/** What test setup may do to the image before the kernel starts. */
export interface ImageSetup {
  installProgram(path: string, name: string): void;
  writeFile(path: string, data: string | Uint8Array, mode?: number): void;
}

/** A kernel over a fresh filesystem (so tests may install their own programs). */
export function makeKernel(limits?: Partial<Limits>, setup?: (img: ImageSetup) => void): Kernel {
  const lim = resolveLimits(limits);
  const base = createBaseImage();
  setup?.(base);
  return new Kernel({ vfs: new Vfs({ base, limits: lim }), limits: lim });
}

/** Runs `prog` as a root process with a pipe for stdout/stderr; returns status and output. */
export async function runRoot(kernel: Kernel, prog: Program, argv: string[] = [prog.name],
  env: Record<string, string> = { PATH: '/bin:/usr/bin' }): Promise<{ status: number; signal?: number; out: string; handle: ProcessHandle }> {
  const [r, w] = createPipe(kernel.limits);
  const [ir, iw] = createPipe(kernel.limits);
  iw.close();
  const handle = kernel.spawnRoot({ argv, program: prog, env, cwd: '/', stdio: [ir, w, w] });
  ir.close();
  w.close();
  const chunks: Uint8Array[] = [];
  const reading = (async () => {
    for (;;) {
      const c = await r.read(65536);
      if (c.length === 0) break;
      chunks.push(c.slice());
    }
    r.close();
  })();
  const st = await handle.wait();
  await reading;
  return { status: st.status, signal: st.signal, out: dec.decode(concat(chunks)), handle };
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.length; }
  return out;
}

/** Reads an OpenFile to EOF. */
export async function readAll(f: OpenFile): Promise<string> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const c = await f.read(65536);
    if (c.length === 0) break;
    chunks.push(c.slice());
  }
  return dec.decode(concat(chunks));
}

export function tick(ms = 0): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until cond() holds (or fails the test after `ms`). */
export async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for condition');
    await tick(1);
  }
}
