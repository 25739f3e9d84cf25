// Test harness for the JS utilities: a real Kernel over a real Vfs, every utility registered at
// its Debian path, one program run with argv/stdin/files, stdout/stderr/status collected.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { Kernel, type ProcessHandle } from '../../kernel/kernel.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { createBaseImage } from '../../kernel/vfs/baseimage.ts';
import { resolveLimits } from '../../kernel/limits.ts';
import { createPipe } from '../../kernel/pipe.ts';
import { Collector } from '../../kernel/collector.ts';
import { Source } from '../../kernel/source.ts';
import { jsUtilities, utilityPaths } from '../../kernel/bin/index.ts';
import type { OpenFile, Program } from '../../kernel/types.ts';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
  signal?: number;
  stdoutBytes: Uint8Array;
}

export interface RunOptions {
  stdin?: string | Uint8Array;
  cwd?: string;
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
  /** Give the process this stdout instead of a collector (e.g. a pipe end). */
  stdout?: OpenFile;
  /** SIGKILL the process after this many ms (default 10 s): a hung utility fails its test. */
  timeoutMs?: number;
  /** Stop collecting stdout past this many bytes (default 64 MiB). */
  maxOutput?: number;
}

const programs = new Map<string, Program>();
const base = createBaseImage();
for (const p of jsUtilities) {
  programs.set(p.name, p);
  for (const path of utilityPaths(p.name)) base.installProgram(path, p.name);
}

export const defaultEnv: Record<string, string> = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', LC_ALL: 'C' };

/** One VM-like kernel; files are created as root. */
export class TestBox {
  readonly limits = resolveLimits();
  readonly vfs: Vfs;
  readonly kernel: Kernel;
  now: number;
  constructor(opts: { now?: number } = {}) {
    this.now = opts.now ?? Date.UTC(2025, 10, 25, 6, 0, 0);
    this.vfs = new Vfs({ base, limits: this.limits, now: () => this.now });
    this.kernel = new Kernel({ vfs: this.vfs, limits: this.limits, programs, now: () => this.now });
  }

  get ctx() {
    return { cwd: '/', uid: 0, gid: 0, umask: 0o022 };
  }

  write(path: string, data: string | Uint8Array, mode?: number): void {
    const parts = path.split('/').filter(Boolean);
    let dir = '';
    for (const p of parts.slice(0, -1)) {
      dir += `/${p}`;
      try {
        this.vfs.mkdir(this.ctx, dir, 0o755);
      } catch { /* exists */ }
    }
    this.vfs.writeFile(this.ctx, path, typeof data === 'string' ? encoder.encode(data) : data, mode);
  }

  read(path: string): string {
    return decoder.decode(this.vfs.readFile(this.ctx, path));
  }

  exists(path: string): boolean {
    try {
      this.vfs.lstat(this.ctx, path);
      return true;
    } catch {
      return false;
    }
  }

  mkdir(path: string, mode = 0o755): void {
    this.vfs.mkdir(this.ctx, path, mode);
  }

  /** Runs argv (argv[0] resolved through PATH) and collects its output. */
  async run(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
    const stdin = new Source(opts.stdin === undefined ? new Uint8Array(0) : typeof opts.stdin === 'string' ? encoder.encode(opts.stdin) : opts.stdin);
    const out = new Collector(opts.maxOutput ?? 64 << 20);
    const err = new Collector(1 << 20);
    const h = this.kernel.spawnRoot({
      argv, env: { ...defaultEnv, ...opts.env }, cwd: opts.cwd ?? '/', stdio: [stdin, opts.stdout ?? out, err],
      uid: opts.uid ?? 0, gid: opts.gid ?? 0,
    });
    const timer = setTimeout(() => h.kill(9), opts.timeoutMs ?? 10_000);
    const st = await h.wait();
    clearTimeout(timer);
    const bytes = out.bytesValue();
    const r: RunResult = { stdout: decoder.decode(bytes), stderr: err.text(), status: st.status, stdoutBytes: bytes };
    if (st.signal !== undefined) r.signal = st.signal;
    return r;
  }

  /**
   * Runs argv with stdout on a pipe; reads `readBytes` bytes (at least) from it, then closes the
   * read end. Resolves with the status and what was read.
   */
  async runIntoClosedPipe(argv: string[], readBytes: number, opts: RunOptions = {}): Promise<{ status: number; signal?: number; got: Uint8Array }> {
    const [r, w] = createPipe(this.limits);
    const stdin = opts.stdin === undefined ? null : new Source(typeof opts.stdin === 'string' ? encoder.encode(opts.stdin) : opts.stdin);
    const err = new Collector(1 << 20);
    const h = this.kernel.spawnRoot({
      argv, env: { ...defaultEnv, ...opts.env }, cwd: opts.cwd ?? '/', stdio: [stdin ?? new Source(new Uint8Array(0)), w, err],
      uid: 0, gid: 0,
    });
    w.close();
    const parts: Uint8Array[] = [];
    let n = 0;
    while (n < readBytes) {
      const c = await r.read(65536);
      if (c.length === 0) break;
      parts.push(c.slice());
      n += c.length;
    }
    r.close();
    const st = await h.wait();
    const got = new Uint8Array(n);
    let off = 0;
    for (const p of parts) {
      got.set(p, off);
      off += p.length;
    }
    return { status: st.status, signal: st.signal, got };
  }
}

export interface PipelineResult {
  stdout: string;
  stderr: string;
  /** shell-style status of each stage */
  statuses: number[];
  ms: number;
}

/** Runs argv1 | argv2 | … with kernel pipes between the stages, like a shell pipeline. */
export async function pipeline(box: TestBox, stages: string[][], opts: RunOptions = {}): Promise<PipelineResult> {
  const t0 = performance.now();
  const out = new Collector(opts.maxOutput ?? 64 << 20);
  const err = new Collector(1 << 20);
  let input: OpenFile = new Source(opts.stdin === undefined ? new Uint8Array(0) : typeof opts.stdin === 'string' ? encoder.encode(opts.stdin) : opts.stdin);
  const handles: ProcessHandle[] = [];
  for (let i = 0; i < stages.length; i++) {
    const last = i === stages.length - 1;
    const [r, w] = last ? [null, null] : createPipe(box.limits);
    const h = box.kernel.spawnRoot({
      argv: stages[i]!, env: { ...defaultEnv, ...opts.env }, cwd: opts.cwd ?? '/', stdio: [input, w ?? out, err],
      uid: 0, gid: 0, pgid: handles.length ? handles[0]!.pid : undefined,
    });
    handles.push(h);
    // the processes hold their own references now
    if (i > 0) input.close();
    w?.close();
    if (r) input = r;
  }
  const timer = setTimeout(() => { for (const h of handles) h.kill(9); }, opts.timeoutMs ?? 10_000);
  const sts = await Promise.all(handles.map((h) => h.wait()));
  clearTimeout(timer);
  return { stdout: out.text(), stderr: err.text(), statuses: sts.map((s) => s.status), ms: performance.now() - t0 };
}

/** Runs a host GNU tool with LC_ALL=C (and TZ=UTC); null if it is not installed. */
export function gnu(argv: string[], input?: string | Uint8Array, cwd?: string): { stdout: string; stderr: string; status: number } | null {
  const inp = typeof input === 'string' ? encoder.encode(input) : input;
  const r = spawnSync(argv[0]!, argv.slice(1), { input: inp, cwd, env: { PATH: '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC' } });
  if (r.error) return null;
  return { stdout: decoder.decode(r.stdout), stderr: decoder.decode(r.stderr), status: r.status ?? 128 + 0 };
}

/** Whether the host has GNU coreutils (tests comparing with it skip otherwise). */
export const hasGnu = (() => {
  const r = gnu(['sort', '--version']);
  return r !== null && r.stdout.includes('GNU coreutils');
})();

/** A file tree entry: content (string), a directory (null), or a symlink ({ link }). */
export type TreeEntry = string | Uint8Array | null | { link: string } | { content: string | Uint8Array; mode?: number; mtime?: number } | { dir: true; mode?: number; mtime?: number };

/**
 * The same tree in a TestBox (under /w) and in a host temp directory, for comparing utilities
 * with the host's GNU tools. Modes and times are applied to both.
 */
export class Twin {
  readonly box: TestBox;
  readonly host: string;
  constructor(tree: Record<string, TreeEntry>, opts: { now?: number } = {}) {
    this.box = new TestBox({ now: opts.now ?? Date.now() });
    this.host = mkdtempSync(join(tmpdir(), 'agentvm-bin-'));
    const ctx = this.box.ctx;
    this.box.mkdir('/w');
    const times: [string, number][] = [];
    for (const [p, e] of Object.entries(tree)) {
      const bp = `/w/${p}`;
      const hp = join(this.host, p);
      if (e === null || (typeof e === 'object' && 'dir' in e)) {
        const mode = e && 'mode' in e && e.mode !== undefined ? e.mode : 0o755;
        this.box.vfs.mkdir(ctx, bp, mode);
        this.box.vfs.chmod(ctx, bp, mode);
        mkdirSync(hp);
        chmodSync(hp, mode);
        if (e && e.mtime !== undefined) times.push([p, e.mtime]);
      } else if (typeof e === 'object' && !(e instanceof Uint8Array) && 'link' in e) {
        this.box.vfs.symlink(ctx, e.link, bp);
        symlinkSync(e.link, hp);
      } else {
        const plain = typeof e === 'string' || e instanceof Uint8Array;
        const content = plain ? e : e.content;
        const mode = plain ? 0o644 : e.mode ?? 0o644;
        this.box.write(bp, content, mode);
        this.box.vfs.chmod(ctx, bp, mode);
        writeFileSync(hp, content);
        chmodSync(hp, mode);
        if (!plain && e.mtime !== undefined) times.push([p, e.mtime]);
      }
    }
    for (const [p, t] of times.reverse()) {
      this.box.vfs.utimes(ctx, `/w/${p}`, t, t);
      utimesSync(join(this.host, p), t / 1000, t / 1000);
    }
  }

  /** Runs argv in both (cwd = the tree's root) and returns both results, host paths hidden. */
  async both(argv: string[], stdin?: string | Uint8Array): Promise<{ box: RunResult; gnu: { stdout: string; stderr: string; status: number } | null }> {
    const box = await this.box.run(argv, { cwd: '/w', stdin, env: { TZ: 'UTC' } });
    const g = hasGnu ? gnu(argv, stdin ?? '', this.host) : null;
    if (g) {
      g.stdout = g.stdout.split(this.host).join('/w');
      g.stderr = g.stderr.split(this.host).join('/w');
    }
    return { box, gnu: g };
  }

  /** Asserts the utility behaves exactly like the host's GNU tool (skipped without GNU). */
  async expectSame(argv: string[], stdin?: string | Uint8Array): Promise<RunResult> {
    const { box, gnu: g } = await this.both(argv, stdin);
    if (g) {
      assert.deepEqual({ stdout: box.stdout, stderr: box.stderr, status: box.status }, g, `${argv.join(' ')} differs from GNU`);
    }
    return box;
  }

  dispose(): void {
    rmSync(this.host, { recursive: true, force: true });
  }
}
