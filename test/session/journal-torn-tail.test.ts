// A record torn by a kill mid-write (or corrupted after a power loss) is detected by its length /
// checksum and dropped with everything after it; the file is cut there so new appends stay readable.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appendFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { Journal } from '../../actors/journal.ts';
import { tempDir } from './sqlite-helper.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

test('a torn last record is dropped, earlier ones survive, later appends are readable', (t) => {
  const path = join(tempDir(t), 'deep', 'dir', 'j.log');
  const j = Journal.open(path);
  assert.equal(j.records.length, 0);
  assert.equal(j.append(1, bytes('one')), 1);
  assert.equal(j.append(2, bytes('two')), 2);
  assert.equal(j.append(3, bytes('three-is-longer')), 3);
  const full = j.size;
  assert.equal(statSync(path).size, full);
  j.close();

  truncateSync(path, full - 5); // the last write got only partly into the file
  const j2 = Journal.open(path);
  assert.deepEqual(j2.records.map((r) => [r.seq, r.kind, text(r.payload)]), [[1, 1, 'one'], [2, 2, 'two']]);
  assert.ok(statSync(path).size < full - 5, 'the torn bytes were cut off');
  assert.equal(j2.append(4, bytes('four')), 3, 'the torn record never happened: its seq is reused');
  j2.close();
  assert.deepEqual(Journal.open(path).records.map((r) => text(r.payload)), ['one', 'two', 'four']);
});

test('a record whose bytes changed fails its checksum; garbage after the last record is ignored', (t) => {
  const path = join(tempDir(t), 'j.log');
  const j = Journal.open(path);
  j.append(7, bytes('keep'));
  j.append(7, bytes('flip me'));
  j.close();
  const b = readFileSync(path);
  b[b.length - 2] ^= 0x20; // one bit of the last payload
  writeFileSync(path, b);
  appendFileSync(path, new Uint8Array(40).fill(0)); // zeros, as after a power loss
  const j2 = Journal.open(path);
  assert.deepEqual(j2.records.map((r) => text(r.payload)), ['keep']);
  j2.close();
});

test('a file that is not a journal is refused rather than overwritten', (t) => {
  const path = join(tempDir(t), 'j.log');
  writeFileSync(path, 'this is somebody else\'s file');
  assert.throws(() => Journal.open(path), /not an agentvm journal/);
  assert.equal(readFileSync(path, 'utf8'), 'this is somebody else\'s file');
});
