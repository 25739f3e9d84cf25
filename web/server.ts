// `agentvm serve`: one port for the REST API, the sessions' Yjs WebSocket and (issue 5) the web
// pane. Sessions are RivetKit actors; this process is also one of the engine's runners, so the
// sessions that wake here are attached to sockets directly (no gateway hop). A socket for a
// session that lives in another server process is relayed to that process's port, or through
// the engine's gateway when that process cannot be reached.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { getRequestListener } from '@hono/node-server';
import { WebSocketServer, WebSocket } from 'ws';
import { createClient } from 'rivetkit/client';
import { createRegistry, type AgentvmRegistry } from '../actors/registry.ts';
import { configureSessions, hashApiToken } from '../actors/config.ts';
import { sessionLimits } from '../actors/limits.ts';
import { liveSession, liveSessions } from '../actors/live.ts';
import { createApi } from './api.ts';
import { createPane } from './static.ts';
import type { SocketLike } from '../actors/conn.ts';

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Journals, the API token and (embedded engine) the engine's state. Default $AGENTVM_DATA or ~/.agentvm. */
  dataDir?: string;
  /** An existing Rivet Engine (e.g. http://127.0.0.1:6420): run as one more runner of it instead of starting one. */
  endpoint?: string;
  /** Port of the embedded engine (default 6420). */
  enginePort?: number;
  /** Token that creates and lists sessions (default: $AGENTVM_API_TOKEN, else kept in <dataDir>/api-token). */
  apiToken?: string;
  /** Largest REST request body (bytes). */
  maxBodyBytes?: number;
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
  /** Directory of the built web pane served at /pane/ (default web/dist, made by `npm run build:web`). */
  paneDir?: string;
}

export interface AgentvmServer {
  url: string;
  port: number;
  apiToken: string;
  dataDir: string;
  engineEndpoint: string;
  registry: AgentvmRegistry;
  client: ReturnType<typeof createClient<AgentvmRegistry>>;
  /** Flushes every live session, closes sockets and stops this runner (the engine keeps running). */
  close(): Promise<void>;
}

function apiTokenFor(dataDir: string, given?: string): string {
  if (given) return given;
  if (process.env.AGENTVM_API_TOKEN) return process.env.AGENTVM_API_TOKEN;
  const file = join(dataDir, 'api-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const t = `avm_api_${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, t + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return t;
}

function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: { code: status === 401 ? 'UNAUTHORIZED' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message } });
  socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Bad Request'}\r\n` +
    `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

function asSocket(ws: WebSocket): SocketLike {
  return {
    send: (d) => ws.send(d),
    close: (code, reason) => ws.close(code, reason),
    get bufferedAmount() { return ws.bufferedAmount; },
  };
}

const toU8 = (d: unknown): Uint8Array =>
  d instanceof Uint8Array ? d : Array.isArray(d) ? new Uint8Array(Buffer.concat(d as Buffer[])) : new Uint8Array(d as ArrayBuffer);

/** Pipes a client socket to an upstream one (another runner, or the gateway), both ways. */
function relay(client: WebSocket, upstream: { send(d: Uint8Array): void; close(code?: number, reason?: string): void; addEventListener(t: string, f: (ev: any) => void): void; readyState: number }): void {
  const pending: Uint8Array[] = [];
  let open = false;
  upstream.addEventListener('open', () => { open = true; for (const m of pending.splice(0)) upstream.send(m); });
  upstream.addEventListener('message', (ev: { data: unknown }) => { if (client.readyState === WebSocket.OPEN) client.send(toU8(ev.data)); });
  upstream.addEventListener('close', (ev: { code?: number; reason?: string }) => client.close(ev.code && ev.code >= 1000 && ev.code < 5000 && ev.code !== 1005 && ev.code !== 1006 ? ev.code : 1011, ev.reason ?? ''));
  upstream.addEventListener('error', () => client.close(1011, 'upstream error'));
  client.on('message', (d) => { const m = toU8(d); if (open) upstream.send(m); else pending.push(m); });
  client.on('close', () => { try { upstream.close(1000); } catch { /* closed */ } });
  if (upstream.readyState === 1) { open = true; }
}

export async function startServer(opts: ServeOptions = {}): Promise<AgentvmServer> {
  const dataDir = opts.dataDir ?? process.env.AGENTVM_DATA ?? join(process.env.HOME ?? '.', '.agentvm');
  mkdirSync(join(dataDir, 'journal'), { recursive: true });
  const apiToken = apiTokenFor(dataDir, opts.apiToken);
  const host = opts.host ?? '127.0.0.1';
  const enginePort = opts.enginePort ?? 6420;
  const engineEndpoint = opts.endpoint ?? process.env.RIVET_ENDPOINT ?? `http://127.0.0.1:${enginePort}`;
  const embedded = !opts.endpoint && !process.env.RIVET_ENDPOINT;

  const httpServer: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port ?? 8080, host, () => resolve());
  });
  const port = (httpServer.address() as { port: number }).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const cfg = configureSessions({ dataDir, directUrl: url, apiTokenHash: hashApiToken(apiToken) });

  // The embedded engine keeps its state under $HOME/.rivetkit: point HOME at our data directory while it starts.
  const registry = createRegistry({ endpoint: embedded ? undefined : engineEndpoint, enginePort, logLevel: opts.logLevel });
  const savedHome = process.env.HOME;
  if (embedded) process.env.HOME = dataDir;
  process.env.RIVET_RUN_SERVICES ??= '0';
  // RivetKit's native runtime warns about its own internals (e.g. "SQLite transaction is unnamed") at warn level
  process.env.RIVET_LOG_LEVEL ??= opts.logLevel ?? 'error';
  try { await registry.startAndWait(); } finally { if (embedded) process.env.HOME = savedHome; }
  const client = createClient<AgentvmRegistry>({ endpoint: engineEndpoint } as never);

  const app = createApi({ client, apiToken, publicUrl: () => url.replace(/^http/, 'ws'), maxBodyBytes: opts.maxBodyBytes ?? sessionLimits.requestBodyBytes });
  app.route('/', createPane({ paneDir: opts.paneDir }));
  httpServer.on('request', getRequestListener(app.fetch));

  const wss = new WebSocketServer({ noServer: true, maxPayload: sessionLimits.socketMessageBytes });
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void upgrade(req, socket, head).catch((e) => {
      const code = (e as { code?: string }).code;
      if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN') refuse(socket, 401, (e as Error).message);
      else if (code === 'NOT_FOUND' || code === 'actor_not_found' || code === 'SESSION_CLOSED') refuse(socket, 404, 'no such session');
      else { console.error('agentvm: socket upgrade failed:', e); refuse(socket, 400, 'could not open the session'); }
    });
  });

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const u = new URL(req.url ?? '/', url);
    const m = /^\/sessions\/([A-Za-z0-9_-]{1,64})\/yjs\/?$/.exec(u.pathname);
    if (!m) { refuse(socket, 404, 'sockets live at /sessions/<id>/yjs'); return; }
    const id = m[1]!;
    const token = u.searchParams.get('token');
    if (!token) { refuse(socket, 401, 'pass the session token as ?token='); return; }
    const agentvm = u.searchParams.get('agentvm') === '1';
    let core = liveSession(id);
    let runner: { id: string; url: string | null } | null = null;
    if (!core) {
      const h = client.session.get([id]);
      await h.resolve(); // an unknown session fails here at once (hello would retry for seconds)
      const info = await h.hello(token); // wakes the actor, checks the token
      runner = info.runner;
      core = liveSession(id);
    }
    if (core) {
      const grant = core.grants.verify(token);
      if (!grant) { refuse(socket, 401, 'unknown, expired or revoked token'); return; }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn = core!.attach(asSocket(ws), grant, { agentvm });
        ws.on('message', (d) => conn.receive(toU8(d)));
        ws.on('close', () => conn.close());
        ws.on('error', () => conn.close());
      });
      return;
    }
    const query = `token=${encodeURIComponent(token)}${agentvm ? '&agentvm=1' : ''}`;
    wss.handleUpgrade(req, socket, head, async (ws) => {
      try {
        if (runner?.url && runner.id !== cfg.runnerId && u.searchParams.get('hop') !== '1') {
          relay(ws, new WebSocket(`${runner.url.replace(/^http/, 'ws')}/sessions/${id}/yjs?${query}&hop=1`) as never);
        } else {
          relay(ws, await client.session.get([id]).webSocket(`yjs?${query}`) as never);
        }
      } catch (e) {
        console.error('agentvm: relay failed:', e);
        ws.close(1011, 'could not reach the session');
      }
    });
  }

  let closing: Promise<void> | null = null;
  return {
    url, port, apiToken, dataDir, engineEndpoint, registry, client,
    close: () => closing ??= (async () => {
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      await Promise.all(liveSessions().map((c) => c.close('server shutting down').catch((e) => console.error('agentvm: flushing a session failed:', e))));
      await registry.shutdown().catch(() => {});
      httpServer.closeAllConnections?.();
      await new Promise<void>((r) => httpServer.close(() => r()));
    })(),
  };
}

/** Stops the engine an embedded server started under `dataDir` (it outlives its runners by design). */
export function stopEmbeddedEngine(dataDir: string): number | null {
  const file = join(dataDir, '.rivetkit', 'var', 'engine', 'runtime.json');
  if (!existsSync(file)) return null;
  const { pid } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number };
  try { process.kill(pid, 'SIGTERM'); } catch { return null; }
  return pid;
}
