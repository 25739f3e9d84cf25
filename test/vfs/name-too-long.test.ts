import { test } from 'node:test';
import { resolveLimits } from '../../kernel/limits.ts';
import { Vfs } from '../../kernel/vfs/vfs.ts';
import { enc, throwsCode, user } from './helpers.ts';

test('components longer than nameMax and paths of pathMax or more are ENAMETOOLONG', () => {
  const vfs = new Vfs();
  const u = user();
  vfs.writeFile(u, 'x'.repeat(255), enc(''));
  throwsCode(() => vfs.writeFile(u, 'x'.repeat(256), enc('')), 'ENAMETOOLONG');
  throwsCode(() => vfs.stat(u, `/tmp/${'y'.repeat(256)}/z`), 'ENAMETOOLONG');
  throwsCode(() => vfs.stat(u, `/${'a/'.repeat(2048)}`), 'ENAMETOOLONG');
  throwsCode(() => vfs.symlink(u, 'p'.repeat(4096), 'l'), 'ENAMETOOLONG');
  const small = new Vfs({ limits: resolveLimits({ nameMax: 4, pathMax: 16 }) });
  throwsCode(() => small.mkdir(u, '/tmp/abcde'), 'ENAMETOOLONG');
  throwsCode(() => small.stat(u, '/tmp/../tmp/../tmp'), 'ENAMETOOLONG');
  small.mkdir(u, '/tmp/abcd');
});
