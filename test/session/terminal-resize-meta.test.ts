import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TerminalLog } from '../../actors/terminal.ts';

test('resize updates terminalMeta cols/rows in one transaction', () => {
  const doc = new Y.Doc();
  const meta = doc.getMap('terminalMeta');
  const log = new TerminalLog(doc, { cols: 100, rows: 30 });
  assert.deepEqual({ cols: meta.get('cols'), rows: meta.get('rows'), epoch: meta.get('epoch'), bytes: meta.get('bytes') }, { cols: 100, rows: 30, epoch: 0, bytes: 0 });
  const origins: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => { origins.push(tr.origin); });
  log.resize(120, 40);
  assert.equal(origins.length, 1);
  assert.equal(origins[0], log); // default origin: the TerminalLog itself
  assert.equal(meta.get('cols'), 120);
  assert.equal(meta.get('rows'), 40);
  log.resize(120, 40); // no change: no transaction
  assert.equal(origins.length, 1);
  log.write('$ ');
  log.resize(80, 24);  // with content: still one transaction (meta + re-render together)
  assert.equal(origins.length, 3);
  assert.equal(meta.get('cols'), 80);
  assert.throws(() => log.resize(0, 24), RangeError);
  log.dispose();
});

test('a custom origin is used for every doc change', () => {
  const doc = new Y.Doc();
  const origin = Symbol('server');
  const seen = new Set<unknown>();
  doc.on('update', (_u: Uint8Array, o: unknown) => { seen.add(o); });
  const log = new TerminalLog(doc, { origin, flushMs: 60_000 });
  log.write('a'); log.write('b'); log.flush(); log.resize(90, 20); log.compact(); log.write('c'); log.dispose();
  assert.deepEqual([...seen], [origin]);
});
