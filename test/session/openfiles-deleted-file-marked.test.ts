import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createVM } from '../../kernel/vm.ts';
import { OpenFiles } from '../../actors/openfiles.ts';

test('rm of an open file keeps the text and marks the entry deleted; recreating it clears the mark', async () => {
  await using vm = await createVM({ files: { '/home/user/d/f': 'keep me\n' } });
  const doc = new Y.Doc();
  const files = new OpenFiles(doc, vm);
  const text = files.open('/home/user/d/f', 'alice');
  const entry = () => doc.getMap('open').get('/home/user/d/f') as { by: string; deleted?: boolean };
  await vm.exec('rm /home/user/d/f');
  await Promise.resolve();
  assert.equal(text.toString(), 'keep me\n');
  assert.equal(entry().deleted, true);
  assert.equal(entry().by, 'alice');
  await vm.exec('echo back > /home/user/d/f');
  await Promise.resolve();
  assert.equal(text.toString(), 'back\n');
  assert.equal(entry().deleted, undefined);
  // Moving the directory above it away also counts as deletion.
  await vm.exec('mv /home/user/d /home/user/e');
  await Promise.resolve();
  assert.equal(entry().deleted, true);
  assert.equal(text.toString(), 'back\n');
  files.dispose();
});
