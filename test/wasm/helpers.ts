// Test helpers for WASM programs: C fixtures compiled at test time with clang (wasm32-wasi) into a
// cache directory keyed by the source hash, registered in a VM as WasmPrograms.
//
// Without clang the tests skip with a clear reason — unless CI is set: then they fail.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVM, type VM, type VMOptions } from '../../index.ts';
import { WasmProgram, type WasmProgramOptions } from '../../wasm/index.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const COMPAT = join(FIXTURES, 'compat', 'cwd.c');
const CACHE = join(tmpdir(), 'agentvm-wasm-fixtures');
const FLAGS = ['--target=wasm32-wasi', '-O2'];
const CLANG = process.env.CLANG ?? 'clang';

function clangWorks(): boolean {
  try {
    execFileSync(CLANG, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const haveClang = clangWorks();

/**
 * A reason to skip WASM tests (clang missing outside CI), or undefined to run them.
 * Under CI=true a missing clang is not a skip: compiling then fails the test.
 */
export const skipReason: string | undefined = haveClang || process.env.CI === 'true'
  ? undefined
  : `clang (wasm32-wasi) not installed: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32 (set CLANG=…)`;

/** Compiles test/wasm/fixtures/<name>.c (+ the cwd compat constructor) once; returns the .wasm path. */
export function fixture(name: string): string {
  const src = join(FIXTURES, `${name}.c`);
  const h = createHash('sha256');
  for (const part of [FLAGS.join(' '), readFileSync(src), readFileSync(COMPAT)]) h.update(part);
  const out = join(CACHE, `${name}-${h.digest('hex').slice(0, 16)}.wasm`);
  if (existsSync(out)) return out;
  mkdirSync(CACHE, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    execFileSync(CLANG, [...FLAGS, '-o', tmp, src, COMPAT], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const err = (e as { stderr?: Buffer }).stderr?.toString() ?? String(e);
    throw new Error(`compiling fixture ${name}.c with ${CLANG} ${FLAGS.join(' ')} failed:\n${err}`);
  }
  renameSync(tmp, out);
  return out;
}

/** Registers fixtures as programs in /usr/local/bin of this VM. */
export function install(vm: VM, names: string[], opts?: WasmProgramOptions): Map<string, WasmProgram> {
  const out = new Map<string, WasmProgram>();
  for (const n of names) {
    const prog = new WasmProgram(n, fixture(n), opts);
    vm.kernel.registerProgram(prog, [`/usr/local/bin/${n}`]);
    out.set(n, prog);
  }
  return out;
}

/** A VM with the named fixtures installed. */
export async function vmWith(names: string[], opts?: VMOptions, wopts?: WasmProgramOptions): Promise<VM> {
  const vm = await createVM(opts);
  install(vm, names, wopts);
  return vm;
}
