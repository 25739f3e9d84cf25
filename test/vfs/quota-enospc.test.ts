import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLimits } from '../../kernel/limits.ts';
import { O_CREAT, O_WRONLY, SEEK_SET } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, root, throwsCode, user } from './helpers.ts';

test('vfsBytes: a write is cut short at the quota, then ENOSPC; freeing space allows writing again', () => {
  const vfs = new Vfs({ limits: resolveLimits({ vfsBytes: 100 }) });
  const u = user();
  const f = vfs.open(u, 'big', O_WRONLY | O_CREAT);
  assert.equal(f.write(new Uint8Array(60)), 60);
  assert.equal(f.write(new Uint8Array(60)), 40, 'partial write up to the quota');
  throwsCode(() => f.write(new Uint8Array(1)), 'ENOSPC');
  f.seek(0, SEEK_SET);
  assert.equal(f.write(new Uint8Array(50)), 50, 'overwriting in place needs no new space');
  f.close();
  assert.equal(vfs.usage().bytes, 100);
  throwsCode(() => vfs.writeFile(u, 'more', enc('x')), 'ENOSPC');
  throwsCode(() => vfs.symlink(u, 'target', 'link'), 'ENOSPC');
  vfs.unlink(u, 'big');
  assert.equal(vfs.usage().bytes, 0, 'only the empty file "more" (created before the ENOSPC) is left');
  assert.equal(vfs.stat(u, 'more').size, 0);
  vfs.writeFile(u, 'more', enc('x'.repeat(100)));
});

test('modifying a base-image file charges its whole size to the VM', () => {
  const vfs = new Vfs({ limits: resolveLimits({ vfsBytes: 10 }) });
  const r = root();
  throwsCode(() => vfs.writeFile(r, '/etc/passwd', enc('root:x:0:0:root:/root:/bin/bash\n')), 'ENOSPC');
});

test('vfsInodes: creating files, directories and symlinks beyond the quota is ENOSPC', () => {
  const vfs = new Vfs({ limits: resolveLimits({ vfsInodes: 3 }) });
  const u = user();
  vfs.mkdir(u, 'd');
  vfs.writeFile(u, 'd/f', enc(''));
  vfs.symlink(u, 'f', 'd/l');
  throwsCode(() => vfs.mkdir(u, 'd2'), 'ENOSPC');
  throwsCode(() => vfs.open(u, 'g', O_WRONLY | O_CREAT), 'ENOSPC');
  vfs.link(u, 'd/f', 'hard');
  assert.equal(vfs.usage().inodes, 3);
  vfs.unlink(u, 'd/l');
  vfs.writeFile(u, 'g', enc(''));
});

test('fileSize: writing or truncating beyond the largest file size is EFBIG', () => {
  const vfs = new Vfs({ limits: resolveLimits({ fileSize: 10 }) });
  const u = user();
  const f = vfs.open(u, 'f', O_WRONLY | O_CREAT);
  assert.equal(f.write(new Uint8Array(16)), 10);
  throwsCode(() => f.write(new Uint8Array(1)), 'EFBIG');
  f.close();
  throwsCode(() => vfs.truncate(u, 'f', 11), 'EFBIG');
  vfs.truncate(u, 'f', 3);
});
