// rm: GNU messages and statuses for missing files, directories without -r/-d, non-empty
// directories with -d, '.', '..' and '/', -f silence, -v, and partial failures deep in a tree.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

function tree(): TestBox {
  const box = new TestBox();
  box.mkdir('/w');
  box.mkdir('/w/d');
  box.mkdir('/w/d/e');
  box.write('/w/d/e/f', 'x');
  box.write('/w/d/g', 'y');
  box.mkdir('/w/empty');
  box.write('/w/file', 'z');
  return box;
}

test('missing files, directories and -f', async () => {
  const box = tree();
  let r = await box.run(['rm', 'nope'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stderr], [1, "rm: cannot remove 'nope': No such file or directory\n"]);
  r = await box.run(['rm', '-f', 'nope'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stderr], [0, '']);
  r = await box.run(['rm', 'd'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stderr], [1, "rm: cannot remove 'd': Is a directory\n"]);
  r = await box.run(['rm', '-d', 'd'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stderr], [1, "rm: cannot remove 'd': Directory not empty\n"]);
  r = await box.run(['rm', '-dv', 'empty', 'file'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stdout], [0, "removed directory 'empty'\nremoved 'file'\n"]);
  r = await box.run(['rm'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stderr], [1, "rm: missing operand\nTry 'rm --help' for more information.\n"]);
});

test('-r removes a tree depth first; -v reports each removal', async () => {
  const box = tree();
  const r = await box.run(['rm', '-rv', 'd'], { cwd: '/w' });
  assert.equal(r.status, 0);
  assert.equal(r.stdout, "removed 'd/e/f'\nremoved directory 'd/e'\nremoved 'd/g'\nremoved directory 'd'\n");
  assert.ok(!box.exists('/w/d'));
});

test("'.', '..' and '/' are refused", async () => {
  const box = tree();
  let r = await box.run(['rm', '-r', '.'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stderr], [1, "rm: refusing to remove '.' or '..' directory: skipping '.'\n"]);
  r = await box.run(['rm', '-r', 'd/..'], { cwd: '/w' });
  assert.equal(r.stderr, "rm: refusing to remove '.' or '..' directory: skipping 'd/..'\n");
  r = await box.run(['rm', '-rf', '/'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stderr], [1, "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n"]);
  assert.ok(box.exists('/w/d/e/f'));
});

test('a failure deep in the tree leaves its ancestors and sets status 1', async () => {
  const box = tree();
  box.vfs.chmod(box.ctx, '/w/d/e', 0o555);
  const r = await box.run(['rm', '-r', 'd'], { cwd: '/w', uid: 1000, gid: 1000 });
  // the tree belongs to root: user 1000 may not even write in /w/d
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^rm: cannot remove 'd\/e\/f': Permission denied\n/);
  assert.ok(box.exists('/w/d/e/f'));
  assert.ok(box.exists('/w/d'));
});

test("an 'option' that is really a file gets GNU's hint", async () => {
  const box = tree();
  box.write('/w/-x', '');
  const r = await box.run(['rm', '-x'], { cwd: '/w' });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "rm: invalid option -- 'x'\nTry 'rm ./-x' to remove the file '-x'.\nTry 'rm --help' for more information.\n");
});
