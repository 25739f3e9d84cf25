// Differential harness for the VM's tools (the GNU userland built to WASM in wasm/dist, plus the JS
// tools in kernel/bin): each case is a bash script run twice with the same input files —
//   host:    /usr/bin/bash -c <script> (argv[0] "bash") in a fresh host temp dir
//   agentvm: the VM's shell in a fresh VM, cwd and HOME /home/user
// and both runs must print the same stdout and stderr and exit with the same status (a case may
// skip stderr only by saying why; nothing is normalized: tool messages name the program by argv[0],
// the bare command name on both sides).
//
// Environment on both sides: exactly LC_ALL=C, TZ=UTC, PATH=/usr/local/bin:/usr/bin:/bin,
// HOME=<the fresh dir> (the VM adds its own defaults such as USER and TERM; cases never print them).
// stdin is empty unless the case gives one. Both sides are killed after 10 s.
//
// Skips, always with a named reason (never a silent pass):
//  - a tool the host lacks: skipped, except under CI=true when the VM has the tool from
//    wasm/dist/manifest.json — then the case fails (CI must provide the host tool, e.g. gawk).
//  - a tool the VM does not have yet (neither in the manifest nor a JS tool): skipped.
// Known differences (a per-file map case → reason with the exact diff) still run, as node:test
// `todo`: the failure is shown but does not fail the suite; when one passes, a diagnostic says so.
// A name in that map that is not a case fails the file.
// Not a test file itself: the tools-*.test.ts files call runToolCases().

import { after, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVM } from '../../index.ts';
import type { Limits } from '../../index.ts';
import { defaultUserland } from '../../kernel/userland.ts';
import { wasmDistDir } from '../../wasm/userland.ts';
import { parseCases } from './cases.ts';
import { fixtures } from './tools-cases/inputs.ts';

export const toolCasesDir: string = join(dirname(fileURLToPath(import.meta.url)), 'tools-cases');

export interface ToolCase {
  name: string;
  /** The bash script, run with `bash -c` on the host and with the VM's shell. */
  script: string;
  /** External commands the script runs (not shell builtins). Each must exist on both sides. */
  tools: string[];
  /** Input files, relative to the fresh directory (parents are created). */
  files?: Record<string, string | Uint8Array>;
  stdin?: string;
  /** Compare stderr byte for byte (default true; `# stderr-differs: <why>` turns it off). */
  stderr?: boolean;
  /** VM-only limits (e.g. a small WASM memory to show a stream is not held whole). */
  limits?: Partial<Limits>;
}

export const TIMEOUT_MS = 10_000;
const HOST_PATH = '/usr/local/bin:/usr/bin:/bin';
const CI = process.env.CI === 'true';

interface Run { stdout: string; stderr: string; status: number; timedOut: boolean }

// ---- which tools exist where ----

/** Commands of wasm/dist/manifest.json (what the VM runs as upstream GNU builds). */
export function manifestCommands(): Map<string, string> {
  const out = new Map<string, string>();
  const file = join(wasmDistDir(), 'manifest.json');
  if (!existsSync(file)) return out;
  for (const e of JSON.parse(readFileSync(file, 'utf8')) as { file: string; commands: string[] }[]) {
    for (const c of e.commands) if (!out.has(c)) out.set(c, e.file);
  }
  return out;
}

const manifest = manifestCommands();
const vmOrigins = defaultUserland().origins;

function hostPath(tool: string): string | null {
  for (const d of HOST_PATH.split(':')) {
    const p = join(d, tool);
    try { if (statSync(p).isFile()) return p; } catch { /* next */ }
  }
  return null;
}

/** Why a case cannot run here, or null; throws (fails the case) under CI when skipping is not allowed. */
function skipReason(c: ToolCase): string | null {
  const notInVm = c.tools.filter((t) => !vmOrigins.has(t));
  const notOnHost = c.tools.filter((t) => vmOrigins.has(t) && !hostPath(t));
  const mustTest = notOnHost.filter((t) => manifest.has(t));
  const hostWhy = `the host has no ${notOnHost.join(', ')} (not in ${HOST_PATH})` +
    (notOnHost.includes('gawk') ? "; Debian 12's default awk is mawk" : '');
  if (CI && mustTest.length > 0) {
    throw new Error(`CI=true: ${mustTest.join(', ')} ${mustTest.length > 1 ? 'are' : 'is'} in wasm/dist/manifest.json, so the case must run, but ${hostWhy}`);
  }
  const reasons: string[] = [];
  if (notInVm.length > 0) reasons.push(`not in the VM yet: ${notInVm.join(', ')} (not in wasm/dist/manifest.json, no JS tool)`);
  if (notOnHost.length > 0) reasons.push(hostWhy);
  return reasons.length > 0 ? reasons.join('; ') : null;
}

// ---- running ----

function writeInputs(root: string, files: Record<string, string | Uint8Array> | undefined): void {
  for (const [rel, data] of Object.entries(files ?? {})) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
  }
}

export function runHost(c: ToolCase): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'agentvm-tools-'));
  writeInputs(dir, c.files);
  return new Promise<Run>((resolve, reject) => {
    const child = spawn('/usr/bin/bash', ['-c', c.script], {
      argv0: 'bash', cwd: dir, detached: true,
      env: { LC_ALL: 'C', TZ: 'UTC', PATH: HOST_PATH, HOME: dir },
      stdio: [c.stdin !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
    }, TIMEOUT_MS);
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    if (c.stdin !== undefined) child.stdin!.end(c.stdin);
    child.on('error', (e) => { clearTimeout(timer); rmSync(dir, { recursive: true, force: true }); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve({
        stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'),
        status: code ?? 128 + (signal ? osSignal(signal) : 0), timedOut,
      });
    });
  });
}

function osSignal(name: string): number {
  const n = (({ SIGKILL: 9, SIGPIPE: 13, SIGTERM: 15, SIGABRT: 6, SIGSEGV: 11 }) as Record<string, number>)[name];
  return n ?? 0;
}

export async function runVm(c: ToolCase): Promise<Run> {
  const vm = await createVM({ env: { LC_ALL: 'C', TZ: 'UTC' }, limits: c.limits });
  try {
    for (const [rel, data] of Object.entries(c.files ?? {})) await vm.fs.writeFile(rel, data, { recursive: true });
    const r = await vm.exec(c.script, { timeoutMs: TIMEOUT_MS, ...(c.stdin !== undefined ? { stdin: c.stdin } : {}) });
    return { stdout: r.stdout, stderr: r.stderr, status: r.exitCode, timedOut: r.timedOut === true };
  } finally {
    await vm.dispose();
  }
}

// ---- comparing ----

function show(label: string, s: string): string {
  if (s === '') return `${label}: (empty)\n`;
  const lines = s.split('\n');
  const noEol = lines[lines.length - 1] !== '';
  if (!noEol) lines.pop();
  const shown = lines.length > 40 ? [...lines.slice(0, 40), `… (${lines.length - 40} more lines)`] : lines;
  return `${label}:\n${shown.map((l) => `  |${l}`).join('\n')}\n${noEol ? '  (no newline at end)\n' : ''}`;
}

function q(s: string): string {
  return JSON.stringify(s.length > 2000 ? s.slice(0, 2000) + '…' : s);
}

export function compare(id: string, c: ToolCase, host: Run, vm: Run): void {
  if (host.timedOut) assert.fail(`${id}: the host's bash timed out after ${TIMEOUT_MS} ms: the case is broken\n` + show('script', c.script));
  if (vm.timedOut) {
    assert.fail(`${id}: agentvm timed out after ${TIMEOUT_MS} ms (killed)\n` + show('script', c.script) +
      show('host stdout', host.stdout) + show('agentvm stdout so far', vm.stdout) + show('agentvm stderr so far', vm.stderr));
  }
  const diffs: string[] = [];
  if (host.stdout !== vm.stdout) diffs.push('stdout');
  if (host.status !== vm.status) diffs.push('exit status');
  if (c.stderr !== false && host.stderr !== vm.stderr) diffs.push('stderr');
  if (diffs.length === 0) return;
  assert.fail(
    `${id}: ${diffs.join(', ')} differ${diffs.length === 1 ? 's' : ''} from the host\n` +
    show('script', c.script) +
    show(`host stdout (status ${host.status})`, host.stdout) +
    show(`agentvm stdout (status ${vm.status})`, vm.stdout) +
    (host.stdout !== vm.stdout ? `  host    ${q(host.stdout)}\n  agentvm ${q(vm.stdout)}\n` : '') +
    show('host stderr', host.stderr) + show('agentvm stderr', vm.stderr),
  );
}

/**
 * Registers one node:test suite `tools-<family>` with a test per case of tools-cases/<family>.sh.
 * `known`: case name → reason (with the exact host vs agentvm difference); those run as `todo`.
 */
export function runToolCases(family: string, known: Record<string, string>): void {
  const cases = loadToolCases(family);
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`tools-${family}: duplicate case name ${c.name}`);
    names.add(c.name);
  }
  test(`tools-${family}: the known-differences list names existing cases`, () => {
    const stale = Object.keys(known).filter((n) => !names.has(n));
    assert.deepEqual(stale, [], `known differences that are not cases: ${stale.join(', ')}`);
  });
  const tally = { passed: 0, failed: 0, known: 0, skipped: 0 };
  describe(`tools-${family}`, { concurrency: 2 }, () => {
    for (const c of cases) {
      const id = `${family}/${c.name}`;
      let skip: string | null = null;
      let ciError: Error | null = null;
      try { skip = skipReason(c); } catch (e) { ciError = e as Error; }
      const gap = known[c.name];
      if (skip !== null) tally.skipped++;
      it(id, { skip: skip ?? undefined, todo: skip === null ? gap : undefined, timeout: TIMEOUT_MS * 3 }, async (t) => {
        if (ciError) throw ciError;
        let ok = false;
        try {
          const [host, vm] = await Promise.all([runHost(c), runVm(c)]);
          compare(id, c, host, vm);
          ok = true;
        } finally {
          if (gap === undefined) { if (ok) tally.passed++; else tally.failed++; }
          else { tally.known++; if (ok) t.diagnostic(`known difference now passes: ${id} (remove it from the list)`); }
        }
      });
    }
  });
  after(() => {
    console.log(`tools-${family}: ${tally.passed} passed, ${tally.failed} failed, ${tally.known} known differences (todo), ${tally.skipped} skipped`);
  });
}

// ---- the corpus: tools-cases/<family>.sh ----

/**
 * Loads tools-cases/<family>.sh: cases separated by `#### <name>` lines (the format of cases/*.sh,
 * parsed by cases.ts). A case's first lines may be metadata comments, which stay in the script
 * (bash and the VM both ignore them):
 *   # tools: grep sort        external commands it runs (required; "-" for none)
 *   # files: proj people.csv  fixtures from tools-cases/inputs.ts written into the fresh dir
 *   # stdin: <fixture file>   a fixture file's contents as stdin
 *   # stderr-differs: <why>   do not compare stderr (only where the host's message cannot match,
 *                             e.g. mawk's wording where the VM runs gawk), with the reason
 *   # vm-limits: wasmMemoryBytes=16777216   VM-only limits
 */
export function loadToolCases(family: string): ToolCase[] {
  const file = join(toolCasesDir, `${family}.sh`);
  return parseCases(family, readFileSync(file, 'utf8')).map((raw) => {
    const c: ToolCase = { name: raw.name, script: raw.script, tools: [], stderr: true };
    let sawTools = false;
    for (const line of raw.script.split('\n')) {
      const m = /^# ([a-z-]+)(?::\s*(.*))?$/.exec(line);
      if (!m) break;
      const [, key, value = ''] = m;
      const words = value.trim().split(/\s+/).filter(Boolean);
      if (key === 'tools') { sawTools = true; c.tools = words.filter((w) => w !== '-'); }
      else if (key === 'files') {
        c.files ??= {};
        for (const w of words) {
          const f = fixtures[w];
          if (!f) throw new Error(`${family}.sh: case ${raw.name}: no fixture "${w}" in tools-cases/inputs.ts`);
          Object.assign(c.files, f());
        }
      } else if (key === 'stdin') {
        const f = fixtures[value.trim()];
        if (!f) throw new Error(`${family}.sh: case ${raw.name}: no fixture "${value}" for stdin`);
        const v = Object.values(f())[0]!;
        c.stdin = typeof v === 'string' ? v : new TextDecoder().decode(v);
      } else if (key === 'stderr-differs') {
        if (!value.trim()) throw new Error(`${family}.sh: case ${raw.name}: "# stderr-differs:" needs a reason`);
        c.stderr = false;
      } else if (key === 'vm-limits') {
        c.limits = {};
        for (const w of words) {
          const [k, v] = w.split('=');
          (c.limits as Record<string, number>)[k!] = Number(v);
        }
      } else break; // an ordinary comment: the script starts here
    }
    if (!sawTools) throw new Error(`${family}.sh: case ${raw.name} has no "# tools:" line`);
    return c;
  });
}
