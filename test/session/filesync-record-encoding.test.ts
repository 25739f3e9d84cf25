// encodeFileRecord / decodeFileRecord round-trip every field (binary data, unicode paths,
// absent data/target) and refuse truncated input.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFileRecord, encodeFileRecord, type FileRecord } from '../../actors/filesync.ts';

test('records round-trip and truncated bytes are refused', () => {
  const data = new Uint8Array(70_000).map((_, i) => (i * 31) & 255);
  const cases: FileRecord[] = [
    { path: '/home/user/ünï cødé/f', type: 'file', mode: 0o4755, uid: 1000, gid: 5, mtimeMs: 1732500000123.5, data },
    { path: '/empty', type: 'file', mode: 0o600, uid: 0, gid: 0, mtimeMs: 0, data: new Uint8Array(0) },
    { path: '/d', type: 'dir', mode: 0o1777, uid: 4294967294, gid: 1, mtimeMs: 5 },
    { path: '/l', type: 'symlink', mode: 0o777, uid: 1, gid: 1, mtimeMs: 6, target: '../x y/→z' },
    { path: '/gone', type: 'deleted', mode: 0, uid: 0, gid: 0, mtimeMs: 0 },
  ];
  for (const r of cases) {
    const b = encodeFileRecord(r);
    assert.deepEqual(decodeFileRecord(b), r);
    assert.throws(() => decodeFileRecord(b.subarray(0, b.length - 1)));
  }
});
