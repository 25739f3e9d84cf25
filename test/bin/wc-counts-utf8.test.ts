// wc -m and -L count characters and display columns in a UTF-8 locale (invalid bytes count as
// bytes only; wide characters take two columns; NBSP separates words), bytes in the C locale.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestBox } from './helpers.ts';

const utf8 = { LC_ALL: 'C.UTF-8' };

test('characters, columns and words in UTF-8', async () => {
  const box = new TestBox();
  let r = await box.run(['wc', '-mL'], { stdin: 'h\u00e9llo \u4e2d\u6587\n', env: utf8 });
  assert.equal(r.stdout, '      9      10\n');
  r = await box.run(['wc', '-c', '-m'], { stdin: new Uint8Array([0xc3, 0xa9, 0x74, 0xe9, 0x0a]), env: utf8 });
  assert.equal(r.stdout, '      3       5\n');
  r = await box.run(['wc', '-w'], { stdin: 'a\u00a0b c\n', env: utf8 });
  assert.equal(r.stdout, '3\n');
  r = await box.run(['wc', '-m'], { stdin: 'h\u00e9llo\n', env: { LC_ALL: 'C' } });
  assert.equal(r.stdout, '7\n');
});
