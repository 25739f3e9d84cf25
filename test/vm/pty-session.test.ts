import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';

function collect(term: { onData(l: (d: Uint8Array) => void): () => void }) {
  let text = '';
  const dec = new TextDecoder();
  term.onData((d) => { text += dec.decode(d, { stream: true }); });
  return {
    get text() { return text; },
    async until(re: RegExp, ms = 3000): Promise<string> {
      const t0 = Date.now();
      while (!re.test(text)) {
        if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${re}; screen so far: ${JSON.stringify(text)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return text;
    },
  };
}

test('an interactive shell on a pty echoes input, runs commands and sees a tty', async () => {
  await using vm = await createVM();
  const term = vm.pty({ cols: 100, rows: 30 });
  const screen = collect(term);
  await screen.until(/\$ $/);
  term.write('echo hi-$((1+2)); test -t 0 && echo tty-yes; echo "$COLUMNS"\r');
  await screen.until(/hi-3\r\ntty-yes\r\n100\r\n/);
  term.write('exit 4\r');
  assert.deepEqual(await term.wait(), { exitCode: 4 });
});

test('^C interrupts the foreground command and the shell survives', async () => {
  await using vm = await createVM();
  const term = vm.pty();
  const screen = collect(term);
  await screen.until(/\$ $/);
  term.write('sleep 100\r');
  await new Promise((r) => setTimeout(r, 50));
  term.write('\x03');
  await screen.until(/\^C/);
  term.write('echo after $?\r');
  await screen.until(/after 130/);
  term.write('exit\r');
  await term.wait();
});
