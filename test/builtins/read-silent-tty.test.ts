// read on a terminal: -p prompts on stderr, -s turns echo off (and back on), -n returns after N
// characters without waiting for Enter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeKernel } from '../proc/helpers.ts';
import { openTerm } from '../tty/helpers.ts';
import { runStep, TestShell } from './helpers.ts';
import type { Proc } from '../../kernel/types.ts';

test('read -s -p hides the typed secret; -n 1 needs no Enter; echo comes back', async () => {
  const kernel = makeKernel();
  let result: Record<string, string | number | undefined> = {};
  const prog = {
    name: 'reader',
    async run(proc: Proc): Promise<number> {
      const sh = new TestShell(proc);
      const st1 = await runStep(sh, ['read', '-s', '-p', 'Pass: ', 'pw']);
      await proc.write(1, '[got it]\n');
      const st2 = await runStep(sh, ['read', '-n', '1', '-p', 'Key: ', 'k']);
      await proc.write(1, '[key]\n');
      const st3 = await runStep(sh, ['read', 'line']);
      result = { st1, st2, st3, pw: sh.vars.get('pw'), k: sh.vars.get('k'), line: sh.vars.get('line') };
      return 0;
    },
  };
  const term = openTerm(kernel, prog);
  await term.waitFor('Pass: ');
  term.type('hunter2\n');
  await term.waitFor('[got it]');
  await term.waitFor('Key: ');
  term.type('y');
  await term.waitFor('[key]');
  term.type('visible\n');
  await term.handle.wait();
  assert.deepEqual(result, { st1: 0, st2: 0, st3: 0, pw: 'hunter2', k: 'y', line: 'visible' });
  const screen = term.screen();
  assert.ok(!screen.includes('hunter2'), `secret echoed: ${JSON.stringify(screen)}`);
  assert.ok(screen.includes('visible'), `echo not restored: ${JSON.stringify(screen)}`);
});

test('-p prints no prompt when input is not a terminal', async () => {
  const { withShell } = await import('./helpers.ts');
  const r = await withShell(async (sh) => runStep(sh, ['read', '-p', 'prompt> ', 'x']), { stdin: 'a\n' });
  assert.equal(r.value, 0);
  assert.equal(r.stderr, '');
});
