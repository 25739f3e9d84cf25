import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';
import type { VfsEvent } from '../../kernel/types.ts';

test('mkdir/touch/chmod/mv/rm in a script produce the exact event sequence; /proc and /dev stay silent', async () => {
  await using vm = await createVM();
  const events: VfsEvent[] = [];
  const off = vm.fs.watch((ev) => events.push(ev));
  const r = await vm.exec('mkdir d; touch d/x; chmod 600 d/x; mv d e; ln -s e/x l; echo hi > /dev/null; cat /proc/self/status > /dev/null; echo hi >> l; rm l e/x; rmdir e');
  assert.equal(r.exitCode, 0, r.stderr);
  await Promise.resolve();
  off();
  const H = '/home/user';
  assert.deepEqual(events, [
    { type: 'create', path: `${H}/d`, kind: 'dir' },
    { type: 'create', path: `${H}/d/x`, kind: 'file' },
    { type: 'attrib', path: `${H}/d/x`, kind: 'file' },
    { type: 'attrib', path: `${H}/d/x`, kind: 'file' },
    { type: 'rename', path: `${H}/e`, oldPath: `${H}/d`, kind: 'dir' },
    { type: 'create', path: `${H}/l`, kind: 'symlink' },
    { type: 'modify', path: `${H}/e/x`, kind: 'file' },
    { type: 'delete', path: `${H}/l`, kind: 'symlink' },
    { type: 'delete', path: `${H}/e/x`, kind: 'file' },
    { type: 'delete', path: `${H}/e`, kind: 'dir' },
  ]);
});
