// Test helpers for WASM programs: C fixtures compiled at test time with clang (wasm32-wasi) into a
// cache directory keyed by the source hash, registered in a VM as WasmPrograms.
//
// Without clang the tests skip with a clear reason — unless CI is set: then they fail.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
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

const ENV_SH = join(import.meta.dirname, '..', '..', 'wasm', 'build', 'env.sh');
/** The compat library sources (AGENTVM_COMPAT_DIR overrides, for working on a copy). */
const COMPAT_DIR = process.env.AGENTVM_COMPAT_DIR ?? join(import.meta.dirname, '..', '..', 'wasm', 'compat');
const POSIX_FIXTURES = join(FIXTURES, 'posix');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out.sort();
}

/** Runs a bash snippet after sourcing wasm/build/env.sh (with the cache and compat dir given). */
function envSh(cache: string, script: string, vars: Record<string, string> = {}): void {
  const prelude = [
    'set -e',
    'source "$ENV_SH"',
    // a compat copy elsewhere: the same flags with its include directory
    'if [ "$COMPAT_SRC" != "$COMPAT" ]; then OLD=$COMPAT/include NEW=$COMPAT_SRC/include; WASM_CC=${WASM_CC//$OLD/$NEW}; COMPAT=$COMPAT_SRC; fi',
  ].join('\n');
  try {
    execFileSync('bash', ['-c', `${prelude}\n${script}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ENV_SH, AGENTVM_WASM_CACHE: cache, COMPAT_SRC: COMPAT_DIR, ...vars },
    });
  } catch (e) {
    const err = (e as { stderr?: Buffer }).stderr?.toString() ?? String(e);
    throw new Error(`${script}\nfailed:\n${err}`);
  }
}

let compatBase: string | undefined;

/**
 * Builds wasm/compat exactly as wasm/build/env.sh's wasm_build_compat does (same clang flags,
 * -Wall -Wextra -Werror), cached by the content of env.sh and every compat file. Returns the
 * cache root whose compat/ holds libagentvm-compat.a and agentvm-start.o.
 */
export function compatLib(): string {
  if (compatBase) return compatBase;
  const h = createHash('sha256');
  h.update(readFileSync(ENV_SH));
  for (const f of filesUnder(COMPAT_DIR)) h.update(f.slice(COMPAT_DIR.length)).update(readFileSync(f));
  const base = join(CACHE, `compat-${h.digest('hex').slice(0, 16)}`);
  if (!existsSync(join(base, 'compat', 'libagentvm-compat.a'))) {
    mkdirSync(base, { recursive: true });
    const tmp = join(base, `build.${process.pid}`);
    envSh(base, 'wasm_build_compat "" "$OUT"', { OUT: tmp });
    try {
      renameSync(tmp, join(base, 'compat'));
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another test process won the race
    }
  }
  compatBase = base;
  return base;
}

/**
 * Compiles test/wasm/fixtures/posix/<name>.c with the tools' flags and links it like a GNU tool
 * (agentvm-start.o, libagentvm-compat.a, wasi-libc's emulation libraries). Returns the .wasm path.
 */
export function compatFixture(name: string): string {
  const base = compatLib();
  const src = join(POSIX_FIXTURES, `${name}.c`);
  const h = createHash('sha256').update(base).update(readFileSync(src));
  const out = join(base, `${name}-${h.digest('hex').slice(0, 16)}.wasm`);
  if (existsSync(out)) return out;
  const tmp = `${out}.${process.pid}.tmp`;
  envSh(base, '$WASM_CC $WASM_CFLAGS -D_GNU_SOURCE -Wall -Werror -o "$OUT" "$SRC" $WASM_LIBS', { OUT: tmp, SRC: src });
  renameSync(tmp, out);
  return out;
}

/** Registers compat fixtures (test/wasm/fixtures/posix) as programs in /usr/local/bin of this VM. */
export function installCompat(vm: VM, names: string[], opts?: WasmProgramOptions): Map<string, WasmProgram> {
  const out = new Map<string, WasmProgram>();
  for (const n of names) {
    const prog = new WasmProgram(n, compatFixture(n), opts);
    vm.kernel.registerProgram(prog, [`/usr/local/bin/${n}`]);
    out.set(n, prog);
  }
  return out;
}

/** A VM with the named compat fixtures installed. */
export async function vmWithCompat(names: string[], opts?: VMOptions, wopts?: WasmProgramOptions): Promise<VM> {
  const vm = await createVM(opts);
  installCompat(vm, names, wopts);
  return vm;
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
