import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_CREAT, O_RDWR, SEEK_CUR, SEEK_END, SEEK_SET } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, throwsCode, user } from './helpers.ts';

test('writing after seeking past the end leaves a hole of zeros', () => {
  const vfs = new Vfs();
  const u = user();
  const f = vfs.open(u, 'sparse', O_RDWR | O_CREAT);
  f.write(enc('ab'));
  assert.equal(f.seek(3, SEEK_END), 5);
  f.write(enc('z'));
  assert.equal(f.stat().size, 6);
  f.seek(0, SEEK_SET);
  assert.deepEqual([...(f.read(100) as Uint8Array)], [97, 98, 0, 0, 0, 122]);
  assert.equal(f.seek(-1, SEEK_CUR), 5);
  throwsCode(() => f.seek(-10, SEEK_SET), 'EINVAL');
  f.seek(100, SEEK_SET);
  assert.equal((f.read(10) as Uint8Array).length, 0, 'reading past the end is EOF');
  f.close();
});

test('shrinking then growing a file does not resurrect old bytes', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.writeFile(u, 'f', enc('secretdata'));
  vfs.truncate(u, 'f', 2);
  vfs.truncate(u, 'f', 6);
  assert.deepEqual([...vfs.readFile(u, 'f')], [115, 101, 0, 0, 0, 0]);
  const f = vfs.open(u, 'f', O_RDWR);
  f.seek(8, SEEK_SET);
  f.write(enc('!'));
  f.close();
  assert.deepEqual([...vfs.readFile(u, 'f')], [115, 101, 0, 0, 0, 0, 0, 0, 33]);
});
