// seq's number formats: integer and decimal operands (exact: no floating point drift), -w
// widths, -s separators, -f printf formats, hex and exponent operands, and its errors.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Twin } from './helpers.ts';

const twin = new Twin({});
after(() => twin.dispose());

test('defaults and exact decimals', async () => {
  assert.equal((await twin.expectSame(['seq', '0', '0.5', '2'])).stdout, '0.0\n0.5\n1.0\n1.5\n2.0\n');
  assert.equal((await twin.expectSame(['seq', '0', '0.1', '0.3'])).stdout, '0.0\n0.1\n0.2\n0.3\n');
  assert.equal((await twin.expectSame(['seq', '-w', '8', '10'])).stdout, '08\n09\n10\n');
  for (const args of [['3'], ['5', '1'], ['1', '-1'], ['10', '-3', '1'], ['2', '-0.5', '1'], ['1.0', '3'], ['.5', '2'], ['-0', '2'],
    ['1e2', '1e2', '3e2'], ['1e-1', '0.1', '0.3'], ['0', '0.000001', '0.000003'], ['5.', '6'], ['-1e1', '-9'], [' 5', '6'],
    ['18446744073709551615', '18446744073709551617'], ['0x10', '0x12'], ['0.1', '0.1', '0.5'], ['1', '0.5', '2.5']]) {
    await twin.expectSame(['seq', ...args]);
  }
});

test('-w, -s and -f', async () => {
  for (const args of [['-w', '-1', '1'], ['-w', '0.5', '1', '3'], ['-w', '1', '1.5', '5'], ['-w', '007', '8'], ['-w', '1.5e1', '17'],
    ['-w', '-.5', '1'], ['-s,', '1', '3'], ['-s', '', '1', '3'], ['-s', ', ', '1', '3'], ['-f', '%03g', '1', '3'],
    ['-f', '%-5gx', '1', '2'], ['-f', '%+.3e', '1', '1'], ['-f', '%.2f', '1', '2'], ['-f', 'x%gy%%', '1', '2'], ['-f', '%a', '1', '2'],
    ['-f', '%.0f', '0.5', '1', '2.5'], ['-f', '%.10g', '0.1', '0.1', '0.3'], ['-f', '%#g', '1', '1'], ['-f', '%e', '123456789', '123456789'],
    ['-f', '%G', '1e-10', '1e-10'], ['-f', '%g', '1000000', '1000001'], ['-f', '%.3f', '0', '0.333', '1']]) {
    await twin.expectSame(['seq', ...args]);
  }
});

test('errors', async () => {
  for (const args of [[], ['x'], ['1', '0', '3'], ['1', '2', '3', '4'], ['nan'], ['-f', '%', '1'], ['-f', 'a', '1'], ['-f', '%g%g', '1'],
    ['-f', '%x', '1'], ['-w', '-f', '%g', '1', '2'], ['1', '2', '3', '-w']]) {
    const r = await twin.expectSame(['seq', ...args]);
    assert.equal(r.status, 1);
  }
});
