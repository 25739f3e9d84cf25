import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './helpers.ts';

test('{var}> allocates fds from 10 up, stays open, and {var}>&- closes it', async () => {
  const script = [
    'exec {a}>/tmp/fa {b}>/tmp/fb',
    'echo "$a $b"',
    'echo to-a >&$a; echo to-b >&$b',
    'exec {a}>&-',
    'echo again >&$a 2>/dev/null || echo a-closed',
    'exec {c}</tmp/fa; read -r line <&$c; echo "c=$c $line"',
    'cat /tmp/fb',
  ].join('\n');
  const r = await sh(script);
  assert.equal(r.stdout, '10 11\na-closed\nc=10 to-a\nto-b\n');
});

test('{var} on a plain command keeps the fd open afterwards', async () => {
  const r = await sh('echo hi {v}>/tmp/g; echo "$v"; echo more >&$v; cat /tmp/g');
  assert.equal(r.stdout, 'hi\n10\nmore\n');
});
