// Canonical mode: input is echoed (ONLCR turns \n into \r\n), ^? / ^H erase a character
// ("\b \b"), ^U kills the line, ^W erases a word, ^V quotes the next character, ICRNL makes
// Enter (\r) end the line, and the program reads one whole edited line per read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dec, makeKernel, program } from '../proc/helpers.ts';
import { openTerm } from './helpers.ts';

const lineEcho = program('lines', async (p) => {
  for (;;) {
    const line = await p.read(0);
    if (line.length === 0) return 0;
    await p.write(1, `got:${JSON.stringify(dec.decode(line))}\n`);
  }
});

test('echo, erase, and one line per read', async () => {
  const k = makeKernel();
  const t = openTerm(k, lineEcho);
  assert.ok(k.process(t.handle.pid)!.isatty(0));
  t.type('hex\x7flo\r');
  await t.waitFor('got:');
  assert.equal(t.screen(), 'hex\b \blo\r\ngot:"helo\\n"\r\n');
  k.dispose();
});

test('^U kills the line, ^W erases a word, ^H erases, ^V quotes', async () => {
  const k = makeKernel();
  const t = openTerm(k, lineEcho);
  t.type('junk\x15one two\x17three\x08E\x16\x03x\n');
  await t.waitFor('got:');
  assert.equal(JSON.parse(t.screen().split('got:')[1]!.trim()), 'one threE\x03x\n');
  // echo: "junk", 4 × "\b \b", "one two", 3 × "\b \b" (word), "three", "\b \b", "E", "^\b" then "^C", "x", "\r\n"
  const echo = t.screen().split('got:')[0];
  assert.equal(echo, `junk${'\b \b'.repeat(4)}one two${'\b \b'.repeat(3)}three\b \bE^\b^Cx\r\n`);
  k.dispose();
});

test('two lines typed at once come back as two reads; a small read splits a line', async () => {
  const k = makeKernel();
  const reads: string[] = [];
  const prog = program('r', async (p) => {
    reads.push(dec.decode(await p.read(0)));
    reads.push(dec.decode(await p.read(0, 2)));
    reads.push(dec.decode(await p.read(0)));
    return 0;
  });
  const t = openTerm(k, prog);
  t.type('first\rsecond\r');
  await t.handle.wait();
  assert.deepEqual(reads, ['first\n', 'se', 'cond\n']);
  k.dispose();
});

test('program output gets ONLCR; echo off hides input', async () => {
  const k = makeKernel();
  const prog = program('pw', async (p) => {
    const f = p.file(0);
    const tio = f.ioctl!('TCGETS') as { lflag: number };
    f.ioctl!('TCSETS', { lflag: tio.lflag & ~0o10 });
    await p.write(1, 'Password: ');
    const pw = await p.read(0);
    await p.write(1, `\nlen=${pw.length - 1}\n`);
    return 0;
  });
  const t = openTerm(k, prog);
  await t.waitFor('Password: ');
  t.type('secret\r');
  await t.handle.wait();
  await t.waitFor('len=6');
  assert.equal(t.screen(), 'Password: \r\nlen=6\r\n');
  k.dispose();
});

test('erasing a tab moves back to the column before it; UTF-8 characters erase whole', async () => {
  const k = makeKernel();
  const t = openTerm(k, lineEcho);
  t.type('ab\tc\x7f\x7f\x7fé\x7fz\r');
  await t.waitFor('got:');
  const [echo, got] = t.screen().split('got:');
  assert.equal(JSON.parse(got!.trim()), 'az\n');
  assert.equal(echo, `ab\tc\b \b${'\b'.repeat(6)}\b \bé\b \bz\r\n`);
  k.dispose();
});
