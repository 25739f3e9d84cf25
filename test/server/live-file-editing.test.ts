// Live editing of a VM file: two editors (owner and driver link) type into the shared Y.Text at
// once, the shell appends to the same file, and the file, the server and every client end with
// the same merged text. An observer's edit never reaches the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, connect, api } from './helpers.ts';

const PATH = '/home/user/notes.txt';

function until(pred: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = async () => {
      try { if (await pred()) return resolve(); } catch (e) { return reject(e); }
      if (Date.now() - t0 > ms) return reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      setTimeout(tick, 25);
    };
    void tick();
  });
}

test('concurrent editors and the shell converge on one file; an observer\'s edit is refused', async () => {
  const env = await withServer();
  const clients: ReturnType<typeof connect>[] = [];
  try {
    const srv = env.server;
    const s = await createSession(srv);
    const base = `/api/sessions/${s.id}`;
    const readFile = async () => {
      const r = await fetch(`${srv.url}${base}/files?path=${encodeURIComponent(PATH)}`, { headers: { authorization: `Bearer ${s.token}` } });
      assert.equal(r.status, 200);
      return r.text();
    };
    const drv = await api(srv, 'POST', `${base}/share`, s.token, { role: 'driver', name: 'bea' });
    const obs = await api(srv, 'POST', `${base}/share`, s.token, { role: 'observer', name: 'otto' });
    const put = await api(srv, 'PUT', `${base}/files?path=${PATH}`, s.token, 'line1\nline2\n');
    assert.equal(put.status, 200);

    const a = connect(s.url, s.token);
    const b = connect(s.url, drv.json.token);
    const o = connect(s.url, obs.json.token);
    clients.push(a, b, o);
    await Promise.all(clients.map((c) => c.synced()));
    assert.equal(b.hello?.role, 'driver');
    await a.waitFor(() => a.terminalText.includes('$ '), 10_000, 'prompt');

    // observers cannot open files
    o.openFile(PATH);
    await o.waitFor(() => o.errors.some((e) => e.code === 'FORBIDDEN'), 5000, 'observer may not open');

    a.openFile(PATH);
    for (const c of clients) await c.waitFor(() => c.fileText(PATH).toString() === 'line1\nline2\n' && c.doc.getMap('open').has(PATH), 10_000, 'file open everywhere');
    assert.ok(a.events.some((e) => e.type === 'file.opened' && e.path === PATH));

    // a and b edit at the same moment, each without having seen the other's edit
    const ta = a.fileText(PATH);
    const tb = b.fileText(PATH);
    ta.insert(0, 'alpha ');
    tb.insert(tb.length, 'beta\n');
    tb.insert(tb.toString().indexOf('line2'), '>');
    const merged = 'alpha line1\n>line2\nbeta\n';
    for (const c of clients) await c.waitFor(() => c.fileText(PATH).toString() === merged, 10_000, `merged text on ${c.hello?.name}`);
    await until(async () => (await readFile()) === merged, 10_000, 'merged text in the VFS');

    // the shell appends to the file; every editor sees it
    a.input(`echo tail >> ${PATH}\r`);
    const final = merged + 'tail\n';
    for (const c of clients) await c.waitFor(() => c.fileText(PATH).toString() === final, 10_000, `shell append on ${c.hello?.name}`);
    assert.equal(await readFile(), final);
    const viaExec = await api(srv, 'POST', `${base}/exec`, s.token, { script: `cat ${PATH}` });
    assert.equal(viaExec.json.stdout, final);

    // an editor types at the top while a REST exec appends at the bottom: both survive
    const again = api(srv, 'POST', `${base}/exec`, s.token, { script: `echo more >> ${PATH}` });
    tb.insert(0, 'B:');
    assert.equal((await again).status, 200);
    const final2 = 'B:alpha line1\n>line2\nbeta\ntail\nmore\n';
    for (const c of clients) await c.waitFor(() => c.fileText(PATH).toString() === final2, 10_000, `exec edit + typing on ${c.hello?.name}`);
    await until(async () => (await readFile()) === final2, 10_000, 'exec edit + typing in the VFS');

    // the observer's edit is refused: the server's text and file are unchanged, the refusal is logged
    o.fileText(PATH).insert(0, 'EVIL ');
    await a.waitFor(() => a.events.some((e) => e.type === 'write.rejected' && e.by?.name === 'otto'), 10_000, 'refusal logged');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await readFile(), final2);
    assert.equal(a.fileText(PATH).toString(), final2);
    assert.equal(b.fileText(PATH).toString(), final2);
    // a fresh client syncs the server's text, without the observer's edit
    const late = connect(s.url, s.token);
    clients.push(late);
    await late.synced();
    await late.waitFor(() => late.fileText(PATH).toString() === final2, 5000, 'late joiner text');
  } finally {
    for (const c of clients) c.destroy();
    await env.done();
  }
});
