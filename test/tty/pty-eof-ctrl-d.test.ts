// ^D at the start of a line makes read() return 0 bytes (EOF) once; in the middle of a line it
// hands over the partial line without a newline. The terminal stays usable after an EOF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dec, makeKernel, program } from '../proc/helpers.ts';
import { openTerm } from './helpers.ts';

test('^D: partial line, then EOF, then more input', async () => {
  const k = makeKernel();
  const reads: string[] = [];
  const prog = program('r', async (p) => {
    for (let i = 0; i < 4; i++) reads.push(JSON.stringify(dec.decode(await p.read(0))));
    return 0;
  });
  const t = openTerm(k, prog);
  t.type('abc\x04');
  t.type('\x04');
  t.type('more\r\x04');
  await t.handle.wait();
  assert.deepEqual(reads, ['"abc"', '""', '"more\\n"', '""']);
  assert.equal(t.screen(), 'abcmore\r\n', '^D is not echoed');
});
