// `agentvm attach` / `agentvm new`: this terminal joins a live session as a participant. Output is
// the shared terminal (replayed from the start for a late joiner); keys go to the session's PTY
// when you drive. Ctrl-] then a key steers: r request control, t take, l release, g grant to the
// oldest request, o / d print an observer / driver share link, q quit.

import { WebSocket } from 'ws';
import { SessionClient } from './client.ts';

const PREFIX = 0x1d; // Ctrl-]

function httpBase(socketUrl: string): { base: string; id: string } {
  const u = new URL(socketUrl);
  const m = /^\/sessions\/([^/]+)/.exec(u.pathname);
  if (!m) throw new Error(`not a session socket URL: ${socketUrl} (expected ws://HOST:PORT/sessions/<id>)`);
  return { base: `${u.protocol === 'wss:' ? 'https' : 'http'}://${u.host}`, id: m[1]! };
}

export async function attach(socketUrl: string, token: string): Promise<number> {
  const { base, id } = httpBase(socketUrl);
  const client = new SessionClient({ url: socketUrl, token, WebSocket });
  const out = process.stdout;
  const note = (msg: string) => out.write(`\r\n\x1b[7m[agentvm] ${msg}\x1b[0m\r\n`);
  try { await client.synced(20_000); } catch (e) {
    process.stderr.write(`agentvm: could not join the session: ${(e as Error).message} (is the token right?)\n`);
    client.destroy();
    return 1;
  }
  const term = client.doc.getArray<string>('terminal');
  const meta = client.doc.getMap('terminalMeta');
  let epoch = meta.get('epoch');
  let shown = 0;
  const render = () => {
    if (meta.get('epoch') !== epoch) { epoch = meta.get('epoch'); shown = 0; out.write('\x1b[H\x1b[2J\x1b[3J'); }
    if (term.length < shown) shown = 0;
    for (let i = shown; i < term.length; i++) out.write(term.get(i));
    shown = term.length;
  };
  render();
  client.doc.on('update', render);
  const me = client.hello!;
  note(`joined session ${id} as ${me.name} (${me.role}); ${client.driver ? `${client.driver.name} drives` : 'nobody drives'} — Ctrl-] then r/t/l/g/o/d/q`);
  let lastDriver = client.driver?.id;
  client.doc.getMap('session').observe(() => {
    const d = client.driver;
    if (d?.id !== lastDriver) { lastDriver = d?.id; note(d ? `${d.id === me.grant ? 'you drive now' : `${d.name} drives now`}` : 'nobody drives now'); }
  });
  client.onMessage((m) => { if (m.t === 'error') note(`${m.code}: ${m.message}`); });
  const resize = () => { if (client.driver?.id === me.grant && out.columns) { try { client.resize(out.columns, out.rows); } catch { /* offline */ } } };
  out.on('resize', resize);
  resize();

  const share = async (role: 'observer' | 'driver') => {
    const r = await fetch(`${base}/api/sessions/${id}/share`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ role }),
    });
    const j = await r.json() as { token?: string; error?: { message: string } };
    note(j.token ? `${role} link: agentvm attach ${socketUrl} ${j.token}` : `share failed: ${j.error?.message}`);
  };

  return await new Promise<number>((resolve) => {
    const stdin = process.stdin;
    if (stdin.isTTY) stdin.setRawMode(true);
    let prefixed = false;
    const finish = (code: number) => {
      stdin.off('data', onData);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      client.destroy();
      out.write('\r\n');
      resolve(code);
    };
    const onData = (buf: Buffer) => {
      for (let i = 0; i < buf.length; i++) {
        const b = buf[i]!;
        if (prefixed) {
          prefixed = false;
          const k = String.fromCharCode(b);
          try {
            if (k === 'q') { finish(0); return; }
            else if (k === 'r') client.requestControl();
            else if (k === 't') client.takeControl();
            else if (k === 'l') client.releaseControl();
            else if (k === 'g') {
              const req = (client.doc.getMap('session').get('requests') as { id: string; name: string }[] | undefined)?.[0];
              if (req) client.grantControl(req.id); else note('nobody has asked for control');
            } else if (k === 'o' || k === 'd') void share(k === 'o' ? 'observer' : 'driver');
            else if (b === PREFIX) client.input(String.fromCharCode(PREFIX));
            else note('Ctrl-] then: r request control, t take, l release, g grant, o/d share link, q quit');
          } catch (e) { note((e as Error).message); }
          continue;
        }
        if (b === PREFIX) { prefixed = true; continue; }
        const start = i;
        while (i + 1 < buf.length && buf[i + 1] !== PREFIX) i++;
        if (client.driver?.id !== me.grant) { note('you are watching: Ctrl-] r asks for control'); continue; }
        try { client.input(buf.subarray(start, i + 1).toString('utf8')); } catch (e) { note((e as Error).message); }
      }
    };
    stdin.on('data', onData);
    stdin.resume();
    client.provider.on('connection-close', () => note('connection lost: reconnecting…'));
  });
}

/** Creates a session on a running server and attaches to it. */
export async function createAndAttach(server: string, apiToken: string, name?: string): Promise<number> {
  const r = await fetch(`${server}/api/sessions`, {
    method: 'POST', headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: name ?? 'session' }),
  });
  const j = await r.json() as { id?: string; token?: string; socket?: { url: string }; error?: { code: string; message: string } };
  if (!r.ok || !j.socket || !j.token) {
    process.stderr.write(`agentvm: could not create a session: ${j.error ? `${j.error.code}: ${j.error.message}` : r.status}\n`);
    return 1;
  }
  process.stderr.write(`session ${j.id} — owner token ${j.token}\nanother terminal can join with: agentvm attach ${j.socket.url} <token> (Ctrl-] o prints an observer link)\n`);
  return attach(j.socket.url, j.token);
}
