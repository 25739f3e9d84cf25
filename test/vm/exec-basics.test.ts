import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';

test('exec returns stdout, stderr and the exit status of the script', async () => {
  await using vm = await createVM();
  const r = await vm.exec('echo out; echo err >&2; exit 3');
  assert.equal(r.stdout, 'out\n');
  assert.equal(r.stderr, 'err\n');
  assert.equal(r.exitCode, 3);
});

test('exec feeds stdin and honours env and cwd', async () => {
  await using vm = await createVM({ env: { GREETING: 'hi' } });
  await vm.fs.mkdir('/tmp/work');
  const r = await vm.exec('read line; echo "$GREETING $line $EXTRA $(pwd)"', { stdin: 'there\n', env: { EXTRA: 'x' }, cwd: '/tmp/work' });
  assert.equal(r.stdout, 'hi there x /tmp/work\n');
});

test('missing command exits 127 with bash\'s message', async () => {
  await using vm = await createVM();
  const r = await vm.exec('nosuchcmd');
  assert.equal(r.exitCode, 127);
  assert.equal(r.stderr, 'bash: line 1: nosuchcmd: command not found\n');
});

test('the filesystem persists between exec calls, shell state does not', async () => {
  await using vm = await createVM();
  await vm.exec('x=1; echo data > f.txt; cd /tmp');
  const r = await vm.exec('echo "[$x]"; pwd; cat f.txt');
  assert.equal(r.stdout, '[]\n/home/user\ndata\n');
});
