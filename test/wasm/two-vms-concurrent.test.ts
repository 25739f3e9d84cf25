import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, vmWith } from './helpers.ts';

test('two VMs run WASM pipelines at the same time, interleaved, without mixing', { skip: skipReason }, async () => {
  await using a = await vmWith(['wcat', 'wfs']);
  await using b = await vmWith(['wcat', 'wfs']);
  const script = (tag: string): string =>
    `seq 1 50000 | wcat | wcat | tail -1; wfs write /tmp/${tag} ${tag}; wcat /tmp/${tag}; echo; ls /tmp`;
  let overlap = false;
  const pa = a.exec(script('alpha'));
  const pb = b.exec(script('beta'));
  // both are in flight at once: each has live processes while the other does
  await new Promise((res) => setTimeout(res, 5));
  overlap = a.processes().length > 0 && b.processes().length > 0;
  const [ra, rb] = await Promise.all([pa, pb]);
  assert.ok(overlap, 'both VMs had running processes at the same moment');
  assert.equal(ra.stdout, '50000\nalpha\nalpha\n');
  assert.equal(rb.stdout, '50000\nbeta\nbeta\n');
});
