// One measurement in a fresh process, printed as JSON on stdout. Called by bench/run.ts:
//   node bench/probe.ts <subject> <metric> [args]
// subject: agentvm | just-bash; metric: cold | memory | stream

import { performance } from 'node:perf_hooks';

interface Subject {
  create(): Promise<unknown>;
  exec(vm: unknown, script: string): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  dispose(vm: unknown): Promise<void>;
}

async function subject(name: string): Promise<Subject> {
  if (name === 'agentvm') {
    const { createVM } = await import('../index.ts');
    type V = Awaited<ReturnType<typeof createVM>>;
    return {
      create: () => createVM(),
      exec: (vm, s) => (vm as V).exec(s),
      dispose: (vm) => (vm as V).dispose(),
    };
  }
  if (name === 'just-bash') {
    const { Bash } = await import('just-bash');
    type B = InstanceType<typeof Bash>;
    return {
      create: async () => new Bash(),
      exec: (vm, s) => (vm as B).exec(s),
      dispose: async () => {},
    };
  }
  throw new Error(`unknown subject ${name}`);
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function cold(s: Subject, runs: number): Promise<object> {
  const once = async () => {
    const vm = await s.create();
    const r = await s.exec(vm, 'echo hello');
    if (r.stdout !== 'hello\n') throw new Error(`unexpected output ${JSON.stringify(r.stdout)}`);
    await s.dispose(vm);
  };
  for (let i = 0; i < 200; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p99: pct(times, 99), runs };
}

async function memory(s: Subject, count: number): Promise<object> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Warm the subject once so module-level and shared state is not counted per VM.
  const warm = await s.create();
  await s.exec(warm, 'echo warm');
  gc?.(); gc?.();
  const before = process.memoryUsage().rss;
  const vms: unknown[] = [];
  for (let i = 0; i < count; i++) vms.push(await s.create());
  gc?.(); gc?.();
  const after = process.memoryUsage().rss;
  const perVm = (after - before) / count;
  if (vms.length !== count) throw new Error('lost VMs');
  return { bytesPerVm: perVm, count };
}

async function stream(s: Subject, script: string, expect: string): Promise<object> {
  const vm = await s.create();
  // One warm-up run (JIT, lazy module state), then the median of five.
  let r = await s.exec(vm, script);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    r = await s.exec(vm, script);
    times.push(performance.now() - t0);
  }
  await s.dispose(vm);
  times.sort((a, b) => a - b);
  return { ms: times[2], ok: r.stdout === expect, stdout: r.stdout.slice(0, 40), stderr: r.stderr.trim().split('\n')[0]?.slice(0, 60) };
}

const [name, metric, arg] = process.argv.slice(2);
const s = await subject(name!);
let out: object;
if (metric === 'cold') out = await cold(s, Number(arg ?? 1000));
else if (metric === 'memory') out = await memory(s, Number(arg ?? 1000));
else if (metric === 'yes') out = await stream(s, 'yes | head -1', 'y\n');
else if (metric === 'seq') out = await stream(s, 'seq 1 10000000 | head -2', '1\n2\n');
else throw new Error(`unknown metric ${metric}`);
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);
