// A syntax error reported as several messages (bash prints two errors) gets the
// "bash: -c: line N: " prefix on every line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './helpers.ts';

test('for ((i=0; i<2)) : both lines prefixed, status 2', async () => {
  const r = await sh('for ((i=0; i<2)); do :; done');
  assert.equal(r.status, 2);
  assert.equal(r.stderr, "bash: -c: line 1: syntax error: arithmetic expression required\nbash: -c: line 1: syntax error: `((i=0; i<2))'\n");
});
