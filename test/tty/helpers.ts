// PTY test helpers: a terminal with a program on its slave side, and a collector of what the
// host (master side) sees.
import type { Kernel, ProcessHandle } from '../../kernel/kernel.ts';
import type { PtyMasterFile, Pty } from '../../kernel/tty/pty.ts';
import type { Program } from '../../kernel/types.ts';
import { dec, enc, tick } from '../proc/helpers.ts';

export interface Term {
  master: PtyMasterFile;
  pty: Pty;
  handle: ProcessHandle;
  /** Everything the master read so far. */
  screen(): string;
  type(s: string): void;
  /** Waits until screen() contains text. */
  waitFor(text: string, ms?: number): Promise<void>;
}

export function openTerm(kernel: Kernel, prog: Program, argv: string[] = [prog.name]): Term {
  const { master, slave, pty } = kernel.openPty({ cols: 80, rows: 24 });
  const handle = kernel.spawnRoot({ argv, program: prog, env: {}, cwd: '/', stdio: [slave, slave, slave], ctty: pty });
  slave.close();
  let out = '';
  void (async () => {
    for (;;) {
      const c = await master.read(4096);
      if (c.length === 0) break;
      out += dec.decode(c);
    }
  })();
  return {
    master, pty, handle,
    screen: () => out,
    type: (s) => { void master.write(enc.encode(s)); },
    waitFor: async (text, ms = 2000) => {
      const end = Date.now() + ms;
      while (!out.includes(text)) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen: ${JSON.stringify(out)}`);
        await tick(1);
      }
    },
  };
}
