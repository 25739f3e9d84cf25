// ln makes hard links (never to directories) and symbolic links (-s), replaces with -f,
// treats a symlink to a directory as a file with -n, and reports failures like GNU ln.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

test('hard and symbolic links, -v, -f, -n', async () => {
  const box = new TestBox();
  box.mkdir('/w');
  box.write('/w/a', 'A');
  box.mkdir('/w/d');
  let r = await box.run(['ln', '-v', 'a', 'h'], { cwd: '/w' });
  assert.equal(r.stdout, "'h' => 'a'\n");
  assert.equal(box.vfs.stat(box.ctx, '/w/a').nlink, 2);
  r = await box.run(['ln', '-sv', 'a', 's'], { cwd: '/w' });
  assert.equal(r.stdout, "'s' -> 'a'\n");
  assert.equal(box.vfs.readlink(box.ctx, '/w/s'), 'a');
  r = await box.run(['ln', '-s', 'a', 's'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stderr], [1, "ln: failed to create symbolic link 's': File exists\n"]);
  r = await box.run(['ln', '-sf', 'd', 's'], { cwd: '/w' });
  assert.equal(box.vfs.readlink(box.ctx, '/w/s'), 'd');
  // s -> d is a directory now: without -n the new link goes inside it
  await box.run(['ln', '-sf', 'a', 's'], { cwd: '/w' });
  assert.equal(box.vfs.readlink(box.ctx, '/w/d/a'), 'a');
  await box.run(['ln', '-sfn', 'a', 's'], { cwd: '/w' });
  assert.equal(box.vfs.readlink(box.ctx, '/w/s'), 'a');
  box.mkdir('/w/e');
  await box.run(['ln', 'a', 'e'], { cwd: '/w' });
  assert.equal(box.read('/w/e/a'), 'A');
  assert.equal(box.vfs.stat(box.ctx, '/w/a').nlink, 3);
});

test('errors', async () => {
  const box = new TestBox();
  box.mkdir('/w');
  box.mkdir('/w/d');
  box.write('/w/a', '');
  let r = await box.run(['ln', 'nope', 'x'], { cwd: '/w' });
  assert.equal(r.stderr, "ln: failed to access 'nope': No such file or directory\n");
  r = await box.run(['ln', 'd', 'x'], { cwd: '/w' });
  assert.equal(r.stderr, 'ln: d: hard link not allowed for directory\n');
  r = await box.run(['ln', 'a', 'a'], { cwd: '/w' });
  assert.equal(r.stderr, "ln: failed to create hard link 'a': File exists\n");
  r = await box.run(['ln', 'a', 'no/x'], { cwd: '/w' });
  assert.equal(r.stderr, "ln: failed to create hard link 'no/x' => 'a': No such file or directory\n");
  r = await box.run(['ln', '-s', 'x', 'y', 'z'], { cwd: '/w' });
  assert.equal(r.stderr, "ln: target 'z': No such file or directory\n");
  r = await box.run(['ln'], { cwd: '/w' });
  assert.equal(r.stderr, "ln: missing file operand\nTry 'ln --help' for more information.\n");
});
