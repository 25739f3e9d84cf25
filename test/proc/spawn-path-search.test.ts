// spawn resolves argv[0] through env.PATH (first executable regular file wins), runs the
// registered program behind a /bin entry, and fails like execvp: ENOENT, EACCES.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeKernel, program, runRoot } from './helpers.ts';

function kernelWithTools() {
  const k = makeKernel(undefined, (img) => {
    img.writeFile('/usr/local/bin/tool', 'not executable', 0o644);
    img.writeFile('/opt/noexec', 'data', 0o644);
  });
  k.registerProgram(program('tool', async (p) => { await p.write(1, `tool ${p.argv.join(' ')}\n`); return 3; }), ['/usr/bin/tool']);
  k.registerProgram(program('other', async (p) => { await p.write(1, 'other\n'); return 0; }), ['/bin/tool']);
  return k;
}

test('PATH order decides; non-executable candidates are skipped', async () => {
  const k = kernelWithTools();
  const prog = program('t', async (p) => {
    const pid = p.spawn({ argv: ['tool', 'x'], env: { PATH: '/usr/local/bin:/usr/bin:/bin' } });
    const st = await p.wait(pid);
    const pid2 = p.spawn({ argv: ['tool'], env: { PATH: '/bin:/usr/bin' } });
    await p.wait(pid2);
    assert.equal(p.which('tool'), '/usr/bin/tool');
    assert.equal(p.which('nope'), null);
    return st!.status;
  });
  const r = await runRoot(k, prog, ['t'], { PATH: '/usr/local/bin:/usr/bin:/bin' });
  assert.equal(r.out, 'tool tool x\nother\n');
  assert.equal(r.status, 3);
});

test('errors: ENOENT for unknown names, EACCES for non-executable files and directories', async () => {
  const k = kernelWithTools();
  const prog = program('t', async (p) => {
    assert.throws(() => p.spawn({ argv: ['nosuch'] }), { code: 'ENOENT' });
    assert.throws(() => p.spawn({ argv: ['/opt/noexec'] }), { code: 'EACCES' });
    assert.throws(() => p.spawn({ argv: ['/usr'] }), { code: 'EACCES' });
    assert.throws(() => p.spawn({ argv: ['tool'], env: { PATH: '/usr/local/bin' } }), { code: 'EACCES' });
    assert.throws(() => p.spawn({ argv: ['/bin/missing'] }), { code: 'ENOENT' });
    // an explicit path bypasses PATH
    await p.wait(p.spawn({ argv: ['renamed'], path: '/bin/tool' }));
    return 0;
  });
  const r = await runRoot(k, prog);
  assert.equal(r.status, 0);
  assert.equal(r.out, 'other\n');
});
