// The interactive shell's line editor (readline's emacs mode, the common keys): the terminal in
// raw mode while a line is edited (no echo, no ICANON, no ISIG — ^C is read as a byte), the saved
// termios restored before the line is returned. Input is read in chunks and decoded byte by byte
// (escape sequences and UTF-8 may be split across reads); bytes after an accepted line (a paste of
// several lines) stay queued for the next line. Redraw uses CR, ESC[K / ESC[J and cursor moves,
// one column per character, wrapping at the terminal's width.

import type { Interp } from './interp.ts';
import { KernelError } from '../errno.ts';
import { Signal } from '../types.ts';
import { ECHO, ECHONL, ICANON, ICRNL, IEXTEN, IGNCR, INLCR, ISIG, IXON, OPOST, VMIN, VTIME, type Termios } from '../tty/termios.ts';
import { historyOf } from './history.ts';
import { commonPrefix, completeWord, formatColumns, quoteWord } from './complete.ts';

const decoder = new TextDecoder();

/** readLine's answer when ^C abandoned the line ("^C" has been printed after it). */
export const INTERRUPTED: unique symbol = Symbol('interrupted');

/** Prompt text as it occupies the screen: escape sequences and controls take no columns. */
function visible(s: string): string {
  return s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[@-_]|[\x00-\x1f\x7f]/g, '');
}

const isWordChar = (c: string): boolean => /[\p{L}\p{N}_]/u.test(c);

export class LineEditor {
  readonly #sh: Interp;
  /** Bytes read but not yet used (the rest of a pasted chunk). */
  #queue: Uint8Array = new Uint8Array(0);
  #qpos = 0;
  /** The kill ring (one entry). */
  #killed = '';

  // per line
  #chars: string[] = [];
  #cursor = 0;
  #prompt = '';
  #promptCols = 0;
  #cols = 80;
  /** Where the terminal's cursor is, in columns from the start of the prompt's last line. */
  #at = 0;
  #out = '';
  /** The most rows below the prompt's last line this line has used. */
  #rows = 0;
  #lastKey = '';
  #histIndex = 0;
  #histEdits = new Map<number, string>();
  #utf8: number[] = [];

  constructor(sh: Interp) { this.#sh = sh; }

  /** Whether the shell's stdin is a terminal (the editor is used only then). */
  static usable(sh: Interp): boolean {
    try { return sh.proc.isatty(0); } catch (e) { if (e instanceof KernelError) return false; throw e; }
  }

  /** Edits one line after printing prompt; null at end of input, INTERRUPTED after ^C. */
  async readLine(prompt: string): Promise<string | null | typeof INTERRUPTED> {
    const tty = this.#sh.proc.file(0);
    let saved: Termios | null = null;
    try {
      saved = tty.ioctl?.('TCGETS') as Termios;
      const raw: Termios = { ...saved, cc: saved.cc.slice() };
      raw.lflag &= ~(ICANON | ECHO | ECHONL | ISIG | IEXTEN);
      raw.iflag &= ~(ICRNL | INLCR | IGNCR | IXON);
      raw.oflag &= ~OPOST;
      raw.cc[VMIN] = 1;
      raw.cc[VTIME] = 0;
      tty.ioctl?.('TCSETS', raw);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      saved = null;
    }
    this.#begin(prompt);
    try {
      return await this.#edit();
    } finally {
      await this.#flush();
      if (saved) {
        try { tty.ioctl?.('TCSETS', saved); } catch (e) { if (!(e instanceof KernelError)) throw e; }
      }
    }
  }

  #begin(prompt: string): void {
    this.#chars = [];
    this.#cursor = 0;
    this.#prompt = prompt.replace(/\r?\n/g, '\r\n');
    const lastLine = prompt.slice(prompt.lastIndexOf('\n') + 1);
    this.#promptCols = [...visible(lastLine)].length;
    this.#cols = this.#termCols();
    this.#at = this.#promptCols;
    this.#rows = Math.floor(this.#promptCols / this.#cols);
    this.#lastKey = '';
    this.#histIndex = historyOf(this.#sh).entries.length;
    this.#histEdits.clear();
    this.#utf8 = [];
    this.#out = this.#prompt;
    if (this.#promptCols > 0 && this.#promptCols % this.#cols === 0) this.#out += '\r\n';
  }

  #termCols(): number {
    try {
      const ws = this.#sh.proc.file(0).ioctl?.('TIOCGWINSZ') as { cols?: number } | undefined;
      if (ws?.cols && ws.cols > 0) return ws.cols;
    } catch (e) { if (!(e instanceof KernelError)) throw e; }
    return 80;
  }

  async #flush(): Promise<void> {
    if (this.#out === '') return;
    const s = this.#out;
    this.#out = '';
    await this.#sh.writeErr(s);
  }

  /** The next input byte; null at end of input, INTERRUPTED for a SIGINT sent to the shell. */
  async #byte(): Promise<number | null | typeof INTERRUPTED> {
    while (this.#qpos >= this.#queue.length) {
      await this.#flush();
      let chunk: Uint8Array;
      try {
        chunk = await this.#sh.proc.read(0, 4096);
      } catch (e) {
        if (e instanceof KernelError && e.code === 'EINTR') {
          const sh = this.#sh;
          const k = sh.pendingSignals.indexOf(Signal.SIGINT);
          if (k >= 0) {
            if (!sh.traps.has('INT')) sh.pendingSignals.splice(k, 1);
            return INTERRUPTED;
          }
          if (sh.pendingSignals.length && sh.inTrap === 0) await sh.runPendingTraps();
          const cols = this.#termCols();
          if (cols !== this.#cols) { this.#cols = cols; this.#redraw(true); }
          continue;
        }
        if (e instanceof KernelError) return null;
        throw e;
      }
      if (chunk.length === 0) return null;
      this.#queue = chunk.slice();
      this.#qpos = 0;
    }
    return this.#queue[this.#qpos++]!;
  }

  async #edit(): Promise<string | null | typeof INTERRUPTED> {
    for (;;) {
      const b = await this.#byte();
      if (b === null) {
        if (this.#chars.length === 0) return null;
        this.#endLine();
        return this.#chars.join('');
      }
      if (b === INTERRUPTED) return this.#interrupt();
      let key: string;
      if (b === 0x1b) {
        const k = await this.#escape();
        if (k === INTERRUPTED) return this.#interrupt();
        if (k === null) {
          if (this.#chars.length === 0) return null;
          this.#endLine();
          return this.#chars.join('');
        }
        key = k;
      } else if (b < 0x20 || b === 0x7f) {
        key = b === 0x7f ? 'DEL' : '^' + String.fromCharCode(b + 64);
      } else {
        let ch: string;
        if (b < 0x80) {
          this.#utf8 = [];
          ch = String.fromCharCode(b);
        } else {
          // UTF-8: collect a character's bytes (a broken sequence inserts U+FFFD)
          if (b < 0xc0 && this.#utf8.length === 0) continue;
          if (b >= 0xc0) this.#utf8 = [];
          this.#utf8.push(b);
          const lead = this.#utf8[0]!;
          const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
          if (this.#utf8.length < need) continue;
          ch = decoder.decode(new Uint8Array(this.#utf8));
          this.#utf8 = [];
        }
        this.#insert([ch]);
        this.#lastKey = 'self-insert';
        continue;
      }
      const r = await this.#key(key);
      this.#lastKey = key;
      if (r !== undefined) return r;
    }
  }

  /** After ESC: a CSI / SS3 sequence ("ESC[3~" → "[3~") or a Meta key ("M-b"). */
  async #escape(): Promise<string | null | typeof INTERRUPTED> {
    const b = await this.#byte();
    if (b === null || b === INTERRUPTED) return b;
    if (b !== 0x5b && b !== 0x4f) return b === 0x7f || b === 8 ? 'M-DEL' : 'M-' + String.fromCharCode(b);
    let seq = String.fromCharCode(b);
    for (;;) {
      const c = await this.#byte();
      if (c === null || c === INTERRUPTED) return c;
      seq += String.fromCharCode(c);
      if (c >= 0x40 && c <= 0x7e && seq.length > 1) return seq;
      if (seq.length > 16) return seq;
    }
  }

  #interrupt(): typeof INTERRUPTED {
    this.#moveTo(this.#endCol());
    this.#out += '^C';
    return INTERRUPTED;
  }

  /** Handles one key; returns the line (or null for EOF) when the key ends editing. */
  async #key(key: string): Promise<string | null | typeof INTERRUPTED | undefined> {
    const chars = this.#chars;
    switch (key) {
      case '^M': case '^J':
        this.#endLine();
        return chars.join('');
      case '^C':
        return this.#interrupt();
      case '^D':
        if (chars.length === 0) return null;
        if (this.#cursor < chars.length) this.#delete(this.#cursor, this.#cursor + 1);
        return undefined;
      case 'DEL': case '^H':
        if (this.#cursor > 0) this.#delete(this.#cursor - 1, this.#cursor);
        return undefined;
      case '[3~':
        if (this.#cursor < chars.length) this.#delete(this.#cursor, this.#cursor + 1);
        return undefined;
      case '[D': case 'OD': case '^B': this.#setCursor(this.#cursor - 1); return undefined;
      case '[C': case 'OC': case '^F': this.#setCursor(this.#cursor + 1); return undefined;
      case '[H': case 'OH': case '[1~': case '[7~': case '^A': this.#setCursor(0); return undefined;
      case '[F': case 'OF': case '[4~': case '[8~': case '^E': this.#setCursor(chars.length); return undefined;
      case 'M-b': case '[1;5D': case '[1;3D': this.#setCursor(this.#wordLeft()); return undefined;
      case 'M-f': case '[1;5C': case '[1;3C': this.#setCursor(this.#wordRight()); return undefined;
      case '^U': this.#kill(0, this.#cursor, true); return undefined;
      case '^K': this.#kill(this.#cursor, chars.length, false); return undefined;
      case '^W': {
        let i = this.#cursor;
        while (i > 0 && /\s/.test(chars[i - 1]!)) i--;
        while (i > 0 && !/\s/.test(chars[i - 1]!)) i--;
        this.#kill(i, this.#cursor, true);
        return undefined;
      }
      case 'M-DEL': this.#kill(this.#wordLeft(), this.#cursor, true); return undefined;
      case 'M-d': this.#kill(this.#cursor, this.#wordRight(), false); return undefined;
      case '^Y': if (this.#killed) this.#insert([...this.#killed]); return undefined;
      case '^T': {
        if (chars.length < 2 || this.#cursor === 0) { this.#bell(); return undefined; }
        const at = this.#cursor === chars.length ? this.#cursor - 1 : this.#cursor;
        const t = chars[at - 1]!;
        chars[at - 1] = chars[at]!;
        chars[at] = t;
        this.#cursor = at + 1;
        this.#render(at - 1);
        return undefined;
      }
      case '^L':
        this.#out += '\x1b[H\x1b[2J';
        this.#redraw(false);
        return undefined;
      case '[A': case 'OA': case '^P': this.#history(-1); return undefined;
      case '[B': case 'OB': case '^N': this.#history(1); return undefined;
      case '^I': await this.#complete(); return undefined;
      case '[200~': case '[201~': return undefined;
    }
    this.#bell();
    return undefined;
  }

  #bell(): void { this.#out += '\x07'; }

  #wordLeft(): number {
    let i = this.#cursor;
    while (i > 0 && !isWordChar(this.#chars[i - 1]!)) i--;
    while (i > 0 && isWordChar(this.#chars[i - 1]!)) i--;
    return i;
  }

  #wordRight(): number {
    let i = this.#cursor;
    const n = this.#chars.length;
    while (i < n && !isWordChar(this.#chars[i]!)) i++;
    while (i < n && isWordChar(this.#chars[i]!)) i++;
    return i;
  }

  #kill(from: number, to: number, backward: boolean): void {
    if (from >= to) return;
    const text = this.#chars.slice(from, to).join('');
    const chain = ['^U', '^K', '^W', 'M-DEL', 'M-d'].includes(this.#lastKey);
    this.#killed = chain ? (backward ? text + this.#killed : this.#killed + text) : text;
    this.#delete(from, to);
  }

  // ---- buffer changes and screen ----

  #endCol(): number { return this.#promptCols + this.#chars.length; }

  /** Moves the terminal cursor to a column (counted from the prompt's last line start). */
  #moveTo(col: number): void {
    const cols = this.#cols;
    const fromRow = Math.floor(this.#at / cols), toRow = Math.floor(col / cols);
    if (toRow < fromRow) this.#out += `\x1b[${fromRow - toRow}A`;
    else if (toRow > fromRow) this.#out += `\x1b[${toRow - fromRow}B`;
    const fromCol = this.#at % cols, toCol = col % cols;
    if (toCol === 0 && fromCol !== 0) this.#out += '\r';
    else if (toCol < fromCol) this.#out += toCol === 0 ? '\r' : `\x1b[${fromCol - toCol}D`;
    else if (toCol > fromCol) this.#out += `\x1b[${toCol - fromCol}C`;
    this.#at = col;
  }

  /** Rewrites the line from character `from` to its end, clears what follows, places the cursor. */
  #render(from: number): void {
    this.#moveTo(this.#promptCols + from);
    const tail = this.#chars.slice(from).join('');
    this.#out += tail;
    const end = this.#endCol();
    // at an exact multiple of the width the terminal waits to wrap: move to the next row now
    if (tail.length && end % this.#cols === 0) this.#out += '\r\n';
    // one row so far: clear to the end of the row; after wrapping, to the end of the screen
    const rows = Math.floor(end / this.#cols);
    this.#out += rows === 0 && this.#rows === 0 ? '\x1b[K' : '\x1b[J';
    this.#rows = Math.max(this.#rows, rows);
    this.#at = end;
    this.#moveTo(this.#promptCols + this.#cursor);
  }

  /** Prints the prompt and the whole line again (after ^L, a completion list, a resize). */
  #redraw(clearFirst: boolean): void {
    if (clearFirst) {
      this.#moveTo(0);
      this.#out += '\x1b[J' + this.#prompt.slice(this.#prompt.lastIndexOf('\n') + 1);
    } else this.#out += this.#prompt;
    this.#at = this.#promptCols;
    if (this.#promptCols > 0 && this.#promptCols % this.#cols === 0) this.#out += '\r\n';
    this.#render(0);
  }

  #insert(text: string[]): void {
    const atEnd = this.#cursor === this.#chars.length;
    this.#chars.splice(this.#cursor, 0, ...text);
    const from = this.#cursor;
    this.#cursor += text.length;
    if (atEnd && this.#at === this.#promptCols + from) {
      // typing at the end: just echo
      this.#out += text.join('');
      this.#at = this.#endCol();
      if (this.#at % this.#cols === 0) this.#out += '\r\n';
      this.#rows = Math.max(this.#rows, Math.floor(this.#at / this.#cols));
      return;
    }
    this.#render(from);
  }

  #delete(from: number, to: number): void {
    this.#chars.splice(from, to - from);
    if (this.#cursor > to) this.#cursor -= to - from;
    else if (this.#cursor > from) this.#cursor = from;
    this.#render(from);
  }

  #setCursor(i: number): void {
    i = Math.max(0, Math.min(this.#chars.length, i));
    this.#cursor = i;
    this.#moveTo(this.#promptCols + i);
  }

  #setText(text: string): void {
    this.#chars = [...text];
    this.#cursor = this.#chars.length;
    this.#render(0);
  }

  /** Accepting the line: the cursor goes below it. */
  #endLine(): void {
    const end = this.#endCol();
    this.#moveTo(end);
    if (!(this.#chars.length && end % this.#cols === 0)) this.#out += '\r\n';
  }

  #history(dir: number): void {
    const entries = historyOf(this.#sh).entries;
    const next = this.#histIndex + dir;
    if (next < 0 || next > entries.length) { this.#bell(); return; }
    this.#histEdits.set(this.#histIndex, this.#chars.join(''));
    this.#histIndex = next;
    this.#setText(this.#histEdits.get(next) ?? entries[next] ?? '');
  }

  // ---- completion ----

  async #complete(): Promise<void> {
    const before = this.#chars.slice(0, this.#cursor).join('');
    const c = completeWord(this.#sh, before);
    if (c.matches.length === 0) { this.#bell(); return; }
    const typed = [...before.slice(c.start)];
    let insert: string;
    if (c.matches.length === 1) {
      const m = c.matches[0]!;
      if (c.dirs.has(m)) insert = c.verbatim ? m + '/' : quoteWord(m + '/', c.quote);
      else insert = (c.verbatim ? m : quoteWord(m, c.quote)) + c.quote + ' ';
    } else {
      const p = commonPrefix(c.matches);
      insert = p.length > c.word.length ? (c.verbatim ? p : quoteWord(p, c.quote)) : '';
    }
    if (insert !== '') {
      const chars = [...insert];
      let same = 0;
      while (same < typed.length && same < chars.length && typed[same] === chars[same]) same++;
      if (same === typed.length && this.#cursor === this.#chars.length) {
        this.#insert(chars.slice(same));
      } else {
        this.#chars.splice(c.start, typed.length, ...chars);
        this.#cursor = c.start + chars.length;
        this.#render(c.start + same);
      }
      return;
    }
    if (this.#lastKey !== '^I') { this.#bell(); return; }
    await this.#list(c.matches.map((m) => {
      const shown = c.filenames ? m.slice(m.replace(/\/$/, '').lastIndexOf('/') + 1) : m;
      return c.dirs.has(m) ? shown + '/' : shown;
    }));
  }

  async #list(items: string[]): Promise<void> {
    this.#moveTo(this.#endCol());
    this.#out += '\r\n';
    if (items.length >= 100) {
      this.#out += `Display all ${items.length} possibilities? (y or n)`;
      for (;;) {
        const b = await this.#byte();
        if (b === null || b === INTERRUPTED || b === 0x6e || b === 0x4e || b === 0x7f || b === 0x07 || b === 0x03) {
          this.#out += '\r\n';
          this.#redraw(false);
          return;
        }
        if (b === 0x79 || b === 0x59 || b === 0x20) { this.#out += '\r\n'; break; }
      }
    }
    this.#out += formatColumns(items, this.#cols).replace(/\n/g, '\r\n');
    this.#redraw(false);
  }
}
