// Reads one line from an fd without consuming input past it (select, and the shell reading its
// own script from stdin, where the commands it runs read the following lines): chunks from
// seekable files (seeking back), whole lines from terminals, single bytes from pipes.

import type { Interp } from './interp.ts';
import { KernelError } from '../errno.ts';
import { S_IFMT, S_IFREG, SEEK_CUR } from '../types.ts';

const decoder = new TextDecoder();

/** The next line without its newline; null at end of input. A last line without newline counts. */
export async function readLine(sh: Interp, fd: number): Promise<string | null> {
  const proc = sh.proc;
  let mode: 'file' | 'tty' | 'byte' = 'byte';
  try {
    if (proc.isatty(fd)) mode = 'tty';
    else if ((proc.fstat(fd).mode & S_IFMT) === S_IFREG) mode = 'file';
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    return null;
  }
  const parts: Uint8Array[] = [];
  for (;;) {
    let chunk: Uint8Array;
    try {
      chunk = await proc.read(fd, mode === 'byte' ? 1 : 4096);
    } catch (e) {
      if (e instanceof KernelError && e.code === 'EINTR') {
        // ^C at an interactive prompt abandons the line; other signals run their traps.
        if (sh.interruptRead && sh.pendingSignals.includes(2)) { sh.interruptRead = false; throw e; }
        if (sh.pendingSignals.length && sh.inTrap === 0) await sh.runPendingTraps();
        continue;
      }
      throw e;
    }
    if (chunk.length === 0) break;
    const nl = chunk.indexOf(10);
    if (nl >= 0) {
      parts.push(chunk.slice(0, nl));
      const rest = chunk.length - nl - 1;
      if (rest > 0 && mode === 'file') proc.seek(fd, -rest, SEEK_CUR);
      return join(parts);
    }
    parts.push(chunk.slice());
  }
  return parts.length === 0 ? null : join(parts);
}

function join(parts: Uint8Array[]): string {
  if (parts.length === 1) return decoder.decode(parts[0]!);
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) { out.set(p, off); off += p.length; }
  return decoder.decode(out);
}
