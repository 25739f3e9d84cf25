import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

async function ptyOutput(vm: Awaited<ReturnType<typeof vmWithCompat>>, opts: { argv?: string[]; cols: number; rows: number; input?: string }): Promise<string> {
  const t = vm.pty(opts);
  let out = '';
  const dec = new TextDecoder();
  t.onData((d) => { out += dec.decode(d); });
  if (opts.input) t.write(opts.input);
  await t.wait();
  return out;
}

test('ioctl(TIOCGWINSZ) reports the PTY size; ttyname and the foreground group come from the kernel', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pwinsz']);
  const out = await ptyOutput(vm, { argv: ['pwinsz'], cols: 100, rows: 30 });
  assert.equal(out, 'isatty=1 rows=30 cols=100 tty=/dev/pts/0 fg-is-mine=1\r\n');
});

test('a resize is seen by the next ioctl; without a terminal the ioctl fails with ENOTTY', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pwinsz']);
  const t = vm.pty({ cols: 80, rows: 24 });
  let out = '';
  const dec = new TextDecoder();
  t.onData((d) => { out += dec.decode(d); });
  t.resize(132, 43);
  t.write('pwinsz; exit\n');
  await t.wait();
  assert.match(out, /isatty=1 rows=43 cols=132 tty=\/dev\/pts\/\d+ fg-is-mine=1/);
  const r = await vm.exec('pwinsz');
  assert.equal(r.exitCode, 1);
  assert.equal(r.stdout, 'TIOCGWINSZ: Not a tty\n');
});
