// mktemp creates files (0600) and directories (0700) with unique random names from templates,
// in $TMPDIR or /tmp by default, and rejects bad templates like GNU.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

test('default, -d, -p, -t and suffixes', async () => {
  const box = new TestBox();
  const a = await box.run(['mktemp']);
  assert.match(a.stdout, /^\/tmp\/tmp\.[A-Za-z0-9]{10}\n$/);
  const path = a.stdout.trim();
  assert.equal(box.vfs.stat(box.ctx, path).mode & 0o7777, 0o600);
  const b = await box.run(['mktemp']);
  assert.notEqual(b.stdout, a.stdout);
  const d = await box.run(['mktemp', '-d', '-p', '/var/tmp', 'work.XXXXXX']);
  assert.match(d.stdout, /^\/var\/tmp\/work\.[A-Za-z0-9]{6}\n$/);
  assert.equal(box.vfs.stat(box.ctx, d.stdout.trim()).mode & 0o170777, 0o040700);
  const t = await box.run(['mktemp', '-t', 'x.XXX'], { env: { TMPDIR: '/var/tmp' } });
  assert.match(t.stdout, /^\/var\/tmp\/x\.[A-Za-z0-9]{3}\n$/);
  const s = await box.run(['mktemp', '--suffix=.txt'], {});
  assert.match(s.stdout, /^\/tmp\/tmp\.[A-Za-z0-9]{10}\.txt\n$/);
  const rel = await box.run(['mktemp', 'XXXXXX.log'], { cwd: '/tmp' });
  assert.match(rel.stdout, /^[A-Za-z0-9]{6}\.log\n$/);
  const u = await box.run(['mktemp', '-u']);
  assert.ok(!box.exists(u.stdout.trim()));
});

test('errors', async () => {
  const box = new TestBox();
  let r = await box.run(['mktemp', 'fooXX']);
  assert.deepEqual([r.status, r.stderr], [1, "mktemp: too few X's in template 'fooXX'\n"]);
  r = await box.run(['mktemp', '-p', '/nonexist']);
  assert.deepEqual([r.status, r.stderr], [1, "mktemp: failed to create file via template '/nonexist/tmp.XXXXXXXXXX': No such file or directory\n"]);
  r = await box.run(['mktemp', '-q', '-p', '/nonexist']);
  assert.deepEqual([r.status, r.stderr], [1, '']);
  r = await box.run(['mktemp', '-t', 'a/bXXXXXX']);
  assert.equal(r.stderr, "mktemp: invalid template, 'a/bXXXXXX', contains directory separator\nTry 'mktemp --help' for more information.\n");
});
