// Fuel (wasm/fuel.ts) costs and guarantees, on the real modules in wasm/dist:
//   node bench/wasm-fuel.bench.ts [reps] [rewrite] [run] [stall]   (default: 5 runs, every part)
// Parts: rewrite time per module (first call in a fresh process, warm, vs WebAssembly.compile);
// run time of CPU-heavy commands with and without fuel (main-thread CPU and wall; the variants
// alternate so they share the machine's noise; outputs must match); the host stall while a
// fuelled command computes in one VM (lateness of 1 ms timers, an `echo` in a second VM, kill).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVM, type VM } from '../index.ts';
import { WasmProgram } from '../wasm/index.ts';
import { addFuel } from '../wasm/fuel.ts';

const DIST = join(import.meta.dirname, '..', 'wasm', 'dist');
const reps = Number(process.argv[2] ?? 5);
const parts = new Set(process.argv.slice(3));
const want = (part: string): boolean => parts.size === 0 || parts.has(part);
const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

if (!existsSync(join(DIST, 'manifest.json'))) {
  console.log('wasm/dist is not built (wasm/build/build.sh): nothing to measure');
  process.exit(0);
}
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { file: string; commands: string[] }[];

// ---- rewrite time vs compile time. The rewrite runs once per module per host process, so its
// first call (cold JIT) counts: measured in fresh processes; "warm" is the median in one process.
const fuelUrl = new URL('../wasm/fuel.ts', import.meta.url).href;
function coldRewrite(file: string): number {
  const code = `import { addFuel } from ${JSON.stringify(fuelUrl)}; import { readFileSync } from 'node:fs';
    const b = new Uint8Array(readFileSync(${JSON.stringify(file)})); const t = performance.now(); addFuel(b);
    console.log(performance.now() - t);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim());
}
if (want('rewrite')) {
  console.log('| module | bytes | loops | entries | rewrite: first call (fresh process) | warm | compile original | compile rewritten |');
  console.log('|---|---|---|---|---|---|---|---|');
}
for (const f of want('rewrite') ? readdirSync(DIST).filter((x) => x.endsWith('.wasm')).sort() : []) {
  const bytes = new Uint8Array(readFileSync(join(DIST, f)));
  const cold: number[] = [];
  const rw: number[] = [];
  const c0: number[] = [];
  const c1: number[] = [];
  let out = addFuel(bytes);
  for (let i = 0; i < reps; i++) {
    cold.push(coldRewrite(join(DIST, f)));
    let t = performance.now();
    out = addFuel(bytes);
    rw.push(performance.now() - t);
    t = performance.now();
    await WebAssembly.compile(bytes);
    c0.push(performance.now() - t);
    t = performance.now();
    await WebAssembly.compile(out.bytes as Uint8Array<ArrayBuffer>);
    c1.push(performance.now() - t);
  }
  console.log(`| ${f} | ${bytes.length} | ${out.stats.loops} | ${out.stats.entries} | ${ms(median(cold))} | ${ms(median(rw))} | ${ms(median(c0))} | ${ms(median(c1))} |`);
}

// ---- run time with and without fuel
async function vmWith(fuel: boolean): Promise<VM> {
  const vm = await createVM({ limits: { fileSize: 256 * 1024 * 1024 } });
  for (const m of manifest) {
    for (const c of m.commands) {
      // program names are shared by every VM of the host: the variants need their own
      vm.kernel.registerProgram(new WasmProgram(`${fuel ? 'fuel' : 'nofuel'}-${c}`, join(DIST, m.file), { fuel }), [`/usr/local/bin/${c}`]);
    }
  }
  return vm;
}

let burn: string | null = null;
try {
  const dir = mkdtempSync(join(tmpdir(), 'agentvm-fuel-bench-'));
  burn = join(dir, 'wburn.wasm');
  const fx = join(import.meta.dirname, '..', 'test', 'wasm', 'fixtures');
  execFileSync(process.env.CLANG ?? 'clang', ['--target=wasm32-wasi', '-O2', '-o', burn, join(fx, 'wburn.c'), join(fx, 'compat', 'cwd.c')], { stdio: 'ignore' });
} catch {
  burn = null;
}

const withFuel = await vmWith(true);
const without = await vmWith(false);
for (const vm of [withFuel, without]) {
  if (burn) vm.kernel.registerProgram(new WasmProgram(vm === withFuel ? 'fuel-wburn' : 'nofuel-wburn', burn, { fuel: vm === withFuel }), ['/usr/local/bin/wburn']);
  const setup = await vm.exec([
    "awk 'BEGIN{srand(1); for(i=0;i<200000;i++) print int(rand()*1e9)}' > /tmp/lines",
    'head -c 52428800 /dev/zero | tr "\\0" a > /tmp/50m',
    'seq 1 2000000 > /tmp/nums',
  ].join('; '));
  if (setup.exitCode !== 0) throw new Error(`setup failed: ${setup.stderr}`);
}

const rows: [string, string][] = [
  ['sort 200k lines', 'sort /tmp/lines | tail -1'],
  ['gawk loop 3e7', "awk 'BEGIN{for(i=0;i<3e7;i++)s+=i; print s}'"],
  ['sha256sum 50 MB', 'sha256sum /tmp/50m'],
  ['gzip -1 50 MB', 'gzip -1 -c /tmp/50m | wc -c'],
  ['grep -c regex 2M lines', "grep -cE '^(1|2)[0-9]*7$' /tmp/nums"],
  ['sed s/// 2M lines', "sed 's/\\([0-9]\\)\\([0-9]\\)/\\2\\1/g' /tmp/nums | tail -1"],
];
if (burn) rows.push(['wburn count 1e9 (3-instruction loop)', 'wburn count 1000000000']);

// main-thread CPU time is steadier than wall time on a shared machine (V8 compiles on other threads)
const cpu = (): number => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
console.log('\n| workload | no fuel: wall / cpu | fuel: wall / cpu | overhead wall / cpu |');
console.log('|---|---|---|---|');
const pct = (a: number, b: number): string => `${(((b - a) / a) * 100).toFixed(1)} %`;
for (const [label, cmd] of want('run') ? rows : []) {
  const wall: [number[], number[]] = [[], []];
  const cpus: [number[], number[]] = [[], []];
  const outs = ['', ''];
  for (let i = 0; i <= reps; i++) {
    for (const k of i % 2 ? [0, 1] : [1, 0]) {
      const vm = k ? withFuel : without;
      const t = performance.now();
      const c = cpu();
      const r = await vm.exec(cmd);
      const dc = cpu() - c;
      const dt = performance.now() - t;
      if (r.exitCode !== 0) throw new Error(`${cmd}: exit ${r.exitCode}: ${r.stderr}`);
      outs[k] = r.stdout;
      if (i > 0) { wall[k]!.push(dt); cpus[k]!.push(dc); } // run 0 warms up (compile, tier-up)
    }
  }
  if (outs[0] !== outs[1]) throw new Error(`${cmd}: output differs with fuel:\n${outs[0]}\nvs\n${outs[1]}`);
  const [wa, wb, ca, cb] = [median(wall[0]), median(wall[1]), median(cpus[0]), median(cpus[1])];
  console.log(`| ${label} | ${ms(wa)} / ${ms(ca)} | ${ms(wb)} / ${ms(cb)} | ${pct(wa, wb)} / ${pct(ca, cb)} |`);
}

// ---- host stall while a fuelled program computes in one VM: lateness of 1 ms timers, and an
// `echo` in a second VM. Endless commands are killed after 2 s (which also checks kill works).
async function stall(cmd: string): Promise<string> {
  const other = await createVM();
  const p = withFuel.spawn(['sh', '-c', `${cmd} > /dev/null`]);
  let done = false;
  const status = p.wait().then((st) => { done = true; return st; });
  const late: number[] = [];
  const echo: number[] = [];
  const t0 = performance.now();
  while (!done && performance.now() - t0 < 2000) {
    const t = performance.now();
    await new Promise((res) => setTimeout(res, 1));
    late.push(performance.now() - t - 1);
    if (late.length % 20 === 0) {
      const e = performance.now();
      await other.exec('echo hi');
      echo.push(performance.now() - e);
    }
  }
  if (!done) p.kill('SIGKILL');
  const k = performance.now();
  const st = await status;
  const killMs = performance.now() - k;
  await other[Symbol.asyncDispose]();
  const s = late.slice().sort((x, y) => x - y);
  return `| ${cmd} | ${late.length} | ${ms(median(late))} | ${ms(s[Math.floor(s.length * 0.99)]!)} | ${ms(s[s.length - 1]!)} | ` +
    `${echo.length ? `${ms(median(echo))} / ${ms(Math.max(...echo))}` : '—'} | ${st.signal ? `SIGKILL → ${st.exitCode} in ${ms(killMs)}` : `exit ${st.exitCode}`} |`;
}
if (want('stall')) {
  console.log('\n| running (fuel), 2 s at most | timer turns | lateness median | p99 | max | echo in another VM median / max | end |');
  console.log('|---|---|---|---|---|---|---|');
  const endless = burn ? ['wburn loop', 'wburn recurse'] : [];
  for (const cmd of [...endless, "awk 'BEGIN{for(;;)s++}'", 'sha256sum /tmp/50m', 'sort /tmp/lines', 'gzip -1 -c /tmp/50m',
    "sed 's/\\([0-9]\\)\\([0-9]\\)/\\2\\1/g' /tmp/nums"]) {
    console.log(await stall(cmd));
  }
}
await withFuel[Symbol.asyncDispose]();
await without[Symbol.asyncDispose]();
