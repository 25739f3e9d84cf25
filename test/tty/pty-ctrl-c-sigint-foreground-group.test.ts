// ^C on the terminal sends SIGINT to the foreground process group only (echoed as "^C", pending
// input flushed); ^Z stops the foreground group (wait with untraced reports it); ^\ sends SIGQUIT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Signal } from '../../kernel/types.ts';
import { makeKernel, program, tick } from '../proc/helpers.ts';
import { openTerm } from './helpers.ts';

const catLine = program('cat', async (p) => { for (;;) if ((await p.read(0)).length === 0) return 0; });

test('^C kills the foreground job, not the shell in another group', async () => {
  const k = makeKernel();
  const sh = program('sh', async (p) => {
    const tty = p.file(0);
    const pid = p.spawn({ argv: ['cat'], program: catLine, pgid: 0 });
    tty.ioctl!('TIOCSPGRP', pid);
    assert.equal(tty.ioctl!('TIOCGPGRP'), pid);
    const st = await p.wait(pid);
    tty.ioctl!('TIOCSPGRP', p.pgid);
    await p.write(1, `\nstatus=${st!.status}\n`);
    return 0;
  });
  const t = openTerm(k, sh);
  await tick(5);
  t.type('partial');
  await t.waitFor('partial'); // unread output would be discarded by ^C (no NOFLSH), as on Linux
  t.type('\x03');
  const st = await t.handle.wait();
  assert.equal(st.status, 0, 'the shell survived');
  await t.waitFor('status=');
  assert.equal(t.screen(), 'partial^C\r\nstatus=130\r\n');
});

test('^Z stops the foreground group; SIGCONT resumes it', async () => {
  const k = makeKernel();
  const log: string[] = [];
  const sh = program('sh', async (p) => {
    const tty = p.file(0);
    const pid = p.spawn({ argv: ['cat'], program: catLine, pgid: 0 });
    tty.ioctl!('TIOCSPGRP', pid);
    const st = await p.wait(pid, { untraced: true });
    log.push(`stopped=${st!.stopped} sig=${st!.signal} state=${k.process(pid)!.state}`);
    tty.ioctl!('TIOCSPGRP', p.pgid);
    p.kill(-pid, Signal.SIGCONT);
    log.push(`state=${k.process(pid)!.state}`);
    p.kill(-pid, Signal.SIGTERM);
    log.push(`final=${(await p.wait(pid))!.status}`);
    return 0;
  });
  const t = openTerm(k, sh);
  await tick(5);
  t.type('\x1a');
  await t.handle.wait();
  assert.deepEqual(log, [`stopped=true sig=${Signal.SIGTSTP} state=T`, 'state=S', 'final=143']);
  assert.ok(t.screen().includes('^Z'));
});

test('^\\ sends SIGQUIT (status 131); with ISIG off ^C is just a byte', async () => {
  const k = makeKernel();
  const t = openTerm(k, catLine);
  await tick(2);
  t.type('\x1c');
  assert.equal((await t.handle.wait()).status, 131);

  const k2 = makeKernel();
  const raw = program('raw', async (p) => {
    const tty = p.file(0);
    const tio = tty.ioctl!('TCGETS') as { lflag: number };
    tty.ioctl!('TCSETS', { lflag: tio.lflag & ~0o1 & ~0o2 }); // -isig -icanon
    const b = await p.read(0);
    return b[0]!;
  });
  const t2 = openTerm(k2, raw);
  await tick(2);
  t2.type('\x03');
  assert.equal((await t2.handle.wait()).status, 3);
});
