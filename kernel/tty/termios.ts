// termios(3): flag bits and control-character indices (Linux values) and the defaults a new
// pseudo-terminal starts with (what `stty -a` shows on a fresh Linux pty).
//
// ioctl shape (kernel/tty/pty.ts): ioctl('TCGETS') returns a Termios copy; ioctl('TCSETS' |
// 'TCSETSW' | 'TCSETSF', partial) merges the given fields: flags are whole numbers, `cc` is
// either an array indexed by V* (only the given indices change) or an object keyed by name
// ({ VMIN: 1, VTIME: 0, VINTR: 3 }). TCSETSF also discards pending input.

export interface Termios {
  iflag: number;
  oflag: number;
  cflag: number;
  lflag: number;
  /** Control characters indexed by VINTR, VQUIT, …; 0 disables one (_POSIX_VDISABLE). */
  cc: number[];
}

export type TermiosInput = Partial<Omit<Termios, 'cc'>> & { cc?: number[] | Partial<Record<CcName, number>> };

// c_iflag
export const IGNBRK = 0o1, BRKINT = 0o2, IGNPAR = 0o4, PARMRK = 0o10, INPCK = 0o20, ISTRIP = 0o40;
export const INLCR = 0o100, IGNCR = 0o200, ICRNL = 0o400, IUCLC = 0o1000, IXON = 0o2000, IXANY = 0o4000;
export const IXOFF = 0o10000, IMAXBEL = 0o20000, IUTF8 = 0o40000;
// c_oflag
export const OPOST = 0o1, OLCUC = 0o2, ONLCR = 0o4, OCRNL = 0o10, ONOCR = 0o20, ONLRET = 0o40;
// c_cflag
export const CSIZE = 0o60, CS8 = 0o60, CREAD = 0o200, HUPCL = 0o2000, B38400 = 0o17;
// c_lflag
export const ISIG = 0o1, ICANON = 0o2, ECHO = 0o10, ECHOE = 0o20, ECHOK = 0o40, ECHONL = 0o100;
export const NOFLSH = 0o200, TOSTOP = 0o400, ECHOCTL = 0o1000, ECHOPRT = 0o2000, ECHOKE = 0o4000;
export const FLUSHO = 0o10000, PENDIN = 0o40000, IEXTEN = 0o100000;
// c_cc indices
export const VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6, VSWTC = 7;
export const VSTART = 8, VSTOP = 9, VSUSP = 10, VEOL = 11, VREPRINT = 12, VDISCARD = 13, VWERASE = 14;
export const VLNEXT = 15, VEOL2 = 16;
export const NCCS = 32;

export const ccNames = {
  VINTR, VQUIT, VERASE, VKILL, VEOF, VTIME, VMIN, VSWTC, VSTART, VSTOP, VSUSP, VEOL, VREPRINT,
  VDISCARD, VWERASE, VLNEXT, VEOL2,
} as const;
export type CcName = keyof typeof ccNames;

export function defaultTermios(): Termios {
  const cc = new Array<number>(NCCS).fill(0);
  cc[VINTR] = 0x03; cc[VQUIT] = 0x1c; cc[VERASE] = 0x7f; cc[VKILL] = 0x15; cc[VEOF] = 0x04;
  cc[VTIME] = 0; cc[VMIN] = 1; cc[VSTART] = 0x11; cc[VSTOP] = 0x13; cc[VSUSP] = 0x1a;
  cc[VREPRINT] = 0x12; cc[VDISCARD] = 0x0f; cc[VWERASE] = 0x17; cc[VLNEXT] = 0x16;
  return {
    iflag: ICRNL | IXON | IMAXBEL | IUTF8,
    oflag: OPOST | ONLCR,
    cflag: B38400 | CS8 | CREAD | HUPCL,
    lflag: ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
    cc,
  };
}

export function copyTermios(t: Termios): Termios {
  return { iflag: t.iflag, oflag: t.oflag, cflag: t.cflag, lflag: t.lflag, cc: t.cc.slice() };
}

/** Applies a partial termios (see the shape at the top) onto `t`, validating it. */
export function mergeTermios(t: Termios, arg: unknown): Termios {
  if (!arg || typeof arg !== 'object') throw new TypeError('termios must be an object');
  const a = arg as Record<string, unknown>;
  const out = copyTermios(t);
  for (const k of ['iflag', 'oflag', 'cflag', 'lflag'] as const) {
    const v = a[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new TypeError(`termios.${k} must be a non-negative integer`);
    out[k] = v;
  }
  const cc = a.cc;
  if (cc !== undefined) {
    const set = (i: number, v: unknown): void => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 255) throw new TypeError('termios.cc values must be bytes');
      out.cc[i] = v;
    };
    if (Array.isArray(cc)) {
      cc.forEach((v, i) => { if (i < NCCS && v !== undefined) set(i, v); });
    } else if (cc && typeof cc === 'object') {
      for (const [name, v] of Object.entries(cc)) {
        const i = (ccNames as Record<string, number>)[name];
        if (i === undefined) throw new TypeError(`unknown control character '${name}'`);
        set(i, v);
      }
    } else {
      throw new TypeError('termios.cc must be an array or an object');
    }
  }
  return out;
}

/** cfmakeraw(3): no line editing, no echo, no signals, no output processing, 8-bit. */
export function makeRaw(t: Termios): Termios {
  const out = copyTermios(t);
  out.iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
  out.oflag &= ~OPOST;
  out.lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
  out.cflag = (out.cflag & ~CSIZE) | CS8;
  out.cc[VMIN] = 1;
  out.cc[VTIME] = 0;
  return out;
}
