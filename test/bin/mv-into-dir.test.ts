// mv renames, moves operands into a directory (last operand, or -t), refuses moving a directory
// into itself, type mismatches and same-file moves, and honours -n, -T and -v.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

function tree(): TestBox {
  const box = new TestBox();
  box.mkdir('/w');
  box.mkdir('/w/d');
  box.write('/w/a', 'A');
  box.write('/w/b', 'B');
  box.mkdir('/w/e');
  box.write('/w/e/x', 'X');
  return box;
}

test('rename and move into a directory', async () => {
  const box = tree();
  let r = await box.run(['mv', '-v', 'a', 'a2'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stdout], [0, "renamed 'a' -> 'a2'\n"]);
  r = await box.run(['mv', '-v', 'a2', 'b', 'd'], { cwd: '/w' });
  assert.equal(r.stdout, "renamed 'a2' -> 'd/a2'\nrenamed 'b' -> 'd/b'\n");
  assert.equal(box.read('/w/d/a2'), 'A');
  r = await box.run(['mv', '-t', '/w', 'd/b'], { cwd: '/w' });
  assert.equal(box.read('/w/b'), 'B');
  r = await box.run(['mv', 'e', 'd'], { cwd: '/w' });
  assert.equal(box.read('/w/d/e/x'), 'X');
});

test('refusals', async () => {
  const box = tree();
  let r = await box.run(['mv', 'e', 'e/sub'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stderr], [1, "mv: cannot move 'e' to a subdirectory of itself, 'e/sub'\n"]);
  r = await box.run(['mv', 'a', 'a'], { cwd: '/w' });
  assert.equal(r.stderr, "mv: 'a' and 'a' are the same file\n");
  r = await box.run(['mv', '-T', 'a', 'd'], { cwd: '/w' });
  assert.equal(r.stderr, "mv: cannot overwrite directory 'd' with non-directory\n");
  r = await box.run(['mv', '-T', 'e', 'a'], { cwd: '/w' });
  assert.equal(r.stderr, "mv: cannot overwrite non-directory 'a' with directory 'e'\n");
  r = await box.run(['mv', 'nope', 'x'], { cwd: '/w' });
  assert.equal(r.stderr, "mv: cannot stat 'nope': No such file or directory\n");
  r = await box.run(['mv', 'a', 'b', 'zz'], { cwd: '/w' });
  assert.equal(r.stderr, "mv: target 'zz': No such file or directory\n");
  r = await box.run(['mv', 'a'], { cwd: '/w' });
  assert.equal(r.stderr, "mv: missing destination file operand after 'a'\nTry 'mv --help' for more information.\n");
  box.mkdir('/w/d/e');
  box.write('/w/d/e/y', '');
  r = await box.run(['mv', 'e', 'd'], { cwd: '/w' });
  assert.equal(r.stderr, "mv: cannot move 'e' to 'd/e': Directory not empty\n");
});

test('-n keeps the destination; without it the destination is replaced', async () => {
  const box = tree();
  await box.run(['mv', '-n', 'a', 'b'], { cwd: '/w' });
  assert.equal(box.read('/w/b'), 'B');
  assert.ok(box.exists('/w/a'));
  await box.run(['mv', 'a', 'b'], { cwd: '/w' });
  assert.equal(box.read('/w/b'), 'A');
  assert.ok(!box.exists('/w/a'));
});
