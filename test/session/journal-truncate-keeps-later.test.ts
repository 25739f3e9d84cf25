// truncateThrough(seq) drops records <= seq and keeps later ones; seqs keep increasing across
// truncation and reopening, even when the file holds no record at all.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { Journal } from '../../actors/journal.ts';
import { tempDir } from './sqlite-helper.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

test('truncation keeps later records, in order, and appends continue after them', (t) => {
  const path = join(tempDir(t), 'j.log');
  const j = Journal.open(path);
  for (let i = 1; i <= 10; i++) assert.equal(j.append(i % 3, bytes(`r${i}`)), i);
  const before = j.size;
  j.truncateThrough(6);
  assert.ok(j.size < before);
  assert.equal(existsSync(`${path}.tmp`), false);
  assert.equal(j.append(0, bytes('r11')), 11);
  j.truncateThrough(3); // already gone: nothing changes
  j.close();
  const j2 = Journal.open(path);
  assert.deepEqual(j2.records.map((r) => [r.seq, r.kind, text(r.payload)]),
    [[7, 1, 'r7'], [8, 2, 'r8'], [9, 0, 'r9'], [10, 1, 'r10'], [11, 0, 'r11']]);
  assert.equal(j2.size, j.size);
  j2.close();
});

test('an emptied journal remembers its next seq; minSeq raises it', (t) => {
  const path = join(tempDir(t), 'j.log');
  const j = Journal.open(path);
  for (let i = 0; i < 5; i++) j.append(1, bytes('x'));
  j.truncateThrough(5);
  assert.equal(j.size, 12, 'header only');
  j.close();
  const j2 = Journal.open(path);
  assert.equal(j2.records.length, 0);
  assert.equal(j2.append(1, bytes('y')), 6, 'no seq is reused after the file was emptied');
  j2.close();
  const j3 = Journal.open(path, { minSeq: 100 });
  assert.deepEqual(j3.records.map((r) => r.seq), [6]);
  assert.equal(j3.append(1, bytes('z')), 100);
  j3.close();
  assert.deepEqual(Journal.open(path).records.map((r) => r.seq), [6, 100]);
});
