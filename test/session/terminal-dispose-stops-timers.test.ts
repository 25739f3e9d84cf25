import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { TerminalLog } from '../../actors/terminal.ts';
import { chunksOf } from './terminal-screen.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const moduleUrl = new URL('../../actors/terminal.ts', import.meta.url).href;

/** Runs a child that leaves a trailing-edge flush (10 min window) and a compaction pending. */
function child(dispose: boolean, timeout: number) {
  const code = `
    import * as Y from 'yjs';
    import { TerminalLog } from ${JSON.stringify(moduleUrl)};
    const doc = new Y.Doc();
    const log = new TerminalLog(doc, { flushMs: 600000, retainChars: 10 });
    log.write('first'.repeat(200) + '\\r\\n');   // leading edge, flooding: arms the 10-minute window
    log.write('second\\r\\n');  // pending for the trailing edge
    ${dispose ? 'log.dispose(); log.write("ignored");' : ''}
    console.log(JSON.stringify(doc.getArray('terminal').toArray()));
  `;
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, timeout, encoding: 'utf8' });
}

test('dispose() flushes and clears timers: the process exits at once', () => {
  const t0 = Date.now();
  const r = child(true, 20_000);
  assert.equal(r.signal, null, `child did not exit: ${r.stderr}`);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(Date.now() - t0 < 15_000);
  assert.deepEqual(JSON.parse(r.stdout), ['first'.repeat(200) + '\r\n', 'second\r\n']);
});

test('control: without dispose() the pending window keeps the process alive', () => {
  const r = child(false, 1500);
  assert.equal(r.signal, 'SIGTERM'); // killed by the timeout
});

test('after dispose() writes, flushes, resizes and compactions are ignored', async () => {
  const doc = new Y.Doc();
  const log = new TerminalLog(doc, { flushMs: 5 });
  log.write('a');
  log.write('b');
  log.dispose();
  assert.deepEqual(chunksOf(doc), ['a', 'b']);
  assert.equal(doc.getMap('terminalMeta').get('bytes'), 2);
  let updates = 0;
  doc.on('update', () => { updates++; });
  log.write('c'); log.flush(); log.resize(100, 50); log.compact(); log.dispose();
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(updates, 0);
  assert.deepEqual(chunksOf(doc), ['a', 'b']);
});
