import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLimits } from '../../kernel/limits.ts';
import { O_RDONLY } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, throwsCode, user } from './helpers.ts';

test('a symlink cycle fails with ELOOP, but lstat and readlink still work', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.symlink(u, 'b', 'a');
  vfs.symlink(u, 'a', 'b');
  vfs.symlink(u, 'self', 'self');
  throwsCode(() => vfs.stat(u, 'a'), 'ELOOP');
  throwsCode(() => vfs.open(u, 'self', O_RDONLY), 'ELOOP');
  throwsCode(() => vfs.stat(u, 'a/x'), 'ELOOP');
  assert.equal(vfs.readlink(u, 'a'), 'b');
  assert.equal(vfs.lstat(u, 'self').mode & 0o170000, 0o120000);
});

test('exactly limits.symlinkDepth links resolve; one more is ELOOP', () => {
  const vfs = new Vfs({ limits: resolveLimits({ symlinkDepth: 8 }) });
  const u = user();
  vfs.writeFile(u, 'target', enc('t'));
  vfs.symlink(u, 'target', 'l0');
  for (let i = 1; i < 9; i++) vfs.symlink(u, `l${i - 1}`, `l${i}`);
  assert.equal(vfs.stat(u, 'l7').size, 1, '8 links');
  throwsCode(() => vfs.stat(u, 'l8'), 'ELOOP');
});
