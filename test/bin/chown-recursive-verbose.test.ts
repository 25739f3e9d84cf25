import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from '../../index.ts';

// chown -R walks the tree (GNU's -v wording; directories after their contents, as fts's post-order
// visit: checked against Debian's coreutils), and a non-root user cannot give files away.
test('chown -R -v reports each entry; giving a file to root is refused', async () => {
  await using vm = await createVM({ env: { LC_ALL: 'C' } });
  const r = await vm.exec('mkdir -p d/e; touch d/e/f; chown -R -v user:user d; chown root d; echo $?; chgrp -R -f nosuchgroup d; echo $?');
  assert.equal(r.stdout,
    "ownership of 'd/e/f' retained as user:user\nownership of 'd/e' retained as user:user\nownership of 'd' retained as user:user\n1\n1\n");
  assert.equal(r.stderr, "chown: changing ownership of 'd': Operation not permitted\nchgrp: invalid group: 'nosuchgroup'\n");
});
