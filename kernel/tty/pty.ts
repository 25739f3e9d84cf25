// Pseudo-terminals: a master side (the host / terminal emulator: reads program output, writes
// keyboard input) and a slave side (the programs' stdio: isatty() true) joined by a line
// discipline. Owns the terminal's session, foreground process group and window size.
//
// ioctl requests (on either side; `file.ioctl(request, arg)`):
//   'TCGETS' → Termios copy;  'TCSETS' | 'TCSETSW' | 'TCSETSF' (arg: partial Termios, see
//   termios.ts; TCSETSF also flushes input);  'TIOCGWINSZ' → { rows, cols, xpixel, ypixel };
//   'TIOCSWINSZ' (arg { rows, cols }; SIGWINCH to the foreground group when it changes);
//   'TIOCGPGRP' → foreground pgid (tcgetpgrp);  'TIOCSPGRP' (arg pgid: tcsetpgrp; ESRCH / EPERM
//   unless a group of the terminal's session);  'TIOCGSID' → session id;  'FIONREAD' → bytes
//   readable;  'TCFLSH' (arg 0 input, 1 output, 2 both);  'TIOCGPTN' → pty number.
// Job-control caveats: SIGTTOU is never sent (TOSTOP writes and tcsetpgrp from the background
// are allowed); SIGTTIN is sent by the process layer (Process.read) for background reads.

import { kerr } from '../errno.ts';
import { WaitQueue } from '../proc/waitqueue.ts';
import { O_CLOEXEC, O_NONBLOCK, O_RDWR, S_IFCHR, Signal, type OpenFile, type Stat } from '../types.ts';
import { LineDiscipline, type LineDisciplineHost } from './linedisc.ts';
import { defaultTermios, mergeTermios, type Termios } from './termios.ts';

/** What a terminal needs from the process table. */
export interface PtyHost {
  signalGroup(pgid: number, sig: number): number;
  signalProcess(pid: number, sig: number): void;
  /** Session of a process group with a live member, or undefined. */
  groupSession(pgid: number): number | undefined;
}

export interface WinSize { rows: number; cols: number; xpixel: number; ypixel: number }

const empty = new Uint8Array(0);
/** Slave writes are processed and queued in pieces of this many bytes. */
const PIECE = 4096;

export class Pty implements LineDisciplineHost {
  readonly index: number;
  /** Session the terminal controls (0 = none) and its foreground process group. */
  sid = 0;
  fg = 0;
  hungup = false;
  #host: PtyHost;
  #limit: number;
  #ld: LineDiscipline;
  #win: WinSize;
  #out: Uint8Array[] = [];
  #outHead = 0;
  #outSize = 0;
  #stopped = false;
  #masterRefs = 0;
  #slaveOpen = 0;
  #onRelease: (() => void) | undefined;
  readonly ctimeMs = Date.now();
  /** Master readers wait for output; slave writers for room; slave readers for input; master writers for room. */
  readonly outQ = new WaitQueue();
  readonly outRoomQ = new WaitQueue();
  readonly inQ = new WaitQueue();
  readonly inRoomQ = new WaitQueue();

  constructor(index: number, host: PtyHost, limit: number, size: { cols?: number; rows?: number } = {}, onRelease?: () => void) {
    this.index = index;
    this.#host = host;
    this.#limit = Math.max(1, limit);
    this.#ld = new LineDiscipline(defaultTermios(), this);
    this.#win = { rows: size.rows ?? 24, cols: size.cols ?? 80, xpixel: 0, ypixel: 0 };
    this.#onRelease = onRelease;
  }

  get path(): string { return `/dev/pts/${this.index}`; }
  get ld(): LineDiscipline { return this.#ld; }
  get termios(): Termios { return this.#ld.termios; }
  get winsize(): WinSize { return { ...this.#win }; }
  get outputSize(): number { return this.#outSize; }
  /** Room for slave output (below limits.ptyBuffer). */
  get writable(): boolean { return this.#outSize < this.#limit; }
  get slaveOpenCount(): number { return this.#slaveOpen; }

  /** Makes this the controlling terminal of session sid with foreground group pgid. */
  setSession(sid: number, pgid: number): void {
    this.sid = sid;
    this.fg = pgid;
  }

  /** Session leader exit: SIGHUP + SIGCONT to the foreground group, terminal released. */
  sessionLeaderExited(): void {
    const fg = this.fg;
    this.sid = 0;
    this.fg = 0;
    if (fg) {
      this.#host.signalGroup(fg, Signal.SIGHUP);
      this.#host.signalGroup(fg, Signal.SIGCONT);
    }
  }

  /** Host-side resize (same as TIOCSWINSZ). */
  resize(cols: number, rows: number): void {
    this.#setWinsize({ cols, rows });
  }

  openMaster(): PtyMasterFile {
    this.#masterRefs++;
    return new PtyMasterFile(this);
  }

  openSlave(flags = O_RDWR): PtySlaveFile {
    if (this.hungup) throw kerr('EIO', 'open', this.path);
    this.#slaveOpen++;
    return new PtySlaveFile(this, flags & ~O_CLOEXEC);
  }

  // ---- LineDisciplineHost ----

  echo(bytes: Uint8Array): void { this.#pushOut(bytes); }

  signal(sig: number): void {
    if (this.fg) this.#host.signalGroup(this.fg, sig);
  }

  inputReady(): void { this.inQ.wakeAll(); }

  flushOutput(): void {
    this.#out = [];
    this.#outHead = 0;
    this.#outSize = 0;
    this.outRoomQ.wakeAll();
  }

  get outputStopped(): boolean { return this.#stopped; }

  setOutputStopped(stopped: boolean): void {
    if (this.#stopped === stopped) return;
    this.#stopped = stopped;
    if (!stopped) this.outQ.wakeAll();
  }

  // ---- output queue (slave -> master) ----

  #pushOut(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.#out.push(bytes);
    this.#outSize += bytes.length;
    this.outQ.wakeAll();
  }

  #takeOut(max: number): Uint8Array {
    const first = this.#out[this.#outHead]!;
    let out: Uint8Array;
    if (first.length <= max) {
      out = first;
      this.#outHead++;
      // gather more small chunks into one read
      if (this.#outHead < this.#out.length && out.length < max) {
        let n = out.length;
        let k = this.#outHead;
        while (k < this.#out.length && n + this.#out[k]!.length <= max) n += this.#out[k++]!.length;
        if (k > this.#outHead) {
          const merged = new Uint8Array(n);
          merged.set(out, 0);
          let off = out.length;
          for (let i = this.#outHead; i < k; i++) {
            merged.set(this.#out[i]!, off);
            off += this.#out[i]!.length;
          }
          this.#outHead = k;
          out = merged;
        }
      }
    } else {
      out = first.subarray(0, max);
      this.#out[this.#outHead] = first.subarray(max);
    }
    this.#outSize -= out.length;
    if (this.#outHead === this.#out.length) {
      this.#out = [];
      this.#outHead = 0;
    } else if (this.#outHead > 256) {
      this.#out.splice(0, this.#outHead);
      this.#outHead = 0;
    }
    this.outRoomQ.wakeAll();
    return out;
  }

  async masterRead(file: OpenFile, max: number, signal?: AbortSignal): Promise<Uint8Array> {
    for (;;) {
      if (this.#outSize > 0 && !this.#stopped) return this.#takeOut(max);
      if (this.#slaveOpen === 0 && this.#outSize === 0) return empty;
      if (file.flags & O_NONBLOCK) throw kerr('EAGAIN', 'read');
      await this.outQ.wait(signal);
    }
  }

  masterReadSync(max: number): Uint8Array | null {
    if (max <= 0) return empty;
    if (this.#outSize > 0 && !this.#stopped) return this.#takeOut(max);
    if (this.#slaveOpen === 0 && this.#outSize === 0) return empty;
    return null;
  }

  masterWrite(data: Uint8Array, signal?: AbortSignal): Promise<number> | number {
    if (data.length === 0) return 0;
    this.#ld.receive(data);
    if (this.#ld.canonical || this.#ld.available() <= this.#limit || this.hungup) return data.length;
    return (async () => {
      while (!this.hungup && !this.#ld.canonical && this.#ld.available() > this.#limit) await this.inRoomQ.wait(signal);
      return data.length;
    })();
  }

  // ---- slave side ----

  slaveRead(file: OpenFile, max: number, signal?: AbortSignal): Promise<Uint8Array> | Uint8Array {
    if (max <= 0) return empty;
    const r = this.#trySlaveRead(max);
    if (r) return r;
    if (file.flags & O_NONBLOCK) throw kerr('EAGAIN', 'read');
    return this.#slaveReadSlow(max, signal);
  }

  #trySlaveRead(max: number): Uint8Array | null {
    if (this.hungup) return empty;
    const ld = this.#ld;
    let r: Uint8Array | null = null;
    if (ld.canonical) {
      r = ld.readCanon(max);
    } else {
      const vmin = ld.vmin;
      const vtime = ld.vtime;
      const avail = ld.available();
      if ((vmin === 0 && vtime === 0) || (avail > 0 && avail >= Math.min(Math.max(vmin, 1), max))) r = ld.readRaw(max);
    }
    if (r) this.inRoomQ.wakeAll();
    return r;
  }

  async #slaveReadSlow(max: number, signal?: AbortSignal): Promise<Uint8Array> {
    const ld = this.#ld;
    for (;;) {
      const timed = !ld.canonical && ld.vtime > 0 && (ld.vmin === 0 || ld.available() > 0);
      if (!timed) {
        await this.inQ.wait(signal);
      } else {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const expired = await Promise.race([
          this.inQ.wait(signal).then(() => false),
          new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), ld.vtime * 100); }),
        ]).finally(() => clearTimeout(timer));
        if (expired) {
          this.inRoomQ.wakeAll();
          return ld.readRaw(max);
        }
      }
      const r = this.#trySlaveRead(max);
      if (r) return r;
    }
  }

  slaveWrite(data: Uint8Array, signal?: AbortSignal): Promise<number> | number {
    if (this.hungup) throw kerr('EIO', 'write');
    const n = data.length;
    if (n === 0) return 0;
    if (n <= PIECE && this.#outSize < this.#limit) {
      this.#pushOut(this.#ld.output(data));
      return n;
    }
    return this.#slaveWriteSlow(data, signal);
  }

  async #slaveWriteSlow(data: Uint8Array, signal?: AbortSignal): Promise<number> {
    let done = 0;
    while (done < data.length) {
      if (this.hungup) {
        if (done > 0) return done;
        throw kerr('EIO', 'write');
      }
      if (this.#outSize >= this.#limit) {
        try {
          await this.outRoomQ.wait(signal);
        } catch (e) {
          if (done > 0) return done;
          throw e;
        }
        continue;
      }
      const k = Math.min(PIECE, data.length - done);
      this.#pushOut(this.#ld.output(data.subarray(done, done + k)));
      done += k;
    }
    return done;
  }

  // ---- ioctl ----

  ioctl(request: string, arg: unknown, master: boolean): unknown {
    switch (request) {
      case 'TCGETS': return this.#ld.termios;
      case 'TCSETS': case 'TCSETSW': case 'TCSETSF': {
        let next: Termios;
        try { next = mergeTermios(this.#ld.termios, arg); } catch (e) {
          throw kerr('EINVAL', 'ioctl', undefined, (e as Error).message);
        }
        if (request === 'TCSETSF') this.#ld.flushInput();
        this.#ld.setTermios(next);
        if (request === 'TCSETSF') this.inRoomQ.wakeAll();
        return 0;
      }
      case 'TIOCGWINSZ': return { ...this.#win };
      case 'TIOCSWINSZ': this.#setWinsize(arg); return 0;
      case 'TIOCGPGRP':
        if (this.sid === 0) throw kerr('ENOTTY', 'ioctl');
        return this.fg;
      case 'TIOCSPGRP': {
        if (this.sid === 0) throw kerr('ENOTTY', 'ioctl');
        const pgid = arg;
        if (typeof pgid !== 'number' || !Number.isInteger(pgid) || pgid <= 0) throw kerr('EINVAL', 'ioctl');
        const s = this.#host.groupSession(pgid);
        if (s === undefined) throw kerr('ESRCH', 'ioctl');
        if (s !== this.sid) throw kerr('EPERM', 'ioctl');
        this.fg = pgid;
        return 0;
      }
      case 'TIOCGSID':
        if (this.sid === 0) throw kerr('ENOTTY', 'ioctl');
        return this.sid;
      case 'FIONREAD': return master ? this.#outSize : this.#ld.available();
      case 'TCFLSH': {
        const q = arg ?? 2;
        if (q !== 0 && q !== 1 && q !== 2) throw kerr('EINVAL', 'ioctl');
        if (q === 0 || q === 2) { this.#ld.flushInput(); this.inRoomQ.wakeAll(); }
        if (q === 1 || q === 2) this.flushOutput();
        return 0;
      }
      case 'TIOCGPTN': return this.index;
      default: throw kerr('ENOTTY', 'ioctl', undefined, `unsupported terminal request '${request}'`);
    }
  }

  #setWinsize(arg: unknown): void {
    const a = (arg ?? {}) as Partial<WinSize>;
    const num = (v: unknown, d: number): number => {
      if (v === undefined) return d;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff) throw kerr('EINVAL', 'ioctl');
      return v;
    };
    const next: WinSize = {
      rows: num(a.rows, this.#win.rows), cols: num(a.cols, this.#win.cols),
      xpixel: num(a.xpixel, this.#win.xpixel), ypixel: num(a.ypixel, this.#win.ypixel),
    };
    const w = this.#win;
    if (next.rows === w.rows && next.cols === w.cols && next.xpixel === w.xpixel && next.ypixel === w.ypixel) return;
    this.#win = next;
    if (this.fg) this.#host.signalGroup(this.fg, Signal.SIGWINCH);
  }

  // ---- lifetime ----

  masterClosed(): void {
    if (--this.#masterRefs > 0) return;
    this.hangup();
    this.#maybeRelease();
  }

  slaveClosed(): void {
    if (--this.#slaveOpen > 0) return;
    this.outQ.wakeAll();
    this.#maybeRelease();
  }

  /** The master went away: readers see EOF, writers EIO, the session leader gets SIGHUP + SIGCONT. */
  hangup(): void {
    if (this.hungup) return;
    this.hungup = true;
    this.#ld.flushInput();
    this.flushOutput();
    this.inQ.wakeAll();
    this.inRoomQ.wakeAll();
    this.outQ.wakeAll();
    const sid = this.sid;
    this.sid = 0;
    this.fg = 0;
    if (sid) {
      this.#host.signalProcess(sid, Signal.SIGHUP);
      this.#host.signalProcess(sid, Signal.SIGCONT);
    }
  }

  #maybeRelease(): void {
    if (this.#masterRefs <= 0 && this.#slaveOpen <= 0) {
      const f = this.#onRelease;
      this.#onRelease = undefined;
      f?.();
    }
  }

  stat(master: boolean): Stat {
    const t = this.ctimeMs;
    return {
      dev: 22, ino: master ? 2 : 3 + this.index, mode: S_IFCHR | (master ? 0o666 : 0o620), nlink: 1,
      uid: master ? 0 : 1000, gid: 5, rdev: master ? (5 << 8) | 2 : (136 << 8) | (this.index & 0xff),
      size: 0, blksize: 1024, blocks: 0, atimeMs: t, mtimeMs: t, ctimeMs: t, birthtimeMs: t,
    };
  }
}

abstract class PtyFile implements OpenFile {
  flags: number;
  offset = 0;
  readonly pty: Pty;
  #refs = 1;
  constructor(pty: Pty, flags: number) {
    this.pty = pty;
    this.flags = flags;
  }
  abstract readonly path: string;
  abstract read(max: number, signal?: AbortSignal): Promise<Uint8Array> | Uint8Array;
  abstract write(data: Uint8Array, signal?: AbortSignal): Promise<number> | number;
  abstract ioctl(request: string, arg?: unknown): unknown;
  abstract stat(): Stat;
  protected abstract release(): void;
  seek(): number { throw kerr('ESPIPE', 'lseek'); }
  isatty(): boolean { return true; }
  ref(): void { this.#refs++; }
  close(): void {
    if (this.#refs <= 0) return;
    if (--this.#refs === 0) this.release();
  }
}

/** The host's side: read() returns terminal output (blocking; EOF once no slave is open), write() types input. */
export class PtyMasterFile extends PtyFile {
  get path(): string { return '/dev/ptmx'; }
  constructor(pty: Pty) { super(pty, O_RDWR); }
  read(max: number, signal?: AbortSignal): Promise<Uint8Array> | Uint8Array {
    const r = this.pty.masterReadSync(max);
    if (r) return r;
    if (this.flags & O_NONBLOCK) throw kerr('EAGAIN', 'read');
    return this.pty.masterRead(this, max, signal);
  }
  write(data: Uint8Array, signal?: AbortSignal): Promise<number> | number { return this.pty.masterWrite(data, signal); }
  stat(): Stat { return this.pty.stat(true); }
  ioctl(request: string, arg?: unknown): unknown { return this.pty.ioctl(request, arg, true); }
  async ready(events: 'read' | 'write', signal?: AbortSignal): Promise<void> {
    const p = this.pty;
    if (events === 'read') while (p.outputSize === 0 && p.slaveOpenCount > 0) await p.outQ.wait(signal);
  }
  protected release(): void { this.pty.masterClosed(); }
}

/** The programs' side (/dev/pts/N): a terminal with line discipline. */
export class PtySlaveFile extends PtyFile {
  get path(): string { return this.pty.path; }
  read(max: number, signal?: AbortSignal): Promise<Uint8Array> | Uint8Array { return this.pty.slaveRead(this, max, signal); }
  write(data: Uint8Array, signal?: AbortSignal): Promise<number> | number { return this.pty.slaveWrite(data, signal); }
  stat(): Stat { return this.pty.stat(false); }
  ioctl(request: string, arg?: unknown): unknown { return this.pty.ioctl(request, arg, false); }
  async ready(events: 'read' | 'write', signal?: AbortSignal): Promise<void> {
    const p = this.pty;
    if (events === 'read') {
      while (!p.hungup && (p.ld.canonical ? !p.ld.hasLine() : p.ld.available() === 0)) await p.inQ.wait(signal);
    } else {
      while (!p.hungup && !p.writable) await p.outRoomQ.wait(signal);
    }
  }
  protected release(): void { this.pty.slaveClosed(); }
}
