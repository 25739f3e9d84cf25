// env prints the environment, edits it (-i, -u, NAME=VALUE, -S), runs a command found through
// the new PATH as a child with that environment, and reports 127/126/125 like GNU env.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

test('printing and editing the environment', async () => {
  const box = new TestBox();
  let r = await box.run(['env', '-i', 'A=1', 'B=x=y']);
  assert.deepEqual([r.status, r.stdout], [0, 'A=1\nB=x=y\n']);
  r = await box.run(['env', '-u', 'HOME'], { env: { HOME: '/h', K: 'v' } });
  assert.ok(!r.stdout.includes('HOME='));
  assert.ok(r.stdout.includes('K=v\n'));
  r = await box.run(['env', '-0', '-i', 'A=1', 'B=2']);
  assert.equal(r.stdout, 'A=1\0B=2\0');
  r = await box.run(['env', '-', 'C=3']);
  assert.equal(r.stdout, 'C=3\n');
});

test('running a command with the new environment', async () => {
  const box = new TestBox();
  let r = await box.run(['env', '-i', 'PATH=/usr/bin:/bin', 'X=42', 'env']);
  assert.deepEqual([r.status, r.stdout], [0, 'PATH=/usr/bin:/bin\nX=42\n']);
  r = await box.run(['env', 'head', '-c', '3'], { stdin: 'abcdef' });
  assert.deepEqual([r.status, r.stdout], [0, 'abc']);
  r = await box.run(['env', '-S', 'head -n 1', '-'], { stdin: 'l1\nl2\n' });
  assert.equal(r.stdout, 'l1\n');
  r = await box.run(['env', 'false']);
  assert.equal(r.status, 1);
  r = await box.run(['env', '-C', '/etc', 'cat', 'hostname']);
  assert.equal(r.stdout, 'agentvm\n');
});

test('command errors', async () => {
  const box = new TestBox();
  let r = await box.run(['env', 'nope']);
  assert.deepEqual([r.status, r.stderr], [127, "env: 'nope': No such file or directory\n"]);
  r = await box.run(['env', '/etc/passwd']);
  assert.deepEqual([r.status, r.stderr], [126, "env: '/etc/passwd': Permission denied\n"]);
  r = await box.run(['env', '-i', 'PATH=/nowhere', 'true']);
  assert.equal(r.status, 127);
  r = await box.run(['env', '-u', 'A=B']);
  assert.deepEqual([r.status, r.stderr], [125, "env: cannot unset 'A=B': Invalid argument\n"]);
  r = await box.run(['env', '-0', 'true']);
  assert.equal(r.status, 125);
  r = await box.run(['env', '-C', '/nonexist', 'true']);
  assert.deepEqual([r.status, r.stderr], [125, "env: cannot change directory to '/nonexist': No such file or directory\n"]);
});

test('a command killed by a signal: env ends the same way', async () => {
  const box = new TestBox();
  const r = await box.run(['env', 'sleep', '5'], { timeoutMs: 50 });
  assert.equal(r.status, 137);
});
