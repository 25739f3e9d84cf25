// execve of a `#!` file runs the interpreter with [interp, optional-arg, script, args...];
// files without a known format fail with ENOEXEC (the shell then runs them itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeKernel, program, runRoot } from './helpers.ts';

test('#! runs the interpreter with the script path and args', async () => {
  const k = makeKernel(undefined, (img) => {
    img.writeFile('/usr/bin/hello', '#!/bin/interp -x  \necho hi\n', 0o755);
    img.writeFile('/usr/bin/noarg', '#!/bin/interp\n', 0o755);
    img.writeFile('/usr/bin/nested', '#! /usr/bin/noarg\n', 0o755);
    img.writeFile('/usr/bin/plain', 'echo no shebang\n', 0o755);
    img.writeFile('/usr/bin/badinterp', '#!/nonexistent/sh\n', 0o755);
  });
  k.registerProgram(program('interp', async (p) => { await p.write(1, `${JSON.stringify(p.argv)}\n`); return 0; }), ['/bin/interp']);
  const prog = program('t', async (p) => {
    await p.wait(p.spawn({ argv: ['hello', 'a', 'b'] }));
    await p.wait(p.spawn({ argv: ['noarg'] }));
    await p.wait(p.spawn({ argv: ['nested', 'z'] }));
    assert.throws(() => p.spawn({ argv: ['plain'] }), { code: 'ENOEXEC' });
    assert.throws(() => p.spawn({ argv: ['badinterp'] }), { code: 'ENOENT' });
    return 0;
  });
  const r = await runRoot(k, prog, ['t'], { PATH: '/usr/bin:/bin' });
  assert.equal(r.status, 0);
  assert.equal(r.out, [
    '["/bin/interp","-x","/usr/bin/hello","a","b"]',
    '["/bin/interp","/usr/bin/noarg"]',
    '["/bin/interp","/usr/bin/noarg","/usr/bin/nested","z"]',
    '',
  ].join('\n'));
});
