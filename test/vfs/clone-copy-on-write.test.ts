import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_RDWR, SEEK_SET } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, throwsCode, user } from './helpers.ts';

test('a clone starts with the same files and diverges on write, both ways', () => {
  const a = new Vfs();
  const u = user();
  a.writeFile(u, 'shared', enc('v1'));
  a.mkdir(u, 'dir');
  a.writeFile(u, 'dir/inner', enc('inner'));
  const b = a.clone();
  assert.equal(dec(b.readFile(u, 'shared')), 'v1');
  assert.deepEqual(b.usage(), a.usage(), 'the clone inherits the usage it shares');
  b.writeFile(u, 'shared', enc('clone'));
  a.writeFile(u, 'dir/inner', enc('orig'));
  b.unlink(u, 'dir/inner');
  a.writeFile(u, 'only-a', enc('a'));
  assert.equal(dec(a.readFile(u, 'shared')), 'v1');
  assert.equal(dec(b.readFile(u, 'shared')), 'clone');
  assert.equal(dec(a.readFile(u, 'dir/inner')), 'orig');
  throwsCode(() => b.readFile(u, 'dir/inner'), 'ENOENT');
  throwsCode(() => b.stat(u, 'only-a'), 'ENOENT');
  const c = b.clone().clone().clone().clone().clone();
  assert.equal(dec(c.readFile(u, 'shared')), 'clone', 'deep clone chains stay correct');
});

test('open files of the original keep working after a clone, without leaking into it', () => {
  const a = new Vfs();
  const u = user();
  a.writeFile(u, 'f', enc('hello'));
  const f = a.open(u, 'f', O_RDWR);
  const b = a.clone();
  f.seek(0, SEEK_SET);
  f.write(enc('J'));
  assert.equal(dec(a.readFile(u, 'f')), 'Jello');
  assert.equal(dec(b.readFile(u, 'f')), 'hello');
  f.close();
});

test('an unlinked-but-open file is not counted in the clone', () => {
  const a = new Vfs();
  const u = user();
  a.writeFile(u, 'gone', enc('12345'));
  const f = a.open(u, 'gone', O_RDWR);
  a.unlink(u, 'gone');
  const b = a.clone();
  assert.deepEqual(b.usage(), { bytes: 0, inodes: 0 });
  assert.deepEqual(a.usage(), { bytes: 5, inodes: 1 });
  f.close();
  assert.deepEqual(a.usage(), { bytes: 0, inodes: 0 });
});
