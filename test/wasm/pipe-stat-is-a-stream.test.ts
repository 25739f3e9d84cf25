// A pipe on stdin must look like a FIFO to C programs. Preview1 has no FIFO file type; the runtime
// reports pipes as a stream socket, and wasi-libc gives S_IFIFO and S_IFSOCK one value (0xc000),
// so S_ISFIFO holds (gawk refused `echo a | awk …` when pipes stat'ed as an unknown type, st_mode 0).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

test('stdin from a pipe stats as a FIFO; files and /dev/null keep their types', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wstat']);
  await vm.fs.writeFile('/tmp/f.txt', 'x\n');
  const r = await vm.exec('echo a | wstat; wstat < /tmp/f.txt; wstat < /dev/null');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'fifo readable\nregular readable\nchardev readable\n');
});
