import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './helpers.ts';

test('wait returns the status of a background job, by pid and by job spec, even after it ended', async () => {
  const r = await sh('(exit 4) & p=$!; sleep 0.1; wait $p; echo "a $?"; wait $p; echo "b $?"; (exit 6) & wait %1; echo "c $?"; sleep 0.1 & wait; echo "d $?"');
  assert.equal(r.stdout, 'a 4\nb 4\nc 6\nd 0\n');
});

test('$! is the last background pid; wait for an unknown pid is 127', async () => {
  const r = await sh('true & [ "$!" -gt 1 ] && echo has-pid; wait 99999; echo $?');
  assert.equal(r.stdout, 'has-pid\n127\n');
  assert.match(r.stderr, /wait: pid 99999 is not a child of this shell/);
});

test('background jobs run concurrently with the shell', async () => {
  const t0 = performance.now();
  const r = await sh('sleep 0.5 & sleep 0.5 & sleep 0.5 & wait; echo done');
  assert.equal(r.stdout, 'done\n');
  assert.ok(performance.now() - t0 < 1400, 'jobs ran one after another');
});

test('a non-interactive shell gives background jobs /dev/null as stdin and ignores SIGINT in them', async () => {
  const r = await sh('cat & wait; echo "st=$?"', { stdin: 'should not be read\n' });
  assert.equal(r.stdout, 'st=0\n');
});

test('jobs lists running jobs with bash\'s format', async () => {
  const r = await sh('sleep 1 & jobs; kill %1; wait %1; echo "st=$?"');
  assert.equal(r.stdout, '[1]+  Running                 sleep 1 &\nst=143\n');
});
