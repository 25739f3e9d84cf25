// Tab completion for the line editor: the word before the cursor, completed as a command (first
// word: aliases, keywords, functions, builtins, executables on PATH), a variable ($NAME) or a file
// name (other words, or any word holding a '/'), with bash's backslash quoting of the result.

import type { Shell } from './contracts.ts';
import { S_IFDIR, S_IFMT } from '../types.ts';
import { KernelError } from '../errno.ts';
import { bashBuiltinNames, isEnabledBuiltin, reservedWords } from './builtins/names.ts';

export interface Completion {
  /** Index (in the text before the cursor) where the word being completed starts. */
  start: number;
  /** Candidates, unquoted, sorted and unique (full words: directory part included). */
  matches: string[];
  /** Which candidates are directories (get a '/' instead of a space). */
  dirs: Set<string>;
  /** File name completion: list only the last path component. */
  filenames: boolean;
  /** Opening quote of the word as typed ('' for none). */
  quote: string;
  /** The word as typed, unquoted. */
  word: string;
  /** Insert candidates as they are (variable names: no quoting). */
  verbatim: boolean;
}

const BREAKS = ' \t\n;|&()<>';
const SPECIAL = /[ \t\n"'\\$`|&;()<>!{}[\]*?#~=,^]/g;
const COMMAND_BEFORE = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'time', '{', 'exec', 'command', 'sudo', 'builtin']);

/** Start index of the word ending at the end of `before` (backslash-escaped breaks belong to it). */
function wordStart(before: string): number {
  let start = 0;
  let quote = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote) { if (c === quote) quote = ''; else if (c === '\\' && quote === '"') i++; continue; }
    if (c === '\\') { i++; continue; }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (BREAKS.includes(c)) start = i + 1;
  }
  return start;
}

function unquote(raw: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < raw.length && '"\\$`'.includes(raw[i + 1]!)) out += raw[++i];
      else out += c;
    } else if (c === '\\') { if (i + 1 < raw.length) out += raw[++i]; } else if (c === '"' || c === "'") quote = c;
    else out += c;
  }
  return out;
}

/** Text to insert for a completed word, quoted the way the word was begun. */
export function quoteWord(word: string, quote: string): string {
  if (quote === "'") return "'" + word.replace(/'/g, `'\\''`);
  if (quote === '"') return '"' + word.replace(/["\\$`]/g, '\\$&');
  let out = word.replace(SPECIAL, '\\$&');
  if (out.startsWith('\\~') && word.startsWith('~/')) out = out.slice(1);
  return out;
}

function isDir(sh: Shell, p: string): boolean {
  try { return (sh.proc.stat(p).mode & S_IFMT) === S_IFDIR; } catch (e) { if (e instanceof KernelError) return false; throw e; }
}

function isCommandPosition(head: string): boolean {
  const t = head.replace(/\s+$/, '');
  if (t === '' || /[;|&({`]$/.test(t) || t.endsWith('$(')) return true;
  const last = t.slice(wordStart(t));
  if (COMMAND_BEFORE.has(last)) return true;
  // assignments before the command: FOO=1 cmd
  if (/^[A-Za-z_][A-Za-z0-9_]*=\S*$/.test(last)) return isCommandPosition(t.slice(0, t.length - last.length));
  return false;
}

function fileMatches(sh: Shell, word: string, out: Set<string>, dirs: Set<string>, execOnly: boolean): void {
  const home = sh.vars.get('HOME') ?? '/';
  const tilde = word.startsWith('~/');
  const look = tilde ? home.replace(/\/$/, '') + word.slice(1) : word;
  const slash = look.lastIndexOf('/');
  const dir = slash >= 0 ? look.slice(0, slash + 1) : '';
  const base = slash >= 0 ? look.slice(slash + 1) : look;
  let names: string[];
  try { names = sh.proc.readdir(dir === '' ? '.' : dir).map((e) => e.name); } catch (e) { if (e instanceof KernelError) return; throw e; }
  const shownDir = slash >= 0 ? word.slice(0, word.lastIndexOf('/') + 1) : '';
  for (const n of names) {
    if (n === '.' || n === '..' || !n.startsWith(base)) continue;
    if (n[0] === '.' && base[0] !== '.') continue;
    const d = isDir(sh, dir + n);
    if (execOnly && !d && !executable(sh, dir + n)) continue;
    out.add(shownDir + n);
    if (d) dirs.add(shownDir + n);
  }
}

function executable(sh: Shell, p: string): boolean {
  try { return sh.proc.access(p, 1); } catch (e) { if (e instanceof KernelError) return false; throw e; }
}

/** Completions for the word before the cursor (`before` is the line up to the cursor). */
export function completeWord(sh: Shell, before: string): Completion {
  const start = wordStart(before);
  const raw = before.slice(start);
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
  const word = unquote(raw);
  const found = new Set<string>();
  const dirs = new Set<string>();
  let filenames = false;
  let verbatim = false;
  const varMatch = /^(\$\{?)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(word);
  if (varMatch && !quote) {
    verbatim = true;
    for (const n of sh.vars.names()) if (n.startsWith(varMatch[2] ?? '') && sh.vars.get(n) !== undefined) found.add(varMatch[1] + n);
  } else if (isCommandPosition(before.slice(0, start)) && !word.includes('/')) {
    const pre = (names: Iterable<string>): void => { for (const n of names) if (n.startsWith(word)) found.add(n); };
    pre(sh.aliases.keys());
    pre(reservedWords);
    pre(sh.functions.keys());
    pre(bashBuiltinNames.filter((n) => isEnabledBuiltin(sh, n)));
    for (const d of (sh.vars.get('PATH') ?? '').split(':')) {
      const dir = d || '.';
      let ents;
      try { ents = sh.proc.readdir(dir); } catch (e) { if (e instanceof KernelError) continue; throw e; }
      for (const e of ents) {
        if (!e.name.startsWith(word) || found.has(e.name)) continue;
        const p = `${dir}/${e.name}`;
        if (!isDir(sh, p) && executable(sh, p)) found.add(e.name);
      }
    }
  } else {
    filenames = true;
    fileMatches(sh, word, found, dirs, isCommandPosition(before.slice(0, start)));
  }
  const matches = [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { start, matches, dirs, filenames, quote, word, verbatim };
}

/** The longest common prefix of the candidates. */
export function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) {
    let i = 0;
    while (i < p.length && i < w.length && p[i] === w[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}

/** Candidates laid out in columns down then across, as readline lists them. */
export function formatColumns(items: string[], width: number): string {
  const colw = Math.max(...items.map((s) => [...s].length)) + 2;
  const cols = Math.max(1, Math.floor(width / colw));
  const rows = Math.ceil(items.length / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const k = c * rows + r;
      if (k >= items.length) break;
      const s = items[k]!;
      const last = c === cols - 1 || (c + 1) * rows + r >= items.length;
      line += last ? s : s + ' '.repeat(colw - [...s].length);
    }
    out += line + '\n';
  }
  return out;
}
