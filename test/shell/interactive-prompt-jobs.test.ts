import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeKernel } from './helpers.ts';
import { shProgram } from '../../kernel/shell/sh.ts';

// An interactive shell on a PTY: PS1/PS2 prompts, errors that do not end it, job control with
// ^Z / fg / bg, "Done"-style notifications before the prompt, exit status of `exit`.
async function session(inputs: string[], waitFor: RegExp[]): Promise<{ screen: string; status: number }> {
  const kernel = makeKernel();
  const { master, slave, pty } = kernel.openPty({ cols: 80, rows: 24 });
  const h = kernel.spawnRoot({
    argv: ['bash', '-i'], program: shProgram, cwd: '/root', ctty: pty, pgid: 0, stdio: [slave, slave, slave], uid: 0, gid: 0,
    env: { HOME: '/root', USER: 'root', PATH: '/usr/bin:/bin', TERM: 'xterm' },
  });
  slave.close();
  let screen = '';
  const dec = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const c = await master.read(65536);
        if (c.length === 0) break;
        screen += dec.decode(c, { stream: true });
      }
    } catch { /* terminal closed */ }
  })();
  const until = async (re: RegExp): Promise<void> => {
    const t0 = Date.now();
    while (!re.test(screen)) {
      if (Date.now() - t0 > 5000) throw new Error(`timed out waiting for ${re}: ${JSON.stringify(screen)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const enc = new TextEncoder();
  await until(/# $/);
  for (let i = 0; i < inputs.length; i++) {
    await master.write(enc.encode(inputs[i]!));
    await until(waitFor[i]!);
  }
  const st = await h.wait();
  master.close();
  return { screen, status: st.status };
}

test('prompts, continuation lines, errors that do not exit, exit status', async () => {
  const { screen, status } = await session(
    ['echo $((6*7))\r', 'for i in a b\r', 'do echo $i; done\r', 'nosuch\r', 'echo ${x!}; echo same-line\r', 'exit 5\r'],
    [/42\r\n.*# $/s, /> $/, /a\r\nb\r\n.*# $/s, /nosuch: command not found/, /bad substitution\r\n.*# $/s, /exit\r\n/],
  );
  assert.match(screen, /^root@vm:~# echo \$\(\(6\*7\)\)\r\n42\r\nroot@vm:~# for i in a b\r\n> do/);
  assert.match(screen, /\r\nbash: nosuch: command not found\r\n/);
  assert.doesNotMatch(screen, /\r\nsame-line\r\n/);
  assert.equal(status, 5);
});

test('^Z stops the foreground job, bg and fg resume it, ^C ends it', async () => {
  const { screen, status } = await session(
    ['sleep 100\r', '\x1a', 'jobs\r', 'bg\r', 'fg\r', '\x03', 'echo "st=$?"\r', 'exit\r'],
    [/sleep 100\r\n/, /Stopped.*# $/s, /\[1\]\+  Stopped {17}sleep 100\r\n.*# $/s, /\[1\]\+ sleep 100 &\r\n.*# $/s,
      /fg\r\nsleep 100\r\n/, /\^C.*# $/s, /st=130/, /exit\r\n/],
  );
  assert.match(screen, /\^Z\r\n\[1\]\+  Stopped {17}sleep 100\r\n/);
  assert.equal(status, 0);
});

test('background jobs print [n] pid and a notification when they end', async () => {
  const { screen } = await session(
    ['sleep 0.05 &\r', 'sleep 0.2\r', 'sleep 100 &\r', 'kill %1\r', '\r', 'exit\r'],
    [/\[1\] \d+\r\n/, /sleep 0\.2\r\n(.*\r\n)?.*# $/s, /\[1\] \d+\r\n.*# $/s, /kill %1\r\n.*# $/s, /Terminated/, /exit\r\n/],
  );
  assert.match(screen, /\[1\]\+  Done {20}sleep 0\.05\r\n/);
  assert.match(screen, /\[1\]\+  Terminated {14}sleep 100\r\n/);
});
