import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { O_RDONLY, O_RDWR, O_WRONLY, O_CREAT, O_TRUNC } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, root, throwsCode, user } from './helpers.ts';

test('a read-only host mount can be read but every write is EROFS', (t) => {
  const host = mkdtempSync(join(tmpdir(), 'agentvm-ro-'));
  t.after(() => rmSync(host, { recursive: true, force: true }));
  writeFileSync(join(host, 'readme.txt'), 'host text\n');
  mkdirSync(join(host, 'sub'));
  const vfs = new Vfs();
  vfs.mountHost({ host, guest: '/mnt/ro', readOnly: true });
  const u = user();
  const r = root();
  assert.equal(dec(vfs.readFile(u, '/mnt/ro/readme.txt')), 'host text\n');
  assert.deepEqual(vfs.readdir(u, '/mnt/ro').map((d) => `${d.name}:${d.type}`).sort(), ['readme.txt:file', 'sub:dir']);
  const f = vfs.open(u, '/mnt/ro/readme.txt', O_RDONLY);
  assert.equal(dec(f.read(4) as Uint8Array), 'host');
  assert.equal(f.stat().size, 10);
  f.close();
  for (const ctx of [u, r]) {
    throwsCode(() => vfs.open(ctx, '/mnt/ro/readme.txt', O_WRONLY), 'EROFS');
    throwsCode(() => vfs.open(ctx, '/mnt/ro/readme.txt', O_RDONLY | O_TRUNC), 'EROFS');
    throwsCode(() => vfs.open(ctx, '/mnt/ro/new', O_RDWR | O_CREAT), 'EROFS');
    throwsCode(() => vfs.writeFile(ctx, '/mnt/ro/readme.txt', enc('x')), 'EROFS');
    throwsCode(() => vfs.mkdir(ctx, '/mnt/ro/d'), 'EROFS');
    throwsCode(() => vfs.unlink(ctx, '/mnt/ro/readme.txt'), 'EROFS');
    throwsCode(() => vfs.rmdir(ctx, '/mnt/ro/sub'), 'EROFS');
    throwsCode(() => vfs.rename(ctx, '/mnt/ro/readme.txt', '/mnt/ro/other'), 'EROFS');
    throwsCode(() => vfs.symlink(ctx, 'x', '/mnt/ro/l'), 'EROFS');
    throwsCode(() => vfs.truncate(ctx, '/mnt/ro/readme.txt', 0), 'EROFS');
    assert.equal(vfs.access(ctx, '/mnt/ro/readme.txt', 2), false);
  }
  throwsCode(() => vfs.chmod(r, '/mnt/ro/readme.txt', 0o600), 'EROFS');
  throwsCode(() => vfs.rename(r, '/mnt/ro/readme.txt', '/tmp/stolen'), 'EXDEV');
  throwsCode(() => vfs.mkdir(r, '/mnt/ro'), 'EEXIST');
  assert.equal(readFileSync(join(host, 'readme.txt'), 'utf8'), 'host text\n');
  assert.equal(existsSync(join(host, 'new')), false);
  throwsCode(() => vfs.rmdir(r, '/mnt/ro'), 'EBUSY');
});

test('a writable host mount writes through to the host directory', (t) => {
  const host = mkdtempSync(join(tmpdir(), 'agentvm-rw-'));
  t.after(() => rmSync(host, { recursive: true, force: true }));
  const vfs = new Vfs();
  vfs.mountHost({ host, guest: '/work' });
  const u = user('/work');
  assert.equal(vfs.stat(u, '/work').uid, 1000, 'a created mount point belongs to the VM user');
  vfs.writeFile(u, 'out.txt', enc('from guest'));
  vfs.mkdir(u, 'dir');
  vfs.rename(u, 'out.txt', 'dir/moved.txt');
  assert.equal(readFileSync(join(host, 'dir', 'moved.txt'), 'utf8'), 'from guest');
  assert.equal(vfs.realpath(u, 'dir/../dir/moved.txt'), '/work/dir/moved.txt');
  assert.equal(vfs.stat(u, '/work/..').ino, vfs.stat(u, '/').ino);
  vfs.unlink(u, 'dir/moved.txt');
  vfs.rmdir(u, 'dir');
  assert.equal(existsSync(join(host, 'dir')), false);
  const other = new Vfs();
  throwsCode(() => other.stat(u, '/work'), 'ENOENT');
});
