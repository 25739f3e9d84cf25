// npm run bench: agentvm against just-bash, each figure measured in a fresh process in this run.
// Rows: cold start (createVM + exec('echo hello'), p50/p99 over ≥ 1,000 runs after warm-up),
// memory per idle VM (RSS delta of 1,000 live VMs / 1,000), and streaming pipelines that must end
// at once. Prints a table with ratios agentvm / just-bash (lower is better).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const probe = fileURLToPath(new URL('./probe.ts', import.meta.url));
const timeoutMs = 60_000;

function measure(subject: string, metric: string, arg?: string): Record<string, unknown> {
  const args = ['--expose-gc', probe, subject, metric];
  if (arg) args.push(arg);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: timeoutMs });
  if (r.error || r.status !== 0) {
    const why = r.error ? (r.signal ? `timeout after ${timeoutMs / 1000} s` : r.error.message) : (r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`);
    return { error: why };
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

type Row = [string, string, string, string];
const rows: Row[] = [];
const fmtMs = (v: unknown) => (typeof v === 'number' ? `${v < 1 ? v.toFixed(3) : v.toFixed(1)} ms` : '—');
const ratio = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const streamRatio = (a: Record<string, unknown>, b: Record<string, unknown>) => (a.ok && b.ok ? ratio(a.ms, b.ms) : 'just-bash fails');
const err = (m: Record<string, unknown>) => ('error' in m ? ` (${String(m.error)})` : '');

const runs = process.env.BENCH_RUNS ?? '1000';
const coldA = measure('agentvm', 'cold', runs);
const coldB = measure('just-bash', 'cold', runs);
rows.push(['cold start p50 (create + echo hello)', fmtMs(coldA.p50) + err(coldA), fmtMs(coldB.p50) + err(coldB), ratio(coldA.p50, coldB.p50)]);
rows.push(['cold start p99', fmtMs(coldA.p99), fmtMs(coldB.p99), ratio(coldA.p99, coldB.p99)]);

const memA = measure('agentvm', 'memory', '1000');
const memB = measure('just-bash', 'memory', '1000');
const kib = (v: unknown) => (typeof v === 'number' ? `${(v / 1024).toFixed(1)} KiB` : '—');
rows.push(['memory per idle VM (1,000 live)', kib(memA.bytesPerVm) + err(memA), kib(memB.bytesPerVm) + err(memB), ratio(memA.bytesPerVm, memB.bytesPerVm)]);

for (const [metric, label] of [['yes', 'yes | head -1'], ['seq', 'seq 1 10000000 | head -2']] as const) {
  const a = measure('agentvm', metric);
  const b = measure('just-bash', metric);
  const cell = (m: Record<string, unknown>) => ('error' in m ? `fails: ${String(m.error)}` : `${fmtMs(m.ms)}${m.ok ? '' : ` (wrong output${m.stderr ? `: ${String(m.stderr)}` : ''})`}`);
  rows.push([label, cell(a), cell(b), streamRatio(a, b)]);
}

const header: Row = ['benchmark', 'agentvm', 'just-bash', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: Row) => '| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
console.log(`\ntargets: cold start p50 ≤ 0.2 ms and ≤ 1/5 of just-bash; ≤ 64 KiB per idle VM; streaming rows end at once.`);

// Session rows (keystroke → echo through a real server, idle sessions): their own process, since
// RivetKit's native runtime and the embedded engine must not disturb the figures above.
const sessions = spawnSync(process.execPath, [fileURLToPath(new URL('./sessions.ts', import.meta.url))], { encoding: 'utf8', timeout: 10 * 60_000 });
console.log('');
if (sessions.stdout.trim()) console.log(sessions.stdout.trimEnd());
if (sessions.error || sessions.status !== 0) {
  const why = sessions.error ? (sessions.signal ? 'timeout after 10 min' : sessions.error.message) : (sessions.stderr.trim().split('\n').pop() ?? `exit ${sessions.status}`);
  console.log(`session rows: failed (${why})`);
}
