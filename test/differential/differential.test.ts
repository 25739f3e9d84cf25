// Differential test: every case in test/differential/cases/*.sh runs in a fresh agentvm and its
// stdout and exit status must equal what real bash printed (expected/<topic>.json, made by
// record.ts). Cases listed in known-gaps.txt still run but are reported as `todo`.
// Each case runs in a worker thread (vm-worker.ts): the VM kills a script after 10 s, and if the
// worker itself stops answering (e.g. a synchronous spin) it is terminated, so a hang fails alone.
// Environment knobs: DIFFERENTIAL_TOPICS=quoting,arrays (only these topics),
// DIFFERENTIAL_JOBS=N (parallel VMs, default up to 4).

import { describe, it, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { listTopics, loadTopic, loadExpected, loadKnownGaps } from './cases.ts';
import type { Case, Expected } from './cases.ts';
import { EXEC_TIMEOUT_MS } from './vm-worker.ts';
import type { RunReply } from './vm-worker.ts';

/** Backstop for a worker that stops answering altogether. */
const WORKER_TIMEOUT_MS = EXEC_TIMEOUT_MS + 5_000;

interface VmResult { stdout: string; stderr: string; exitCode: number; timedOut: boolean }

interface Slot {
  worker: Worker;
  busy: boolean;
  dead: boolean;
  ranOne: boolean;
  job: { id: number; resolve: (r: VmResult) => void; reject: (e: Error) => void } | null;
}

/** A small pool of worker threads, each running one case at a time in a fresh VM. */
class VmPool {
  readonly #max: number;
  readonly #slots: Slot[] = [];
  readonly #waiting: ((s: Slot) => void)[] = [];
  #nextId = 1;
  #fatal: Error | null = null;
  #closed = false;

  constructor(max: number) { this.#max = max; }

  #spawn(): Slot {
    const slot: Slot = {
      worker: new Worker(new URL('./vm-worker.ts', import.meta.url)),
      busy: false, dead: false, ranOne: false, job: null,
    };
    const die = (err: Error): void => {
      if (slot.dead) return;
      slot.dead = true;
      // A worker that dies before finishing any case (e.g. index.ts fails to load) would die
      // the same way for every case: remember it and fail the rest fast.
      if (!slot.ranOne && !this.#closed) this.#fatal = err;
      const job = slot.job;
      slot.job = null;
      job?.reject(err);
    };
    slot.worker.on('message', (m: RunReply) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      slot.job = null;
      slot.ranOne = true;
      if (m.ok) job.resolve({ stdout: m.stdout, stderr: m.stderr, exitCode: m.exitCode, timedOut: m.timedOut });
      else job.reject(new Error(`the VM threw: ${m.error}`));
    });
    slot.worker.on('error', (e: Error) => die(new Error(`VM worker crashed: ${e.stack ?? e.message}`)));
    slot.worker.on('exit', (code) => die(new Error(`VM worker exited (code ${code})`)));
    this.#slots.push(slot);
    return slot;
  }

  async #acquire(): Promise<Slot> {
    const idle = this.#slots.find((s) => !s.busy && !s.dead);
    if (idle) { idle.busy = true; return idle; }
    if (this.#slots.filter((s) => !s.dead).length < this.#max) {
      const s = this.#spawn();
      s.busy = true;
      return s;
    }
    return new Promise<Slot>((resolve) => this.#waiting.push(resolve));
  }

  #release(slot: Slot): void {
    if (slot.dead) {
      this.#slots.splice(this.#slots.indexOf(slot), 1);
      const next = this.#waiting.shift();
      if (next) { const s = this.#spawn(); s.busy = true; next(s); }
      return;
    }
    const next = this.#waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }

  async run(script: string): Promise<VmResult> {
    if (this.#fatal) throw this.#fatal;
    const slot = await this.#acquire();
    try {
      if (this.#fatal) throw this.#fatal;
      return await new Promise<VmResult>((resolve, reject) => {
        const id = this.#nextId++;
        const timer = setTimeout(() => {
          slot.job = null;
          slot.dead = true;
          slot.ranOne = true; // a hang is this case's problem, not a broken VM
          void slot.worker.terminate();
          reject(new Error(`no answer after ${WORKER_TIMEOUT_MS} ms: VM worker terminated`));
        }, WORKER_TIMEOUT_MS);
        slot.job = {
          id,
          resolve: (r) => { clearTimeout(timer); resolve(r); },
          reject: (e) => { clearTimeout(timer); reject(e); },
        };
        slot.worker.postMessage({ id, script });
      });
    } finally {
      this.#release(slot);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}

// ---- corpus ----

const onlyTopics = process.env.DIFFERENTIAL_TOPICS?.split(',').map((s) => s.trim()).filter(Boolean);
const topics = onlyTopics && onlyTopics.length > 0 ? onlyTopics : listTopics();
const cases: Case[] = topics.flatMap((t) => loadTopic(t));
const expected = new Map<string, Record<string, Expected> | null>(topics.map((t) => [t, loadExpected(t)]));
const gaps = loadKnownGaps();
const jobs = Math.max(1, Number(process.env.DIFFERENTIAL_JOBS) || Math.min(4, availableParallelism()));
const pool = new VmPool(jobs);

const tally = { passed: 0, failed: 0, gaps: 0, gapsPassing: [] as string[] };

after(async () => {
  await pool.close();
  console.log(`differential: ${tally.passed} passed, ${tally.failed} failed, ${tally.gaps} known gaps`);
  if (tally.gapsPassing.length > 0) {
    console.log(`differential: ${tally.gapsPassing.length} known gap(s) now pass — remove them from known-gaps.txt: ${tally.gapsPassing.join(' ')}`);
  }
});

function show(label: string, s: string): string {
  if (s === '') return `${label}: (empty)\n`;
  const lines = s.split('\n');
  const noEol = lines[lines.length - 1] !== '';
  if (!noEol) lines.pop();
  return `${label}:\n${lines.map((l) => `  |${l}`).join('\n')}\n${noEol ? '  (no newline at end)\n' : ''}`;
}

function compare(c: Case, want: Expected, got: VmResult): void {
  if (got.timedOut) {
    assert.fail(`${c.id}: timed out after ${EXEC_TIMEOUT_MS} ms (killed)\n` + show('script', c.script) +
      show('agentvm stdout so far', got.stdout) + show('agentvm stderr so far', got.stderr));
  }
  if (got.stdout === want.stdout && got.exitCode === want.status) return;
  const what = got.stdout !== want.stdout
    ? (got.exitCode !== want.status ? 'stdout and exit status differ' : 'stdout differs')
    : 'exit status differs';
  assert.fail(
    `${c.id}: ${what} from bash\n` +
    show('script', c.script) +
    show(`bash stdout (status ${want.status})`, want.stdout) +
    show(`agentvm stdout (status ${got.exitCode})`, got.stdout) +
    (got.stdout !== want.stdout ? `  bash    ${JSON.stringify(want.stdout)}\n  agentvm ${JSON.stringify(got.stdout)}\n` : '') +
    show('agentvm stderr', got.stderr),
  );
}

test('known-gaps.txt names existing cases', () => {
  const all = new Set(listTopics().flatMap((t) => loadTopic(t)).map((c) => c.id));
  const stale = [...gaps.keys()].filter((id) => !all.has(id));
  assert.deepEqual(stale, [], `known-gaps.txt lists cases that do not exist: ${stale.join(', ')}`);
});

test('VM environment matches the recording (HOME, cwd, LC_ALL, empty home)', async () => {
  const r = await pool.run('printf "%s|%s|%s|%s\\n" "$HOME" "$PWD" "$LC_ALL" "$(ls -A | wc -l)"');
  assert.equal(r.stdout, '/home/user|/home/user|C|0\n', `stderr: ${r.stderr}`);
});

describe('differential', { concurrency: jobs }, () => {
  for (const c of cases) {
    const gap = gaps.get(c.id);
    it(c.id, { todo: gap, timeout: WORKER_TIMEOUT_MS * 2 }, async (t) => {
      if (gap !== undefined) tally.gaps++;
      let ok = false;
      try {
        const want = expected.get(c.topic)?.[c.name];
        if (!want) assert.fail(`${c.id}: no recorded expectation; run: node test/differential/record.ts ${c.topic}`);
        const got = await pool.run(c.script);
        compare(c, want, got);
        ok = true;
      } finally {
        if (gap === undefined) { if (ok) tally.passed++; else tally.failed++; }
        else if (ok) { tally.gapsPassing.push(c.id); t.diagnostic(`known gap now passes: ${c.id} (remove it from known-gaps.txt)`); }
      }
    });
  }
});
