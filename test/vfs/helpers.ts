// Shared helpers for the VFS tests (not a test file itself).
import assert from 'node:assert/strict';
import type { PathContext } from '../../kernel/types.ts';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
export const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

export function user(cwd = '/home/user', extra: Partial<PathContext> = {}): PathContext {
  return { cwd, uid: 1000, gid: 1000, umask: 0o022, ...extra };
}

export function root(cwd = '/', extra: Partial<PathContext> = {}): PathContext {
  return { cwd, uid: 0, gid: 0, umask: 0o022, ...extra };
}

/** Asserts that fn throws a KernelError with the given errno name. */
export function throwsCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.equal((e as { code?: string }).code, code, `expected ${code}, got ${String(e)}`);
    return true;
  });
}
