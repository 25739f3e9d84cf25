// Helpers for the parser tests: AST builders, a real-bash oracle (when /usr/bin/bash 5.2 exists).

import { spawnSync } from 'node:child_process';
import type { Command, SimpleCommand, Word, WordPart } from '../../kernel/shell/ast.ts';
import { parse, type ParseOptions } from '../../kernel/shell/parser.ts';

export const BASH = '/usr/bin/bash';

/** True when real bash 5.2 is installed (the oracle some tests compare against). */
export const hasBash52: boolean = (() => {
  try {
    const r = spawnSync(BASH, ['--version'], { encoding: 'utf8' });
    return r.status === 0 && /version 5\.2\./.test(r.stdout);
  } catch {
    return false;
  }
})();

export function runBash(args: string[]): { stdout: string; stderr: string; status: number | null } {
  // stdin from /dev/null and SHLVL=2: with a socket on stdin bash -c would read ~/.bashrc (the rshd rule)
  const r = spawnSync(BASH, args, {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8', SHLVL: '2' },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** bash -c's first syntax error as `line|message|sourceLine`, or 'OK'. Uses -n: parse only. */
export function bashSyntax(src: string, extglob = false): string {
  const r = runBash(['-n', ...(extglob ? ['-O', 'extglob'] : []), '-c', src]);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith(`${BASH}: -c: line `));
  const m = /^.*?: -c: line (\d+): (.*)$/.exec(lines[0] ?? '');
  if (!m) return 'OK';
  const m2 = /^.*?: -c: line \d+: `(.*)'$/s.exec(lines[1] ?? '');
  return `${m[1]}|${m[2]}|${m2 ? m2[1] : ''}`;
}

/** Our parser's first syntax error in the same format. */
export function oursSyntax(src: string, opts: ParseOptions = {}): string {
  try {
    parse(src, opts);
    return 'OK';
  } catch (e) {
    const x = e as { line: number; message: string; sourceLine: string };
    return `${x.line}|${x.message}|${x.sourceLine}`;
  }
}

// ---- AST builders ----

export const W = (...parts: WordPart[]): Word => ({ type: 'Word', parts });
export const L = (value: string): WordPart => ({ type: 'Literal', value });
export const SQ = (value: string): WordPart => ({ type: 'SingleQuoted', value });
export const DQ = (...parts: WordPart[]): WordPart => ({ type: 'DoubleQuoted', parts });
export const ESC = (value: string): WordPart => ({ type: 'Escaped', value });
export const P = (name: string, braced = false): WordPart => ({ type: 'Param', name, braced });
export const lw = (value: string): Word => W(L(value));

/** The commands of a parsed source (top level). */
export function commands(src: string, opts: ParseOptions = {}): Command[] {
  return parse(src, opts).items.map((i) => i.command);
}

/** The first top-level command, which must be a simple command. */
export function simple(src: string, opts: ParseOptions = {}): SimpleCommand {
  const c = commands(src, opts)[0];
  if (c.type !== 'Simple') throw new Error(`expected a simple command, got ${c.type}`);
  return c;
}

/** The n-th word of the first simple command. */
export function word(src: string, n = 1, opts: ParseOptions = {}): Word {
  return simple(src, opts).words[n];
}
