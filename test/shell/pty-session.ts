// Shared helper for the line-editor tests: `bash -i` on a kernel PTY, input written to the master
// side, the screen (everything the master reads) collected, waits on patterns of it.

import { makeKernel } from './helpers.ts';
import { shProgram } from '../../kernel/shell/sh.ts';
import type { Kernel } from '../../kernel/kernel.ts';

const enc = new TextEncoder();

export interface PtySession {
  kernel: Kernel;
  readonly screen: string;
  /** Writes bytes to the terminal as typed (or pasted: one write). */
  type(text: string): Promise<void>;
  /** Waits until the screen (from offset `from`) matches re. */
  until(re: RegExp, from?: number): Promise<void>;
  /** Types `exit\r` and returns the shell's status. */
  exit(): Promise<number>;
}

export async function ptySession(opts: { files?: Record<string, string>; env?: Record<string, string>; cols?: number } = {}): Promise<PtySession> {
  const kernel = makeKernel();
  const ctx = { cwd: '/', uid: 0, gid: 0, umask: 0o022 };
  for (const [path, text] of Object.entries(opts.files ?? {})) {
    const parts = path.split('/').slice(1, -1);
    for (let i = 1; i <= parts.length; i++) {
      try { kernel.vfs.mkdir(ctx, '/' + parts.slice(0, i).join('/')); } catch { /* exists */ }
    }
    kernel.vfs.writeFile(ctx, path, enc.encode(text), 0o644);
  }
  const { master, slave, pty } = kernel.openPty({ cols: opts.cols ?? 80, rows: 24 });
  const h = kernel.spawnRoot({
    argv: ['bash', '-i'], program: shProgram, cwd: '/root', ctty: pty, pgid: 0, stdio: [slave, slave, slave], uid: 0, gid: 0,
    env: { HOME: '/root', USER: 'root', PATH: '/usr/bin:/bin', TERM: 'xterm', PS1: '$ ', ...opts.env },
  });
  slave.close();
  let screen = '';
  const dec = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const c = await master.read(65536);
        if (c.length === 0) break;
        screen += dec.decode(c, { stream: true });
      }
    } catch { /* terminal closed */ }
  })();
  const until = async (re: RegExp, from = 0): Promise<void> => {
    const t0 = Date.now();
    while (!re.test(screen.slice(from))) {
      if (Date.now() - t0 > 5000) throw new Error(`timed out waiting for ${re}: ${JSON.stringify(screen)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  await until(/\$ $/);
  return {
    kernel,
    get screen() { return screen; },
    async type(text) { await master.write(enc.encode(text)); },
    until,
    async exit() {
      await master.write(enc.encode('exit\r'));
      const st = await h.wait();
      master.close();
      return st.status;
    },
  };
}
