import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';

test('two VMs share the base image but never each other\'s changes', async () => {
  await using a = await createVM();
  await using b = await createVM();
  await a.exec('echo changed > /etc/motd; rm -f /etc/hostname; mkdir /tmp/only-a');
  const r = await b.exec('cat /etc/hostname; test -e /etc/motd && echo motd; test -d /tmp/only-a && echo dir; echo end');
  assert.equal(r.stdout, 'agentvm\nend\n');
});

test('the host filesystem is not visible unless mounted', async () => {
  await using vm = await createVM();
  const r = await vm.exec('ls /home/user; test -e /work && echo leak; test -e /root/.npm && echo leak; echo ok');
  assert.equal(r.stdout, 'ok\n');
});
