// Records what real bash prints for every differential case:
//   node test/differential/record.ts [--check] [--jobs N] [topic…]
// For each case: a fresh temp dir (cwd and HOME), `bash -c <script>` with argv[0] "bash", an
// environment of exactly LC_ALL=C, PATH=/usr/local/bin:/usr/bin:/bin, HOME=<tempdir> (what
// `/usr/bin/env -i … /usr/bin/bash -c` gives, but with $0 = "bash" so error messages read
// "bash: line N: …" as in agentvm), stdin /dev/null, 10 s timeout. Writes expected/<topic>.json:
// {"<case-name>": {"stdout": "...", "status": N}} in file order.
// --check re-records and compares with the existing JSON instead of writing (exit 1 on any change).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { listTopics, loadTopic, expectedDir } from './cases.ts';
import type { Case, Expected } from './cases.ts';

const BASH = '/usr/bin/bash';
const TIMEOUT_MS = 10_000;

interface Recorded extends Expected { stderr: string }

function runCase(c: Case): Promise<Recorded> {
  const dir = mkdtempSync(join(tmpdir(), 'agentvm-diff-'));
  return new Promise<Recorded>((resolve, reject) => {
    const child = spawn(BASH, ['-c', c.script], {
      argv0: 'bash',
      cwd: dir,
      env: { LC_ALL: 'C', PATH: '/usr/local/bin:/usr/bin:/bin', HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so a timeout can kill everything the case started
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, TIMEOUT_MS);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      if (timedOut) return reject(new Error(`${c.id}: timed out after ${TIMEOUT_MS} ms (or left a background process holding stdout)`));
      if (code === null) return reject(new Error(`${c.id}: bash killed by ${signal}`));
      const stdoutBuf = Buffer.concat(out);
      let stdout: string;
      try {
        stdout = new TextDecoder('utf-8', { fatal: true }).decode(stdoutBuf);
      } catch {
        return reject(new Error(`${c.id}: stdout is not valid UTF-8; cases must print text`));
      }
      resolve({ stdout, status: code, stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

async function pool<T, R>(items: T[], jobs: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let check = false;
  let verbose = false;
  let jobs = Math.max(1, Math.min(8, availableParallelism()));
  const topics: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--check') check = true;
    else if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--jobs' || a === '-j') jobs = Math.max(1, Number(args[++i]) || 1);
    else if (a.startsWith('-')) { console.error(`unknown option ${a}`); return 2; }
    else topics.push(a.replace(/\.sh$/, ''));
  }
  const selected = topics.length > 0 ? topics : listTopics();
  const all: Case[] = selected.flatMap((t) => loadTopic(t));

  const failures: string[] = [];
  const recorded = await pool(all, jobs, async (c) => {
    try {
      return await runCase(c);
    } catch (e) {
      failures.push((e as Error).message);
      return null;
    }
  });
  if (failures.length > 0) {
    for (const f of failures) console.error(`FAIL ${f}`);
    return 1;
  }

  if (!check) mkdirSync(expectedDir, { recursive: true });
  let changed = 0;
  for (const topic of selected) {
    const out: Record<string, Expected> = {};
    all.forEach((c, i) => {
      if (c.topic !== topic) return;
      const r = recorded[i]!;
      out[c.name] = { stdout: r.stdout, status: r.status };
      if (verbose) {
        console.log(`==== ${c.id} (status ${r.status})\n${c.script}---- stdout\n${r.stdout}` +
          (r.stderr ? `---- stderr\n${r.stderr}` : ''));
      }
    });
    const text = JSON.stringify(out, null, 2) + '\n';
    const file = join(expectedDir, `${topic}.json`);
    if (check) {
      const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (old !== text) {
        changed++;
        const prev = old ? (JSON.parse(old) as Record<string, Expected>) : {};
        for (const [name, e] of Object.entries(out)) {
          const p = prev[name];
          if (!p || p.stdout !== e.stdout || p.status !== e.status) console.error(`CHANGED ${topic}/${name}`);
        }
        for (const name of Object.keys(prev)) if (!(name in out)) console.error(`REMOVED ${topic}/${name}`);
      }
    } else {
      writeFileSync(file, text);
    }
  }
  if (topics.length === 0 && existsSync(expectedDir)) {
    const known = new Set(selected);
    for (const f of readdirSync(expectedDir)) {
      if (f.endsWith('.json') && !known.has(f.slice(0, -5))) console.error(`note: stale ${join('expected', f)} (no cases/${f.slice(0, -5)}.sh)`);
    }
  }
  const verb = check ? (changed ? `${changed} topic(s) differ` : 'identical') : 'written';
  console.log(`recorded ${all.length} cases in ${selected.length} topics with ${BASH}: ${verb}`);
  return check && changed ? 1 : 0;
}

if (process.env.NODE_TEST_CONTEXT) {
  // Picked up by a bare `node --test` (which runs every .ts under test/): this is a tool, not a test.
  console.log('record.ts is the recorder, not a test: run it directly to re-record');
} else {
  process.exitCode = await main();
}
