import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('posix_spawn file actions run in order in the child: chdir, open (relative to it), dup2, close', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pactions', 'pfile']);
  await vm.fs.mkdir('/tmp/w', { recursive: true });
  const r = await vm.exec('cd / && umask 022 && pactions /tmp/w && cat /tmp/w/out.txt && pfile stat /tmp/w/out.txt');
  assert.equal(r.stderr, '');
  const lines = r.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 2), ['child exited 0, my cwd still /', 'bad open action -> No such file or directory']);
  assert.equal(lines[2], '/tmp/w');        // pwd after the chdir action
  assert.equal(lines[3], 'to-stderr');     // stderr was dup'ed onto the file
  assert.match(lines[4]!, /^cat: .*Bad file descriptor$/); // stdin closed
  assert.equal(lines.at(-3), 'cat=1');
  assert.equal(lines.at(-2), 'stat /tmp/w/out.txt: file 0600 uid=1000 gid=1000 nlink=1');
});
