// Character devices: /dev/null, /dev/zero, /dev/full, /dev/random, /dev/urandom and /dev/tty.
// A device inode carries its Linux device number (rdev); opening it yields one of these.

import { kerr } from '../errno.ts';
import type { OpenFile, PathContext, Stat } from '../types.ts';
import { Description } from './description.ts';
import { EMPTY } from './inode.ts';

export function makedev(major: number, minor: number): number {
  return (major << 8) | minor;
}

export const DEV_NULL = makedev(1, 3);
export const DEV_ZERO = makedev(1, 5);
export const DEV_FULL = makedev(1, 7);
export const DEV_RANDOM = makedev(1, 8);
export const DEV_URANDOM = makedev(1, 9);
export const DEV_TTY = makedev(5, 0);

/** Largest single read from an endless device. */
const MAX_READ = 1 << 20;

class DeviceDesc extends Description {
  readonly #rdev: number;
  readonly #stat: () => Stat;

  constructor(rdev: number, stat: () => Stat, flags: number, cwd: string, raw: string) {
    super(flags, cwd, raw);
    this.#rdev = rdev;
    this.#stat = stat;
  }

  read(max: number): Uint8Array {
    this.canRead();
    const rdev = this.#rdev;
    if (rdev === DEV_NULL || max <= 0) return EMPTY;
    const n = Math.min(max, MAX_READ);
    const out = new Uint8Array(n);
    if (rdev === DEV_RANDOM || rdev === DEV_URANDOM) {
      for (let i = 0; i < n; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
    }
    return out;
  }

  write(data: Uint8Array): number {
    this.canWrite();
    if (this.#rdev === DEV_FULL) throw kerr('ENOSPC', 'write');
    return data.length;
  }

  override seek(_offset: number, _whence: number): number {
    return (this.offset = 0);
  }

  stat(): Stat { return this.#stat(); }
}

/** Opens the device `rdev` (the inode's stat is supplied for fstat). */
export function openDevice(
  rdev: number, stat: () => Stat, ctx: PathContext, flags: number, cwd: string, raw: string,
): OpenFile {
  switch (rdev) {
    case DEV_NULL: case DEV_ZERO: case DEV_FULL: case DEV_RANDOM: case DEV_URANDOM:
      return new DeviceDesc(rdev, stat, flags, cwd, raw);
    case DEV_TTY:
      if (ctx.openTty === undefined) throw kerr('ENXIO', 'open', raw);
      return ctx.openTty(flags);
    default:
      throw kerr('ENXIO', 'open', raw);
  }
}
