// The line discipline (Linux n_tty) between a PTY's master (the host, a terminal emulator) and
// its slave (the programs): input processing (ICRNL, IXON, ISIG signal characters, canonical
// line editing with ERASE / KILL / WERASE / LNEXT / REPRINT / EOF, echo with ECHOCTL ^X forms)
// and output processing (OPOST: ONLCR, OCRNL, ONOCR, ONLRET).
//
// Deviation from Linux: with IEXTEN, ^H erases like VERASE (^?) — terminals send either one.
//
// Readable input is a byte queue plus "line ends": a canonical read returns at most one line;
// ^D at the start of a line makes an empty line, which reads as end of file.

import {
  ECHO, ECHOCTL, ECHOE, ECHOK, ECHOKE, ECHONL, ICANON, ICRNL, IEXTEN, IGNCR, INLCR, ISIG, ISTRIP, IUTF8, IXANY,
  IXON, NOFLSH, OCRNL, OLCUC, ONLCR, ONLRET, ONOCR, OPOST, VEOF, VEOL, VEOL2, VERASE, VINTR, VKILL, VLNEXT,
  VQUIT, VREPRINT, VSTART, VSTOP, VSUSP, VWERASE, copyTermios, type Termios,
} from './termios.ts';
import { Signal } from '../types.ts';

/** Longest canonical line (Linux N_TTY_BUF_SIZE - 1); further characters are dropped. */
export const MAX_CANON = 4095;

/** What the line discipline needs from its terminal. */
export interface LineDisciplineHost {
  /** Echo bytes (already output-processed) for the master side. */
  echo(bytes: Uint8Array): void;
  /** A signal character was typed: signal the foreground process group. */
  signal(sig: number): void;
  /** Input became readable (wake slave readers). */
  inputReady(): void;
  /** ISIG without NOFLSH discards pending output too. */
  flushOutput(): void;
  /** IXON: ^S / ^Q. */
  setOutputStopped(stopped: boolean): void;
  readonly outputStopped: boolean;
}

type EraseKind = 'erase' | 'kill' | 'werase';

function isCtl(c: number): boolean { return c < 32 || c === 127; }
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0xc0;
}

export class LineDiscipline {
  #t: Termios;
  #host: LineDisciplineHost;
  /** Canonical edit buffer (the line being typed). */
  #line: number[] = [];
  /** Readable bytes from #rhead on; line ends are absolute positions (#base + index). */
  #rbuf: number[] = [];
  #rhead = 0;
  #base = 0;
  #lineEnds: number[] = [];
  #lnext = false;
  /** Output column (for erasing tabs) and the column where the current line's echo began. */
  column = 0;
  #canonColumn = 0;

  constructor(termios: Termios, host: LineDisciplineHost) {
    this.#t = termios;
    this.#host = host;
  }

  get termios(): Termios { return copyTermios(this.#t); }
  get canonical(): boolean { return (this.#t.lflag & ICANON) !== 0; }
  get vmin(): number { return this.#t.cc[6]!; }
  get vtime(): number { return this.#t.cc[5]!; }

  /** Unread bytes (raw) / bytes in completed lines (canonical), as FIONREAD reports. */
  available(): number {
    if (this.canonical) {
      const n = this.#lineEnds.length;
      return n ? this.#lineEnds[n - 1]! - this.#base - this.#rhead : 0;
    }
    return this.#rbuf.length - this.#rhead;
  }

  hasLine(): boolean { return this.#lineEnds.length > 0; }

  setTermios(next: Termios): void {
    const wasCanon = this.canonical;
    this.#t = copyTermios(next);
    const isCanon = this.canonical;
    if (wasCanon && !isCanon) {
      // the partial line becomes readable as it is
      for (const c of this.#line) this.#rbuf.push(c);
      this.#line = [];
      this.#lineEnds = [];
      this.#host.inputReady();
    } else if (!wasCanon && isCanon) {
      // unread raw bytes: complete lines stay readable, the tail becomes the line being edited
      const lastEnd = this.#lineEnds.length ? this.#lineEnds[this.#lineEnds.length - 1]! - this.#base : this.#rhead;
      const start = Math.max(lastEnd, this.#rhead);
      const tail = this.#rbuf.splice(start);
      for (const c of tail) {
        if (c === 10) {
          for (const d of this.#line) this.#rbuf.push(d);
          this.#rbuf.push(10);
          this.#line = [];
          this.#lineEnds.push(this.#base + this.#rbuf.length);
        } else {
          this.#line.push(c);
        }
      }
      if (this.#lineEnds.length) this.#host.inputReady();
    }
  }

  flushInput(): void {
    this.#line = [];
    this.#rbuf = [];
    this.#rhead = 0;
    this.#base = 0;
    this.#lineEnds = [];
    this.#lnext = false;
  }

  // ---- reading (slave side) ----

  /** One line (or part of it, up to max); empty array = EOF (^D on an empty line); null = none yet. */
  readCanon(max: number): Uint8Array | null {
    if (this.#lineEnds.length === 0) return null;
    const end = this.#lineEnds[0]! - this.#base;
    const n = Math.min(max, end - this.#rhead);
    const out = this.#take(n);
    if (this.#rhead === end) this.#lineEnds.shift();
    this.#compact();
    return out;
  }

  /** Up to max unread bytes, ignoring line boundaries (non-canonical mode). */
  readRaw(max: number): Uint8Array {
    const n = Math.min(max, this.#rbuf.length - this.#rhead);
    const out = this.#take(n);
    const pos = this.#base + this.#rhead;
    while (this.#lineEnds.length && this.#lineEnds[0]! <= pos) this.#lineEnds.shift();
    this.#compact();
    return out;
  }

  #take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    const buf = this.#rbuf;
    const h = this.#rhead;
    for (let i = 0; i < n; i++) out[i] = buf[h + i]!;
    this.#rhead = h + n;
    return out;
  }

  #compact(): void {
    if (this.#rhead === this.#rbuf.length) {
      this.#base += this.#rhead;
      this.#rbuf = [];
      this.#rhead = 0;
    } else if (this.#rhead > 4096 && this.#rhead * 2 > this.#rbuf.length) {
      this.#base += this.#rhead;
      this.#rbuf.splice(0, this.#rhead);
      this.#rhead = 0;
    }
  }

  // ---- input (master writes) ----

  receive(data: Uint8Array): void {
    const t = this.#t;
    const cc = t.cc;
    const is = (c: number, i: number): boolean => cc[i] !== 0 && cc[i] === c;
    let ready = false;
    for (let i = 0; i < data.length; i++) {
      let c = data[i]!;
      const lf = t.lflag;
      const ifl = t.iflag;
      if (ifl & ISTRIP) c &= 0x7f;
      if (this.#lnext) {
        this.#lnext = false;
        ready = this.#putChar(c, true) || ready;
        continue;
      }
      if (ifl & IXON) {
        if (is(c, VSTART)) { this.#host.setOutputStopped(false); continue; }
        if (is(c, VSTOP)) { this.#host.setOutputStopped(true); continue; }
      }
      if (lf & ISIG) {
        const sig = is(c, VINTR) ? Signal.SIGINT : is(c, VQUIT) ? Signal.SIGQUIT : is(c, VSUSP) ? Signal.SIGTSTP : 0;
        if (sig) {
          if (!(lf & NOFLSH)) {
            this.flushInput();
            this.#host.flushOutput();
          }
          if (ifl & IXON) this.#host.setOutputStopped(false);
          if (lf & ECHO) this.#echoChar(c);
          this.#host.signal(sig);
          continue;
        }
      }
      if (this.#host.outputStopped && (ifl & IXON) && (ifl & IXANY)) this.#host.setOutputStopped(false);
      if (c === 13) {
        if (ifl & IGNCR) continue;
        if (ifl & ICRNL) c = 10;
      } else if (c === 10 && (ifl & INLCR)) {
        c = 13;
      }
      if (lf & ICANON) {
        // ^H erases too (with IEXTEN), whatever VERASE is: terminals send either for Backspace.
        if (is(c, VERASE) || (c === 8 && (lf & IEXTEN))) { this.#erase('erase'); continue; }
        if (is(c, VKILL)) { this.#erase('kill'); continue; }
        if ((lf & IEXTEN) && is(c, VWERASE)) { this.#erase('werase'); continue; }
        if ((lf & IEXTEN) && is(c, VLNEXT)) {
          this.#lnext = true;
          if ((lf & ECHO) && (lf & ECHOCTL)) this.#echoBytes([0x5e, 0x08]);
          continue;
        }
        if ((lf & IEXTEN) && (lf & ECHO) && is(c, VREPRINT)) {
          this.#echoChar(c);
          this.#echoBytes([10]);
          this.#canonColumn = this.column;
          for (const d of this.#line) this.#echoChar(d);
          continue;
        }
        if (c === 10) {
          if (lf & (ECHO | ECHONL)) this.#echoBytes([10]);
          this.#line.push(10);
          this.#commitLine();
          ready = true;
          continue;
        }
        if (is(c, VEOF)) {
          this.#commitLine();
          ready = true;
          continue;
        }
        if (is(c, VEOL) || ((lf & IEXTEN) && is(c, VEOL2))) {
          if (lf & ECHO) this.#echoChar(c);
          this.#line.push(c);
          this.#commitLine();
          ready = true;
          continue;
        }
      }
      ready = this.#putChar(c, false) || ready;
    }
    if (ready) this.#host.inputReady();
  }

  /** An ordinary character: into the edit line (canonical) or straight to readers. */
  #putChar(c: number, literal: boolean): boolean {
    const lf = this.#t.lflag;
    if (lf & ICANON) {
      if (this.#line.length >= MAX_CANON) return false;
      if (lf & ECHO) {
        if (this.#line.length === 0) this.#canonColumn = this.column;
        this.#echoChar(c);
      }
      this.#line.push(c);
      return false;
    }
    if (lf & ECHO) {
      if (c === 10 && !literal) this.#echoBytes([10]);
      else this.#echoChar(c);
    }
    this.#rbuf.push(c);
    return true;
  }

  #commitLine(): void {
    for (const c of this.#line) this.#rbuf.push(c);
    this.#line = [];
    this.#lineEnds.push(this.#base + this.#rbuf.length);
  }

  #erase(kind: EraseKind): void {
    const line = this.#line;
    if (line.length === 0) return;
    const t = this.#t;
    const lf = t.lflag;
    if (kind === 'kill') {
      if (!(lf & ECHO)) { line.length = 0; return; }
      if (!(lf & ECHOK) || !(lf & ECHOKE) || !(lf & ECHOE)) {
        line.length = 0;
        this.#echoChar(t.cc[VKILL]!);
        if (lf & ECHOK) this.#echoBytes([10]);
        return;
      }
    }
    const utf8 = (t.iflag & IUTF8) !== 0;
    let seenAlnums = 0;
    const bytes: number[] = [];
    let back = 0; // columns the queued bytes move the cursor back
    while (line.length) {
      let start = line.length - 1;
      if (utf8) while (start > 0 && (line[start]! & 0xc0) === 0x80) start--;
      const c = line[start]!;
      if (kind === 'werase') {
        if (isAlnum(c)) seenAlnums++;
        else if (seenAlnums) break;
      }
      line.length = start;
      if (lf & ECHO) {
        if (kind === 'erase' && !(lf & ECHOE)) {
          this.#echoChar(t.cc[VERASE]!);
        } else if (c === 9) {
          let col = this.#canonColumn;
          for (const d of line) {
            if (d === 9) col = (col | 7) + 1;
            else if (isCtl(d)) col += lf & ECHOCTL ? 2 : 0;
            else if (!utf8 || (d & 0xc0) !== 0x80) col++;
          }
          const n = this.column - back - col;
          for (let k = 0; k < n; k++) bytes.push(8);
          if (n > 0) back += n;
        } else {
          const ctl = isCtl(c);
          if (ctl && (lf & ECHOCTL)) { bytes.push(8, 32, 8); back++; }
          if (!ctl || (lf & ECHOCTL)) { bytes.push(8, 32, 8); back++; }
        }
      }
      if (kind === 'erase') break;
    }
    if (bytes.length) this.#echoBytes(bytes);
  }

  #echoChar(c: number): void {
    if ((this.#t.lflag & ECHOCTL) && isCtl(c) && c !== 9) this.#echoBytes([0x5e, c ^ 0x40]);
    else this.#echoBytes([c]);
  }

  #echoBytes(bytes: number[]): void {
    this.#host.echo(this.output(Uint8Array.from(bytes)));
  }

  // ---- output (slave writes, echoes) ----

  /** Output processing; always returns a fresh array (the caller may keep it). */
  output(data: Uint8Array): Uint8Array {
    const of = this.#t.oflag;
    let col = this.column;
    if (!(of & OPOST)) {
      for (let i = 0; i < data.length; i++) col = advance(col, data[i]!, false);
      this.column = col;
      return data.slice();
    }
    const out = new Uint8Array(data.length * 2);
    let j = 0;
    for (let i = 0; i < data.length; i++) {
      let c = data[i]!;
      if (c === 10) {
        if (of & ONLCR) { out[j++] = 13; col = 0; }
        else if (of & ONLRET) col = 0;
        out[j++] = 10;
        continue;
      }
      if (c === 13) {
        if ((of & ONOCR) && col === 0) continue;
        if (of & OCRNL) {
          out[j++] = 10;
          if (of & ONLRET) col = 0;
          continue;
        }
        out[j++] = 13;
        col = 0;
        continue;
      }
      if ((of & OLCUC) && c >= 97 && c <= 122) c -= 32;
      col = advance(col, c, false);
      out[j++] = c;
    }
    this.column = col;
    return j === out.length ? out : out.slice(0, j);
  }
}

function advance(col: number, c: number, _raw: boolean): number {
  if (c === 9) return (col | 7) + 1;
  if (c === 8) return col > 0 ? col - 1 : 0;
  if (c === 10 || c === 13) return c === 13 ? 0 : col;
  if (c < 32 || c === 127 || (c & 0xc0) === 0x80) return col;
  return col + 1;
}
