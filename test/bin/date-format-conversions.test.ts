// date's +FORMAT conversions, -R, -I and the default format match GNU date -u at fixed times.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox, gnu, hasGnu } from './helpers.ts';

const FORMATS = ['+%Y %m %d %H %M %S %s %j', '+%a %A %b %B %e %Z %z', '+%F %T %D', '+a%nb%tc%%d', '+%:z %u %w %y %C %p %I %R',
  '+%-d %_m %-j %e %k %l', '+%c', '+%^a %10Y'];

test('conversions match GNU date', { skip: !hasGnu }, async () => {
  const box = new TestBox();
  for (const when of ['@0', '@1764050400', '@951782400', '2026-11-25 06:05:09']) {
    for (const f of [...FORMATS, '-R', '-I', '-Iseconds', '-Iminutes', '']) {
      const args = ['date', '-u', '-d', when, ...(f ? [f] : [])];
      const r = await box.run(args);
      const g = gnu(args)!;
      assert.equal(r.stdout, g.stdout, args.join(' '));
      assert.equal(r.status, g.status);
    }
  }
});

test('now, invalid dates and setting', async () => {
  const box = new TestBox({ now: Date.UTC(2026, 10, 25, 6, 0, 0) });
  assert.equal((await box.run(['date'])).stdout, 'Wed Nov 25 06:00:00 UTC 2026\n');
  let r = await box.run(['date', '-d', 'bogus']);
  assert.deepEqual([r.status, r.stderr], [1, "date: invalid date 'bogus'\n"]);
  r = await box.run(['date', '010203042020']);
  assert.deepEqual([r.status, r.stderr], [1, 'date: cannot set date: Operation not permitted\n']);
});
