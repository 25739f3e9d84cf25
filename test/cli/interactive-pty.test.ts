import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../bin/agentvm.js', import.meta.url));

// `script` gives the CLI a real host terminal, as a person running `npm start` has.
test('bare agentvm is an interactive shell on the host terminal', async () => {
  const child = spawn('script', ['-qfec', `${process.execPath} ${cli}`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => { out += d; });
  const until = async (re: RegExp) => {
    const t0 = Date.now();
    while (!re.test(out)) {
      if (Date.now() - t0 > 15_000) throw new Error(`timed out waiting for ${re}: ${JSON.stringify(out)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await until(/\$ $/);
  child.stdin.write('echo $((40+2)) $USER; [ -t 1 ] && echo is-a-tty\r');
  await until(/42 user\r+\nis-a-tty/);
  child.stdin.write('exit 5\r');
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  assert.equal(code, 5);
});
