// Names the shell knows: bash's builtin table (compgen -b / enable order), reserved words, and
// which builtins are enabled in a given shell.

import type { Shell } from '../contracts.ts';

/** Every bash 5.2 builtin, in the order of its builtin table (compgen -b, enable). */
export const bashBuiltinNames = [
  '.', ':', '[', 'alias', 'bg', 'bind', 'break', 'builtin', 'caller', 'cd', 'command', 'compgen', 'complete',
  'compopt', 'continue', 'declare', 'dirs', 'disown', 'echo', 'enable', 'eval', 'exec', 'exit', 'export',
  'false', 'fc', 'fg', 'getopts', 'hash', 'help', 'history', 'jobs', 'kill', 'let', 'local', 'logout',
  'mapfile', 'popd', 'printf', 'pushd', 'pwd', 'read', 'readarray', 'readonly', 'return', 'set', 'shift',
  'shopt', 'source', 'suspend', 'test', 'times', 'trap', 'true', 'type', 'typeset', 'ulimit', 'umask',
  'unalias', 'unset', 'wait',
];

/** Builtins the interpreter implements itself (builtins-core.ts). */
export const coreBuiltinNames = new Set([
  ':', 'break', 'continue', 'return', 'exit', 'eval', 'source', '.', 'exec', 'command', 'builtin', 'set',
  'shift', 'trap', 'wait', 'jobs', 'fg', 'bg', 'kill', 'disown', 'times', 'suspend', 'logout',
]);

/** Reserved words, in compgen -k order. */
export const reservedWords = [
  'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in',
  'function', 'time', '{', '}', '!', '[[', ']]', 'coproc',
];
const reserved = new Set(reservedWords);
export function isReservedWord(w: string): boolean { return reserved.has(w); }

/** The per-shell set of builtins turned off with `enable -n` (the interpreter's `disabledBuiltins`). */
export function disabledBuiltins(sh: Shell): Set<string> {
  const s = sh as Shell & { disabledBuiltins?: Set<string> };
  if (!s.disabledBuiltins) s.disabledBuiltins = new Set();
  return s.disabledBuiltins;
}

let implemented: ((name: string) => boolean) | null = null;
/** index.ts registers which names have an implementation (ours or the interpreter's). */
export function setImplementedCheck(f: (name: string) => boolean): void { implemented = f; }

/** A builtin this shell has (implemented), enabled or not. */
export function isBuiltinName(name: string): boolean {
  return implemented ? implemented(name) : bashBuiltinNames.includes(name);
}

/** A builtin that is currently enabled in sh. */
export function isEnabledBuiltin(sh: Shell, name: string): boolean {
  return isBuiltinName(name) && !disabledBuiltins(sh).has(name);
}
