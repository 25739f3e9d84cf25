// readlink (plain, -f, -e, -m, -n, -v) and realpath (-e, -m, -s, --relative-to/--relative-base)
// resolve . / .. / symlinks with GNU's existence rules, messages and statuses.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const twin = new Twin({
  d: null, 'd/e': null, 'd/f': 'f',
  l: { link: 'd' }, dang: { link: 'nowhere' }, loop: { link: 'loop' }, abs: { link: '/w/d/f' },
});
after(() => twin.dispose());

test('readlink', async () => {
  assert.equal((await twin.expectSame(['readlink', 'l'])).stdout, 'd\n');
  assert.equal((await twin.expectSame(['readlink', '-f', 'l/e/../f'])).stdout, '/w/d/f\n');
  assert.equal((await twin.expectSame(['readlink', '-m', 'nope/x/../y'])).stdout, '/w/nope/y\n');
  for (const args of [['d'], ['-v', 'd'], ['-f', 'nope/x'], ['-f', 'dang'], ['-e', 'dang'], ['-f', 'loop'], ['-ev', 'loop'],
    ['-n', 'l'], ['l', 'dang'], ['-n', 'l', 'dang'], ['-e', 'd/f/x'], ['-m', 'd/f/x'], ['-f', ''], ['-z', 'l'],
    ['-f', '.'], ['-f', 'd//e/./'], ['-f', 'd/../l']]) {
    await twin.expectSame(['readlink', ...args]);
  }
});

test('realpath', async () => {
  for (const args of [['l', 'nope'], ['nope/x'], ['-e', 'nope'], ['-m', 'nope/../x'], ['-s', 'l'], ['--relative-to=d', 'd/e'],
    ['--relative-to=d/e', 'd'], ['--relative-base=d', 'd/e', '/tmp'], ['-q', 'nope/x'], ['d/f/x'], [''], ['-L', 'l/..'],
    ['-P', 'l/..'], ['dang'], ['-e', 'dang'], ['-z', 'd']]) {
    await twin.expectSame(['realpath', ...args]);
  }
  const r = await twin.box.run(['realpath', 'l/e', 'abs'], { cwd: '/w' });
  assert.equal(r.stdout, '/w/d/e\n/w/d/f\n');
  const f = await twin.box.run(['readlink', '-f', 'abs'], { cwd: '/w' });
  assert.equal(f.stdout, '/w/d/f\n');
});
