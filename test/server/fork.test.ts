// Forking a session: the fork starts with the parent's files (copy-on-write), the two diverge
// independently afterwards, each has its own tokens, and the directory records the lineage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, createSession, api } from './helpers.ts';
import type { AgentvmServer } from '../../web/server.ts';

/** Every regular file under `dir` (recursively, via the REST listing) → its bytes, base64. */
async function snapshot(srv: AgentvmServer, id: string, token: string, dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const ls = await api(srv, 'GET', `/api/sessions/${id}/files?path=${encodeURIComponent(dir)}&list`, token);
  assert.equal(ls.status, 200, JSON.stringify(ls.json));
  for (const e of ls.json.entries as { name: string; type: string }[]) {
    const p = `${dir.replace(/\/$/, '')}/${e.name}`;
    if (e.type === 'dir') Object.assign(out, await snapshot(srv, id, token, p));
    else if (e.type === 'file') {
      const r = await fetch(`${srv.url}/api/sessions/${id}/files?path=${encodeURIComponent(p)}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(r.status, 200);
      out[p] = Buffer.from(await r.arrayBuffer()).toString('base64');
    }
  }
  return out;
}

test('a fork starts with the parent\'s files and then diverges; tokens are per session', async () => {
  const env = await withServer();
  try {
    const srv = env.server;
    const parent = await createSession(srv, 'parent');
    const exec = async (id: string, token: string, script: string) => {
      const r = await api(srv, 'POST', `/api/sessions/${id}/exec`, token, { script });
      assert.equal(r.status, 200, JSON.stringify(r.json));
      return r.json as { stdout: string; exitCode: number };
    };
    await exec(parent.id, parent.token, 'mkdir -p /home/user/proj/src && echo one > /home/user/proj/a.txt && printf "int main(){}\\n" > /home/user/proj/src/m.c && echo tmp > /tmp/t.txt');
    const blob = new Uint8Array(200 * 1024);
    for (let i = 0; i < blob.length; i++) blob[i] = (i * 13 + 7) % 256;
    const put = await fetch(`${srv.url}/api/sessions/${parent.id}/files?path=/home/user/proj/blob.bin`, { method: 'PUT', headers: { authorization: `Bearer ${parent.token}` }, body: blob });
    assert.equal(put.status, 200);
    const before = await snapshot(srv, parent.id, parent.token, '/home/user');
    assert.ok(Object.keys(before).length >= 3);

    // only an owner may fork
    const drv = await api(srv, 'POST', `/api/sessions/${parent.id}/share`, parent.token, { role: 'driver', name: 'dora' });
    const refused = await api(srv, 'POST', `/api/sessions/${parent.id}/fork`, drv.json.token, {});
    assert.equal(refused.status, 403);
    assert.equal(refused.json.error.code, 'FORBIDDEN');

    const f = await api(srv, 'POST', `/api/sessions/${parent.id}/fork`, parent.token, {});
    assert.equal(f.status, 201, JSON.stringify(f.json));
    const fork = { id: f.json.id as string, token: f.json.token as string };
    assert.notEqual(fork.id, parent.id);
    assert.notEqual(fork.token, parent.token);
    assert.equal(f.json.forkOf, parent.id);
    assert.equal(f.json.name, 'parent (fork)');
    assert.equal(f.json.grant.role, 'owner');
    assert.match(f.json.socket.url, new RegExp(`/sessions/${fork.id}$`));

    // the fork has the parent's files at fork time, byte for byte
    assert.deepEqual(await snapshot(srv, fork.id, fork.token, '/home/user'), before);
    assert.equal((await exec(fork.id, fork.token, 'cat /tmp/t.txt')).stdout, 'tmp\n');

    // each side changes independently afterwards
    await exec(parent.id, parent.token, 'echo parent-only > /home/user/proj/a.txt; echo p > /home/user/proj/p-new.txt; rm /home/user/proj/src/m.c');
    await exec(fork.id, fork.token, 'echo fork-only >> /home/user/proj/a.txt; echo f > /home/user/proj/f-new.txt');
    assert.equal((await exec(parent.id, parent.token, 'cat /home/user/proj/a.txt; ls /home/user/proj | tr "\\n" " "')).stdout, 'parent-only\na.txt blob.bin p-new.txt src ');
    assert.equal((await exec(fork.id, fork.token, 'cat /home/user/proj/a.txt; ls /home/user/proj | tr "\\n" " "')).stdout, 'one\nfork-only\na.txt blob.bin f-new.txt src ');
    assert.equal((await exec(fork.id, fork.token, 'cat /home/user/proj/src/m.c')).stdout, 'int main(){}\n');
    const missing = await api(srv, 'GET', `/api/sessions/${parent.id}/files?path=/home/user/proj/f-new.txt`, parent.token);
    assert.equal(missing.status, 404);

    // tokens are per session
    const cross = await api(srv, 'GET', `/api/sessions/${fork.id}`, parent.token);
    assert.equal(cross.status, 401);
    assert.equal(cross.json.error.code, 'UNAUTHORIZED');
    const crossExec = await api(srv, 'POST', `/api/sessions/${fork.id}/exec`, parent.token, { script: 'echo hi' });
    assert.equal(crossExec.status, 401);
    assert.equal((await api(srv, 'GET', `/api/sessions/${parent.id}`, fork.token)).status, 401);
    assert.equal((await api(srv, 'GET', `/api/sessions/${fork.id}`, drv.json.token)).status, 401, 'share links do not carry over');
    const info = await api(srv, 'GET', `/api/sessions/${fork.id}`, fork.token);
    assert.equal(info.status, 200);
    assert.equal(info.json.forkOf, parent.id);

    // the lineage is in both logs and in the directory
    const pev = (await api(srv, 'GET', `/api/sessions/${parent.id}/events`, parent.token)).json.events;
    assert.ok(pev.some((e: { type: string; into?: string }) => e.type === 'session.forked' && e.into === fork.id));
    const named = await api(srv, 'POST', `/api/sessions/${fork.id}/fork`, fork.token, { name: 'grandchild' });
    assert.equal(named.status, 201, JSON.stringify(named.json));
    assert.equal(named.json.name, 'grandchild');
    assert.equal((await exec(named.json.id, named.json.token, 'cat /home/user/proj/f-new.txt')).stdout, 'f\n');
    const list = await api(srv, 'GET', '/api/sessions', srv.apiToken);
    assert.equal(list.status, 200);
    const byId = new Map(list.json.sessions.map((e: { id: string }) => [e.id, e]));
    assert.deepEqual(
      [parent.id, fork.id, named.json.id].map((id) => { const e = byId.get(id) as { name: string; forkOf: string | null; closed: boolean }; return [e.name, e.forkOf, e.closed]; }),
      [['parent', null, false], ['parent (fork)', parent.id, false], ['grandchild', fork.id, false]],
    );
  } finally { await env.done(); }
});
