import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { compatLib, skipReason } from './helpers.ts';

// The compat library overrides wasi-libc by defining symbols before libc in the link. That is
// only safe when it replaces an archive member whole: a member still pulled in for one symbol
// would bring a duplicate definition of the others (a link error in every GNU tool).
const NM = process.env.LLVM_NM ?? 'llvm-nm-14';
const SYSROOT = '/usr/lib/wasm32-wasi';
const REPLACED: [string, string, string[]][] = [
  ['libc.a', 'posix.o', []],
  ['libc.a', 'at_fdcwd.o', ['opendirat']], // wasi's 2-argument opendirat: gnulib defines its own 4-argument one
  ['libc.a', 'chdir.o', []],
  ['libc.a', 'fstat.o', []],
  ['libc.a', 'fstatat.o', []],
  ['libc.a', 'fcntl.o', []],
  ['libc.a', 'ioctl.o', []],
  ['libwasi-emulated-signal.a', 'signal.o', []],
  ['libwasi-emulated-getpid.a', 'getpid.o', []],
];

function defined(args: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const text = execFileSync(NM, ['-A', '--defined-only', '-g', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  for (const line of text.split('\n')) {
    const m = /^(.*?):\s*[0-9a-f]*\s+[A-Za-z]\s+(\S+)$/.exec(line);
    if (!m) continue;
    const member = m[1]!.replace(/^.*\(|\)$/g, '').replace(/^.*:/, '');
    if (!out.has(member)) out.set(member, new Set());
    out.get(member)!.add(m[2]!);
  }
  return out;
}

test('every wasi-libc member the compat library overrides is replaced whole', { skip: skipReason }, () => {
  const lib = join(compatLib(), 'compat');
  const compat = new Set<string>();
  for (const syms of defined([join(lib, 'libagentvm-compat.a'), join(lib, 'agentvm-start.o')]).values()) for (const s of syms) compat.add(s);
  for (const [archive, member, exempt] of REPLACED) {
    const syms = defined([join(SYSROOT, archive)]).get(member);
    assert.ok(syms, `${archive}(${member}) not found`);
    const missing = [...syms].filter((s) => !compat.has(s) && !exempt.includes(s));
    assert.deepEqual(missing, [], `${archive}(${member}) is only partly replaced`);
  }
});
