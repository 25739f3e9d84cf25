// Resizing the terminal (TIOCSWINSZ from the host, or pty.resize) updates TIOCGWINSZ and sends
// SIGWINCH to the foreground group — only when the size really changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Signal } from '../../kernel/types.ts';
import { makeKernel, program, tick } from '../proc/helpers.ts';
import { openTerm } from './helpers.ts';

test('SIGWINCH on resize with the new size readable', async () => {
  const k = makeKernel();
  const sizes: string[] = [];
  const prog = program('w', async (p) => {
    p.setSignal(Signal.SIGWINCH, 'catch');
    p.onSignal = () => {
      const ws = p.file(0).ioctl!('TIOCGWINSZ') as { cols: number; rows: number };
      sizes.push(`${ws.cols}x${ws.rows}`);
    };
    for (;;) {
      try {
        if ((await p.read(0)).length === 0) return 0;
      } catch (e) {
        if ((e as { code?: string }).code !== 'EINTR') throw e;
      }
    }
  });
  const t = openTerm(k, prog);
  await tick(2);
  assert.deepEqual(t.master.ioctl('TIOCGWINSZ'), { rows: 24, cols: 80, xpixel: 0, ypixel: 0 });
  t.master.ioctl('TIOCSWINSZ', { cols: 100, rows: 30 });
  t.master.ioctl('TIOCSWINSZ', { cols: 100, rows: 30 }); // unchanged: no signal
  t.pty.resize(120, 40);
  t.type('\x04');
  await t.handle.wait();
  assert.deepEqual(sizes, ['100x30', '120x40']);
});

test('SIGWINCH is ignored by default', async () => {
  const k = makeKernel();
  const prog = program('r', async (p) => ((await p.read(0)).length === 0 ? 7 : 1));
  const t = openTerm(k, prog);
  await tick(2);
  t.pty.resize(10, 10);
  await tick(2);
  t.type('\x04');
  assert.equal((await t.handle.wait()).status, 7);
});
