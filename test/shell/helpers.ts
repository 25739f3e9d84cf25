// Shared helpers for the shell tests: a Kernel + Vfs with the default userland, the shell run as a
// root process (kernel.spawnRoot) with stdout/stderr collected from pipes, and real bash for
// comparisons.

import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { Kernel } from '../../kernel/kernel.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { resolveLimits, type Limits } from '../../kernel/limits.ts';
import { createPipe } from '../../kernel/pipe.ts';
import { Source } from '../../kernel/source.ts';
import { defaultUserland } from '../../kernel/userland.ts';
import { shProgram } from '../../kernel/shell/sh.ts';
import { KernelError } from '../../kernel/errno.ts';
import type { OpenFile } from '../../kernel/types.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

export interface RunResult { stdout: string; stderr: string; status: number; signal?: number }

export interface ShellOptions {
  stdin?: string | Uint8Array;
  files?: Record<string, string>;
  env?: Record<string, string>;
  /** argv after "bash" (default ['-c', script]). */
  args?: string[];
  limits?: Partial<Limits>;
  cwd?: string;
}

export function makeKernel(limits?: Partial<Limits>): Kernel {
  const lim = resolveLimits(limits);
  const userland = defaultUserland();
  const vfs = new Vfs({ base: userland.base, limits: lim });
  const kernel = new Kernel({ vfs, limits: lim, programs: new Map(userland.programs), hostname: 'vm' });
  return kernel;
}

/** Reads an open file to EOF and decodes it as UTF-8 (closes it). */
export async function collect(f: OpenFile): Promise<string> {
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const c = await f.read(65536);
      if (c.length === 0) break;
      chunks.push(c.slice());
    }
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
  }
  f.close();
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.length; }
  return dec.decode(out);
}

/** Runs `bash -c script` (or `bash ...args`) in a fresh kernel; resolves with output and status. */
export async function sh(script: string, opts: ShellOptions = {}): Promise<RunResult> {
  const kernel = makeKernel(opts.limits);
  return shIn(kernel, script, opts);
}

export async function shIn(kernel: Kernel, script: string, opts: ShellOptions = {}): Promise<RunResult> {
  for (const [path, text] of Object.entries(opts.files ?? {})) {
    kernel.vfs.writeFile({ cwd: '/', uid: 0, gid: 0, umask: 0o022 }, path, enc.encode(text), 0o755);
  }
  const [outR, outW] = createPipe(kernel.limits);
  const [errR, errW] = createPipe(kernel.limits);
  const stdin = new Source(typeof opts.stdin === 'string' ? enc.encode(opts.stdin) : opts.stdin ?? new Uint8Array(0));
  const handle = kernel.spawnRoot({
    argv: ['bash', ...(opts.args ?? ['-c', script])], program: shProgram,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', ...opts.env },
    cwd: opts.cwd ?? '/', stdio: [stdin, outW, errW],
  });
  outW.close();
  errW.close();
  const [stdout, stderr, st] = await Promise.all([collect(outR), collect(errR), handle.wait()]);
  const r: RunResult = { stdout, stderr, status: st.status };
  if (st.signal !== undefined) r.signal = st.signal;
  return r;
}

/** Real bash (5.2 on the build machine) for comparison: `bash -c script` with $0 = "bash". */
// Real bash runs scripts that write to /tmp (the same paths the VM scripts use): give it a
// private, empty /tmp in its own mount namespace so the host's /tmp is neither read nor changed.
// Where that is impossible (not root, no unshare) the tests compare with recorded expectations.
const isolate = ['-m', '--propagation', 'private', '/usr/bin/bash', '--norc', '-c',
  'mount -t tmpfs agentvm-test /tmp && exec -a bash /usr/bin/bash --norc "$@"', 'isolate'];

export function realBash(script: string, opts: { stdin?: string; args?: string[] } = {}): RunResult {
  // --norc: bash sources ~/.bashrc when its stdin looks like a remote shell's socket
  const r = spawnSync('unshare', [...isolate, ...(opts.args ?? ['-c', script])], {
    input: opts.stdin ?? '', encoding: 'utf8', cwd: '/',
    env: { LC_ALL: 'C', PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' }, timeout: 20_000,
  });
  const sig = r.signal ? (constants.signals as Record<string, number>)[r.signal] ?? 9 : 9;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? 128 + sig };
}

let bashChecked: boolean | undefined;
/** Whether real bash is available, in an isolated /tmp, to compare with (checked on first use). */
export function haveBash(): boolean {
  return bashChecked ??= spawnSync('unshare', [...isolate, '-c', 'test -z "$(ls -A /tmp)"']).status === 0;
}

/**
 * Runs script in the VM and in real bash and returns both; when real bash is missing the
 * expected values fall back to `expected`.
 */
export async function both(script: string, opts: ShellOptions = {}): Promise<{ vm: RunResult; bash: RunResult | null }> {
  const vm = await sh(script, opts);
  const bash = haveBash() && !opts.files ? realBash(script, { stdin: typeof opts.stdin === 'string' ? opts.stdin : undefined, args: opts.args }) : null;
  return { vm, bash };
}
