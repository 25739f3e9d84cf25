import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../bin/agentvm.js', import.meta.url));
const run = (args: string[], input = '') => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, timeout: 30_000 });

test('agentvm sh -c passes stdout, stderr and the exit status through', () => {
  const r = run(['sh', '-c', 'echo out; echo err >&2; exit 7']);
  assert.equal(r.stdout, 'out\n');
  assert.equal(r.stderr, 'err\n');
  assert.equal(r.status, 7);
});

test('agentvm sh -c reads the host stdin as a stream', () => {
  const r = run(['sh', '-c', 'while read -r l; do echo "<$l>"; done'], 'a\nb\n');
  assert.equal(r.stdout, '<a>\n<b>\n');
});

test('agentvm sh FILE args runs a host script in the VM with $0 and $1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agentvm-cli-'));
  writeFileSync(join(dir, 's.sh'), 'echo "$(basename "$0") $1 $#"; pwd\n');
  const r = run(['sh', join(dir, 's.sh'), 'one', 'two']);
  assert.equal(r.stdout, 's.sh one 2\n/home/user\n');
  assert.equal(r.status, 0);
});

test('--mount exposes a host directory, read-only with :ro', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agentvm-cli-'));
  writeFileSync(join(dir, 'in.txt'), 'host data\n');
  const r = run(['--mount', `${dir}:/data:ro`, 'sh', '-c', 'cat /data/in.txt; echo x > /data/new.txt']);
  assert.equal(r.stdout, 'host data\n');
  assert.match(r.stderr, /Read-only file system/);
  assert.notEqual(r.status, 0);
  const w = run(['--mount', `${dir}:/data`, '--env', 'WHO=vm', '--cwd', '/data', 'sh', '-c', 'echo "$WHO" > out.txt']);
  assert.equal(w.status, 0, w.stderr);
  assert.equal(readFileSync(join(dir, 'out.txt'), 'utf8'), 'vm\n');
});

test('bad options get a clear error and status 2', () => {
  const r = run(['--mount', 'nocolon', 'sh', '-c', 'true']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--mount nocolon: expected HOST:GUEST/);
});

test('the VM sees nothing of the host by default', () => {
  const r = run(['sh', '-c', 'echo "$HOME $USER"; ls -A; env | sort | cut -d= -f1 | tr "\\n" " "']);
  assert.equal(r.stdout.split('\n')[0], '/home/user user');
  const names = r.stdout.split('\n')[1]!.trim().split(' ');
  for (const n of ['HOME', 'LANG', 'PATH', 'PWD', 'SHELL', 'TERM', 'USER']) assert.ok(names.includes(n), `${n} missing from ${names}`);
  assert.deepEqual(names.filter((n) => /^(npm_|NODE|INIT_CWD|COLORTERM|SSH)/.test(n)), []);
});
