// exec keeps the pid and fds (minus close-on-exec), runs the new program, and the old program's
// code never continues; a failed exec (ENOENT) returns control to the old program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcessExit } from '../../kernel/proc/exit.ts';
import { makeKernel, program, runRoot } from './helpers.ts';

test('same pid, new argv, old code does not continue, status from the new program', async () => {
  const k = makeKernel();
  k.registerProgram(program('newprog', async (p) => { await p.write(1, `new ${p.pid} ${p.argv.join(' ')}\n`); return 42; }), ['/bin/newprog']);
  let continued = false;
  let unwound: unknown;
  const old = program('old', async (p) => {
    await p.write(1, `old ${p.pid}\n`);
    await assert.rejects(p.exec({ argv: ['nonexistent'] }), { code: 'ENOENT' });
    try {
      await p.exec({ argv: ['newprog', 'arg'] });
    } catch (e) {
      unwound = e;
      throw e;
    }
    continued = true;
    return 0;
  });
  const prog = program('t', async (p) => {
    const pid = p.spawn({ argv: ['old'], program: old });
    const st = await p.wait(pid);
    await p.write(1, `status ${st!.status} pid ${pid}\n`);
    return 0;
  });
  const r = await runRoot(k, prog, ['t'], { PATH: '/bin' });
  const pid = /old (\d+)/.exec(r.out)![1];
  assert.equal(r.out, `old ${pid}\nnew ${pid} newprog arg\nstatus 42 pid ${pid}\n`);
  assert.equal(continued, false);
  assert.ok(unwound instanceof ProcessExit);
  assert.equal((unwound as ProcessExit).status, 42);
});

test('exit() inside the exec\'d program ends the process with that code', async () => {
  const k = makeKernel();
  const prog = program('t', async (p) => {
    await p.exec({ argv: ['x'], program: program('x', async (q) => q.exit(9)) });
    return 0;
  });
  assert.equal((await runRoot(k, prog)).status, 9);
});
