// Raw mode (cfmakeraw): bytes reach the program as typed — no line buffering, no echo, no
// CR→NL, no signals, no ONLCR on output; VMIN/VTIME control when read returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeRaw, type Termios } from '../../kernel/tty/termios.ts';
import { makeKernel, program, tick } from '../proc/helpers.ts';
import { openTerm } from './helpers.ts';

test('raw bytes in, raw bytes out', async () => {
  const k = makeKernel();
  const got: number[][] = [];
  const prog = program('raw', async (p) => {
    const tty = p.file(0);
    tty.ioctl!('TCSETS', makeRaw(tty.ioctl!('TCGETS') as Termios));
    await p.write(1, 'ready\n');
    while (got.flat().length < 4) got.push([...await p.read(0)]);
    await p.write(1, 'a\nb');
    return 0;
  });
  const t = openTerm(k, prog);
  await t.waitFor('ready');
  t.type('x');
  await tick(2);
  t.type('\r\x03\x7f');
  await t.handle.wait();
  await tick(2);
  assert.deepEqual(got, [[0x78], [0x0d, 0x03, 0x7f]]);
  assert.equal(t.screen(), 'ready\na\nb', 'no echo, no ONLCR');
});

test('VMIN=0 VTIME=1 returns empty after ~100 ms without input; VMIN=3 waits for 3 bytes', async () => {
  const k = makeKernel();
  const log: string[] = [];
  const prog = program('raw', async (p) => {
    const tty = p.file(0);
    const raw = makeRaw(tty.ioctl!('TCGETS') as Termios);
    tty.ioctl!('TCSETS', { ...raw, cc: { VMIN: 0, VTIME: 1 } });
    const t0 = Date.now();
    const r = await p.read(0);
    log.push(`timeout len=${r.length} waited=${Date.now() - t0 >= 90}`);
    tty.ioctl!('TCSETS', { cc: { VMIN: 3, VTIME: 0 } });
    await p.write(1, 'go');
    log.push(`min3=${(await p.read(0)).length}`);
    return 0;
  });
  const t = openTerm(k, prog);
  await t.waitFor('go');
  t.type('a');
  await tick(5);
  t.type('b');
  await tick(5);
  t.type('cd');
  await t.handle.wait();
  assert.deepEqual(log, ['timeout len=0 waited=true', 'min3=4']);
});

test('switching back to canonical mode keeps typeahead as the line being edited', async () => {
  const k = makeKernel();
  const lines: string[] = [];
  const prog = program('mix', async (p) => {
    const tty = p.file(0);
    const saved = tty.ioctl!('TCGETS') as Termios;
    tty.ioctl!('TCSETS', makeRaw(saved));
    await p.write(1, 'raw\n');
    await new Promise((r) => setTimeout(r, 10));
    tty.ioctl!('TCSETS', saved);
    lines.push(new TextDecoder().decode(await p.read(0)));
    return 0;
  });
  const t = openTerm(k, prog);
  await t.waitFor('raw');
  t.type('typeahead');
  await tick(15);
  t.type('!\r');
  await t.handle.wait();
  assert.deepEqual(lines, ['typeahead!\n']);
});
