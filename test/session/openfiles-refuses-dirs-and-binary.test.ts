import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

test('directories are refused with EISDIR, binary content with EINVAL, relative paths with TypeError', async () => {
  await using vm = await createVM({
    files: { '/home/user/bin.dat': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), '/home/user/latin1': new Uint8Array([0x63, 0x61, 0x66, 0xe9]) },
  });
  const doc = new Y.Doc();
  const files = new OpenFiles(doc, vm);
  assert.throws(() => files.open('/home/user', 'a'), (e: Error & { code?: string }) => e.code === 'EISDIR' && /directory/.test(e.message));
  assert.throws(() => files.open('/home/user/bin.dat', 'a'), (e: Error & { code?: string }) => e.code === 'EINVAL' && /binary/.test(e.message));
  assert.throws(() => files.open('/home/user/latin1', 'a'), { code: 'EINVAL' });
  assert.throws(() => files.open('/dev/null', 'a'), { code: 'EINVAL' });
  assert.throws(() => files.open('rel.txt', 'a'), TypeError);
  assert.equal(doc.getMap('open').size, 0);
  assert.deepEqual(files.paths(), []);
});
