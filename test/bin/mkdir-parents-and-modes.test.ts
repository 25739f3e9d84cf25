// mkdir -p creates missing ancestors and accepts existing directories; -m sets exact modes
// (octal or symbolic, regardless of the umask); rmdir -p removes ancestors; messages like GNU.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

test('mkdir -p, -v, -m', async () => {
  const box = new TestBox();
  let r = await box.run(['mkdir', '-pv', '/tmp/a/b/c']);
  assert.equal(r.stdout, "mkdir: created directory '/tmp/a'\nmkdir: created directory '/tmp/a/b'\nmkdir: created directory '/tmp/a/b/c'\n");
  r = await box.run(['mkdir', '-p', '/tmp/a/b/c', '/tmp/a']);
  assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', '']);
  const mode = (p: string) => box.vfs.stat(box.ctx, p).mode & 0o7777;
  await box.run(['mkdir', '-m', '777', '/tmp/m1']);
  assert.equal(mode('/tmp/m1'), 0o777);
  await box.run(['mkdir', '-m', 'u=rwx,go=', '/tmp/m2']);
  assert.equal(mode('/tmp/m2'), 0o700);
  await box.run(['mkdir', '-m', 'a+t', '/tmp/m3']);
  assert.equal(mode('/tmp/m3'), 0o1755);
  await box.run(['mkdir', '/tmp/m4']);
  assert.equal(mode('/tmp/m4'), 0o755);
});

test('mkdir errors', async () => {
  const box = new TestBox();
  box.write('/tmp/f', '');
  let r = await box.run(['mkdir', '/tmp']);
  assert.deepEqual([r.status, r.stderr], [1, "mkdir: cannot create directory '/tmp': File exists\n"]);
  r = await box.run(['mkdir', '-p', '/tmp/f']);
  assert.equal(r.stderr, "mkdir: cannot create directory '/tmp/f': File exists\n");
  r = await box.run(['mkdir', '-p', '/tmp/f/x']);
  assert.equal(r.stderr, "mkdir: cannot create directory '/tmp/f': Not a directory\n");
  r = await box.run(['mkdir', '/tmp/no/x']);
  assert.equal(r.stderr, "mkdir: cannot create directory '/tmp/no/x': No such file or directory\n");
  r = await box.run(['mkdir', '-m', 'bad', '/tmp/x']);
  assert.equal(r.stderr, "mkdir: invalid mode 'bad'\n");
});

test('rmdir and rmdir -p', async () => {
  const box = new TestBox();
  await box.run(['mkdir', '-p', '/tmp/p/q/r']);
  let r = await box.run(['rmdir', '-pv', 'p/q/r'], { cwd: '/tmp' });
  assert.equal(r.stdout, "rmdir: removing directory, 'p/q/r'\nrmdir: removing directory, 'p/q'\nrmdir: removing directory, 'p'\n");
  assert.ok(!box.exists('/tmp/p'));
  await box.run(['mkdir', '-p', '/tmp/s/t']);
  box.write('/tmp/s/t/file', '');
  r = await box.run(['rmdir', '/tmp/s/t']);
  assert.deepEqual([r.status, r.stderr], [1, "rmdir: failed to remove '/tmp/s/t': Directory not empty\n"]);
  r = await box.run(['rmdir', '--ignore-fail-on-non-empty', '/tmp/s/t']);
  assert.deepEqual([r.status, r.stderr], [0, '']);
  r = await box.run(['rmdir', '/tmp/s/t/file']);
  assert.equal(r.stderr, "rmdir: failed to remove '/tmp/s/t/file': Not a directory\n");
});
