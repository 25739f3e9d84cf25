import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh, both } from './helpers.ts';

test('select lays the menu out in columns on stderr and reads REPLY from stdin', async () => {
  const items = 'aa bb cc dd ee ff gg hh ii jj kk ll mm';
  const { vm, bash } = await both(`select x in ${items}; do echo "[$x][$REPLY]"; [ -n "$x" ] && break; done`, { stdin: 'zz\n\n3\n' });
  assert.equal(vm.stdout, '[][zz]\n[cc][3]\n');
  assert.match(vm.stderr, /^1\) aa\t 3\) cc\t 5\) ee\t 7\) gg\t 9\) ii\t11\) kk\t13\) mm\n2\) bb\t 4\) dd/);
  if (bash) { assert.equal(vm.stdout, bash.stdout); assert.equal(vm.stderr, bash.stderr); }
});

test('time prints real/user/sys in bash\'s format; TIMEFORMAT and -p change it', async () => {
  const r = await sh('time true; time -p true; TIMEFORMAT="r=%1R %%"; time { sleep 0.2; }; TIMEFORMAT=; time true');
  assert.match(r.stderr, /^\nreal\t0m0\.\d{3}s\nuser\t0m0\.\d{3}s\nsys\t0m0\.\d{3}s\nreal 0\.\d\d\nuser \d+\.\d\d\nsys \d+\.\d\d\nr=0\.[2-9] %\n$/);
});
