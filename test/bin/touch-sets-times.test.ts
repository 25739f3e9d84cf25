// touch creates missing files (unless -c), sets both times to now, or to -d/-t/-r values,
// and only one of them with -a/-m; bad dates and unreachable paths are reported like GNU.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

const NOW = Date.UTC(2025, 10, 25, 6, 0, 0);

test('create, now, -c', async () => {
  const box = new TestBox({ now: NOW });
  let r = await box.run(['touch', '/tmp/new', '/tmp/new2']);
  assert.equal(r.status, 0);
  const st = box.vfs.stat(box.ctx, '/tmp/new');
  assert.equal(st.size, 0);
  assert.equal(st.mode & 0o777, 0o644);
  assert.equal(st.mtimeMs, NOW);
  r = await box.run(['touch', '-c', '/tmp/none']);
  assert.equal(r.status, 0);
  assert.ok(!box.exists('/tmp/none'));
});

test('-d, -t, -r, -a, -m', async () => {
  const box = new TestBox({ now: NOW });
  box.write('/tmp/f', 'x');
  const t = (p: string) => box.vfs.stat(box.ctx, p);
  await box.run(['touch', '-d', '2020-01-02 03:04:05', '/tmp/f']);
  assert.equal(t('/tmp/f').mtimeMs, Date.UTC(2020, 0, 2, 3, 4, 5));
  assert.equal(t('/tmp/f').atimeMs, Date.UTC(2020, 0, 2, 3, 4, 5));
  await box.run(['touch', '-m', '-d', '@1700000000.5', '/tmp/f']);
  assert.equal(t('/tmp/f').mtimeMs, 1_700_000_000_500);
  assert.equal(t('/tmp/f').atimeMs, Date.UTC(2020, 0, 2, 3, 4, 5));
  await box.run(['touch', '-a', '-t', '202101021030.15', '/tmp/f']);
  assert.equal(t('/tmp/f').atimeMs, Date.UTC(2021, 0, 2, 10, 30, 15));
  assert.equal(t('/tmp/f').mtimeMs, 1_700_000_000_500);
  box.write('/tmp/ref', '');
  box.vfs.utimes(box.ctx, '/tmp/ref', 1000, 2000);
  await box.run(['touch', '-r', '/tmp/ref', '/tmp/f']);
  assert.deepEqual([t('/tmp/f').atimeMs, t('/tmp/f').mtimeMs], [1000, 2000]);
  await box.run(['touch', '-d', 'yesterday', '/tmp/f']);
  assert.equal(t('/tmp/f').mtimeMs, NOW - 86400_000);
  await box.run(['touch', '-d', '2 hours ago', '/tmp/f']);
  assert.equal(t('/tmp/f').mtimeMs, NOW - 7200_000);
});

test('errors', async () => {
  const box = new TestBox({ now: NOW });
  let r = await box.run(['touch', '/nonexist/x']);
  assert.deepEqual([r.status, r.stderr], [1, "touch: cannot touch '/nonexist/x': No such file or directory\n"]);
  r = await box.run(['touch', '-d', 'garbage', 'x']);
  assert.deepEqual([r.status, r.stderr], [1, "touch: invalid date format 'garbage'\n"]);
  r = await box.run(['touch', '-r', 'nope', 'x']);
  assert.equal(r.stderr, "touch: failed to get attributes of 'nope': No such file or directory\n");
  r = await box.run(['touch', '/etc/passwd'], { uid: 1000, gid: 1000 });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^touch: (cannot touch|setting times of) '\/etc\/passwd': (Permission denied|Operation not permitted)\n$/);
});
