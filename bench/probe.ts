// One measurement in a fresh process, printed as JSON on stdout. Called by bench/run.ts:
//   node bench/probe.ts <subject> <metric> [arg]
// subject: agentvm | just-bash | host (the host's bash and native tools: `bash -c` per exec, in a
//          fresh temp dir per "VM")
// metric:  cold [runs]            create + exec('echo hello'), p50/p99 after warm-up
//          memory [count]         RSS per idle VM (count live VMs)
//          memory-used [count]    per idle VM, each having run `ls /` once (the userland must stay
//                                 shared): slope between count and 2×count live VMs
//          yes | seq              streaming pipelines that must end at once
//          tool-first             create + first `ls /` in this process (includes compiling the module)
//          tool-cold [runs]       create + `ls /`, p50/p99 after warm-up (the module is compiled by then)
//          true100                100 sequential external /bin/true runs in one script
//          grep-wc                cat f | grep x | wc -l over a 10,000-line file
//          sort-rn                seq 1 100000 | sort -rn | head -1

import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

type Files = Record<string, string>;

interface Subject {
  /** A fresh VM; `files` are relative to its cwd. */
  create(files?: Files): Promise<unknown>;
  exec(vm: unknown, script: string): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  dispose(vm: unknown): Promise<void>;
}

async function subject(name: string): Promise<Subject> {
  if (name === 'agentvm') {
    const { createVM } = await import('../index.ts');
    type V = Awaited<ReturnType<typeof createVM>>;
    return {
      create: (files) => createVM(files ? { files } : {}),
      exec: (vm, s) => (vm as V).exec(s),
      dispose: (vm) => (vm as V).dispose(),
    };
  }
  if (name === 'just-bash') {
    const { Bash } = await import('just-bash');
    type B = InstanceType<typeof Bash>;
    return {
      create: async (files) => new Bash({
        cwd: '/home/user',
        ...(files ? { files: Object.fromEntries(Object.entries(files).map(([p, d]) => [`/home/user/${p}`, d])) } : {}),
      }),
      exec: (vm, s) => (vm as B).exec(s),
      dispose: async () => {},
    };
  }
  if (name === 'host') {
    return {
      create: async (files) => {
        const dir = mkdtempSync(join(tmpdir(), 'agentvm-bench-'));
        for (const [p, d] of Object.entries(files ?? {})) {
          mkdirSync(dirname(join(dir, p)), { recursive: true });
          writeFileSync(join(dir, p), d);
        }
        return dir;
      },
      exec: (dir, s) => new Promise((resolve, reject) => {
        const child = spawn('/usr/bin/bash', ['-c', s], {
          cwd: dir as string, env: { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C', HOME: dir as string },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
        child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
        child.on('error', reject);
        child.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? 128 }));
      }),
      dispose: async (dir) => rmSync(dir as string, { recursive: true, force: true }),
    };
  }
  throw new Error(`unknown subject ${name}`);
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function check(r: { stdout: string; stderr: string }, expect: string | ((s: string) => boolean), what: string): void {
  const ok = typeof expect === 'string' ? r.stdout === expect : expect(r.stdout);
  if (!ok) throw new Error(`${what}: unexpected output ${JSON.stringify(r.stdout.slice(0, 80))} ${JSON.stringify(r.stderr.slice(0, 80))}`);
}

/** create + exec(script) + dispose, p50/p99 over `runs` after `warm` untimed runs. */
async function cold(s: Subject, runs: number, script: string, expect: string | ((s: string) => boolean), warm = 200): Promise<object> {
  const once = async () => {
    const vm = await s.create();
    const r = await s.exec(vm, script);
    check(r, expect, script);
    await s.dispose(vm);
  };
  for (let i = 0; i < warm; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p99: pct(times, 99), runs };
}

/** The first create + exec(script) in this process: module loading and compiling included. */
async function first(s: Subject, script: string, expect: (s: string) => boolean): Promise<object> {
  const t0 = performance.now();
  const vm = await s.create();
  const r = await s.exec(vm, script);
  const ms = performance.now() - t0;
  check(r, expect, script);
  await s.dispose(vm);
  return { ms };
}

async function settle(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 5; i++) { gc?.(); await new Promise((r) => setTimeout(r, 50)); }
  return process.memoryUsage();
}

/** RSS per idle VM: (RSS with `count` live VMs − RSS before) / count. */
async function memory(s: Subject, count: number): Promise<object> {
  // Warm the subject once so module-level and shared state is not counted per VM.
  const warm = await s.create();
  await s.exec(warm, 'echo warm');
  const before = (await settle()).rss;
  const vms: unknown[] = [];
  for (let i = 0; i < count; i++) vms.push(await s.create());
  const after = (await settle()).rss;
  if (vms.length !== count) throw new Error('lost VMs');
  return { bytesPerVm: (after - before) / count, count };
}

/**
 * Memory per idle VM that has run `use` (e.g. `ls /`, a WASM tool): the compiled modules must be
 * shared and no instance kept. Measured as the slope between `count` and 2×`count` live VMs, since
 * the first batch also absorbs one-off state (caches filled, warm-up memory returned late).
 */
async function memoryUsed(s: Subject, count: number, use: string): Promise<object> {
  const vms: unknown[] = [];
  const batch = async () => {
    for (let i = 0; i < count; i++) {
      const vm = await s.create();
      check(await s.exec(vm, use), (o) => o.includes('bin'), use);
      vms.push(vm);
    }
    return settle();
  };
  const m0 = await batch();
  const m1 = await batch();
  if (vms.length !== 2 * count) throw new Error('lost VMs');
  return {
    bytesPerVm: (m1.rss - m0.rss) / count,
    heapPerVm: (m1.heapUsed + m1.external - m0.heapUsed - m0.external) / count,
    count: 2 * count,
  };
}

/** One VM, one warm-up run, then the median of `runs`. */
async function stream(s: Subject, script: string, expect: string, files?: Files, runs = 5): Promise<object> {
  const vm = await s.create(files);
  let r = await s.exec(vm, script);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    r = await s.exec(vm, script);
    times.push(performance.now() - t0);
  }
  await s.dispose(vm);
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], ok: r.stdout === expect, stdout: r.stdout.slice(0, 40), stderr: r.stderr.trim().split('\n')[0]?.slice(0, 60) };
}

function tenKLines(): string {
  let t = '';
  for (let i = 1; i <= 10_000; i++) t += i % 3 === 0 ? `row ${i} has x here\n` : `row ${i} plain\n`;
  return t;
}

const hasBin = (o: string) => o.split('\n').includes('bin');
const [name, metric, arg] = process.argv.slice(2);
const s = await subject(name!);
let out: object;
if (metric === 'cold') out = await cold(s, Number(arg ?? 1000), 'echo hello', 'hello\n');
else if (metric === 'memory') out = await memory(s, Number(arg ?? 1000));
else if (metric === 'memory-used') out = await memoryUsed(s, Number(arg ?? 500), 'ls /');
else if (metric === 'yes') out = await stream(s, 'yes | head -1', 'y\n');
else if (metric === 'seq') out = await stream(s, 'seq 1 10000000 | head -2', '1\n2\n');
else if (metric === 'tool-first') out = await first(s, 'ls /', hasBin);
else if (metric === 'tool-cold') out = await cold(s, Number(arg ?? 500), 'ls /', hasBin, 50);
else if (metric === 'true100') out = await stream(s, 'i=0; while [ $i -lt 100 ]; do /bin/true || break; i=$((i + 1)); done; echo $i', '100\n');
else if (metric === 'grep-wc') out = await stream(s, 'cat f | grep x | wc -l', '3333\n', { f: tenKLines() }, 9);
else if (metric === 'sort-rn') out = await stream(s, 'seq 1 100000 | sort -rn | head -1', '100000\n');
else throw new Error(`unknown metric ${metric}`);
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);
