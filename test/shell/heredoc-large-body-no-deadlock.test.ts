import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './helpers.ts';

// A here-document larger than a pipe buffer (64 KiB) must not block the shell while the
// command that reads it has not started.
test('a 200 KiB here-document reaches the command intact', async () => {
  const line = 'x'.repeat(99);
  const body = Array.from({ length: 2048 }, () => line).join('\n');
  const r = await sh(`cat <<EOF | wc -c\n${body}\nEOF\necho done`);
  assert.equal(r.stdout.trim().split('\n')[0]!.trim(), String(body.length + 1));
  assert.match(r.stdout, /done\n$/);
});

test('here-documents expand unless the delimiter is quoted; <<- strips tabs; <<< adds a newline', async () => {
  const r = await sh('x=v; cat <<E1\n$x \\$x\nE1\ncat <<"E2"\n$x\nE2\ncat <<-E3\n\t\ttabbed\n\tE3\ncat <<< "$x"');
  assert.equal(r.stdout, 'v $x\n$x\ntabbed\nv\n');
});

test('a builtin reading a large here-document', async () => {
  const body = Array.from({ length: 5000 }, (_, i) => `l${i}`).join('\n');
  const r = await sh(`n=0; while read -r l; do n=$((n+1)); done <<EOF\n${body}\nEOF\necho $n`);
  assert.equal(r.stdout, '5000\n');
});
