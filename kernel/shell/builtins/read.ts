// read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout]
// [-u fd] [name ...]: one line (or up to a delimiter / N characters), split on IFS as bash's
// read.def does, never consuming input past what it returns.

import type { Shell } from '../contracts.ts';
import { ShellError } from '../contracts.ts';
import { FdReader, TIMEOUT, utf8SeqLen } from './input.ts';
import { assign, errText, isAssignTarget, isName, legalNumber, parseOpts } from './util.ts';
import { ECHO, ICANON } from '../../tty/termios.ts';
import { KernelError } from '../../errno.ts';

/** The interpreter's pending-signal queue (not part of the Shell contract). */
type SignalShell = Shell & {
  pendingSignals?: number[]; inTrap?: number; interactive?: boolean; traps?: Map<string, unknown>;
  runPendingTraps?(): Promise<void>;
};

/**
 * After EINTR: runs the traps of the signals that arrived; true when read should go on reading
 * (there was a pending signal and it was handled, as bash's read does for trapped signals).
 */
async function runTrapsDuringRead(shell: Shell): Promise<boolean> {
  const sh = shell as SignalShell;
  if (!sh.pendingSignals?.length || !sh.runPendingTraps || sh.inTrap !== 0) return false;
  // an untrapped ^C in an interactive shell abandons the read instead
  if (sh.interactive && sh.pendingSignals.includes(2) && !sh.traps?.has('INT')) return false;
  await sh.runPendingTraps();
  return true;
}

/** One input character and whether a backslash quoted it. */
interface Ch { c: string; esc: boolean }

const isWs = (c: string): boolean => c === ' ' || c === '\t' || c === '\n';

/** IFS splitting over characters where escaped ones never separate. */
class Splitter {
  readonly chars: Ch[];
  readonly ifs: string;
  pos = 0;
  constructor(chars: Ch[], ifs: string) {
    this.chars = chars;
    this.ifs = ifs;
  }
  isSep(i: number): boolean {
    const ch = this.chars[i];
    return !ch.esc && this.ifs.includes(ch.c);
  }
  isWsSep(i: number): boolean {
    return this.isSep(i) && isWs(this.chars[i].c);
  }
  skipWs(): void {
    while (this.pos < this.chars.length && this.isWsSep(this.pos)) this.pos++;
  }
  text(from: number, to: number): string {
    let s = '';
    for (let i = from; i < to; i++) s += this.chars[i].c;
    return s;
  }
  /** get_word_from_string: null at the end. */
  word(): string | null {
    this.skipWs();
    if (this.pos >= this.chars.length) return null;
    const start = this.pos;
    while (this.pos < this.chars.length && !this.isSep(this.pos)) this.pos++;
    const w = this.text(start, this.pos);
    this.skipWs();
    if (this.pos < this.chars.length && this.isSep(this.pos) && !isWs(this.chars[this.pos].c)) {
      this.pos++;
      this.skipWs();
    }
    return w;
  }
  /** The rest for the last name: one word alone, else the rest without trailing IFS whitespace. */
  rest(): string {
    this.skipWs();
    const start = this.pos;
    const w = this.word();
    if (w === null) return '';
    if (this.pos >= this.chars.length) return w;
    let end = this.chars.length;
    while (end > start && this.isWsSep(end - 1)) end--;
    return this.text(start, end);
  }
  fields(): string[] {
    const out: string[] = [];
    for (let w = this.word(); w !== null; w = this.word()) out.push(w);
    return out;
  }
}

export async function read(sh: Shell, args: string[]): Promise<number> {
  const parsed = await parseOpts(sh, 'read', args, 'ersa:d:i:n:N:p:t:u:');
  if (typeof parsed === 'number') return parsed;
  let raw = false, silent = false, arrayName: string | undefined, delim = 10;
  let nchars = -1, exact = false, prompt: string | undefined, timeout: number | undefined, fd = 0;
  for (const o of parsed.opts) {
    switch (o.opt) {
      case 'r': raw = true; break;
      case 's': silent = true; break;
      case 'e': case 'i': break; // no readline: -e reads a plain line, -i only applies to readline
      case 'a': arrayName = o.arg!; break;
      case 'd': delim = o.arg === '' ? 0 : new TextEncoder().encode(o.arg!)[0]; break;
      case 'n': case 'N': {
        const n = legalNumber(o.arg!);
        if (n === null || n < 0n) { await sh.error(`read: ${o.arg}: invalid number`); return 1; }
        nchars = Number(n > 0x7fffffffn ? 0x7fffffffn : n);
        exact = o.opt === 'N';
        break;
      }
      case 'p': prompt = o.arg; break;
      case 't': {
        if (!/^(\d+\.?\d*|\.\d+)$/.test(o.arg!)) { await sh.error(`read: ${o.arg}: invalid timeout specification`); return 1; }
        timeout = Number(o.arg);
        break;
      }
      case 'u': {
        const n = legalNumber(o.arg!);
        if (n === null || n < 0n || n > 0x7fffffffn) { await sh.error(`read: ${o.arg}: invalid file descriptor specification`); return 1; }
        fd = Number(n);
        try { sh.proc.fstat(fd); } catch (e) {
          await sh.error(`read: ${o.arg}: invalid file descriptor: ${errText(e)}`);
          return 1;
        }
        break;
      }
    }
  }
  const names = parsed.rest;
  if (arrayName === undefined) {
    for (const n of names) {
      if (!isAssignTarget(n)) { await sh.error(`read: \`${n}': not a valid identifier`); return 1; }
    }
  }
  const proc = sh.proc;
  let tty = false;
  try { tty = proc.isatty(fd); } catch { /* reported by the read */ }

  // -t 0: only report whether input is available
  if (timeout === 0) {
    try {
      return (await new FdReader(proc, fd).readable()) ? 0 : 1;
    } catch { return 1; }
  }

  if (prompt !== undefined && tty) await sh.write(2, prompt);

  // terminal modes: no echo for -s, character-at-a-time for -n/-N
  let restore: (() => void) | undefined;
  if (tty && (silent || nchars >= 0)) {
    try {
      const file = proc.file(fd);
      const t = file.ioctl?.('TCGETS') as { lflag: number } | undefined;
      if (t) {
        const saved = t.lflag;
        let lflag = saved;
        if (silent) lflag &= ~ECHO;
        if (nchars >= 0) lflag &= ~ICANON;
        file.ioctl!('TCSETS', { lflag });
        restore = () => { try { file.ioctl!('TCSETS', { lflag: saved }); } catch { /* gone */ } };
      }
    } catch { /* not a real terminal */ }
  }

  const chars: Ch[] = [];
  let status = 0;
  const reader = new FdReader(proc, fd);
  const deadline = timeout !== undefined ? Date.now() + timeout * 1000 : undefined;
  try {
    let backslash = false;
    let count = 0;
    while (nchars < 0 || count < nchars) {
      let b: number | null | typeof TIMEOUT;
      try {
        b = await reader.byte(deadline);
      } catch (e) {
        // a trapped signal interrupted the read: bash runs the trap and goes on reading
        if (e instanceof KernelError && e.code === 'EINTR' && await runTrapsDuringRead(sh)) continue;
        throw e;
      }
      if (b === TIMEOUT) { status = 142; break; }
      if (b === null) { status = 1; break; }
      if (b === 0 && delim !== 0) continue;
      if (backslash) {
        backslash = false;
        if (b === 10) continue;
        chars.push({ c: await decodeChar(reader, b), esc: true });
        count++;
        continue;
      }
      if (!raw && b === 92) { backslash = true; continue; }
      if (!exact && b === delim) break;
      chars.push({ c: await decodeChar(reader, b), esc: false });
      count++;
    }
  } catch (e) {
    if (e instanceof ShellError) throw e;
    reader.finish();
    restore?.();
    await sh.error(`read: read error: ${fd}: ${errText(e)}`);
    return 1;
  }
  reader.finish();
  restore?.();

  const ifsVar = sh.vars.get('IFS');
  const ifs = ifsVar === undefined ? ' \t\n' : ifsVar;
  try {
    if (arrayName !== undefined) {
      if (!isName(arrayName)) { await sh.error(`read: \`${arrayName}': not a valid identifier`); return 1; }
      const v = sh.vars.lookup(arrayName);
      if (v?.attrs.assoc) { await sh.error(`read: ${arrayName}: not an indexed array`); return 1; }
      const fields = exact ? [chars.map(c => c.c).join('')] : new Splitter(chars, ifs).fields();
      sh.vars.setArray(arrayName, fields);
      return status;
    }
    if (names.length === 0) {
      sh.vars.set('REPLY', chars.map(c => c.c).join(''));
      return status;
    }
    if (exact) {
      assign(sh, names[0], chars.map(c => c.c).join(''));
      for (const n of names.slice(1)) assign(sh, n, '');
      return status;
    }
    const sp = new Splitter(chars, ifs);
    sp.skipWs();
    for (let i = 0; i < names.length - 1; i++) assign(sh, names[i], sp.word() ?? '');
    assign(sh, names[names.length - 1], sp.rest());
  } catch (e) {
    if (e instanceof ShellError && !e.fatal) { await sh.error(e.message); return 1; }
    throw e;
  }
  return status;
}

/**
 * Reads the continuation bytes of a UTF-8 character and decodes it (shell strings are Unicode,
 * so input is decoded as UTF-8 in every locale; one character counts once for -n / -N).
 */
async function decodeChar(reader: FdReader, b: number): Promise<string> {
  if (b < 0x80) return String.fromCharCode(b);
  const n = utf8SeqLen(b);
  const bytes = [b];
  for (let i = 1; i < n; i++) {
    const c = await reader.byte();
    if (c === null || c === TIMEOUT) break;
    if ((c & 0xc0) !== 0x80) { bytes.push(c); break; }
    bytes.push(c);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
