import { test } from 'node:test';
import assert from 'node:assert/strict';
import { O_APPEND, O_CREAT, O_RDWR, O_WRONLY, SEEK_SET } from '../../kernel/types.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, user } from './helpers.ts';

test('O_APPEND writes land at the end even after a seek or another writer', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.writeFile(u, 'log', enc('start\n'));
  const a = vfs.open(u, 'log', O_WRONLY | O_APPEND);
  const b = vfs.open(u, 'log', O_WRONLY | O_APPEND);
  a.write(enc('a1\n'));
  b.write(enc('b1\n'));
  a.seek(0, SEEK_SET);
  a.write(enc('a2\n'));
  assert.equal(a.offset, 15);
  a.close();
  b.close();
  assert.equal(dec(vfs.readFile(u, 'log')), 'start\na1\nb1\na2\n');
});

test('without O_APPEND a second description overwrites from its own offset', () => {
  const vfs = new Vfs();
  const u = user();
  const a = vfs.open(u, 'f', O_RDWR | O_CREAT);
  const b = vfs.open(u, 'f', O_WRONLY);
  a.write(enc('hello world'));
  b.write(enc('HELLO'));
  assert.equal(dec(vfs.readFile(u, 'f')), 'HELLO world');
  assert.equal(a.flags & O_APPEND, 0);
  a.close();
  b.close();
});
