import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWithCompat } from './helpers.ts';

test('chdir/fchdir move the kernel cwd: children start there, relative paths and getcwd agree', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pcwd']);
  await vm.fs.mkdir('/tmp/x/real/sub', { recursive: true });
  await vm.fs.writeFile('/tmp/x/marker', 'marker in x\n');
  await vm.fs.writeFile('/tmp/x/real/f', 'in real\n');
  const r = await vm.exec([
    'ln -s /tmp/x/real /tmp/link',
    'cd /tmp && pcwd pwd child cd link pwd child cat f cd .. pwd cat marker cd real/sub fchdir .. pwd child',
  ].join('\n'));
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, [
    'pwd: /tmp',
    '/tmp',
    // through a symlink: the physical directory (the kernel's), so ".." is /tmp/x, not /tmp
    'pwd: /tmp/x/real',
    '/tmp/x/real',
    'cat f: in real',
    'pwd: /tmp/x',
    'cat marker: marker in x',
    'pwd: /tmp/x/real',
    '/tmp/x/real',
    '',
  ].join('\n'));
});

test('a failed chdir leaves the working directory alone', { skip: skipReason }, async () => {
  await using vm = await vmWithCompat(['pcwd']);
  await vm.fs.writeFile('/tmp/file', '');
  const r = await vm.exec('cd /tmp && pcwd cd /nonexistent cd file pwd child');
  assert.equal(r.stdout, 'cd /nonexistent: No such file or directory\ncd file: Not a directory\npwd: /tmp\n/tmp\n');
});
