import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import type { VfsEvent } from '../../kernel/types.ts';
import { root } from './helpers.ts';

// An embedder's listener that throws must not starve the other listeners nor crash the host.
test('a throwing watch listener is reported and the others still get every event', async (t) => {
  const errors: unknown[] = [];
  t.mock.method(console, 'error', (...args: unknown[]) => { errors.push(args); });
  let uncaught = 0;
  const onUncaught = () => { uncaught++; };
  process.on('uncaughtException', onUncaught);
  try {
    const vfs = new Vfs();
    const ctx = root('/tmp');
    const seen: VfsEvent[] = [];
    vfs.watch(() => { throw new Error('listener bug'); });
    vfs.watch((ev) => seen.push(ev));
    vfs.mkdir(ctx, 'a');
    vfs.mkdir(ctx, 'b');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(seen.map((e) => e.path), ['/tmp/a', '/tmp/b']);
    assert.equal(errors.length, 2);
    assert.equal(uncaught, 0);
  } finally {
    process.off('uncaughtException', onUncaught);
  }
});
