import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('tcgetattr/tcsetattr reach the PTY line discipline: raw mode reads a key without newline or echo', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['ptermios']);
  const t = vm.pty({ argv: ['ptermios'], cols: 80, rows: 24 });
  let out = '';
  const dec = new TextDecoder();
  let sent = false;
  t.onData((d) => {
    out += dec.decode(d);
    if (!sent && out.includes('speed=')) { sent = true; setTimeout(() => t.write('k'), 50); }
  });
  assert.deepEqual(await t.wait(), { exitCode: 0 });
  assert.equal(out, "icanon=1 echo=1 isig=1 vintr=3 speed=1\r\nraw icanon=0 echo=0; got 1 byte 'k'\r\n");
});
