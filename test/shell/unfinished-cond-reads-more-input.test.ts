// An unfinished `[[ a &&` at the end of a line is incomplete input, not a syntax error: an
// interactive shell asks for a PS2 line, a script read from stdin reads the next line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './helpers.ts';

const input = '[[ a &&\n b ]] && echo yes\n';

test('interactive: PS2 prompt, then the completed [[ ]] runs', async () => {
  const r = await sh('', { args: ['-i'], stdin: input, env: { PS1: 'P1$ ', PS2: 'P2> ' } });
  assert.equal(r.stdout, 'yes\n');
  assert.match(r.stderr, /P1\$ P2> P1\$ exit\n$/);
  assert.doesNotMatch(r.stderr, /unexpected token/);
  assert.equal(r.status, 0);
});

test('script on stdin: the next line completes the conditional', async () => {
  const r = await sh('', { args: [], stdin: input });
  assert.deepEqual(r, { stdout: 'yes\n', stderr: '', status: 0 });
});
