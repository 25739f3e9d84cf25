// The `session` actor: one per agent session (key = session id), owning one live SessionCore (VM +
// Y.Doc) while awake. Its RivetKit state holds only what is small and changes rarely (grants,
// name, lineage); files, the doc and its journal live in the actor's SQLite (see store.ts).
// Every action takes the caller's token first and checks it here, where the session lives.

import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { actor, UserError } from 'rivetkit';
import { db } from 'rivetkit/db';
import { SessionCore } from './core.ts';
import { Grants, parseRole, roleAtLeast, type Grant, type GrantsState } from './auth.ts';
import { ControlError } from './control.ts';
import type { FileRecord } from './filesync.ts';
import { offerFork, registerLive, takeFork, unregisterLive } from './live.ts';
import { isApiToken, sessionConfig } from './config.ts';
import { KernelError } from '../kernel/errno.ts';

export interface SessionInput {
  name?: string;
  /** sha256 (hex) of the one-time secret that `claim` exchanges for the owner token. */
  claimHash: string;
  forkOf?: string;
}

export interface SessionState {
  name: string;
  createdAt: number;
  forkOf: string | null;
  claimHash: string | null;
  grants: GrantsState | undefined;
  closed: boolean;
  /** A fork whose files have not arrived yet (its parent lived in another process). */
  forkPending: boolean;
  /** Direct URL of the server process the session last woke in (for the fast socket path). */
  runner: { id: string; url: string | null } | null;
}

interface Vars { core: SessionCore | null; release: (() => void) | null }

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Errors reach clients with a code and a clear message. */
function userError(e: unknown): never {
  if (e instanceof UserError) throw e;
  if (e instanceof ControlError) throw new UserError(e.message, { code: e.code });
  if (e instanceof KernelError) throw new UserError(e.message, { code: e.code });
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && e instanceof Error) throw new UserError(e.message, { code });
  throw e;
}

type Ctx = { state: SessionState; vars: Vars; saveState(o?: { immediate?: boolean }): Promise<void>; key: string[] };

function auth(c: Ctx, token: unknown): { core: SessionCore; grant: Grant } {
  if (c.state.closed) throw new UserError('this session was closed', { code: 'SESSION_CLOSED' });
  const core = c.vars.core;
  if (!core) throw new UserError('the session is not running: retry', { code: 'UNAVAILABLE' });
  const grant = core.grants.verify(typeof token === 'string' ? token : null);
  if (!grant) throw new UserError('missing, unknown, expired or revoked token', { code: 'UNAUTHORIZED' });
  return { core, grant };
}

async function guarded<T>(fn: () => T | Promise<T>): Promise<T> {
  try { return await fn(); } catch (e) { return userError(e); }
}

/** Detaches the live core from the actor (and this process) and closes it, flushing everything. */
async function stopCore(c: Ctx, reason: string): Promise<void> {
  const core = c.vars.core;
  c.vars.core = null;
  if (!core) return;
  unregisterLive(core);
  c.vars.release?.();
  c.vars.release = null;
  c.state.grants = core.grants.toJSON();
  await core.close(reason);
}

function publicGrant(g: Grant) {
  return { id: g.id, role: g.role, name: g.name, kind: g.kind, expiresAt: g.expiresAt ?? null, revoked: g.revoked ?? false };
}

export const session = actor({
  // An idle session (no sockets, no running action) sleeps after this long; waking restores it.
  options: { sleepTimeout: Number(process.env.AGENTVM_SLEEP_MS) || 5 * 60_000, actionTimeout: 120_000 },
  db: db(),
  createState: (_c, input: SessionInput): SessionState => ({
    name: input?.name ?? 'session', createdAt: Date.now(), forkOf: input?.forkOf ?? null,
    claimHash: input?.claimHash ?? null, grants: undefined, closed: false, runner: null,
    forkPending: Boolean(input?.forkOf),
  }),
  createVars: (): Vars => ({ core: null, release: null }),
  onWake: async (c) => {
    if (c.state.closed) return;
    const cfg = sessionConfig();
    const grants = new Grants(c.state.grants);
    const id = c.key[0]!;
    const fromVm = c.state.forkPending ? takeFork(id) : undefined;
    if (fromVm) c.state.forkPending = false;
    const core = await SessionCore.open({
      id, db: c.db as never, grants,
      journalPath: join(cfg.dataDir, 'journal', `${c.actorId}.log`),
      fromVm,
      onBusy: (busy) => {
        if (busy && !c.vars.release) {
          let release!: () => void;
          void c.keepAwake(new Promise<void>((r) => { release = r; }));
          c.vars.release = release;
        } else if (!busy && c.vars.release) { c.vars.release(); c.vars.release = null; }
      },
    });
    // clients connected through RivetKit (`handle.connect()`) get every event as 'event'
    core.events.onAppend((ev) => { if (!core.closed) c.broadcast('event', ev); });
    c.vars.core = core;
    // (saved by RivetKit's own throttle: saveState({immediate}) inside onWake deadlocks the start)
    c.state.runner = { id: cfg.runnerId, url: cfg.directUrl };
    registerLive(core);
  },
  onSleep: (c) => stopCore(c, 'session is going to sleep: reconnect to wake it'),
  onWebSocket: (c, ws) => {
    const url = new URL(c.request?.url ?? 'http://x/');
    const core = c.vars.core;
    const grant = core?.grants.verify(url.searchParams.get('token'));
    if (!core || !grant || c.state.closed) { ws.close(4401, 'unauthorized: pass ?token=<session token>'); return; }
    const conn = core.attach(ws as never, grant, { agentvm: url.searchParams.get('agentvm') === '1' });
    ws.addEventListener('message', (ev: { data: unknown }) => {
      const d = ev.data;
      conn.receive(d instanceof Uint8Array ? d : new Uint8Array(d as ArrayBuffer));
    });
    ws.addEventListener('close', () => conn.close());
  },
  actions: {
    /** Exchanges the creation secret for the owner token (once). */
    claim: async (c, secret: string, name?: string) => {
      if (!c.state.claimHash || typeof secret !== 'string' || sha256(secret) !== c.state.claimHash) {
        throw new UserError('this session was already claimed or the secret is wrong', { code: 'FORBIDDEN' });
      }
      const core = c.vars.core;
      if (!core) throw new UserError('the session is not running: retry', { code: 'UNAVAILABLE' });
      const issued = core.grants.issue('owner', { name: name || 'owner', kind: 'token' });
      core.control.init(issued.grant);
      c.state.claimHash = null;
      c.state.grants = core.grants.toJSON();
      await c.saveState({ immediate: true });
      return { token: issued.token, grant: publicGrant(issued.grant) };
    },
    /**
     * A new participant, let in by whoever holds the server's API token (e.g. a second browser
     * window of the person running the server): a personal token (kind 'token', no expiry) with
     * role driver or observer. The API token is checked here, not only by the REST layer.
     */
    admit: (c, apiToken: string, role?: string, name?: string) => guarded(async () => {
      if (!isApiToken(apiToken)) {
        throw new UserError('admitting a participant needs the server API token (printed by `agentvm serve`)', { code: 'UNAUTHORIZED' });
      }
      if (c.state.closed) throw new UserError('this session was closed', { code: 'SESSION_CLOSED' });
      const r = parseRole(role ?? 'driver');
      if (r === 'owner') throw new UserError("a participant joins as 'driver' or 'observer', not 'owner'", { code: 'BAD_ROLE' });
      if (name !== undefined && typeof name !== 'string') throw new UserError('name must be a string', { code: 'BAD_REQUEST' });
      const core = c.vars.core;
      if (!core) throw new UserError('the session is not running: retry', { code: 'UNAVAILABLE' });
      const issued = core.grants.issue(r, { name: name?.slice(0, 100) || 'guest', kind: 'token' });
      c.state.grants = core.grants.toJSON();
      await c.saveState({ immediate: true });
      core.events.append('participant.admitted', { role: r, grant: issued.grant.id, name: issued.grant.name });
      return { token: issued.token, grant: publicGrant(issued.grant) };
    }),
    /** Who am I, and where does the session live (for the fast socket path). */
    hello: (c, token: string) => {
      const { core, grant } = auth(c, token);
      return {
        grant: publicGrant(grant), runner: c.state.runner, name: c.state.name, createdAt: c.state.createdAt,
        forkOf: c.state.forkOf, forkPending: c.state.forkPending, driver: core.control.driver, stats: core.stats(),
      };
    },
    exec: (c, token: string, script: string, opts?: { cwd?: string; env?: Record<string, string>; stdin?: string; timeoutMs?: number }) => guarded(async () => {
      const { core, grant } = auth(c, token);
      if (typeof script !== 'string') throw new UserError('script must be a string', { code: 'BAD_REQUEST' });
      return core.exec(grant, script, opts ?? {});
    }),
    input: (c, token: string, data: string) => guarded(() => { const { core, grant } = auth(c, token); core.input(grant, String(data)); }),
    resize: (c, token: string, cols: number, rows: number) => guarded(() => { const { core, grant } = auth(c, token); core.resize(grant, cols, rows); }),
    control: (c, token: string, action: string, to?: string) => guarded(() => {
      const { core, grant } = auth(c, token);
      if (!core.control.apply(grant, action, to)) throw new UserError(`unknown control action '${action}': use request, grant, take or release`, { code: 'BAD_REQUEST' });
      return { driver: core.control.driver, requests: core.control.requests };
    }),
    readFile: (c, token: string, path: string) => guarded(async () => {
      const { core } = auth(c, token);
      return await core.vm.fs.readFile(path);
    }),
    writeFile: (c, token: string, path: string, data: string | Uint8Array) => guarded(async () => {
      const { core, grant } = auth(c, token);
      await core.writeFile(grant, path, data);
    }),
    listDir: (c, token: string, path: string) => guarded(async () => {
      const { core } = auth(c, token);
      const out = [];
      for (const d of await core.vm.fs.readdir(path, { withFileTypes: true })) {
        const full = path.endsWith('/') ? path + d.name : `${path}/${d.name}`;
        const st = await core.vm.fs.lstat(full);
        out.push({ name: d.name, type: d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'symlink' : d.isFile() ? 'file' : 'other', size: st.size, mtime: st.mtimeMs, mode: st.mode & 0o7777 });
      }
      return out;
    }),
    processes: (c, token: string) => guarded(() => auth(c, token).core.vm.processes()),
    kill: (c, token: string, pid: number, signal?: string | number) => guarded(() => { const { core, grant } = auth(c, token); core.kill(grant, pid, signal); }),
    events: (c, token: string, after?: number, limit?: number) => guarded(() => auth(c, token).core.events.since(after ?? 0, Math.min(limit ?? 1000, 5000))),
    terminalSnapshot: (c, token: string) => guarded(() => {
      const { core } = auth(c, token);
      return { snapshot: core.terminal.snapshot(), cols: core.doc.getMap('terminalMeta').get('cols') ?? 80, rows: core.doc.getMap('terminalMeta').get('rows') ?? 24 };
    }),
    share: (c, token: string, role: string, opts?: { name?: string; ttlMs?: number }) => guarded(async () => {
      const { core, grant } = auth(c, token);
      const issued = core.share(grant, parseRole(role), opts ?? {});
      c.state.grants = core.grants.toJSON();
      await c.saveState({ immediate: true });
      return { token: issued.token, grant: publicGrant(issued.grant) };
    }),
    revoke: (c, token: string, grantId: string) => guarded(async () => {
      const { core, grant } = auth(c, token);
      if (!roleAtLeast(grant.role, 'owner')) throw new UserError('only an owner can revoke tokens', { code: 'FORBIDDEN' });
      const ok = core.grants.revoke(grantId);
      if (ok) core.dropGrant(grantId, grant);
      c.state.grants = core.grants.toJSON();
      await c.saveState({ immediate: true });
      if (ok) core.events.append('grant.revoked', { grant: grantId }, grant);
      return ok;
    }),
    grants: (c, token: string) => guarded(() => {
      const { core, grant } = auth(c, token);
      if (!roleAtLeast(grant.role, 'owner')) throw new UserError('only an owner can list tokens', { code: 'FORBIDDEN' });
      return core.grants.list().map(publicGrant);
    }),
    /** Prepares a copy-on-write clone of the VM for the session `newId` (created next by the caller). */
    fork: (c, token: string, newId: string) => guarded(() => {
      const { core, grant } = auth(c, token);
      if (!roleAtLeast(grant.role, 'owner')) throw new UserError('only an owner can fork a session', { code: 'FORBIDDEN' });
      core.flushFiles();
      offerFork(newId, core.vm.fork());
      core.events.append('session.forked', { into: newId }, grant);
      return { runner: c.state.runner };
    }),
    /** The parent's side of a fork across processes: its files, as records. */
    exportFiles: (c, token: string) => guarded(() => {
      const { core, grant } = auth(c, token);
      if (!roleAtLeast(grant.role, 'owner')) throw new UserError('only an owner can export a session', { code: 'FORBIDDEN' });
      return core.exportFiles();
    }),
    /** The fork's side: once, right after creation, when the parent's VM could not be handed over in-process. */
    importFiles: (c, token: string, records: FileRecord[]) => guarded(async () => {
      const { core, grant } = auth(c, token);
      if (!roleAtLeast(grant.role, 'owner')) throw new UserError('only an owner can import files', { code: 'FORBIDDEN' });
      if (!c.state.forkPending) throw new UserError('this session is not waiting for a fork\'s files', { code: 'CONFLICT' });
      if (!Array.isArray(records)) throw new UserError('records must be an array', { code: 'BAD_REQUEST' });
      core.importFiles(records);
      c.state.forkPending = false;
      await c.saveState({ immediate: true });
      return { records: records.length };
    }),
    close: (c, token: string) => guarded(async () => {
      const { core, grant } = auth(c, token);
      if (!roleAtLeast(grant.role, 'owner')) throw new UserError('only an owner can close a session', { code: 'FORBIDDEN' });
      core.events.append('session.closed', {}, grant);
      c.state.closed = true;
      c.state.grants = core.grants.toJSON();
      await c.saveState({ immediate: true });
      await stopCore(c, 'session closed by its owner');
      return { closed: true };
    }),
  },
});

export function newClaim(): { secret: string; hash: string } {
  const secret = randomBytes(24).toString('base64url');
  return { secret, hash: sha256(secret) };
}
