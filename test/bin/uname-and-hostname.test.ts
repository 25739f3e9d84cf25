// uname reports Linux on x86_64 with the kernel's hostname; hostname prints it and only root
// may change it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';
import { UNAME_RELEASE, UNAME_VERSION } from '../../kernel/bin/sysinfo.ts';

test('uname fields and -a order', async () => {
  const box = new TestBox();
  assert.equal((await box.run(['uname'])).stdout, 'Linux\n');
  assert.equal((await box.run(['uname', '-m', '-s'])).stdout, 'Linux x86_64\n');
  assert.equal((await box.run(['uname', '-n'])).stdout, 'agentvm\n');
  assert.equal((await box.run(['uname', '-r'])).stdout, `${UNAME_RELEASE}\n`);
  assert.equal((await box.run(['uname', '-p', '-i', '-o'])).stdout, 'unknown unknown GNU/Linux\n');
  assert.equal((await box.run(['uname', '-a'])).stdout, `Linux agentvm ${UNAME_RELEASE} ${UNAME_VERSION} x86_64 GNU/Linux\n`);
  const r = await box.run(['uname', 'x']);
  assert.deepEqual([r.status, r.stderr], [1, "uname: extra operand 'x'\nTry 'uname --help' for more information.\n"]);
});

test('hostname prints, and sets only as root', async () => {
  const box = new TestBox();
  assert.equal((await box.run(['hostname'])).stdout, 'agentvm\n');
  let r = await box.run(['hostname', 'other'], { uid: 1000, gid: 1000 });
  assert.deepEqual([r.status, r.stderr], [1, 'hostname: you must be root to change the host name\n']);
  r = await box.run(['hostname', 'box.example']);
  assert.equal(r.status, 0);
  assert.equal((await box.run(['hostname', '-s'])).stdout, 'box\n');
  assert.equal((await box.run(['uname', '-n'])).stdout, 'box.example\n');
});
