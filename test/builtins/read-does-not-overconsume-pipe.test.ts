// read takes exactly one line from a pipe (byte by byte), and from a seekable file it seeks back
// over what it read ahead, so the next reader of the same fd starts right after the line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runStep, withShell } from './helpers.ts';
import { O_RDONLY, SEEK_CUR } from '../../kernel/types.ts';

const dec = new TextDecoder();

test('read leaves the rest of a pipe for the next reader', async () => {
  const { value } = await withShell(async (sh) => {
    const [r, w] = sh.proc.pipe();
    await sh.proc.write(w, 'first line\nsecond line\nthird');
    sh.proc.close(w);
    const st = await runStep(sh, ['read', '-u', String(r), 'x']);
    const st2 = await runStep(sh, ['read', '-u', String(r), '-n', '3', 'y']);
    let rest = '';
    for (;;) {
      const c = await sh.proc.read(r, 65536);
      if (c.length === 0) break;
      rest += dec.decode(c);
    }
    return { st, st2, x: sh.vars.get('x'), y: sh.vars.get('y'), rest };
  });
  assert.deepEqual(value, { st: 0, st2: 0, x: 'first line', y: 'sec', rest: 'ond line\nthird' });
});

test('read from a regular file seeks back to just after the line', async () => {
  const { value } = await withShell(async (sh) => {
    const fd = sh.proc.open('/tmp/data', O_RDONLY);
    await runStep(sh, ['read', '-u', String(fd), 'a']);
    const off1 = sh.proc.seek(fd, 0, SEEK_CUR);
    await runStep(sh, ['mapfile', '-t', '-n', '1', '-u', String(fd), 'm']);
    const off2 = sh.proc.seek(fd, 0, SEEK_CUR);
    const rest = dec.decode(await sh.proc.read(fd, 100));
    return { a: sh.vars.get('a'), m: sh.vars.values('m'), off1, off2, rest };
  }, { files: { '/tmp/data': 'one\ntwo\nthree\n' } });
  assert.deepEqual(value, { a: 'one', m: ['two'], off1: 4, off2: 8, rest: 'three\n' });
});
