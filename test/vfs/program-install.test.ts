import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBaseImage } from '../../kernel/vfs/baseimage.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { dec, enc, root, throwsCode, user } from './helpers.ts';

test('programs installed in the base image are executables that name their program', () => {
  const base = createBaseImage();
  base.installProgram('/bin/ls', 'ls');
  base.installProgram('/usr/local/bin/deep/tool', 'tool');
  const vfs = new Vfs({ base });
  const u = user();
  const st = vfs.stat(u, '/bin/ls');
  assert.equal(st.mode, 0o100755);
  assert.equal(st.uid, 0);
  assert.equal(vfs.programOf(u, '/bin/ls'), 'ls');
  assert.equal(vfs.programOf(u, '/usr/local/bin/deep/tool'), 'tool');
  assert.equal(dec(vfs.readFile(u, '/bin/ls')), 'agentvm-program ls\n');
  assert.equal(vfs.programOf(u, '/etc/passwd'), undefined);
  throwsCode(() => vfs.programOf(u, '/bin/nope'), 'ENOENT');
  vfs.symlink(u, '/bin/ls', 'myls');
  assert.equal(vfs.programOf(u, 'myls'), 'ls');
});

test('a copy of a program file still runs that program', () => {
  const base = createBaseImage();
  base.installProgram('/bin/cat', 'cat');
  const vfs = new Vfs({ base });
  const u = user();
  vfs.writeFile(u, 'mycat', vfs.readFile(u, '/bin/cat'), 0o755);
  assert.equal(vfs.programOf(u, 'mycat'), 'cat');
  vfs.writeFile(u, 'script', enc('agentvm-program rm -rf /\n'));
  assert.equal(vfs.programOf(u, 'script'), undefined);
});

test('Vfs.installProgram adds to one VM only, and re-installing an unchanged entry allocates nothing', () => {
  const base = createBaseImage();
  base.installProgram('/bin/true', 'true');
  const a = new Vfs({ base });
  const b = new Vfs({ base });
  a.installProgram('/bin/true', 'true');
  assert.deepEqual(a.usage(), { bytes: 0, inodes: 0 });
  a.installProgram('/usr/bin/extra', 'extra');
  assert.equal(a.programOf(root(), '/usr/bin/extra'), 'extra');
  throwsCode(() => b.stat(root(), '/usr/bin/extra'), 'ENOENT');
});

test('changing the base after VMs exist affects only VMs created later', () => {
  const base = createBaseImage();
  const before = new Vfs({ base });
  before.writeFile(root(), '/tmp/mine', enc('m'));
  base.installProgram('/bin/late', 'late');
  const after = new Vfs({ base });
  throwsCode(() => before.stat(root(), '/bin/late'), 'ENOENT');
  assert.equal(after.programOf(root(), '/bin/late'), 'late');
  assert.equal(dec(before.readFile(root(), '/tmp/mine')), 'm');
  throwsCode(() => after.stat(root(), '/tmp/mine'), 'ENOENT');
});
