import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';

test('vm.fs reads what the shell wrote and the shell sees what vm.fs wrote', async () => {
  await using vm = await createVM();
  await vm.fs.mkdir('/home/user/a/b', { recursive: true });
  await vm.fs.writeFile('/home/user/a/b/x.txt', 'from host\n');
  const r = await vm.exec('cat a/b/x.txt; echo from vm > a/y.txt');
  assert.equal(r.stdout, 'from host\n');
  assert.equal(await vm.fs.readFile('/home/user/a/y.txt', 'utf8'), 'from vm\n');
  const entries = await vm.fs.readdir('/home/user/a', { withFileTypes: true });
  assert.deepEqual(entries.map((e) => [e.name, e.isDirectory()]), [['b', true], ['y.txt', false]]);
});

test('vm.fs errors carry node-style codes', async () => {
  await using vm = await createVM();
  await assert.rejects(vm.fs.readFile('/nope'), { code: 'ENOENT', syscall: 'open' });
  await assert.rejects(vm.fs.rm('/home/user'), { code: 'EISDIR' });
  await vm.fs.writeFile('/home/user/f', 'x');
  await assert.rejects(vm.fs.mkdir('/home/user/f/g', { recursive: true }), { code: 'ENOTDIR' });
});

test('stat, rename, symlink, cp and rm through vm.fs', async () => {
  await using vm = await createVM();
  await vm.fs.writeFile('/tmp/a', 'abc');
  const st = await vm.fs.stat('/tmp/a');
  assert.equal(st.size, 3);
  assert.ok(st.isFile());
  await vm.fs.rename('/tmp/a', '/tmp/b');
  await vm.fs.symlink('/tmp/b', '/tmp/link');
  assert.equal(await vm.fs.readlink('/tmp/link'), '/tmp/b');
  assert.ok((await vm.fs.lstat('/tmp/link')).isSymbolicLink());
  await vm.fs.mkdir('/tmp/d/e', { recursive: true });
  await vm.fs.writeFile('/tmp/d/e/f', 'deep');
  await vm.fs.cp('/tmp/d', '/tmp/d2', { recursive: true });
  assert.equal(await vm.fs.readFile('/tmp/d2/e/f', 'utf8'), 'deep');
  await vm.fs.rm('/tmp/d', { recursive: true });
  assert.equal(await vm.fs.exists('/tmp/d'), false);
});
