// ls prints one name per line into a pipe or file, and fills columns (GNU's layout, tab stops
// every 8) when stdout is a terminal, using the terminal's width; -C/-x force columns off a
// terminal with COLUMNS or 80; names needing quotes are quoted on a terminal only.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Collector } from '../../kernel/collector.ts';
import { Source } from '../../kernel/source.ts';
import { Twin, defaultEnv } from './helpers.ts';

const tree: Record<string, string> = {};
for (let i = 1; i <= 30; i++) {
  tree[`file${i}`] = '';
  tree[`f${i}.txt`] = '';
}
const twin = new Twin(tree);
after(() => twin.dispose());

test('one per line into a pipe', async () => {
  const r = await twin.box.run(['ls'], { cwd: '/w' });
  assert.equal(r.stdout.split('\n').length, 61);
  assert.ok(r.stdout.startsWith('f1.txt\nf10.txt\nf11.txt\n'));
});

test('-C and -x match GNU for several widths', async () => {
  for (const w of ['80', '40', '120', '7']) {
    await twin.expectSame(['ls', '-C', '-w', w]);
    await twin.expectSame(['ls', '-x', '-w', w]);
    await twin.expectSame(['ls', '-m', '-w', w]);
  }
  const r = await twin.box.run(['ls', '-C'], { cwd: '/w', env: { COLUMNS: '50' } });
  const w50 = await twin.box.run(['ls', '-C', '-w', '50'], { cwd: '/w' });
  const w80 = await twin.box.run(['ls', '-C'], { cwd: '/w' });
  assert.equal(r.stdout, w50.stdout);
  assert.notEqual(r.stdout, w80.stdout);
  assert.equal(w80.stdout.split('\n')[0], 'f1.txt\t f16.txt  f22.txt  f29.txt  f8.txt  file14  file20  file27  file6');
});

test('columns on a terminal, sized by the terminal', async () => {
  const box = twin.box;
  const { master, slave, pty } = box.kernel.openPty({ cols: 60, rows: 24 });
  const err = new Collector(1 << 20);
  box.write('/w/a b', '');
  const h = box.kernel.spawnRoot({
    argv: ['ls'], env: { ...defaultEnv }, cwd: '/w', stdio: [new Source(new Uint8Array(0)), slave, err], ctty: pty,
  });
  slave.close();
  let text = '';
  const reading = (async () => {
    for (;;) {
      const c = await master.read(65536);
      if (c.length === 0) break;
      text += new TextDecoder().decode(c);
      if (text.includes('file9\r\n')) break;
    }
  })();
  const st = await h.wait();
  await Promise.race([reading, new Promise((r) => setTimeout(r, 1000))]);
  master.close();
  box.vfs.unlink(box.ctx, '/w/a b');
  assert.equal(st.status, 0, err.text());
  const lines = text.replace(/\r\n/g, '\n').split('\n').filter(Boolean);
  assert.ok(lines.length > 1 && lines.length < 61, `expected columns, got ${JSON.stringify(text)}`);
  // the quoted name, and the space that aligns unquoted names with it
  assert.ok(lines[0]!.startsWith("'a b'"), lines[0]);
  assert.ok(lines[1]!.startsWith(' f'), lines[1]);
  for (const l of lines) assert.ok(l.length <= 60, l);
});
