// chmod's octal and symbolic MODEs give the same permission bits as the host's GNU chmod, and
// its messages (-v, missing files, invalid modes) match.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox, Twin, gnu } from './helpers.ts';

const MODES = ['755', '0644', 'u+x', 'g-w', 'o=r', 'a+rwx', 'u=rw,g=r,o=', 'go-rwx', 'a-x', '+X', 'u+s', 'g+s', '+t',
  'o=u', 'g=u-w', 'a=', '1777', 'u+rwx,g+rx', 'ug+w,o-r', '=r', '-w', 'a+X'];

test('resulting modes match GNU chmod', async () => {
  for (const mode of MODES) {
    const twin = new Twin({ f: { content: 'x', mode: 0o640 }, d: { dir: true, mode: 0o750 }, e: { content: '', mode: 0o751 } });
    try {
      for (const target of ['f', 'd', 'e']) {
        const { box, gnu: g } = await twin.both(['chmod', '--', mode, target]);
        const got = await twin.box.run(['stat', '-c', '%a', target], { cwd: '/w' });
        if (g) {
          const want = gnu(['stat', '-c', '%a', target], '', twin.host)!;
          assert.equal(got.stdout, want.stdout, `chmod ${mode} ${target}`);
          assert.equal(box.status, g.status, `chmod ${mode} ${target} status`);
        } else {
          assert.equal(box.status, 0);
        }
      }
    } finally {
      twin.dispose();
    }
  }
});

test('-v, -c, -R and error messages', async () => {
  const twin = new Twin({ f: { content: 'x', mode: 0o644 }, d: null, 'd/g': 'y' });
  try {
    await twin.expectSame(['chmod', '-v', '755', 'f']);
    await twin.expectSame(['chmod', '-c', '755', 'f']);
    await twin.expectSame(['chmod', '-v', 'u+x', 'f']);
    await twin.expectSame(['chmod', '755', 'nope']);
    await twin.expectSame(['chmod', '-f', '755', 'nope']);
    await twin.expectSame(['chmod', 'abc', 'f']);
    await twin.expectSame(['chmod', '755']);
    await twin.expectSame(['chmod', '-R', 'go-rwx', 'd']);
    await twin.expectSame(['stat', '-c', '%a %n', 'd', 'd/g']);
    await twin.expectSame(['chmod', '--reference=f', 'd/g']);
    await twin.expectSame(['stat', '-c', '%a', 'd/g']);
  } finally {
    twin.dispose();
  }
});

test('a non-owner gets "changing permissions of"', async () => {
  const box = new TestBox();
  box.write('/f', 'x', 0o644);
  const r = await box.run(['chmod', '777', '/f'], { uid: 1000, gid: 1000 });
  assert.deepEqual([r.status, r.stderr], [1, "chmod: changing permissions of '/f': Operation not permitted\n"]);
});
