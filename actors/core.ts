// SessionCore: one agent session, live in this process — a VM, the interactive shell on its PTY,
// and the Y.Doc every client observes. The RivetKit actor (session.ts) creates one on wake and
// closes it on sleep; the Hono server attaches sockets to it directly when it lives in the same
// process. It has no RivetKit dependency, so everything here runs the same in tests.
//
// Durability: every doc update is appended to the session's journal synchronously *before* it is
// sent to anyone (store.ts replicates the journal into the actor's SQLite in the background), and
// changed files are written to the journal at most 100 ms after the change and always before an
// event that reports them (a command's exit). So what a client has seen survives kill -9.

import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { createVM, type VM, type VMOptions, type VMPty } from '../kernel/vm.ts';
import type { ShellCommandEvent } from '../kernel/types.ts';
import { Conn, type ConnHost, type SocketLike } from './conn.ts';
import { Control, ControlError } from './control.ts';
import { EventLog } from './events.ts';
import { TerminalLog } from './terminal.ts';
import { FileTree } from './filetree.ts';
import { OpenFiles } from './openfiles.ts';
import { SessionStore, type SqlDb } from './store.ts';
import { FileSync, applyFileRecords, type FileRecord } from './filesync.ts';
import { Grants, roleAtLeast, type Grant, type Role } from './auth.ts';
import { checkUpdate } from './guard.ts';
import { sessionLimits } from './limits.ts';
import { encodeAwareness, encodeSync, SYNC_UPDATE, type ClientMessage } from './protocol.ts';

export interface SessionCoreOptions {
  /** The session id (the actor key). */
  id: string;
  /** The actor's SQLite database. */
  db: SqlDb;
  /** Where this session's journal lives in this process's data directory. */
  journalPath: string;
  /** The session's grants (tokens), owned by the actor's state. */
  grants: Grants;
  /** Start from this VM (a fork) when nothing is stored yet. */
  fromVm?: VM;
  vm?: VMOptions;
  /** Connections went from none to some (true) or back to none (false): the actor stays awake meanwhile. */
  onBusy?: (busy: boolean) => void;
}

const SERVER = Symbol('server');
const { fileFlushMs: FILE_FLUSH_MS, rejectLogMs: REJECT_LOG_MS, awarenessRenewMs: AWARENESS_RENEW_MS } = sessionLimits;

export class SessionCore implements ConnHost {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly vm: VM;
  readonly grants: Grants;
  readonly events: EventLog;
  readonly control: Control;
  readonly terminal: TerminalLog;
  readonly #store: SessionStore;
  readonly #tree: FileTree;
  readonly #open: OpenFiles;
  readonly #files: FileSync;
  readonly #conns = new Set<Conn>();
  readonly #onBusy: ((busy: boolean) => void) | undefined;
  readonly #rejectLogged = new WeakMap<Conn, number>();
  #pty: VMPty | null = null;
  #fileTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #awPending = new Set<number>();
  #awTimer: ReturnType<typeof setTimeout> | null = null;
  #awUrgent = false;
  #busyCount = 0;
  #lastFileFlush = 0;
  #closed = false;

  private constructor(id: string, vm: VM, doc: Y.Doc, store: SessionStore, grants: Grants, onBusy?: (b: boolean) => void) {
    this.id = id;
    this.vm = vm;
    this.doc = doc;
    this.#store = store;
    this.grants = grants;
    this.#onBusy = onBusy;
    // first: every change from here on (the parts below write to the doc as they start) is journaled
    doc.on('update', (update: Uint8Array, origin: unknown) => this.#onUpdate(update, origin));
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.events = new EventLog(doc, { origin: SERVER, maxEvents: sessionLimits.events });
    this.control = new Control(doc, this.events, { origin: SERVER });
    const meta = doc.getMap('terminalMeta');
    this.terminal = new TerminalLog(doc, {
      origin: SERVER, cols: (meta.get('cols') as number) ?? 80, rows: (meta.get('rows') as number) ?? 24,
      retainChars: sessionLimits.terminalChars, maxChunks: sessionLimits.terminalChunks, scrollback: sessionLimits.terminalScrollback,
    });
    this.terminal.restore();
    this.#tree = new FileTree(doc, vm, { origin: SERVER, roots: ['/'], maxEntries: sessionLimits.fileTreeEntries });
    this.#open = new OpenFiles(doc, vm, { origin: SERVER, maxBytes: sessionLimits.openFileBytes });
    this.#files = new FileSync(vm, (recs) => store.putFiles(recs));
  }

  /** Loads (or creates) the session: files into a fresh VM, the doc from its updates, then starts the shell. */
  static async open(opts: SessionCoreOptions): Promise<SessionCore> {
    const { store, loaded } = await SessionStore.open({ db: opts.db, journalPath: opts.journalPath });
    const meta = loaded.meta;
    const env = meta.env ? JSON.parse(meta.env) as Record<string, string> : undefined;
    const fresh = loaded.files.length === 0 && loaded.docUpdates.length === 0;
    let vm: VM;
    if (fresh && opts.fromVm) vm = opts.fromVm;
    else {
      vm = await createVM({ ...opts.vm, env: { ...opts.vm?.env, ...env }, cwd: meta.cwd ?? opts.vm?.cwd });
      applyFileRecords(vm, loaded.files);
    }
    const doc = new Y.Doc();
    for (const u of loaded.docUpdates) Y.applyUpdate(doc, u, 'load');
    const core = new SessionCore(opts.id, vm, doc, store, opts.grants, opts.onBusy);
    store.setDocCompactor(() => Y.encodeStateAsUpdate(doc));
    core.#start(fresh, meta);
    if (fresh && opts.fromVm) core.#files.flushAll();
    return core;
  }

  #start(fresh: boolean, meta: Record<string, string>): void {
    // Presence goes out batched: real changes on the next turn, plain renewals (every client
    // re-announces itself every 15 s) at most once a second — one message per connection per batch.
    type AwChange = { added: number[]; updated: number[]; removed: number[] };
    this.awareness.on('change', ({ added, updated, removed }: AwChange) => this.#awarenessOut([...added, ...updated, ...removed], 0));
    this.awareness.on('update', ({ added, updated, removed }: AwChange) => this.#awarenessOut([...added, ...updated, ...removed], AWARENESS_RENEW_MS));
    this.#files.start();
    this.vm.fs.watch(() => this.#scheduleFileFlush());
    this.#tree.start();
    this.#open.restore();
    this.vm.kernel.commandObserver = (ev) => this.#command(ev);
    this.events.append(fresh ? 'session.created' : 'session.resumed', fresh ? {} : { cwd: meta.cwd ?? null });
    this.#spawnShell();
  }

  #awarenessOut(ids: number[], delay: number): void {
    for (const id of ids) this.#awPending.add(id);
    if (this.#awTimer !== null && (delay > 0 || this.#awUrgent)) return;
    if (this.#awTimer !== null) clearTimeout(this.#awTimer);
    this.#awUrgent = delay === 0;
    this.#awTimer = setTimeout(() => {
      this.#awTimer = null;
      const ids = [...this.#awPending];
      this.#awPending.clear();
      if (ids.length === 0 || this.#closed) return;
      const msg = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
      for (const c of this.#conns) c.send(msg);
    }, delay);
  }

  // ---- the shared terminal ----

  #spawnShell(): void {
    const meta = this.doc.getMap('terminalMeta');
    const pty = this.vm.pty({ cols: (meta.get('cols') as number) ?? 80, rows: (meta.get('rows') as number) ?? 24 });
    this.#pty = pty;
    pty.onData((d) => this.terminal.write(d));
    void pty.wait().then((st) => {
      if (this.#closed || this.#pty !== pty) return;
      this.terminal.flush();
      this.events.append('shell.exited', { pid: pty.pid, status: st.exitCode });
      this.#pty = null;
      setTimeout(() => { if (!this.#closed && this.#pty === null) this.#spawnShell(); }, 50);
    });
  }

  #command(ev: ShellCommandEvent): void {
    if (this.#closed) return;
    if (ev.phase === 'start') {
      // typed at the shared terminal: attributed to whoever drove when it started
      this.events.append('command.started', { pid: ev.pid, line: ev.line.slice(0, 4096) }, this.control.driver ?? undefined);
      return;
    }
    this.flushFiles();
    if (ev.pid === this.#pty?.pid) {
      if (ev.cwd) this.#store.setMeta('cwd', ev.cwd);
      if (ev.env) this.#store.setMeta('env', JSON.stringify(ev.env));
    }
    this.terminal.flush();
    this.events.append('command.exited', { pid: ev.pid, line: ev.line.slice(0, 4096), status: ev.status ?? 0 });
  }

  /** Keystrokes from `g` (must be the driver). */
  input(g: Grant, data: string): void {
    this.control.mustDrive(g, 'terminal input');
    if (this.#pty === null) throw new ControlError('NO_SHELL', 'the shell is restarting: try again in a moment');
    this.#pty.write(data);
  }

  /** Only the driver's size reaches the PTY (observers letterbox). */
  resize(g: Grant, cols: number, rows: number): void {
    this.control.mustDrive(g, 'resize');
    if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 2 || rows < 1 || cols > 1000 || rows > 1000) {
      throw new ControlError('BAD_SIZE', `terminal size ${cols}x${rows} is out of range (2..1000 columns, 1..1000 rows)`);
    }
    this.#pty?.resize(cols, rows);
    this.terminal.resize(cols, rows);
  }

  // ---- connections ----

  attach(socket: SocketLike, grant: Grant, opts: { agentvm?: boolean } = {}): Conn {
    if (this.#closed) throw new ControlError('SESSION_CLOSED', 'this session is closing: reconnect');
    const conn = new Conn(this, socket, grant, opts);
    this.control.know(grant);
    this.#conns.add(conn);
    this.#busy(1);
    conn.start();
    return conn;
  }

  get connections(): number { return this.#conns.size; }

  /** Connections and running calls keep the session's actor awake (onBusy). */
  #busy(delta: number): void {
    const was = this.#busyCount > 0;
    this.#busyCount += delta;
    const is = this.#busyCount > 0;
    if (was !== is && !this.#closed) this.#onBusy?.(is);
  }

  /** Keeps the session awake until `p` settles. */
  async hold<T>(p: Promise<T>): Promise<T> {
    this.#busy(1);
    try { return await p; } finally { this.#busy(-1); }
  }

  detach(conn: Conn): void {
    if (!this.#conns.delete(conn)) return;
    this.#busy(-1);
  }

  checkWrite(conn: Conn, update: Uint8Array): string | null {
    if (!roleAtLeast(conn.grant.role, 'driver') && !this.control.isDriver(conn.grant)) {
      const r = checkUpdate(this.doc, update, () => false);
      return r.ok ? null : `${conn.grant.name} is an observer: observers cannot change the session`;
    }
    const r = checkUpdate(this.doc, update, (root) => root.startsWith('file:') && this.#open.isOpen(root.slice(5)));
    return r.ok ? null : (r.reason ?? 'this change is not allowed');
  }

  rejected(conn: Conn, what: string, reason: string): void {
    const now = Date.now();
    if ((this.#rejectLogged.get(conn) ?? 0) + REJECT_LOG_MS > now) return;
    this.#rejectLogged.set(conn, now);
    this.events.append('write.rejected', { what, reason, conn: conn.id }, conn.grant);
  }

  message(conn: Conn, msg: ClientMessage): void {
    try {
      switch (msg.t) {
        case 'input':
          if (typeof msg.data !== 'string') throw new ControlError('BAD_MESSAGE', 'input.data must be a string');
          try { this.input(conn.grant, msg.data); } catch (e) {
            if (e instanceof ControlError && e.code === 'NOT_DRIVER') this.rejected(conn, 'terminal input', e.message);
            throw e;
          }
          return;
        case 'resize': this.resize(conn.grant, msg.cols, msg.rows); return;
        case 'control':
          if (!this.control.apply(conn.grant, msg.action, (msg as { to?: unknown }).to)) throw new ControlError('BAD_MESSAGE', `unknown control action '${String((msg as { action: unknown }).action)}'`);
          return;
        case 'open': this.openFile(conn.grant, msg.path); return;
        case 'close': this.closeFile(conn.grant, msg.path); return;
        case 'ping': conn.sendMessage({ t: 'pong', id: msg.id }); return;
        default: throw new ControlError('BAD_MESSAGE', `unknown message type '${String((msg as { t: unknown }).t)}'`);
      }
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      conn.error(typeof code === 'string' ? code : 'ERROR', (e as Error).message);
    }
  }

  // ---- files ----

  openFile(g: Grant, path: string): void {
    if (!roleAtLeast(g.role, 'driver') && !this.control.isDriver(g)) throw new ControlError('FORBIDDEN', 'observers cannot open files for editing');
    if (typeof path !== 'string' || !path.startsWith('/')) throw new ControlError('BAD_PATH', 'path must be an absolute VM path such as /home/user/notes.txt');
    this.#open.open(path, g.name);
    this.events.append('file.opened', { path }, g);
  }

  closeFile(g: Grant, path: string): void {
    if (!roleAtLeast(g.role, 'driver') && !this.control.isDriver(g)) throw new ControlError('FORBIDDEN', 'observers cannot close files');
    if (!this.#open.isOpen(path)) return;
    this.#open.close(path);
    this.events.append('file.closed', { path }, g);
  }

  /** Changed files → journal now. */
  flushFiles(): void {
    if (this.#fileTimer) { clearTimeout(this.#fileTimer); this.#fileTimer = null; }
    this.#lastFileFlush = Date.now();
    if (this.#files.dirty > 0) this.#files.flush();
  }

  #scheduleFileFlush(): void {
    if (this.#fileTimer !== null || this.#closed) return;
    const wait = Math.max(0, this.#lastFileFlush + FILE_FLUSH_MS - Date.now());
    this.#fileTimer = setTimeout(() => { this.#fileTimer = null; this.flushFiles(); }, wait);
  }

  // ---- the doc ----

  #onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === 'load') return;
    this.#store.appendDocUpdate(update);
    const msg = encodeSync(SYNC_UPDATE, update);
    for (const c of this.#conns) if (c !== origin) c.send(msg);
  }

  // ---- API for the actor ----

  /** Runs a script beside the terminal (not on it) and logs it; files it changed are durable when this resolves. */
  async exec(g: Grant, script: string, opts: { cwd?: string; env?: Record<string, string>; stdin?: string; timeoutMs?: number } = {}) {
    this.control.mustDrive(g, 'exec');
    const started = this.events.append('exec.started', { script: script.slice(0, 4096) }, g);
    const r = await this.hold(this.vm.exec(script, opts));
    this.flushFiles();
    this.events.append('exec.exited', { exec: started.id, status: r.exitCode, ...(r.timedOut ? { timedOut: true } : {}) }, g);
    return r;
  }

  async writeFile(g: Grant, path: string, data: string | Uint8Array): Promise<void> {
    this.control.mustDrive(g, 'writing files');
    await this.vm.fs.writeFile(path, data, { recursive: true });
    this.flushFiles();
    this.events.append('file.written', { path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length }, g);
  }

  share(g: Grant, role: Role, opts: { name?: string; ttlMs?: number } = {}) {
    if (!roleAtLeast(g.role, 'owner')) throw new ControlError('FORBIDDEN', 'only an owner can create share links');
    if (role === 'owner') throw new ControlError('BAD_ROLE', 'share links grant observer or driver, not owner');
    const issued = this.grants.issue(role, { name: opts.name ?? `${role} link`, kind: 'share', ttlMs: opts.ttlMs });
    this.events.append('share.created', { role, grant: issued.grant.id }, g);
    return issued;
  }

  kill(g: Grant, pid: number, signal: string | number = 'SIGTERM'): void {
    this.control.mustDrive(g, 'kill');
    if (!this.vm.processes().some((p) => p.pid === pid)) throw new ControlError('NO_SUCH_PROCESS', `no process with pid ${pid}`);
    this.vm.kill(pid, signal);
    this.events.append('process.killed', { pid, signal }, g);
  }

  /** A revoked grant: its sockets are closed and, if it drove, control passes to `by` (an owner). */
  dropGrant(id: string, by: Grant): void {
    for (const c of [...this.#conns]) if (c.grant.id === id) c.close(4401, 'your access to this session was revoked');
    if (this.control.driver?.id === id) this.control.take(by);
  }

  /** Everything this VM's files differ from the base image by (for a fork that lives in another process). */
  exportFiles(): FileRecord[] {
    this.flushFiles();
    const out: FileRecord[] = [];
    const fs = new FileSync(this.vm, (recs) => { out.push(...recs); });
    try { fs.flushAll(); } finally { fs.dispose(); }
    return out;
  }

  /** Applies a parent's files to this (fresh) fork and makes them durable. */
  importFiles(records: FileRecord[]): void {
    applyFileRecords(this.vm, records);
    this.#store.putFiles(records);
    this.#tree.flush();
    this.events.append('session.files-imported', { records: records.length });
  }

  /** Persist everything and stop. The VM is disposed; sockets are closed (clients reconnect). */
  async close(reason = 'session stopped'): Promise<void> {
    if (this.#closed) return;
    this.flushFiles();
    this.terminal.flush();
    this.#closed = true;
    if (this.#awTimer !== null) clearTimeout(this.#awTimer);
    for (const c of [...this.#conns]) c.close(1012, reason);
    this.#pty?.dispose();
    this.terminal.dispose();
    this.#tree.dispose();
    this.#open.dispose();
    this.#files.dispose();
    this.awareness.destroy();
    this.vm.kernel.commandObserver = null;
    await this.vm.dispose();
    await this.#store.close();
    this.doc.destroy();
  }

  get closed(): boolean { return this.#closed; }
  stats() { return { connections: this.#conns.size, events: this.events.lastId, terminalChars: this.terminal.chars, ...this.#store.stats() }; }
}
