// du sums st_blocks in 1K units, counts hard links once and prints -s, -a, -c, -h, --max-depth.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

test('du summaries', async () => {
  const box = new TestBox();
  box.mkdir('/w');
  box.mkdir('/w/d');
  box.write('/w/d/a', 'x'.repeat(5000));
  box.write('/w/d/b', 'y');
  box.mkdir('/w/d/sub');
  box.write('/w/d/sub/c', 'z'.repeat(10000));
  const blk = (p: string): number => box.vfs.stat(box.ctx, p).blocks / 2;
  const a = blk('/w/d/a'), b = blk('/w/d/b'), c = blk('/w/d/sub/c');
  const sub = blk('/w/d/sub') + c;
  const d = blk('/w/d') + a + b + sub;
  assert.equal((await box.run(['du', '-s', 'd'], { cwd: '/w' })).stdout, `${d}\td\n`);
  assert.equal((await box.run(['du', 'd'], { cwd: '/w' })).stdout, `${sub}\td/sub\n${d}\td\n`);
  const all = (await box.run(['du', '-a', 'd'], { cwd: '/w' })).stdout.split('\n').filter(Boolean).sort();
  assert.deepEqual(all, [`${a}\td/a`, `${b}\td/b`, `${c}\td/sub/c`, `${sub}\td/sub`, `${d}\td`].sort());
  assert.equal((await box.run(['du', '--max-depth=0', 'd'], { cwd: '/w' })).stdout, `${d}\td\n`);
  assert.equal((await box.run(['du', '-sc', 'd/a', 'd/b'], { cwd: '/w' })).stdout, `${a}\td/a\n${b}\td/b\n${a + b}\ttotal\n`);
  assert.equal((await box.run(['du', '-sh', 'd/b', 'd/sub/c'], { cwd: '/w' })).stdout, `${b.toFixed(1)}K\td/b\n${c}K\td/sub/c\n`);
  box.vfs.link(box.ctx, '/w/d/a', '/w/d/hard');
  assert.equal((await box.run(['du', '-s', 'd'], { cwd: '/w' })).stdout, `${d}\td\n`);
  const r = await box.run(['du', 'nope'], { cwd: '/w' });
  assert.deepEqual([r.status, r.stderr], [1, "du: cannot access 'nope': No such file or directory\n"]);
});
