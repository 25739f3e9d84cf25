import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_DIRECTORY, O_RDONLY } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, throwsCode, user } from './helpers.ts';

test('readdir lists entries with their types; an open directory lists too and refuses read()', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.mkdir(u, 'd');
  vfs.writeFile(u, 'd/file', enc('x'));
  vfs.mkdir(u, 'd/sub');
  vfs.symlink(u, 'file', 'd/link');
  const list = vfs.readdir(u, 'd');
  assert.deepEqual(list.map((e) => `${e.name}:${e.type}`).sort(), ['file:file', 'link:symlink', 'sub:dir']);
  assert.equal(list.find((e) => e.name === 'file')!.ino, vfs.stat(u, 'd/file').ino);
  const f = vfs.open(u, 'd', O_RDONLY | O_DIRECTORY);
  assert.equal(f.readdir!().length, 3);
  vfs.unlink(u, 'd/link');
  assert.equal(f.readdir!().length, 2);
  throwsCode(() => f.read(10), 'EISDIR');
  assert.equal(f.stat().mode & 0o170000, 0o040000);
  f.close();
  throwsCode(() => vfs.readdir(u, 'd/file'), 'ENOTDIR');
  assert.deepEqual(vfs.readdir(u, '/dev').find((e) => e.name === 'null')!.type, 'chardev');
});
