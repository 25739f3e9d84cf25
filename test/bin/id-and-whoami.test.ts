// id and whoami name the process's user and groups from /etc/passwd and /etc/group.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

test('id default format, -u -g -G -n, and whoami', async () => {
  const box = new TestBox();
  const u = { uid: 1000, gid: 1000 };
  assert.equal((await box.run(['id'], u)).stdout, 'uid=1000(user) gid=1000(user) groups=1000(user)\n');
  assert.equal((await box.run(['id'])).stdout, 'uid=0(root) gid=0(root) groups=0(root)\n');
  assert.equal((await box.run(['id', '-u'], u)).stdout, '1000\n');
  assert.equal((await box.run(['id', '-un'], u)).stdout, 'user\n');
  assert.equal((await box.run(['id', '-gn'])).stdout, 'root\n');
  assert.equal((await box.run(['id', '-G', '-r'], u)).stdout, '1000\n');
  assert.equal((await box.run(['id', 'root'], u)).stdout, 'uid=0(root) gid=0(root) groups=0(root)\n');
  let r = await box.run(['id', '-n']);
  assert.deepEqual([r.status, r.stderr], [1, 'id: cannot print only names or real IDs in default format\n']);
  r = await box.run(['id', '-ug']);
  assert.deepEqual([r.status, r.stderr], [1, 'id: cannot print "only" of more than one choice\n']);
  r = await box.run(['id', 'nobody2']);
  assert.deepEqual([r.status, r.stderr], [1, "id: 'nobody2': no such user\n"]);
  assert.equal((await box.run(['id'], { uid: 4242, gid: 4242 })).stdout, 'uid=4242 gid=4242 groups=4242\n');
  assert.equal((await box.run(['whoami'], u)).stdout, 'user\n');
  assert.equal((await box.run(['whoami'])).stdout, 'root\n');
  r = await box.run(['whoami'], { uid: 4242, gid: 4242 });
  assert.deepEqual([r.status, r.stderr], [1, 'whoami: cannot find name for user ID 4242\n']);
});
