// Every utility answers --help (usage on stdout, status 0; false: 1) and --version, and is
// installed at its Debian path (/bin or /usr/bin) so PATH lookups and argv[0] paths work.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsUtilities, utilityPaths } from '../../kernel/bin/index.ts';
import { TestBox } from './helpers.ts';

const expected = ['basename', 'cat', 'cp', 'cut', 'dirname', 'env', 'false', 'head', 'ln', 'ls', 'mkdir', 'mktemp', 'mv',
  'readlink', 'realpath', 'rm', 'rmdir', 'seq', 'sleep', 'sort', 'stat', 'tail', 'tee', 'touch', 'tr', 'true', 'uniq', 'wc', 'yes',
  'chgrp', 'chmod', 'chown', 'date', 'du', 'hostname', 'id', 'nproc', 'printenv', 'pwd', 'tty', 'uname', 'whoami',
  // the shell's builtins as programs (test and kill take no --help, as GNU test / procps kill differ)
  '[', 'echo', 'printf'];
const noHelp = ['kill', 'test', 'which']; // which: Debian's debianutils script has no --help either

test('the utility set and its paths', () => {
  assert.deepEqual(jsUtilities.map((p) => p.name).sort(), [...expected, ...noHelp].sort());
  assert.deepEqual(utilityPaths('ls'), ['/bin/ls']);
  assert.deepEqual(utilityPaths('cat'), ['/bin/cat']);
  assert.deepEqual(utilityPaths('sort'), ['/usr/bin/sort']);
  assert.deepEqual(utilityPaths('head'), ['/usr/bin/head']);
  assert.deepEqual(utilityPaths('kill'), ['/bin/kill']);
  assert.deepEqual(utilityPaths('printf'), ['/usr/bin/printf']);
  assert.deepEqual(utilityPaths('chmod'), ['/bin/chmod']);
  assert.deepEqual(utilityPaths('hostname'), ['/bin/hostname']);
  assert.deepEqual(utilityPaths('id'), ['/usr/bin/id']);
});

test('--help and --version', async () => {
  const box = new TestBox();
  for (const name of expected) {
    const [path] = utilityPaths(name);
    const h = await box.run([path!, '--help']);
    assert.equal(h.status, name === 'false' ? 1 : 0, name);
    assert.ok(h.stdout.startsWith(`Usage: ${path} `), `${name}: ${h.stdout.slice(0, 60)}`);
    assert.equal(h.stderr, '');
    const v = await box.run([name, '--version']);
    assert.equal(v.status, name === 'false' ? 1 : 0, name);
    assert.match(v.stdout, new RegExp(`^${name.replace(/[[\]]/g, '\\$&')} \\(GNU coreutils compatible; agentvm\\) 9\\.1\\n`));
  }
});

test('true and false ignore other arguments', async () => {
  const box = new TestBox();
  assert.deepEqual(await box.run(['true', '--bogus', 'x']).then((r) => [r.status, r.stdout, r.stderr]), [0, '', '']);
  assert.deepEqual(await box.run(['false', '--help', 'x']).then((r) => [r.status, r.stdout, r.stderr]), [1, '', '']);
});
