// The command history of an interactive shell: the list the line editor walks with Up/Down,
// HISTCONTROL (ignorespace / ignoredups / ignoreboth / erasedups) and HISTSIZE when adding,
// HISTFILE read at start and appended to (then cut to HISTFILESIZE lines) on exit, and the
// `history` builtin ([-c] [-d offset] [n], -a / -r / -w [file]) printing bash's "%5d  cmd".

import type { Shell } from './contracts.ts';
import { KernelError, strerror } from '../errno.ts';

const decoder = new TextDecoder();

export class History {
  entries: string[] = [];
  /** Number of the first entry (bash's history_base: grows as HISTSIZE drops old entries). */
  base = 1;
  /** Entries at the end of the list added since the file was last read or written. */
  unsaved = 0;

  /** Adds an accepted line as HISTCONTROL and HISTSIZE say; returns whether it was kept. */
  add(sh: Shell, line: string): boolean {
    if (line === '' || !/\S/.test(line)) return false;
    const control = (sh.vars.get('HISTCONTROL') ?? '').split(':');
    const both = control.includes('ignoreboth');
    if ((both || control.includes('ignorespace')) && /^[ \t]/.test(line)) return false;
    if ((both || control.includes('ignoredups')) && this.entries[this.entries.length - 1] === line) return false;
    if (control.includes('erasedups')) {
      for (let i = this.entries.length - 1; i >= 0; i--) {
        if (this.entries[i] !== line) continue;
        this.entries.splice(i, 1);
        if (i >= this.entries.length - this.unsaved) this.unsaved--;
      }
    }
    this.entries.push(line);
    this.unsaved++;
    this.stifle(sh);
    return true;
  }

  /** HISTSIZE: keep at most that many entries (unset or not a number: no limit). */
  stifle(sh: Shell): void {
    const max = limitOf(sh.vars.get('HISTSIZE'));
    if (max === null || this.entries.length <= max) return;
    const drop = this.entries.length - max;
    this.entries.splice(0, drop);
    this.base += drop;
    this.unsaved = Math.min(this.unsaved, this.entries.length);
  }

  clear(): void {
    this.entries = [];
    this.unsaved = 0;
  }

  /** Reads a history file onto the end of the list (missing file: nothing). */
  read(sh: Shell, path: string): boolean {
    let text: string;
    try {
      text = decoder.decode(sh.proc.readFile(path));
    } catch (e) {
      if (e instanceof KernelError) return false;
      throw e;
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    // timestamp lines (#<digits>) written with HISTTIMEFORMAT are not commands
    for (const l of lines) if (!/^#\d+$/.test(l)) this.entries.push(l);
    this.unsaved = 0;
    this.stifle(sh);
    return true;
  }

  /** Appends the unsaved entries to path and cuts the file to HISTFILESIZE lines. */
  append(sh: Shell, path: string): void {
    const fresh = this.unsaved ? this.entries.slice(this.entries.length - this.unsaved) : [];
    this.#writeLines(sh, path, fresh, true);
    this.unsaved = 0;
  }

  /** Writes the whole list to path (history -w). */
  write(sh: Shell, path: string): void {
    this.#writeLines(sh, path, this.entries, false);
    this.unsaved = 0;
  }

  #writeLines(sh: Shell, path: string, lines: string[], append: boolean): void {
    let old: string[] = [];
    if (append) {
      try {
        const text = decoder.decode(sh.proc.readFile(path));
        old = text.split('\n');
        if (old[old.length - 1] === '') old.pop();
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
      }
    }
    let all = old.concat(lines);
    const max = limitOf(sh.vars.get('HISTFILESIZE') ?? sh.vars.get('HISTSIZE'));
    if (max !== null && all.length > max) all = all.slice(all.length - max);
    sh.proc.writeFile(path, all.length ? all.join('\n') + '\n' : '', 0o600);
  }
}

function limitOf(v: string | undefined): number | null {
  if (v === undefined || !/^\s*\d+\s*$/.test(v)) return null;
  return Number(v);
}

const histories = new WeakMap<Shell, History>();

/** The shell's history list (created empty on first use). */
export function historyOf(sh: Shell): History {
  let h = histories.get(sh);
  if (!h) { h = new History(); histories.set(sh, h); }
  return h;
}

/** The history file to use: $HISTFILE (unset or empty: none). */
export function historyFile(sh: Shell): string | null {
  const f = sh.vars.get('HISTFILE');
  return f ? f : null;
}

/** Interactive start: the variables bash gives defaults, then the file's lines. */
export function startHistory(sh: Shell): void {
  const home = sh.vars.get('HOME');
  if (sh.vars.get('HISTFILE') === undefined && home) sh.vars.set('HISTFILE', `${home.replace(/\/$/, '')}/.bash_history`);
  if (sh.vars.get('HISTSIZE') === undefined) sh.vars.set('HISTSIZE', '500');
  if (sh.vars.get('HISTFILESIZE') === undefined) sh.vars.set('HISTFILESIZE', sh.vars.get('HISTSIZE') ?? '500');
}

/** After the startup files: read $HISTFILE. */
export function loadHistory(sh: Shell): void {
  const f = historyFile(sh);
  if (f) historyOf(sh).read(sh, f);
}

/** Shell exit: append this session's lines to $HISTFILE (errors are ignored, as bash does). */
export function saveHistory(sh: Shell): void {
  const h = histories.get(sh);
  const f = historyFile(sh);
  if (!h || !f || !sh.setOptions.has('history')) return;
  try {
    h.append(sh, f);
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
  }
}

/** history [-c] [-d offset] [n] | history -anrw [filename] */
export async function historyBuiltin(sh: Shell, args: string[]): Promise<number> {
  const h = historyOf(sh);
  let i = 0;
  let clear = false;
  let del: string | undefined;
  let fileOp: 'a' | 'n' | 'r' | 'w' | undefined;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { i++; break; }
    if (a[0] !== '-' || a === '-' || /^-\d+$/.test(a)) break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'c') clear = true;
      else if (c === 'd') {
        del = a.slice(j + 1) || args[++i];
        if (del === undefined) { await sh.error('history: -d: option requires an argument'); return 2; }
        break;
      } else if (c === 'a' || c === 'n' || c === 'r' || c === 'w') fileOp = c;
      else if (c === 'p' || c === 's') { await sh.error(`history: -${c}: history expansion is not supported`); return 2; }
      else {
        await sh.error(`history: -${c}: invalid option`);
        await sh.write(2, 'history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n');
        return 2;
      }
    }
  }
  const rest = args.slice(i);
  if (clear) { h.clear(); return 0; }
  if (del !== undefined) {
    if (!/^-?\d+$/.test(del)) { await sh.error(`history: ${del}: history position out of range`); return 1; }
    const n = Number(del);
    const idx = n < 0 ? h.entries.length + n : n - h.base;
    if (idx < 0 || idx >= h.entries.length) { await sh.error(`history: ${del}: history position out of range`); return 1; }
    if (idx >= h.entries.length - h.unsaved) h.unsaved--;
    h.entries.splice(idx, 1);
    return 0;
  }
  if (fileOp) {
    const f = rest[0] ?? historyFile(sh);
    if (!f) return 1;
    try {
      if (fileOp === 'a') h.append(sh, f);
      else if (fileOp === 'w') h.write(sh, f);
      else if (fileOp === 'r') { if (!h.read(sh, f)) { await sh.error(`history: ${f}: cannot read`); return 1; } } else {
        // -n: the file's lines not yet in the list
        const seen = new History();
        seen.read(sh, f);
        const have = new Set(h.entries);
        h.entries.push(...seen.entries.filter((l) => !have.has(l)));
        h.stifle(sh);
      }
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      await sh.error(`history: ${f}: ${strerror(e.errno)}`);
      return 1;
    }
    return 0;
  }
  let count = h.entries.length;
  if (rest.length) {
    if (!/^\d+$/.test(rest[0]!)) { await sh.error(`history: ${rest[0]}: numeric argument required`); return 1; }
    if (rest.length > 1) { await sh.error('history: too many arguments'); return 1; }
    count = Math.min(count, Number(rest[0]));
  }
  let out = '';
  for (let k = h.entries.length - count; k < h.entries.length; k++) {
    out += `${String(h.base + k).padStart(5)}  ${h.entries[k]}\n`;
  }
  try {
    await sh.write(1, out);
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    await sh.error(`history: write error: ${strerror(e.errno)}`);
    return 1;
  }
  return 0;
}
