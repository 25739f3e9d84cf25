// limits.maxOpenFiles caps fds per process: open/dup/pipe fail with EMFILE, dup2 beyond the
// limit with EBADF, and nothing leaks when it happens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_RDONLY } from '../../kernel/types.ts';
import { makeKernel, program, runRoot } from './helpers.ts';

test('EMFILE at the limit, room again after close', async () => {
  const k = makeKernel({ maxOpenFiles: 8 });
  const prog = program('t', async (p) => {
    const fds: number[] = [];
    for (;;) {
      try { fds.push(p.open('/dev/null', O_RDONLY)); } catch (e) {
        assert.equal((e as { code: string }).code, 'EMFILE');
        break;
      }
    }
    assert.deepEqual(p.fds(), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.throws(() => p.dup(0), { code: 'EMFILE' });
    assert.throws(() => p.dup2(0, 8), { code: 'EBADF' });
    p.close(5);
    assert.throws(() => p.pipe(), { code: 'EMFILE' });
    assert.equal(p.dup(0), 5);
    p.close(6); p.close(7);
    const [r, w] = p.pipe();
    assert.deepEqual([r, w], [6, 7]);
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 0);
});
