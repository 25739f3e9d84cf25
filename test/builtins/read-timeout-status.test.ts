// read -t: a timeout ends the read with status 128+SIGALRM (142) and keeps the partial input;
// -t 0 only reports whether input is waiting, without consuming it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runStep, withShell } from './helpers.ts';

test('read -t times out with status 142 and assigns what arrived', async () => {
  const { value } = await withShell(async (sh) => {
    const [r, w] = sh.proc.pipe();
    await sh.proc.write(w, 'par');
    const t0 = Date.now();
    const st = await runStep(sh, ['read', '-t', '0.2', '-u', String(r), 'x']);
    const ms = Date.now() - t0;
    // the writer is still open: nothing was lost, later data is read normally
    await sh.proc.write(w, 'tial\nnext\n');
    const st2 = await runStep(sh, ['read', '-t', '5', '-u', String(r), 'y']);
    sh.proc.close(w);
    return { st, x: sh.vars.get('x'), st2, y: sh.vars.get('y'), ms };
  });
  assert.equal(value.st, 142);
  assert.equal(value.x, 'par');
  assert.ok(value.ms >= 150, `timed out after ${value.ms} ms`);
  assert.equal(value.st2, 0);
  assert.equal(value.y, 'tial');
});

test('read -t 0 polls without reading', async () => {
  const { value } = await withShell(async (sh) => {
    const [r, w] = sh.proc.pipe();
    const empty = await runStep(sh, ['read', '-t', '0', '-u', String(r)]);
    await sh.proc.write(w, 'data\n');
    const ready = await runStep(sh, ['read', '-t', '0', '-u', String(r)]);
    sh.proc.close(w);
    const st = await runStep(sh, ['read', '-u', String(r), 'z']);
    return { empty, ready, st, z: sh.vars.get('z') };
  });
  assert.deepEqual(value, { empty: 1, ready: 0, st: 0, z: 'data' });
});
