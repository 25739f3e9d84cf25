// Test harness for the expander: a minimal Shell (only what expand.ts reads) over a real
// ShellVariables, a small in-memory filesystem Proc for globbing, the real parser to build
// words, and a runner that asks /usr/bin/bash for the same expansion to compare against.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../kernel/shell/parser.ts';
import type { Script, Word } from '../../kernel/shell/ast.ts';
import { ShellError, type Shell } from '../../kernel/shell/contracts.ts';
import { ShellVariables } from '../../kernel/shell/vars.ts';
import { expandWords, expandWord } from '../../kernel/shell/expand.ts';
import { quoteForReuse } from '../../kernel/shell/quote.ts';
import { S_IFDIR, S_IFLNK, S_IFREG, type Dirent, type Proc, type Stat } from '../../kernel/types.ts';

export const BASH = '/usr/bin/bash';
/** A bash 5.2 to compare with (the expectations below were recorded from it). */
export const hasBash = spawnSync(BASH, ['-c', '[[ ${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]} == 5.2 ]]']).status === 0;

/** bash 5.2's shopt defaults for a non-interactive shell. */
const DEFAULT_SHOPT = [
  'checkwinsize', 'cmdhist', 'complete_fullquote', 'extquote', 'force_fignore', 'globasciiranges',
  'globskipdots', 'hostcomplete', 'interactive_comments', 'patsub_replacement', 'progcomp', 'promptvars',
  'sourcepath',
];

// ---- a tiny filesystem ----

/** Paths → null for a directory, string for a file, { link } for a symlink. */
export type Tree = Record<string, null | string | { link: string }>;

function normalize(cwd: string, p: string): string {
  const parts = (p.startsWith('/') ? p : cwd + '/' + p).split('/');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop(); else out.push(s);
  }
  return '/' + out.join('/');
}

function enoent(path: string): Error {
  const e = new Error(`ENOENT: ${path}`);
  (e as { code?: string }).code = 'ENOENT';
  return e;
}

/** A Proc with just the filesystem calls globbing and tilde expansion use. */
export function memProc(tree: Tree, cwd = '/work'): Proc {
  const nodes = new Map<string, null | string | { link: string }>();
  nodes.set('/', null);
  const add = (path: string, v: null | string | { link: string }): void => {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const d = '/' + parts.slice(0, i).join('/');
      if (!nodes.has(d)) nodes.set(d, null);
    }
    nodes.set('/' + parts.join('/'), v);
  };
  add('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nu:x:1000:1000::/home/u:/bin/sh\n');
  for (const [p, v] of Object.entries(tree)) add(normalize(cwd, p), v);
  if (!nodes.has(cwd)) add(cwd, null);
  const resolve = (path: string, follow: boolean, depth = 0): string => {
    const abs = normalize(cwd, path);
    const parts = abs.split('/').filter(Boolean);
    let cur = '';
    for (let i = 0; i < parts.length; i++) {
      cur += '/' + parts[i];
      const n = nodes.get(cur);
      if (n === undefined) throw enoent(path);
      if (n !== null && typeof n === 'object' && (follow || i < parts.length - 1)) {
        if (depth > 20) throw enoent(path);
        cur = resolve(normalize(cur.slice(0, cur.lastIndexOf('/')) || '/', n.link), true, depth + 1);
      }
    }
    return cur || '/';
  };
  const stat = (path: string, follow: boolean): Stat => {
    const r = resolve(path, follow);
    const n = nodes.get(r);
    const mode = n === null ? S_IFDIR | 0o755 : typeof n === 'object' ? S_IFLNK | 0o777 : S_IFREG | 0o644;
    return {
      dev: 1, ino: 1, mode, nlink: 1, uid: 0, gid: 0, rdev: 0, size: typeof n === 'string' ? n.length : 0,
      blksize: 4096, blocks: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0, birthtimeMs: 0,
    };
  };
  const proc = {
    pid: 4242, ppid: 1, uid: 0, gid: 0, cwd,
    kernel: { hostname: 'vm', now: () => Date.UTC(2024, 0, 2, 3, 4, 5) },
    stat: (p: string) => stat(p, true),
    lstat: (p: string) => stat(p, false),
    readdir: (p: string): Dirent[] => {
      const dir = resolve(p, true);
      if (nodes.get(dir) !== null) throw enoent(p);
      const prefix = dir === '/' ? '/' : dir + '/';
      const out: Dirent[] = [];
      for (const [k, v] of nodes) {
        if (k === dir || !k.startsWith(prefix) || k.slice(prefix.length).includes('/')) continue;
        out.push({ name: k.slice(prefix.length), type: v === null ? 'dir' : typeof v === 'object' ? 'symlink' : 'file', ino: 1 });
      }
      return out;
    },
    readFile: (p: string): Uint8Array => {
      const n = nodes.get(resolve(p, true));
      if (typeof n !== 'string') throw enoent(p);
      return new TextEncoder().encode(n);
    },
  };
  return proc as unknown as Proc;
}

/** Creates the same tree on the host (for bash); returns its path and a cleanup. */
export function hostTree(tree: Tree): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'agentvm-glob-'));
  for (const [p, v] of Object.entries(tree)) {
    const full = join(dir, p);
    mkdirSync(v === null ? full : join(full, '..'), { recursive: true });
    if (typeof v === 'string') writeFileSync(full, v);
    else if (v !== null) symlinkSync(v.link, full);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---- the shell ----

export interface Setup {
  /** scalars, indexed arrays (string[]) and associative arrays (objects); null unsets */
  vars?: Record<string, string | string[] | Record<string, string> | null>;
  /** declare flags applied before the values, e.g. { n: '-i' } */
  declare?: Record<string, string>;
  positional?: string[];
  /** `set -o` names */
  set?: string[];
  shopt?: string[];
  /** canned command substitution output by command text (default: `echo ARGS` is run) */
  subst?: Record<string, string>;
  tree?: Tree;
  lastStatus?: number;
}

const ATTR_LETTERS: Record<string, string> = {
  i: 'integer', l: 'lower', u: 'upper', c: 'capitalize', r: 'readonly', x: 'exported', n: 'nameref', a: 'indexed', A: 'assoc',
};

function scriptText(s: Script): string {
  // enough to key canned substitutions: the words' literal text
  const c = s.items[0]?.command;
  if (!c || c.type !== 'Simple') return '';
  return c.words.map((w) => w.parts.map((p) => ('value' in p ? p.value : '')).join('')).join(' ');
}

export function makeShell(setup: Setup = {}): Shell & { errors: string[] } {
  const errors: string[] = [];
  const vars = new ShellVariables({ warn: (m) => errors.push(m) });
  vars.set('IFS', ' \t\n');
  vars.set('HOME', '/home/u');
  vars.set('PWD', '/work');
  const sh = {
    proc: memProc(setup.tree ?? {}),
    vars,
    positional: setup.positional ?? [],
    scriptName: 'bash',
    lastStatus: setup.lastStatus ?? 0,
    lastBackgroundPid: null,
    pipeStatus: [0],
    functions: new Map(),
    aliases: new Map(),
    setOptions: new Set(['braceexpand', 'hashall', 'interactive-comments', ...(setup.set ?? [])]),
    shoptOptions: new Set([...DEFAULT_SHOPT, ...(setup.shopt ?? [])]),
    traps: new Map(),
    jobs: [],
    dirStack: [],
    hashTable: new Map(),
    interactive: false,
    lineno: 1,
    funcStack: [],
    errors,
    async error(msg: string) { errors.push(msg); },
    async write() {},
    async commandSubstitution(body: Script): Promise<string> {
      const key = scriptText(body);
      if (setup.subst && key in setup.subst) return setup.subst[key]!;
      const c = body.items[0]?.command;
      if (c?.type === 'Simple' && c.words[0]?.parts[0]?.type === 'Literal' && c.words[0].parts[0].value === 'echo') {
        const args = await expandWords(sh as unknown as Shell, c.words.slice(1));
        return args.join(' ') + '\n';
      }
      throw new Error(`test shell: no canned output for $(${key})`);
    },
    async processSubstitution() { return '/dev/fd/63'; },
    arith(): bigint { throw new Error('unused'); },
    expandWords(words: Word[]) { return expandWords(sh as unknown as Shell, words); },
    expandWord(word: Word) { return expandWord(sh as unknown as Shell, word); },
  } as unknown as Shell & { errors: string[] };
  for (const [name, flags] of Object.entries(setup.declare ?? {})) {
    const attrs: Record<string, boolean> = {};
    for (const l of flags.replace('-', '')) attrs[ATTR_LETTERS[l]!] = true;
    const { readonly, ...rest } = attrs;
    vars.declare(name, rest);
    if (readonly) {
      applyVar(vars, name, setup.vars?.[name]);
      vars.declare(name, { readonly: true });
    }
  }
  for (const [name, v] of Object.entries(setup.vars ?? {})) {
    if (setup.declare?.[name]?.includes('r')) continue;
    applyVar(vars, name, v);
  }
  return sh;
}

function applyVar(vars: ShellVariables, name: string, v: Setup['vars'] extends Record<string, infer T> | undefined ? T | undefined : never): void {
  if (v === undefined) return;
  if (v === null) vars.unset(name);
  else if (typeof v === 'string') vars.set(name, v);
  else if (Array.isArray(v)) vars.setArray(name, v);
  else vars.setAssoc(name, Object.entries(v));
}

/** The words of `cmd WORDS` as the parser builds them. */
export function parseWords(src: string, extglob = false): Word[] {
  const s = parse('cmd ' + src, { extglob: () => extglob });
  const c = s.items[0]!.command;
  if (c.type !== 'Simple') throw new Error('not a simple command: ' + src);
  return c.words.slice(1);
}

export type Outcome = string[] | { error: string };

/** Our expansion of the words (fields), or the ShellError message. */
let myWarnings: string[] = [];
/** The messages our expansion reported during the last mine(). */
export function myWarningsOf(): string[] { return myWarnings; }

export async function mine(setup: Setup, src: string): Promise<Outcome> {
  const sh = makeShell(setup);
  myWarnings = sh.errors;
  try {
    return await expandWords(sh, parseWords(src, setup.shopt?.includes('extglob')));
  } catch (e) {
    if (e instanceof ShellError) return { error: e.message };
    throw e;
  }
}

// ---- real bash ----

function setupText(setup: Setup): string {
  const q = (s: string): string => quoteForReuse(s, false);
  const lines: string[] = [];
  for (const [name, flags] of Object.entries(setup.declare ?? {})) {
    if (!flags.includes('r')) lines.push(`declare ${flags} ${name}`);
  }
  for (const [name, v] of Object.entries(setup.vars ?? {})) {
    const ro = setup.declare?.[name]?.includes('r') ? `declare ${setup.declare[name]} ` : '';
    if (v === null) lines.push(`unset ${name}`);
    else if (typeof v === 'string') lines.push(`${ro}${name}=${q(v)}`);
    else if (Array.isArray(v)) lines.push(`${ro}${name}=(${v.map(q).join(' ')})`);
    else lines.push(`declare -A ${name}; ${name}=(${Object.entries(v).map(([k, x]) => `[${q(k)}]=${q(x)}`).join(' ')})`);
  }
  for (const [name, flags] of Object.entries(setup.declare ?? {})) {
    if (flags.includes('r') && !(name in (setup.vars ?? {}))) lines.push(`declare ${flags} ${name}`);
  }
  if (setup.positional) lines.push(`set -- ${setup.positional.map(q).join(' ')}`);
  for (const o of setup.set ?? []) lines.push(`set -o ${o}`);
  for (const o of setup.shopt ?? []) lines.push(`shopt -s ${o}`);
  if (setup.lastStatus) lines.push(`(exit ${setup.lastStatus})`);
  return lines.join('\n');
}

let lastWarnings: string[] = [];
/** The messages bash printed during the last theirs() (warnings of a successful expansion). */
export function theirWarnings(): string[] { return lastWarnings; }

/** What bash makes of the same words: fields, or its error message without the prefix. */
export function theirs(setup: Setup, src: string): Outcome {
  let host: { dir: string; cleanup: () => void } | null = null;
  if (setup.tree) host = hostTree(setup.tree);
  try {
    const subst = Object.entries(setup.subst ?? {})
      .map(([k, v]) => `__canned_${k.replace(/\W/g, '_')}() { printf '%s' ${q1(v)}; }`).join('\n');
    const fn = '__pa() { local __a; for __a; do printf "%s\\0" "$__a"; done; }';
    const script = `${fn}\n${subst}\n${setupText(setup)}\n__pa ${src} || exit $?\n`;
    const r = spawnSync(BASH, ['-c', script, 'bash'], {
      env: { LC_ALL: 'C', HOME: '/home/u', PATH: '/usr/bin:/bin' },
      cwd: host ? host.dir : '/',
      encoding: 'utf8',
    });
    lastWarnings = r.stderr.split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/^.*?line \d+: /, ''));
    if (r.status !== 0) return { error: lastWarnings[lastWarnings.length - 1] ?? `status ${r.status}` };
    if (r.stdout === '') return [];
    return r.stdout.slice(0, -1).split('\0');
  } finally {
    host?.cleanup();
  }
}

function q1(s: string): string {
  return quoteForReuse(s, false);
}
