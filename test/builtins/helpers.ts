// Helpers for the builtin tests: builtins run directly (no parser or interpreter) inside a real
// kernel process, against a minimal Shell object with a real ShellVariables; and real bash 5.2
// running the same commands for comparison.
//
// A "step" is one builtin call: [name, ...args]. Both sides print `<status>` after each step, so
// stdout interleaves output and statuses identically; stderr lines carry bash's "bash: line 1: "
// prefix on both sides (all steps are on line 1 of the bash script).

import { collect } from '../shell/helpers.ts';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kernel } from '../../kernel/kernel.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { resolveLimits } from '../../kernel/limits.ts';
import { createPipe } from '../../kernel/pipe.ts';
import { Source } from '../../kernel/source.ts';
import { createBaseImage } from '../../kernel/vfs/baseimage.ts';
import { KernelError } from '../../kernel/errno.ts';
import type { OpenFile, Proc } from '../../kernel/types.ts';
import type { Command, FunctionDef, Script, Word } from '../../kernel/shell/ast.ts';
import type { Job, Shell } from '../../kernel/shell/contracts.ts';
import { ShellVariables } from '../../kernel/shell/vars.ts';
import { evalArith } from '../../kernel/shell/arith.ts';
import { defaultSetOptions, defaultShopts } from '../../kernel/shell/options.ts';
import { builtins } from '../../kernel/shell/builtins/index.ts';

const enc = new TextEncoder();

export type Step = string[];

export interface RunResult { stdout: string; stderr: string }

export interface RunOptions {
  stdin?: string;
  /** Files (path → contents; executable when they start with #!) created in the VM before running,
   *  and directories (path ending in /). Use hostFiles() to make the same tree for real bash. */
  files?: Record<string, string>;
  /** Symlinks (link path → target) created in the VM. */
  links?: Record<string, string>;
  env?: Record<string, string>;
  cwd?: string;
  /** Runs before the steps, in the VM shell (e.g. to define functions or set shell state). */
  setup?: (sh: TestShell) => void;
}

/** A Shell with just what builtins use; no parser, so run/runString/expand are unavailable. */
export class TestShell implements Shell {
  readonly proc: Proc;
  readonly vars: ShellVariables;
  positional: string[] = [];
  scriptName = 'bash';
  lastStatus = 0;
  lastBackgroundPid: number | null = null;
  pipeStatus: number[] = [0];
  readonly functions = new Map<string, FunctionDef>();
  readonly aliases = new Map<string, string>();
  readonly setOptions = new Set<string>(defaultSetOptions);
  readonly shoptOptions = new Set<string>(defaultShopts);
  readonly traps = new Map<string, string>();
  readonly jobs: Job[] = [];
  readonly dirStack: string[] = [];
  readonly hashTable = new Map<string, string>();
  readonly interactive = false;
  lineno = 1;
  readonly funcStack: string[] = [];

  constructor(proc: Proc) {
    this.proc = proc;
    this.vars = new ShellVariables({ arith: (e) => this.arith(e) });
    for (const [k, v] of Object.entries(proc.env)) this.vars.declare(k, { exported: true }, { value: v });
    this.vars.set('IFS', ' \t\n');
    this.vars.declare('OPTIND', { integer: true }, { value: '1' });
    this.vars.set('OPTERR', '1');
    if (this.vars.get('PWD') === undefined) this.vars.declare('PWD', { exported: true }, { value: proc.cwd });
    if (this.vars.get('OLDPWD') === undefined) this.vars.declare('OLDPWD', { exported: true });
  }

  async error(msg: string): Promise<void> {
    try { await this.proc.write(2, `${this.scriptName}: line ${this.lineno}: ${msg}\n`); } catch { /* closed */ }
  }
  async write(fd: number, text: string | Uint8Array): Promise<void> { await this.proc.write(fd, text); }
  arith(expr: string): bigint { return evalArith(expr, this.vars); }
  exit(status: number): never { throw new Error(`exit ${status}`); }
  resolve(name: string): { kind: 'alias' | 'keyword' | 'function' | 'builtin' | 'file'; path?: string } | null {
    if (this.functions.has(name)) return { kind: 'function' };
    if (builtins.has(name)) return { kind: 'builtin' };
    return null;
  }
  fork(): Shell { throw new Error('fork: not available in the builtin test shell'); }
  async run(_s: Script): Promise<number> { throw new Error('run: no interpreter in the builtin test shell'); }
  async runString(_s: string): Promise<number> { throw new Error('runString: no interpreter in the builtin test shell'); }
  async runCommand(_c: Command): Promise<number> { throw new Error('runCommand: no interpreter'); }
  async runArgv(argv: string[]): Promise<number> { return runStep(this, argv); }
  async commandSubstitution(_b: Script): Promise<string> { throw new Error('no interpreter'); }
  async processSubstitution(_b: Script, _d: '<' | '>'): Promise<string> { throw new Error('no interpreter'); }
  async expandWords(_w: Word[]): Promise<string[]> { throw new Error('no expander'); }
  async expandWord(_w: Word): Promise<string> { throw new Error('no expander'); }
}

/** Runs one builtin step (the builtin-test equivalent of a simple command). */
export async function runStep(sh: Shell, step: Step): Promise<number> {
  if ((sh as Shell & { disabledBuiltins?: Set<string> }).disabledBuiltins?.has(step[0])) {
    // `enable -n`: no builtin, and the tests run without the command on PATH
    await sh.error(`${step[0]}: command not found`);
    return 127;
  }
  const b = builtins.get(step[0]);
  if (!b) throw new Error(`no builtin ${step[0]}`);
  return b(sh, step.slice(1));
}

function makeKernel(): Kernel {
  const lim = resolveLimits();
  const vfs = new Vfs({ base: createBaseImage(), limits: lim });
  return new Kernel({ vfs, limits: lim, hostname: 'vm' });
}


const ROOT_CTX = { cwd: '/', uid: 0, gid: 0, umask: 0o022 };

/** Runs the steps in a VM process through the builtins; `<status>` is printed after each. */
export async function runBuiltins(steps: Step[], opts: RunOptions = {}): Promise<RunResult> {
  const kernel = makeKernel();
  for (const [path, text] of Object.entries(opts.files ?? {})) {
    if (path.endsWith('/')) mkdirs(kernel, path);
    else {
      mkdirs(kernel, path.slice(0, path.lastIndexOf('/') + 1));
      kernel.vfs.writeFile(ROOT_CTX, path, enc.encode(text), text.startsWith('#!') ? 0o755 : 0o644);
    }
  }
  for (const [link, target] of Object.entries(opts.links ?? {})) kernel.vfs.symlink(ROOT_CTX, target, link);
  const [outR, outW] = createPipe(kernel.limits);
  const [errR, errW] = createPipe(kernel.limits);
  const stdin = new Source(enc.encode(opts.stdin ?? ''));
  const program = {
    name: 'builtin-test',
    async run(proc: Proc): Promise<number> {
      const sh = new TestShell(proc);
      opts.setup?.(sh);
      let line = 1;
      for (const step of steps) {
        // bash reports the line a simple command ends on; newlines inside arguments count
        for (const a of step) for (const c of a) if (c === '\n') line++;
        sh.lineno = line;
        const st = await runStep(sh, step);
        sh.lastStatus = st;
        await proc.write(1, `<${st}>\n`);
      }
      return 0;
    },
  };
  const handle = kernel.spawnRoot({
    argv: ['bash'], program,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', LC_ALL: 'C', ...opts.env },
    cwd: opts.cwd ?? '/', stdio: [stdin, outW, errW],
  });
  outW.close();
  errW.close();
  const [stdout, stderr] = await Promise.all([collect(outR), collect(errR), handle.wait()]);
  return { stdout, stderr };
}

function mkdirs(kernel: Kernel, dir: string): void {
  let p = '';
  for (const seg of dir.split('/').filter(Boolean)) {
    p += '/' + seg;
    try { kernel.vfs.mkdir(ROOT_CTX, p, 0o755); } catch (e) { if (!(e instanceof KernelError)) throw e; }
  }
}

/** Single-quotes a word for the bash script. */
export function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Whether /usr/bin/bash is bash 5.2 (the reference the expectations come from). */
export const haveBash = (() => {
  const r = spawnSync('/usr/bin/bash', ['-c', 'echo "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}"'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === '5.2';
})();

/** Runs the same steps in real bash (`bash -c`, LC_ALL=C, one line). `prelude` is raw bash run first. */
export function bashSteps(steps: Step[], opts: RunOptions & { prelude?: string } = {}): RunResult {
  const body = steps.map(s => `${s.map(q).join(' ')}; builtin printf '<%d>\\n' $?`).join('; ');
  const script = (opts.prelude ? opts.prelude + '; ' : '') + body;
  // stdin from a file: a socket on fd 0 makes bash think rshd started it and read ~/.bashrc
  const dir = mkdtempSync(join(tmpdir(), 'bt-'));
  const inPath = join(dir, 'stdin');
  writeFileSync(inPath, opts.stdin ?? '');
  const fd = openSync(inPath, 'r');
  let r;
  try {
    r = spawnSync('/usr/bin/bash', ['-c', script], {
      argv0: 'bash', stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', cwd: opts.cwd ?? '/',
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', LC_ALL: 'C', ...opts.env }, timeout: 20_000,
    });
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return { stdout: r.stdout, stderr: r.stderr };
}

/** Creates the same files/links on the host (for bashSteps); returns a cleanup function. */
export function hostFiles(root: string, files: Record<string, string>, links: Record<string, string> = {}): () => void {
  for (const [path, text] of Object.entries(files)) {
    if (!path.startsWith(root)) throw new Error(`${path} is outside ${root}`);
    if (path.endsWith('/')) mkdirSync(path, { recursive: true });
    else {
      mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
      writeFileSync(path, text, { mode: text.startsWith('#!') ? 0o755 : 0o644 });
    }
  }
  for (const [link, target] of Object.entries(links)) {
    rmSync(link, { force: true });
    symlinkSync(target, link);
  }
  return () => rmSync(root, { recursive: true, force: true });
}

/**
 * Runs steps through the builtins and checks stdout/stderr against `expected` (recorded from
 * bash 5.2) and, when /usr/bin/bash is bash 5.2, against a live bash run of the same steps.
 */
export async function checkSteps(
  steps: Step[], expected: RunResult, opts: RunOptions & { prelude?: string } = {},
): Promise<void> {
  const got = await runBuiltins(steps, opts);
  assert.equal(got.stdout, expected.stdout, 'stdout (recorded bash output)');
  assert.equal(got.stderr, expected.stderr, 'stderr (recorded bash output)');
  if (haveBash) {
    const live = bashSteps(steps, opts);
    assert.equal(got.stdout, live.stdout, 'stdout (live bash)');
    assert.equal(got.stderr, live.stderr, 'stderr (live bash)');
  }
}

/** Runs fn inside a VM process with a TestShell (stdin from opts.stdin); returns fn's result and the output. */
export async function withShell<T>(fn: (sh: TestShell) => Promise<T>, opts: RunOptions = {}): Promise<{ value: T } & RunResult> {
  const kernel = makeKernel();
  for (const [path, text] of Object.entries(opts.files ?? {})) {
    if (path.endsWith('/')) mkdirs(kernel, path);
    else {
      mkdirs(kernel, path.slice(0, path.lastIndexOf('/') + 1));
      kernel.vfs.writeFile(ROOT_CTX, path, enc.encode(text), 0o644);
    }
  }
  const [outR, outW] = createPipe(kernel.limits);
  const [errR, errW] = createPipe(kernel.limits);
  const stdin = new Source(enc.encode(opts.stdin ?? ''));
  let value: T | undefined;
  const program = {
    name: 'builtin-test',
    async run(proc: Proc): Promise<number> {
      const sh = new TestShell(proc);
      opts.setup?.(sh);
      value = await fn(sh);
      return 0;
    },
  };
  const handle = kernel.spawnRoot({
    argv: ['bash'], program,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', LC_ALL: 'C', ...opts.env },
    cwd: opts.cwd ?? '/', stdio: [stdin, outW, errW],
  });
  outW.close();
  errW.close();
  const [stdout, stderr, st] = await Promise.all([collect(outR), collect(errR), handle.wait()]);
  if (st.status !== 0) throw new Error(`test program ended with status ${st.status}: ${stderr}`);
  return { value: value as T, stdout, stderr };
}

/** Runs `bash -c script` end to end in a VM (parser + interpreter + these builtins). */
export async function vmScript(script: string, opts: { stdin?: string } = {}): Promise<RunResult & { status: number }> {
  const { defaultUserland } = await import('../../kernel/userland.ts');
  const { shProgram } = await import('../../kernel/shell/sh.ts');
  const lim = resolveLimits();
  const userland = defaultUserland();
  const kernel = new Kernel({ vfs: new Vfs({ base: userland.base, limits: lim }), limits: lim, programs: new Map(userland.programs), hostname: 'vm' });
  const [outR, outW] = createPipe(kernel.limits);
  const [errR, errW] = createPipe(kernel.limits);
  const stdin = new Source(enc.encode(opts.stdin ?? ''));
  const handle = kernel.spawnRoot({
    argv: ['bash', '-c', script], program: shProgram,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', LC_ALL: 'C' }, cwd: '/', stdio: [stdin, outW, errW],
  });
  outW.close();
  errW.close();
  const [stdout, stderr, st] = await Promise.all([collect(outR), collect(errR), handle.wait()]);
  return { stdout, stderr, status: st.status };
}

/** Real bash 5.2 on the same script (stdin from a file). */
export function bashScript(script: string, opts: { stdin?: string } = {}): RunResult & { status: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bt-'));
  const inPath = join(dir, 'stdin');
  writeFileSync(inPath, opts.stdin ?? '');
  const fd = openSync(inPath, 'r');
  try {
    const r = spawnSync('/usr/bin/bash', ['-c', script], {
      argv0: 'bash', stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', cwd: '/',
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', LC_ALL: 'C' }, timeout: 20_000,
    });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? 137 };
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks a script end to end against the recorded bash result and, when available, live bash. */
export async function checkScript(script: string, expected: RunResult & { status: number }, opts: { stdin?: string } = {}): Promise<void> {
  const got = await vmScript(script, opts);
  assert.deepEqual(got, expected, 'recorded bash result');
  if (haveBash) assert.deepEqual(got, bashScript(script, opts), 'live bash');
}
