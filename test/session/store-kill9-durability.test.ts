// kill -9 while appending and replicating: every record whose append returned (acknowledged) is
// there after reopening (SQLite + journal replay), exactly once and in order, nothing corrupt.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SessionStore } from '../../actors/store.ts';
import { openSqlite, tempDir } from './sqlite-helper.ts';

const writer = fileURLToPath(new URL('./fixtures/store-writer.ts', import.meta.url));
const num = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(0, true);

/** Runs the writer until it acknowledged `acks` records after at least one replication, then SIGKILLs it. */
function runAndKill(dbPath: string, journalPath: string, acks: number): Promise<{ start: number; maxAck: number; replicated: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dbPath, journalPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '', err = '', start = -1, maxAck = -1, replicated = 0, seen = 0, killed = false;
    child.stderr.on('data', (d) => { err += d; });
    child.stdout.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        const [w, n] = l.split(' ');
        if (w === 'start') start = Number(n);
        else if (w === 'ack') { maxAck = Number(n); seen++; }
        else if (w === 'rep') replicated = Math.max(replicated, Number(n));
      }
      if (!killed && seen >= acks && replicated > 0) { killed = true; child.kill('SIGKILL'); }
    });
    child.on('exit', (code, sig) => {
      if (sig === 'SIGKILL') resolve({ start, maxAck, replicated });
      else reject(new Error(`writer exited ${code} ${sig}: ${err}`));
    });
  });
}

test('acknowledged records survive SIGKILL, in order, exactly once', { timeout: 120_000 }, async (t) => {
  const dir = tempDir(t);
  const dbPath = join(dir, 'actor.sqlite');
  const journalPath = join(dir, 'journal.log');
  let expectStart = 0;
  for (let round = 0; round < 3; round++) {
    const { start, maxAck, replicated } = await runAndKill(dbPath, journalPath, 300 + Math.floor(Math.random() * 3000));
    assert.equal(start, expectStart, 'the writer resumed after the last record it stored');
    assert.ok(maxAck >= start && replicated > 0);

    const db = openSqlite(dbPath);
    const { store, loaded } = await SessionStore.open({ db, journalPath, replicateMs: 60_000 });
    const got = loaded.docUpdates.map(num);
    const last = got.length - 1;
    assert.ok(last >= maxAck, `acknowledged record ${maxAck} lost (have up to ${last})`);
    assert.ok(last <= maxAck + 1, 'at most the one record being appended at the kill is extra');
    got.forEach((v, i) => { if (v !== i) assert.fail(`doc update #${i} is ${v}`); });
    // Per record the writer appends doc, then file, then meta: a kill can split that group.
    const metaLast = Number(loaded.meta.last);
    assert.ok(metaLast >= maxAck && metaLast <= last, `meta.last ${metaLast}`);
    for (let k = 0; k < 7 && k <= metaLast; k++) {
      const f = loaded.files.find((r) => r.path === `/f/${k}`);
      assert.ok(f !== undefined && f.type === 'file' && f.data!.length === 4, `file /f/${k}`);
      const want = metaLast - ((metaLast - k) % 7 + 7) % 7;
      const v = num(f.data!);
      assert.ok(v === want || (v === last && last % 7 === k), `file /f/${k} holds ${v}, want ${want}`);
      assert.equal(f.mtimeMs, v);
    }
    await store.close(); // replicates the replayed tail and truncates the journal
    db.close();
    expectStart = got.length;
  }
});
