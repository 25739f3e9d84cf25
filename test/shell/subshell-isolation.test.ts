import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

test('changes in ( ), pipelines and $( ) never reach the parent shell', async () => {
  const script = [
    'x=1; (x=2; y=3; f() { :; }; cd /tmp; set -u; alias q=echo); echo "$x [$y] $(type -t f) $PWD $-"',
    'x=1; echo | x=5; echo $x',
    'echo "$(x=9; echo $x) $x"',
    'a=(1 2); (a[5]=6; unset a[0]); echo "${a[@]}"',
  ].join('\n');
  const { vm, bash } = await both(script);
  assert.equal(vm.stdout, '1 []  / hBc\n1\n9 1\n1 2\n');
  if (bash) assert.equal(vm.stdout, bash.stdout);
});

test('$$ stays the parent shell, BASHPID and BASH_SUBSHELL change', async () => {
  const r = await sh('echo $$ $BASHPID $BASH_SUBSHELL; (echo $$ $BASHPID $BASH_SUBSHELL); echo $( (echo $BASH_SUBSHELL) )');
  const [a, b, c] = r.stdout.trim().split('\n');
  const [pid, bashpid, lvl] = a!.split(' ');
  assert.equal(pid, bashpid);
  assert.equal(lvl, '0');
  const [pid2, bashpid2, lvl2] = b!.split(' ');
  assert.equal(pid2, pid);
  assert.notEqual(bashpid2, pid);
  assert.equal(lvl2, '1');
  assert.equal(c, '2');
});

test('traps are reset in subshells but ignored signals stay ignored', async () => {
  const { vm, bash } = await both("trap 'echo parent-exit' EXIT; trap '' INT; (trap -p INT; trap -p EXIT; echo sub)");
  // bash still lists the parent's trap strings in the subshell, but runs none of them there
  assert.equal(vm.stdout, "trap -- '' SIGINT\ntrap -- 'echo parent-exit' EXIT\nsub\nparent-exit\n");
  if (bash) assert.equal(vm.stdout, bash.stdout);
});
