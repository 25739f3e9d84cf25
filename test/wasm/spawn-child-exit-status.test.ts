import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('posix_spawnp + waitpid report a child exit code and a killing signal in Linux encoding', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pspawn']);
  const r = await vm.exec('pspawn sh -c "exit 3"; pspawn sh -c \'kill -TERM $$\'; pspawn true');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'exited 3\nsignaled 15\nexited 0\n');
});

test('a program that does not exist: posix_spawnp returns ENOENT and no child is created', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pspawn']);
  const r = await vm.exec('pspawn no-such-program; echo "status $?"');
  assert.equal(r.stderr, 'pspawn: no-such-program: No such file or directory\n');
  assert.equal(r.stdout, 'status 127\n');
});

test('posix_spawn does not search PATH; a path runs any kernel program', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pspawn']);
  const r = await vm.exec('pspawn -n echo hi; pspawn -n /bin/echo hi; cd /usr/local/bin && pspawn -n pspawn -n /bin/echo nested');
  assert.equal(r.stderr, 'pspawn: echo: No such file or directory\n');
  assert.equal(r.stdout, 'hi\nexited 0\nnested\nexited 0\nexited 0\n');
});

test('posix_spawnp runs a file without #! as a /bin/sh script, as execvp does', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pspawn']);
  await vm.fs.writeFile('/tmp/script', 'echo "from script $1"; exit 4\n', { mode: 0o755 });
  const r = await vm.exec('PATH=/tmp:$PATH pspawn script arg');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'from script arg\nexited 4\n');
});
