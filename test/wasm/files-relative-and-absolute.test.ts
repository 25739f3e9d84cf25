import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

test('file calls work relative to the shell cwd and with absolute paths', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wfs']);
  await vm.fs.mkdir('/tmp/w', { recursive: true });
  const r = await vm.exec([
    'cd /tmp/w',
    'wfs mkdir d write d/f hello append d/f " world" read d/f 0 read d/f 6 stat d/f stat d',
    'wfs symlink f d/link readlink d/link lstat d/link stat d/link ls d',
    'wfs rename d/f d/g ls /tmp/w/d unlink /tmp/w/d/link ls d',
    'wfs cd d pwd read g 0 cd /tmp/w unlink d/g rmdir d ls .',
    'cat /tmp/w/d/g 2>&1; echo done',
  ].join('\n'));
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, [
    'read d/f@0: [hello world]',
    'read d/f@6: [world]',
    'stat d/f: file size=11',
    'stat d: dir size=4096',
    'readlink d/link: f',
    'lstat d/link: symlink size=1',
    'stat d/link: file size=11',
    'ls d: . .. f link',
    'ls /tmp/w/d: . .. g link',
    'ls d: . .. g',
    'pwd: /tmp/w/d',
    'read g@0: [hello world]',
    'ls .: . ..',
    'cat: /tmp/w/d/g: No such file or directory',
    'done',
    '',
  ].join('\n'));
});

test('files written by a WASM program are visible to the VM and the reverse', { skip: skipReason }, async () => {
  await using vm = await vmWith(['wfs', 'wcat']);
  await vm.fs.writeFile('/home/user/in.txt', 'from host\n');
  const r = await vm.exec('wcat in.txt ../user/in.txt; wfs write out.txt "from wasm"');
  assert.equal(r.stdout, 'from host\nfrom host\n');
  assert.equal(await vm.fs.readFile('/home/user/out.txt', 'utf8'), 'from wasm');
  const missing = await vm.exec('wcat nope; echo $?');
  assert.equal(missing.stderr, 'wcat: nope: No such file or directory\n');
  assert.equal(missing.stdout, '1\n');
});
