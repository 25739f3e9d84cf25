// vm.fork(): a twin with the same files, env and cwd and no processes; afterwards each side's
// changes stay its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../kernel/vm.ts';

test('fork shares the files at fork time, then diverges both ways', async () => {
  const a = await createVM({ env: { ROLE: 'parent' }, cwd: '/tmp' });
  const made = await a.exec('mkdir -p /tmp/work && cd /tmp/work && echo one > f && ln -s f l && echo x > /tmp/gone');
  assert.equal(made.exitCode, 0, made.stderr);
  const early = a.fork(); // freezes a layer holding /tmp/gone
  await a.exec('rm /tmp/gone');
  const sleeper = a.spawn('sleep 100');
  const b = a.fork();
  assert.equal((await b.exec('cat /tmp/work/l; echo $ROLE; pwd; test -e /tmp/gone || echo gone')).stdout, 'one\nparent\n/tmp\ngone\n');
  assert.ok(!b.processes().some((p) => p.argv[0] === 'sleep'), 'no processes are copied');
  await a.exec('echo parent-change >> /tmp/work/f; touch /tmp/work/only-a');
  await b.exec('echo fork-change > /tmp/work/f; touch /tmp/work/only-b');
  assert.equal((await a.exec('cat /tmp/work/f; ls /tmp/work')).stdout, 'one\nparent-change\nf\nl\nonly-a\n');
  assert.equal((await b.exec('cat /tmp/work/f; ls /tmp/work')).stdout, 'fork-change\nf\nl\nonly-b\n');
  assert.equal((await early.exec('cat /tmp/gone')).stdout, 'x\n', 'a deletion after a fork does not reach it');
  await early.dispose();
  sleeper.kill('SIGKILL');
  await a.dispose();
  assert.equal((await b.exec('cat /tmp/work/f')).stdout, 'fork-change\n', 'the fork outlives its parent');
  await b.dispose();
});
