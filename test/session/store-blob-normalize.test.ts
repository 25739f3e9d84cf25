// Drivers return BLOBs as Uint8Array, Buffer or ArrayBuffer: loaded data is always a plain
// Uint8Array with the same bytes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SessionStore } from '../../actors/store.ts';
import { openSqlite, tempDir } from './sqlite-helper.ts';

for (const blobs of ['uint8array', 'buffer', 'arraybuffer'] as const) {
  test(`BLOBs returned as ${blobs} load as Uint8Array`, async (t) => {
    const dir = tempDir(t);
    const db = openSqlite(join(dir, 'a.sqlite'), { blobs });
    const journalPath = join(dir, 'j.log');
    const data = new Uint8Array(1000).map((_, i) => i & 255);
    const { store } = await SessionStore.open({ db, journalPath });
    store.appendDocUpdate(data.subarray(10, 20));
    store.putFiles([
      { path: '/bin.dat', type: 'file', mode: 0o600, uid: 0, gid: 0, mtimeMs: 1, data },
      { path: '/empty', type: 'file', mode: 0o600, uid: 0, gid: 0, mtimeMs: 1, data: new Uint8Array(0) },
      { path: '/l', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtimeMs: 1, target: 'bin.dat' },
    ]);
    await store.close();
    const { store: s2, loaded } = await SessionStore.open({ db, journalPath });
    const [bin, empty, link] = loaded.files;
    for (const b of [bin!.data!, empty!.data!, loaded.docUpdates[0]!]) assert.equal(Object.getPrototypeOf(b), Uint8Array.prototype);
    assert.deepEqual(bin!.data, data);
    assert.deepEqual(empty!.data, new Uint8Array(0));
    assert.deepEqual(loaded.docUpdates, [data.slice(10, 20)]);
    assert.equal(link!.target, 'bin.dat');
    assert.equal(link!.data, undefined);
    await s2.close();
    db.close();
  });
}
