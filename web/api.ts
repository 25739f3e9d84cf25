// The REST API (Hono): sessions (create/list/get/close/fork), exec, files, terminal input, control,
// share links, admin join, events. Every route but /health needs a token: the server's API token to create and
// list sessions, a session token (owner/driver/observer) for everything inside a session — checked
// by the session (its actor, or its live core when it lives in this process: exec and files go
// there directly, past RivetKit's message size limits). Errors are JSON `{ error: { code, message } }`.

import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { timingSafeEqual, createHash, randomBytes } from 'node:crypto';
import { newClaim } from '../actors/session.ts';
import { liveSession } from '../actors/live.ts';
import type { SessionCore } from '../actors/core.ts';
import type { Grant } from '../actors/auth.ts';
import type { AgentvmRegistry } from '../actors/registry.ts';
import type { Client } from 'rivetkit/client';

type AgentvmClient = Client<AgentvmRegistry>;

export interface ApiOptions {
  client: AgentvmClient;
  apiToken: string;
  /** ws(s)://host:port base for socket URLs handed to clients. */
  publicUrl: () => string;
  maxBodyBytes: number;
}

const STATUS: Record<string, number> = {
  UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_DRIVER: 403, NOT_FOUND: 404, ENOENT: 404, NO_SUCH_PROCESS: 404,
  SESSION_CLOSED: 410, PAYLOAD_TOO_LARGE: 413, UNAVAILABLE: 503, ENOTDIR: 400, EISDIR: 400, EEXIST: 409,
  EACCES: 403, EPERM: 403, ENOSPC: 507, EFBIG: 413,
};

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status?: number) { super(message); this.code = code; this.status = status ?? STATUS[code] ?? 400; }
}

function fail(c: Context, e: unknown) {
  const err = e as { code?: unknown; message?: unknown; group?: unknown; status?: unknown };
  let code = typeof err.code === 'string' ? err.code : 'INTERNAL';
  let message = typeof err.message === 'string' ? err.message : String(e);
  if (code === 'internal_error' || (code === 'INTERNAL' && !(e instanceof ApiError))) {
    console.error('agentvm api:', e);
    code = 'INTERNAL';
    message = 'internal error: see the server log';
  }
  if (code === 'actor_not_found' || (code === 'not_found' && err.group === 'actor')) { code = 'NOT_FOUND'; message = 'no such session'; }
  if (code === 'incoming_too_long' || code === 'outgoing_too_long') {
    message = `the ${code === 'incoming_too_long' ? 'request' : 'answer'} is larger than a message to a session in another server process may be`;
    code = 'PAYLOAD_TOO_LARGE';
  }
  const status = typeof err.status === 'number' && e instanceof ApiError ? err.status : STATUS[code] ?? (code === 'INTERNAL' ? 500 : 400);
  return c.json({ error: { code, message } }, status as 400);
}

function bearer(c: Context): string | null {
  const h = c.req.header('authorization');
  if (h?.toLowerCase().startsWith('bearer ')) return h.slice(7).trim();
  return c.req.query('token') || null;
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Resolved session handles kept (oldest dropped first). */
const MAX_HANDLES = 4096;

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

function param(c: Context, name: string): string { return c.req.param(name) ?? ''; }

async function json(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error();
    return v as Record<string, unknown>;
  } catch { throw new ApiError('BAD_REQUEST', 'the request body must be a JSON object'); }
}

function execOptions(body: Record<string, unknown>): { cwd?: string; env?: Record<string, string>; stdin?: string; timeoutMs?: number } {
  const o: { cwd?: string; env?: Record<string, string>; stdin?: string; timeoutMs?: number } = {};
  const { cwd, env, stdin, timeoutMs } = body;
  if (cwd !== undefined) {
    if (typeof cwd !== 'string' || !cwd.startsWith('/')) throw new ApiError('BAD_REQUEST', 'body.cwd must be an absolute VM path');
    o.cwd = cwd;
  }
  if (stdin !== undefined) {
    if (typeof stdin !== 'string') throw new ApiError('BAD_REQUEST', 'body.stdin must be a string');
    o.stdin = stdin;
  }
  if (timeoutMs !== undefined) {
    if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new ApiError('BAD_REQUEST', 'body.timeoutMs must be a positive number of milliseconds');
    o.timeoutMs = timeoutMs;
  }
  if (env !== undefined) {
    if (typeof env !== 'object' || env === null || Array.isArray(env) || Object.values(env).some((v) => typeof v !== 'string')) {
      throw new ApiError('BAD_REQUEST', 'body.env must be an object of string values, e.g. {"FOO": "bar"}');
    }
    o.env = env as Record<string, string>;
  }
  return o;
}

export function createApi(opts: ApiOptions): Hono {
  const { client } = opts;
  const app = new Hono();
  // A handle by key retries 'actor not found' for ~3 s (it cannot tell "not created yet" from
  // "never existed"), so an unknown id would hang every request: resolve the key to the actor id
  // once (one engine lookup, fails at once for an unknown id) and keep the resolved handle.
  type Handle = ReturnType<AgentvmClient['session']['get']>;
  const handles = new Map<string, Handle>();
  const session = async (id: string): Promise<Handle> => {
    if (!ID_RE.test(id)) throw new ApiError('BAD_REQUEST', 'session ids are 1-64 characters of A-Z a-z 0-9 _ -');
    let h = handles.get(id);
    if (h) return h;
    h = client.session.get([id]);
    await h.resolve();
    if (handles.size >= MAX_HANDLES) handles.delete(handles.keys().next().value!);
    handles.set(id, h);
    return h;
  };
  const token = (c: Context) => {
    const t = bearer(c);
    if (!t) throw new ApiError('UNAUTHORIZED', 'pass a session token: "Authorization: Bearer <token>" or ?token=');
    return t;
  };
  const admin = (c: Context) => {
    const t = bearer(c);
    if (!t || !sameSecret(t, opts.apiToken)) throw new ApiError('UNAUTHORIZED', 'this needs the server API token ("Authorization: Bearer <api token>"; printed by `agentvm serve`)');
  };
  /** The session a route addresses and the caller's token (checked for presence before anything else). */
  const target = async (c: Context) => {
    const t = token(c);
    const id = param(c, 'id');
    return { id, h: await session(id), t };
  };
  /**
   * The session's core and the caller's grant when its actor lives in this process (woken here if
   * asleep), else null. Payload-heavy routes (exec, files) call the core directly: RivetKit caps
   * action messages (64 KiB in, 1 MiB out by default), far below maxBodyBytes and a VM's output.
   */
  const here = async (id: string, h: Handle, t: string): Promise<{ core: SessionCore; grant: Grant } | null> => {
    let core = liveSession(id);
    if (!core) { await h.hello(t); core = liveSession(id); } // wakes it (and checks the token)
    if (!core) return null;
    const grant = core.grants.verify(t);
    if (!grant) throw new ApiError('UNAUTHORIZED', 'missing, unknown, expired or revoked token');
    return { core, grant };
  };
  /**
   * Creates a session actor. The engine can answer a create with a transient internal error (seen
   * while a runner that just shut down is still registered: placement on it fails); retry with
   * getOrCreate on the same fresh key, so an attempt that did create the actor is not doubled.
   */
  const createSession = async (id: string, input: { name: string; claimHash: string; forkOf?: string }): Promise<Handle> => {
    for (let attempt = 0; ; attempt++) {
      try {
        if (attempt === 0) return await client.session.create([id], { input });
        const h = client.session.getOrCreate([id], { createWithInput: input });
        await h.resolve();
        return h;
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (code !== 'internal_error' || attempt >= 3) throw e;
        console.error(`agentvm api: creating session ${id} failed (${String(code)}), retrying`);
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      }
    }
  };
  const wrap = (fn: (c: Context) => Promise<Response>) => async (c: Context) => { try { return await fn(c); } catch (e) { return fail(c, e); } };
  const socketUrl = (id: string) => `${opts.publicUrl()}/sessions/${id}`;

  // Bearer tokens only (no cookies), so any origin may call the API: a page elsewhere that embeds
  // the pane talks to this server directly. Preflights are answered here, before any token check.
  app.use('/api/*', cors({
    origin: '*',
    allowHeaders: ['Authorization', 'Content-Type'],
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  }));

  app.use('/api/*', bodyLimit({
    maxSize: opts.maxBodyBytes,
    onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: `request bodies are limited to ${opts.maxBodyBytes} bytes` } }, 413),
  }));

  app.get('/health', (c) => c.json({ ok: true }));

  app.post('/api/sessions', wrap(async (c) => {
    admin(c);
    const body = await json(c);
    const name = typeof body.name === 'string' ? body.name.slice(0, 200) : 'session';
    const owner = typeof body.owner === 'string' ? body.owner.slice(0, 100) : 'owner';
    const id = randomBytes(9).toString('base64url');
    const claim = newClaim();
    const h = await createSession(id, { name, claimHash: claim.hash });
    const { token, grant } = await h.claim(claim.secret, owner);
    await client.directory.getOrCreate(['main']).add({ id, name, createdAt: Date.now(), forkOf: null, closed: false });
    return c.json({ id, name, token, grant, socket: { url: socketUrl(id), room: 'yjs' } }, 201);
  }));

  app.get('/api/sessions', wrap(async (c) => {
    admin(c);
    return c.json({ sessions: await client.directory.getOrCreate(['main']).list() });
  }));

  app.get('/api/sessions/:id', wrap(async (c) => {
    const { id, h, t } = await target(c);
    return c.json({ id, ...(await h.hello(t)), socket: { url: socketUrl(id), room: 'yjs' } });
  }));

  app.delete('/api/sessions/:id', wrap(async (c) => {
    const { id, h, t } = await target(c);
    const r = await h.close(t);
    await client.directory.getOrCreate(['main']).closed(id);
    return c.json(r);
  }));

  app.post('/api/sessions/:id/fork', wrap(async (c) => {
    const { id, h: parent, t } = await target(c);
    const body = await json(c);
    const info = await parent.hello(t);
    const newId = randomBytes(9).toString('base64url');
    await parent.fork(t, newId);
    const claim = newClaim();
    const name = typeof body.name === 'string' ? body.name.slice(0, 200) : `${info.name} (fork)`;
    const h = await createSession(newId, { name, claimHash: claim.hash, forkOf: id });
    const { token: newToken, grant } = await h.claim(claim.secret, info.grant.name);
    // The VM is handed over in-process when the fork woke where its parent lives; elsewhere it
    // starts empty and waits for the parent's files.
    if ((await h.hello(newToken)).forkPending) await h.importFiles(newToken, await parent.exportFiles(t));
    await client.directory.getOrCreate(['main']).add({ id: newId, name, createdAt: Date.now(), forkOf: id, closed: false });
    return c.json({ id: newId, name, token: newToken, grant, forkOf: id, socket: { url: socketUrl(newId), room: 'yjs' } }, 201);
  }));

  app.post('/api/sessions/:id/exec', wrap(async (c) => {
    const { id, h, t } = await target(c);
    const body = await json(c);
    if (typeof body.script !== 'string') throw new ApiError('BAD_REQUEST', 'body.script (string) is required, e.g. {"script": "ls -l"}');
    const o = execOptions(body);
    const local = await here(id, h, t);
    // (the core keeps its actor awake while the command runs)
    return c.json(local ? await local.core.exec(local.grant, body.script, o) : await h.exec(t, body.script, o));
  }));

  app.get('/api/sessions/:id/files', wrap(async (c) => {
    const { h, t } = await target(c);
    const path = c.req.query('path');
    if (!path?.startsWith('/')) throw new ApiError('BAD_REQUEST', '?path= must be an absolute VM path');
    if (c.req.query('list') !== undefined) return c.json({ path, entries: await h.listDir(t, path) });
    const local = await here(param(c, 'id'), h, t);
    const data = local ? await local.core.vm.fs.readFile(path) : await h.readFile(t, path) as Uint8Array;
    return c.body(new Uint8Array(data), 200, { 'content-type': 'application/octet-stream' });
  }));

  app.put('/api/sessions/:id/files', wrap(async (c) => {
    const { h, t } = await target(c);
    const path = c.req.query('path');
    if (!path?.startsWith('/')) throw new ApiError('BAD_REQUEST', '?path= must be an absolute VM path');
    const data = new Uint8Array(await c.req.arrayBuffer());
    const local = await here(param(c, 'id'), h, t);
    if (local) await local.core.writeFile(local.grant, path, data);
    else await h.writeFile(t, path, data);
    return c.json({ ok: true, bytes: data.length });
  }));

  app.get('/api/sessions/:id/processes', wrap(async (c) => { const { h, t } = await target(c); return c.json({ processes: await h.processes(t) }); }));

  app.post('/api/sessions/:id/kill', wrap(async (c) => {
    const { h, t } = await target(c);
    const body = await json(c);
    if (typeof body.pid !== 'number') throw new ApiError('BAD_REQUEST', 'body.pid (number) is required');
    await h.kill(t, body.pid, (body.signal as string | number | undefined) ?? 'SIGTERM');
    return c.json({ ok: true });
  }));

  app.post('/api/sessions/:id/input', wrap(async (c) => {
    const { h, t } = await target(c);
    const body = await json(c);
    if (typeof body.data !== 'string') throw new ApiError('BAD_REQUEST', 'body.data (string) is required');
    await h.input(t, body.data);
    return c.json({ ok: true });
  }));

  app.post('/api/sessions/:id/resize', wrap(async (c) => {
    const { h, t } = await target(c);
    const body = await json(c);
    await h.resize(t, Number(body.cols), Number(body.rows));
    return c.json({ ok: true });
  }));

  app.post('/api/sessions/:id/control', wrap(async (c) => {
    const { h, t } = await target(c);
    const body = await json(c);
    return c.json(await h.control(t, String(body.action), body.to === undefined ? undefined : String(body.to)));
  }));

  app.post('/api/sessions/:id/share', wrap(async (c) => {
    const { id, h, t } = await target(c);
    const body = await json(c);
    const role = body.role ?? 'observer';
    if (typeof role !== 'string') throw new ApiError('BAD_ROLE', "body.role must be 'driver' or 'observer'");
    const ttlMs = body.ttlMs ?? undefined;
    if (ttlMs !== undefined && !(typeof ttlMs === 'number' && Number.isFinite(ttlMs) && ttlMs > 0)) {
      throw new ApiError('BAD_REQUEST', 'body.ttlMs must be a positive number of milliseconds (omit it for a link that does not expire)');
    }
    if (body.name !== undefined && typeof body.name !== 'string') throw new ApiError('BAD_REQUEST', 'body.name must be a string');
    const name = typeof body.name === 'string' ? body.name.slice(0, 100) : undefined;
    const r = await h.share(t, role, { name, ttlMs });
    return c.json({ ...r, socket: { url: socketUrl(id), room: 'yjs' } }, 201);
  }));

  // The server's operator enters a session as a separate participant (e.g. a second browser
  // window): a new personal token, checked against the API token here and again by the session.
  app.post('/api/sessions/:id/join', wrap(async (c) => {
    admin(c);
    const id = param(c, 'id');
    const h = await session(id);
    const body = await json(c);
    const role = body.role ?? 'driver';
    if (typeof role !== 'string') throw new ApiError('BAD_ROLE', "body.role must be 'driver' or 'observer'");
    if (body.name !== undefined && typeof body.name !== 'string') throw new ApiError('BAD_REQUEST', 'body.name must be a string');
    const name = typeof body.name === 'string' ? body.name.slice(0, 100) : undefined;
    const r = await h.admit(bearer(c)!, role, name);
    return c.json({ id, ...r, socket: { url: socketUrl(id), room: 'yjs' } }, 201);
  }));

  app.get('/api/sessions/:id/grants', wrap(async (c) => { const { h, t } = await target(c); return c.json({ grants: await h.grants(t) }); }));
  app.delete('/api/sessions/:id/grants/:grant', wrap(async (c) => {
    const { h, t } = await target(c);
    // the session closes the link's open sockets and, if it drove, control returns to the revoker
    return c.json({ revoked: await h.revoke(t, param(c, 'grant')) });
  }));

  app.get('/api/sessions/:id/events', wrap(async (c) => {
    const { h, t } = await target(c);
    const after = Number(c.req.query('after') ?? 0);
    return c.json({ events: await h.events(t, Number.isFinite(after) ? after : 0, Number(c.req.query('limit') ?? 1000)) });
  }));

  app.get('/api/sessions/:id/terminal', wrap(async (c) => { const { h, t } = await target(c); return c.json(await h.terminalSnapshot(t)); }));

  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404));
  return app;
}
