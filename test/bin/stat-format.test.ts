// stat: the default report, -c/--printf directives with widths and precisions, -t, -L, and
// the "cannot statx" diagnostic.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const T = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
const twin = new Twin({ f: { content: 'hello\n', mode: 0o640, mtime: T }, d: { dir: true, mode: 0o2755 }, l: { link: 'f' } });
after(() => twin.dispose());

test('-c directives', async () => {
  const box = twin.box;
  const r = await box.run(['stat', '-c', '%n|%s|%a|%A|%F|%U|%G|%u|%g|%h|%N|%Y|%.3Y|%y', 'f', 'l', 'd'], { cwd: '/w' });
  assert.equal(r.status, 0, r.stderr);
  const [f, l, d] = r.stdout.trim().split('\n');
  assert.equal(f, `f|6|640|-rw-r-----|regular file|root|root|0|0|1|'f'|${Math.floor(T / 1000)}|${Math.floor(T / 1000)}.678|2025-01-02 03:04:05.678000000 +0000`);
  assert.match(l!, /^l\|1\|777\|lrwxrwxrwx\|symbolic link\|root\|root\|0\|0\|1\|'l' -> 'f'\|/);
  assert.match(d!, /^d\|\d+\|2755\|drwxr-sr-x\|directory\|/);
  const w = await box.run(['stat', '-c', '%04a|%10.10A|%-6s|%5h|%%|%Z.', 'f'], { cwd: '/w' });
  assert.match(w.stdout, /^0640|-rw-r-----|6     |    1|%|\d+\.\n$/);
  const L = await box.run(['stat', '-L', '-c', '%n %F', 'l'], { cwd: '/w' });
  assert.equal(L.stdout, 'l regular file\n');
  const p = await box.run(['stat', '--printf', '%n\\t%s\\n', 'f'], { cwd: '/w' });
  assert.equal(p.stdout, 'f\t6\n');
});

test('default format and errors', async () => {
  const r = await twin.box.run(['stat', 'f', 'nope'], { cwd: '/w' });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "stat: cannot statx 'nope': No such file or directory\n");
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], '  File: f');
  assert.match(lines[1]!, /^ {2}Size: 6 {9}\tBlocks: \d+ +IO Block: \d+ +regular file$/);
  assert.match(lines[2]!, /^Device: \d+,\d+\tInode: \d+ +Links: 1$/);
  assert.equal(lines[3], 'Access: (0640/-rw-r-----)  Uid: (    0/    root)   Gid: (    0/    root)');
  assert.equal(lines[5], 'Modify: 2025-01-02 03:04:05.678000000 +0000');
  const t = await twin.box.run(['stat', '-t', 'f'], { cwd: '/w' });
  assert.match(t.stdout, /^f 6 \d+ 81a0 0 0 [0-9a-f]+ \d+ 1 0 0 \d+ \d+ \d+ \d+ \d+\n$/);
  const fs = await twin.box.run(['stat', '-f', '/'], { cwd: '/w' });
  assert.equal(fs.status, 1);
});
