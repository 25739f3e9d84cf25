// Shared machinery for running the GNU tools' own upstream test suites inside a VM.
//
// The suites are read from the Debian source trees that wasm/build/build.sh extracted into
// .cache/wasm/src/<pkg>-<version>/ (nothing third-party is copied into this repository). Each
// test file loads the files a suite needs into one base VM (vm.fs), forks that VM per test case
// (copy-on-write, so every case starts from the same pristine tree) and runs the case with the
// VM's shell. Outside CI a missing source tree or module is a skip with the reason; under
// CI=true it is a failure (the build ran, so it must be there).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { TestContext } from 'node:test';
import { createVM, type VM, type VMOptions } from '../../index.ts';
import { WasmProgram } from '../../wasm/index.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SRC_ROOT = join(ROOT, '.cache', 'wasm', 'src');
export const DIST = process.env.AGENTVM_WASM_DIST || join(ROOT, 'wasm', 'dist');
export const CI = process.env.CI === 'true';

/** The extracted Debian source tree of `pkg` (e.g. "gawk" → .cache/wasm/src/gawk-5.2.1-2), or undefined. */
export function sourceTree(pkg: string): string | undefined {
  if (!existsSync(SRC_ROOT)) return undefined;
  const dirs = readdirSync(SRC_ROOT)
    .filter((d) => d.startsWith(`${pkg}-`) && /^\d/.test(d.slice(pkg.length + 1)))
    .filter((d) => existsSync(join(SRC_ROOT, d, '.complete')))
    .sort();
  return dirs.length ? join(SRC_ROOT, dirs[dirs.length - 1]) : undefined;
}

/**
 * Commands provided by the built modules (wasm/dist/manifest.json) whose module file exists;
 * only those of Debian package `pkg` when given.
 */
export function builtCommands(pkg?: string): Set<string> {
  const out = new Set<string>();
  const manifest = join(DIST, 'manifest.json');
  if (!existsSync(manifest)) return out;
  for (const e of JSON.parse(readFileSync(manifest, 'utf8')) as { file: string; package: string; commands: string[] }[]) {
    if ((pkg === undefined || e.package === pkg) && existsSync(join(DIST, e.file))) for (const c of e.commands) out.add(c);
  }
  return out;
}

/** The same reason for each of a whitespace-separated list of test names. */
export function each(names: string, reason: string): Record<string, string> {
  return Object.fromEntries(names.split(/\s+/).filter(Boolean).map((n) => [n, reason]));
}

export interface Suite {
  /** Host path of the source tree, when everything is there. */
  tree?: string;
  /** Why the suite cannot run (missing tree or module); under CI this fails the test instead. */
  missing?: string;
  /** The package is not in build.sh's default list: missing is a skip even under CI. */
  optional?: boolean;
}

/** Whether wasm/build/build.sh builds `pkg` by default (its `ALL=(...)` list). */
export function inDefaultBuild(pkg: string): boolean {
  const script = join(ROOT, 'wasm', 'build', 'build.sh');
  if (!existsSync(script)) return false;
  const m = /^ALL=\(([^)]*)\)/m.exec(readFileSync(script, 'utf8'));
  return m !== null && m[1].split(/\s+/).includes(pkg);
}

/**
 * Finds the source tree of `pkg` and checks the modules answering `commands` are built. Under
 * CI a missing piece fails the suite when build.sh builds the package by default; a package
 * outside the default build (not verified yet) is skipped with the reason even under CI.
 */
export function locateSuite(pkg: string, commands: string[]): Suite {
  const optional = !inDefaultBuild(pkg);
  const tree = sourceTree(pkg);
  if (!tree) return { missing: `no extracted source tree .cache/wasm/src/${pkg}-<version>/: run bash wasm/build/build.sh --only ${pkg}`, optional };
  const have = builtCommands();
  const absent = commands.filter((c) => !have.has(c));
  if (absent.length) return { missing: `not built in ${DIST}: ${absent.join(', ')} (run bash wasm/build/build.sh --only ${pkg})`, optional };
  return { tree };
}

/** Test options for the top-level test: skip outside CI when the suite is missing. */
/** A whole suite may take minutes on a loaded 2-core machine: beyond npm test's per-test 120 s. */
export const SUITE_TIMEOUT_MS = 600_000;

export function suiteOptions(s: Suite, concurrency = 1): { skip?: string; concurrency: number; timeout: number } {
  const timeout = SUITE_TIMEOUT_MS;
  return s.missing && (!CI || s.optional) ? { skip: s.missing, concurrency, timeout } : { concurrency, timeout };
}

/** Fails (CI) when the suite is missing; returns the tree otherwise. */
export function requireTree(s: Suite): string {
  if (!s.tree) throw new Error(`upstream suite missing under CI=true: ${s.missing}`);
  return s.tree;
}

/** Copies a host directory tree into the VM at `guest` (files, directories, symlinks); returns the file count. */
export async function copyIn(vm: VM, host: string, guest: string): Promise<number> {
  let n = 0;
  await vm.fs.mkdir(guest, { recursive: true });
  const walk = async (dir: string): Promise<void> => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const rel = relative(host, p);
      const st = lstatSync(p);
      const g = `${guest}/${rel}`;
      if (st.isSymbolicLink()) {
        await vm.fs.symlink(readlinkSync(p), g);
      } else if (st.isDirectory()) {
        await vm.fs.mkdir(g);
        await walk(p);
      } else if (st.isFile()) {
        await vm.fs.writeFile(g, readFileSync(p), { mode: st.mode & 0o777 });
        n++;
      }
    }
  };
  await walk(host);
  return n;
}

/** A fresh VM (its own filesystem) for building a suite's base image. */
export async function baseVM(opts?: VMOptions): Promise<VM> {
  return createVM(opts);
}

/** Counts for the summary line: cases run (and required to pass), passed, skipped by reason group. */
export interface Tally {
  run: number; passed: number; skipped: Map<string, number>;
  /** Listed as VM bug/gap but passing now (the runtime got fixed): names, for pruning the list. */
  stale: string[];
}

export function newTally(): Tally {
  return { run: 0, passed: 0, skipped: new Map(), stale: [] };
}

/** Groups a reason for the summary ("VM bug: x" → "VM bug"). */
function reasonGroup(reason: string): string {
  const m = /^([^:(]+)/.exec(reason);
  return (m ? m[1] : reason).trim();
}

export function countSkip(t: Tally, reason: string): void {
  const g = reasonGroup(reason);
  t.skipped.set(g, (t.skipped.get(g) ?? 0) + 1);
}

export function summary(tool: string, t: Tally, ms: number): string {
  const skips = [...t.skipped].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${n} ${r}`).join('; ');
  const total = [...t.skipped.values()].reduce((a, b) => a + b, 0);
  const stale = t.stale.length ? `; ${t.stale.length} listed as VM bug/gap pass now (prune them): ${t.stale.join(', ')}` : '';
  return `${tool}: ran ${t.run}, passed ${t.passed}, skipped ${total} (${skips}) in ${(ms / 1000).toFixed(1)} s${stale}`;
}

/**
 * Reasons of these shapes mean the case still runs and must not pass: a defect of our runtime
 * ("VM bug: …", "VM gap: …"), an upstream test that decides by itself to skip in the VM
 * ("skips itself: …") or one upstream expects to fail ("XFAIL: …", automake's XFAIL_TESTS) —
 * unless the reason says "[not run: why]" (e.g. it would only wait for the time limit). Any other reason means the case is not run.
 */
export function runsAnyway(reason: string | undefined): boolean {
  return reason !== undefined && /^(VM (bug|gap)|skips itself|XFAIL)\b/.test(reason) && !reason.includes('[not run:');
}

/** What running a case returns: nothing when it passed, or the message it skipped itself with. */
export type CaseResult = void | { skipped: string };

/**
 * Registers one subtest per case under `t` (the parent's `concurrency` option bounds how many
 * run at once). A case with a not-run reason shows as skipped. A case listed with a runs-anyway
 * reason is run: if it does not pass it shows as skipped with its reason; if it passes, it counts
 * as passed and the summary names it as a stale entry to remove. An unlisted case must pass: failing or
 * skipping itself fails the subtest.
 */
export async function runCases<C extends { name: string; skip?: string }>(
  t: TestContext, cases: C[], tally: Tally, run: (c: C) => Promise<CaseResult>,
): Promise<void> {
  await Promise.all(cases.map((c) => {
    if (c.skip && !runsAnyway(c.skip)) {
      countSkip(tally, c.skip);
      return t.test(c.name, { skip: c.skip }, () => {});
    }
    return t.test(c.name, async (st) => {
      if (c.skip) {
        let passed = false;
        try { passed = !(await run(c)); } catch { passed = false; }
        if (passed) {
          // The runtime got fixed under this entry: it passes as a real test and is reported as
          // stale in the summary (the list is pruned from there), rather than failing the suite.
          tally.run++;
          tally.passed++;
          tally.stale.push(c.name);
          st.diagnostic(`listed as "${c.skip}" but passes now: remove it from the skip list`);
          return;
        }
        countSkip(tally, c.skip);
        st.skip(c.skip);
        return;
      }
      tally.run++;
      const r = await run(c);
      if (r) throw new Error(`${c.name} skipped itself in the VM ("${r.skipped}"): list it with the reason, or fix the cause`);
      tally.passed++;
    });
  }));
}

/** Environment of an init.sh test as TESTS_ENVIRONMENT sets it (the suite adds its own). */
export interface InitShOptions {
  /** Guest directory the harness runs the test from (the top or tests/ build directory). */
  cwd: string;
  /** The script, relative to cwd (e.g. tests/misc/foo.sh). */
  script: string;
  env: Record<string, string>;
  timeoutMs?: number;
}

function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs one gnulib init.sh test the way the automake harness does (from the top build directory,
 * `sh test 9>&2`). Exit 0 passes, 77 is the test skipping itself, anything else fails.
 */
export async function runInitSh(vm: VM, o: InitShOptions): Promise<CaseResult> {
  const exports = Object.entries(o.env).map(([k, v]) => `${k}=${shq(v)}; export ${k}`).join('\n');
  const script = `cd ${shq(o.cwd)} || exit 99\n${exports}\n/bin/sh ${shq(o.script)} 9>&2\n`;
  const r = await vm.exec(script, { timeoutMs: o.timeoutMs ?? 60_000 });
  if (r.exitCode === 0) return;
  if (r.exitCode === 77) {
    const m = /skipped test: (.*)/.exec(r.stderr) ?? /^(.*skipped.*)$/m.exec(r.stderr);
    return { skipped: (m ? m[1] : r.stderr.trim().split('\n').pop() ?? '').slice(0, 200) };
  }
  const tail = (s: string) => (s.length > 2500 ? `…${s.slice(-2500)}` : s);
  throw new Error(`${o.script} exited ${r.exitCode}${r.timedOut ? ' (timed out)' : ''}\n--- stdout ---\n${tail(r.stdout)}\n--- stderr ---\n${tail(r.stderr)}`);
}

/** A short unified-ish diff of expected vs actual for failure messages (first differing lines). */
export function showDiff(expected: string, actual: string, max = 12): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(e.length, a.length) && out.length < max; i++) {
    if (e[i] !== a[i]) {
      if (i < e.length) out.push(`-${i + 1}: ${JSON.stringify(e[i])}`);
      if (i < a.length) out.push(`+${i + 1}: ${JSON.stringify(a[i])}`);
    }
  }
  return out.join('\n');
}


const CLANG = process.env.CLANG ?? 'clang';
const HELPER_CACHE = join(tmpdir(), 'agentvm-upstream-helpers');

/**
 * Compiles a small C test helper shipped by an upstream suite (e.g. testsuite/get-mb-cur-max.c)
 * to wasm32-wasi with clang, once per content hash. `shims` are header files (name → text) put
 * on the include path in place of the package's generated config.h / gnulib headers. Returns the
 * module path, or undefined when clang is not installed (outside CI; under CI it throws).
 */
export function buildHelper(src: string, shims: Record<string, string> = {}): string | undefined {
  const h = createHash('sha256');
  h.update(readFileSync(src));
  for (const [k, v] of Object.entries(shims).sort()) h.update(`\0${k}\0${v}`);
  const out = join(HELPER_CACHE, `${basename(src, '.c')}-${h.digest('hex').slice(0, 16)}.wasm`);
  if (existsSync(out)) return out;
  const inc = `${out}.inc`;
  mkdirSync(inc, { recursive: true });
  for (const [k, v] of Object.entries(shims)) writeFileSync(join(inc, k), v);
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    execFileSync(CLANG, ['--target=wasm32-wasi', '-O2', '-I', inc, '-o', tmp, src], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === 'ENOENT' && !CI) return undefined;
    throw new Error(`compiling ${src} with ${CLANG} failed: ${err.stderr?.toString() ?? String(e)}`);
  }
  renameSync(tmp, out);
  return out;
}

/** Installs a helper module (from buildHelper) as an executable at `path` in the VM. */
export function installHelper(vm: VM, path: string, wasm: string): void {
  vm.kernel.registerProgram(new WasmProgram(`upstream-${basename(wasm, '.wasm')}`, wasm), [path]);
}

/** Where the VM's userland has `cmd` (/bin or /usr/bin, as on Debian). */
export async function commandPath(vm: VM, cmd: string): Promise<string> {
  for (const d of ['/bin', '/usr/bin', '/usr/local/bin']) if (await vm.fs.exists(`${d}/${cmd}`)) return `${d}/${cmd}`;
  throw new Error(`${cmd} is not installed in the VM`);
}

/** Stand-ins for the generated headers a suite's tiny C helpers include (config.h, progname.h). */
export const GNULIB_SHIMS: Record<string, string> = {
  'config.h': '/* configure-generated in the package; nothing needed for the test helpers */\n',
  'progname.h': '#define set_program_name(name) ((void) (name))\n',
  'getprogname.h': '/* gnulib getprogname; not used by the test helpers */\n',
};
