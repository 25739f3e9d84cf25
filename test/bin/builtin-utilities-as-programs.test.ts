// /bin/echo, /usr/bin/printf, /usr/bin/test, /usr/bin/[ and /bin/kill exist as programs (the
// shell's builtins run over their own process): `exec echo`, `enable -n echo`, explicit paths,
// GNU's --help/--version rules and messages named after argv[0].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from '../shell/helpers.ts';

test('exec echo replaces the shell; enable -n echo runs /bin/echo', async () => {
  assert.deepEqual(await sh('exec echo replaced; echo never'), { stdout: 'replaced\n', stderr: '', status: 0 });
  const r = await sh('enable -n echo; type -t echo; type -P echo; echo hi');
  assert.deepEqual(r, { stdout: 'file\n/bin/echo\nhi\n', stderr: '', status: 0 });
});

test('installed where Debian has them', async () => {
  const r = await sh('type -P echo printf test [ kill');
  assert.equal(r.stdout, '/bin/echo\n/usr/bin/printf\n/usr/bin/test\n/usr/bin/[\n/bin/kill\n');
});

test('echo and [ take a sole --help / --version; test and printf args are operands', async () => {
  const r = await sh('/bin/echo --version | head -1; /bin/echo --help x; /bin/echo -e "a\\tb"; "/usr/bin/[" --help | head -1; /usr/bin/test --help; echo $?; /usr/bin/printf -v x; echo');
  // GNU coreutils 9.1 as on Debian 12 (`[ --help` prints test's usage).
  assert.equal(r.stdout, 'echo (GNU coreutils) 9.1\n--help x\na\tb\nUsage: test EXPRESSION\n0\n-v\n');
});

test('printf, test and [ statuses; messages carry the program name', async () => {
  const r = await sh('/usr/bin/printf "%s-%d\\n" a 1 b 2; /usr/bin/printf; echo $?; /usr/bin/test 1 -lt 2; echo $?; "/usr/bin/[" a = b ]; echo $?; "/usr/bin/[" a; echo $?');
  assert.equal(r.stdout, 'a-1\nb-2\n1\n0\n1\n2\n');
  assert.equal(r.stderr, "/usr/bin/printf: missing operand\nTry '/usr/bin/printf --help' for more information.\n/usr/bin/[: missing ‘]’\n"); // C.UTF-8: gnulib quotes with ‘’
});

test('/bin/kill signals a process by pid, lists signals, reports missing ones', async () => {
  const r = await sh('sleep 10 & /bin/kill $!; wait $!; echo $?; /bin/kill -l 15; /bin/kill -s TERM 99999; echo $?');
  assert.equal(r.stdout, '143\nTERM\n1\n');
  assert.equal(r.stderr, '/bin/kill: (99999) - No such process\n');
});
