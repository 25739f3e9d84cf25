// ulimit reports the kernel's limits (open files, processes, file size) in bash's format; lowering
// is recorded, raising past the hard limit fails with "Operation not permitted".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBuiltins } from './helpers.ts';
import { defaultLimits } from '../../kernel/limits.ts';

test('ulimit -n / -u / -f come from kernel.limits and can only go down', async () => {
  const r = await runBuiltins([
    ['ulimit', '-n'], ['ulimit', '-u'], ['ulimit'], ['ulimit', '-n', '-u'],
    ['ulimit', '-n', '100'], ['ulimit', '-n'], ['ulimit', '-Hn'], ['ulimit', '-n', '200'], ['ulimit', '-n', 'abc'],
    ['ulimit', '-S', '-n', '20'], ['ulimit', '-n'], ['ulimit', '-Hn'], ['ulimit', '-n', 'hard'], ['ulimit', '-n'],
    ['ulimit', '-n', 'unlimited'], ['ulimit', '-p', '10'], ['ulimit', '-b'], ['ulimit', '-f', '100', '-n'],
  ]);
  const files = defaultLimits.maxOpenFiles, procs = defaultLimits.maxProcesses;
  assert.equal(r.stdout, [
    `${files}`, '<0>', `${procs}`, '<0>', `${defaultLimits.fileSize / 1024}`, '<0>',
    `open files                          (-n) ${files}`, `max user processes                  (-u) ${procs}`, '<0>',
    '<0>', '100', '<0>', '100', '<0>', '<1>', '<1>',
    '<0>', '20', '<0>', '100', '<0>', '<0>', '100', '<0>',
    '<1>', '<1>', '<2>', 'open files                          (-n) 100', '<0>', '',
  ].join('\n'));
  assert.equal(r.stderr, [
    'bash: line 1: ulimit: open files: cannot modify limit: Operation not permitted',
    'bash: line 1: ulimit: abc: invalid number',
    'bash: line 1: ulimit: open files: cannot modify limit: Operation not permitted',
    'bash: line 1: ulimit: pipe size: cannot modify limit: Invalid argument',
    'bash: line 1: ulimit: -b: invalid option',
    'ulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]',
    '',
  ].join('\n'));
});

test('ulimit -a lists every resource in bash layout', async () => {
  const r = await runBuiltins([['ulimit', '-a']]);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'real-time non-blocking time  (microseconds, -R) unlimited');
  assert.equal(lines[1], 'core file size              (blocks, -c) 0');
  assert.ok(lines.includes(`open files                          (-n) ${defaultLimits.maxOpenFiles}`));
  assert.ok(lines.includes('pipe size                (512 bytes, -p) 8'));
  assert.equal(lines.length, 17 + 2);
});
