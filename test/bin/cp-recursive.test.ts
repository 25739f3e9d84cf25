// cp -r copies whole trees (contents, modes, nested directories), refuses directories without
// -r and a directory into itself (after copying what it could, like GNU), keeps symlinks as
// links with -a/-P, follows them otherwise, and preserves modes/times with -p/-a.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

function tree(): TestBox {
  const box = new TestBox();
  box.mkdir('/w');
  box.mkdir('/w/src');
  box.write('/w/src/a', 'alpha\n');
  box.write('/w/src/run.sh', '#!/bin/sh\n', 0o755);
  box.mkdir('/w/src/sub');
  box.write('/w/src/sub/b', 'beta\n');
  box.vfs.symlink(box.ctx, 'a', '/w/src/lnk');
  return box;
}

test('cp -r copies a tree; -v names every copy', async () => {
  const box = tree();
  const r = await box.run(['cp', '-rv', 'src', 'dst'], { cwd: '/w' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(box.read('/w/dst/a'), 'alpha\n');
  assert.equal(box.read('/w/dst/sub/b'), 'beta\n');
  assert.equal(box.vfs.stat(box.ctx, '/w/dst/run.sh').mode & 0o777, 0o755);
  assert.equal(box.vfs.readlink(box.ctx, '/w/dst/lnk'), 'a');
  for (const line of ["'src' -> 'dst'", "'src/a' -> 'dst/a'", "'src/sub/b' -> 'dst/sub/b'", "'src/lnk' -> 'dst/lnk'"]) {
    assert.ok(r.stdout.split('\n').includes(line), `${line} in ${r.stdout}`);
  }
  // into an existing directory: dst/src
  const again = await box.run(['cp', '-r', 'src', 'dst'], { cwd: '/w' });
  assert.equal(again.status, 0);
  assert.equal(box.read('/w/dst/src/sub/b'), 'beta\n');
});

test('without -r a directory is omitted, other operands still copied', async () => {
  const box = tree();
  box.mkdir('/w/out');
  const r = await box.run(['cp', 'src', 'src/a', 'out'], { cwd: '/w' });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "cp: -r not specified; omitting directory 'src'\n");
  assert.equal(box.read('/w/out/a'), 'alpha\n');
});

test('a directory into itself', async () => {
  const box = tree();
  const r = await box.run(['cp', '-r', 'src', 'src/inside'], { cwd: '/w' });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "cp: cannot copy a directory, 'src', into itself, 'src/inside'\n");
  assert.equal(box.read('/w/src/inside/sub/b'), 'beta\n');
  assert.ok(!box.exists('/w/src/inside/inside/inside'));
});

test('symlinks: followed by default without -r, kept with -P and -a', async () => {
  const box = tree();
  await box.run(['cp', 'src/lnk', 'plain'], { cwd: '/w' });
  assert.equal(box.vfs.lstat(box.ctx, '/w/plain').mode & 0o170000, 0o100000);
  await box.run(['cp', '-P', 'src/lnk', 'kept'], { cwd: '/w' });
  assert.equal(box.vfs.readlink(box.ctx, '/w/kept'), 'a');
  await box.run(['cp', '-rL', 'src', 'deref'], { cwd: '/w' });
  assert.equal(box.vfs.lstat(box.ctx, '/w/deref/lnk').mode & 0o170000, 0o100000);
});

test('-p and -a keep modes and times; plain cp applies the umask', async () => {
  const box = tree();
  box.vfs.chmod(box.ctx, '/w/src/a', 0o666);
  box.vfs.utimes(box.ctx, '/w/src/a', 1_000_000_000_000, 1_000_000_000_000);
  await box.run(['cp', 'src/a', 'plain'], { cwd: '/w' });
  assert.equal(box.vfs.stat(box.ctx, '/w/plain').mode & 0o777, 0o644);
  assert.notEqual(box.vfs.stat(box.ctx, '/w/plain').mtimeMs, 1_000_000_000_000);
  await box.run(['cp', '-p', 'src/a', 'kept'], { cwd: '/w' });
  assert.equal(box.vfs.stat(box.ctx, '/w/kept').mode & 0o777, 0o666);
  assert.equal(box.vfs.stat(box.ctx, '/w/kept').mtimeMs, 1_000_000_000_000);
  await box.run(['cp', '-a', 'src', 'arch'], { cwd: '/w' });
  assert.equal(box.vfs.stat(box.ctx, '/w/arch/a').mtimeMs, 1_000_000_000_000);
});

test('same file, missing source, -n, -t and -T', async () => {
  const box = tree();
  let r = await box.run(['cp', 'src/a', 'src/a'], { cwd: '/w' });
  assert.equal(r.stderr, "cp: 'src/a' and 'src/a' are the same file\n");
  r = await box.run(['cp', 'nope', 'x'], { cwd: '/w' });
  assert.equal(r.stderr, "cp: cannot stat 'nope': No such file or directory\n");
  box.write('/w/keep', 'old\n');
  r = await box.run(['cp', '-n', 'src/a', 'keep'], { cwd: '/w' });
  assert.equal(r.status, 0);
  assert.equal(box.read('/w/keep'), 'old\n');
  box.mkdir('/w/t');
  r = await box.run(['cp', '-t', 't', 'src/a', 'src/sub/b'], { cwd: '/w' });
  assert.equal(box.read('/w/t/b'), 'beta\n');
  r = await box.run(['cp', '-T', 'src/a', 't'], { cwd: '/w' });
  assert.equal(r.stderr, "cp: cannot overwrite directory 't' with non-directory\n");
  r = await box.run(['cp', 'src/a', 'src/a', 'nodir'], { cwd: '/w' });
  assert.equal(r.stderr, "cp: target 'nodir': No such file or directory\n");
});
