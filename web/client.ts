// SessionClient: a participant in a session, for Node (tests, benchmarks, scripts) and the
// browser. It is a stock y-websocket WebsocketProvider plus the agentvm message type (100) for
// terminal input, resize, control and file opening. Any other Yjs client can observe a session
// with just the provider; this class adds the steering half.

import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { MSG_AGENTVM, decoding, encodeAgentvm, type ClientMessage, type ServerMessage } from '../actors/protocol.ts';
import type { SessionEvent } from '../actors/events.ts';

export interface SessionClientOptions {
  /** ws://host:port/sessions/<id> (what the API returns as socket.url). */
  url: string;
  token: string;
  /** WebSocket implementation (Node: `ws`'s WebSocket). */
  WebSocket?: unknown;
  /** Presence shown to others (name and role come from the token). */
  user?: { color?: string };
  connect?: boolean;
  /** Longest wait between reconnection attempts (ms, default 1000; doubles from 100 ms). */
  maxBackoffMs?: number;
}

type Hello = Extract<ServerMessage, { t: 'hello' }>;

export class SessionClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly errors: { code: string; message: string }[] = [];
  hello: Hello | null = null;
  readonly #listeners = new Set<(m: ServerMessage) => void>();

  constructor(opts: SessionClientOptions) {
    this.provider = new WebsocketProvider(opts.url, 'yjs', this.doc, {
      params: { token: opts.token, agentvm: '1' },
      WebSocketPolyfill: opts.WebSocket as typeof WebSocket | undefined,
      disableBc: true,
      connect: opts.connect ?? true,
      maxBackoffTime: opts.maxBackoffMs ?? 1000,
    });
    this.provider.messageHandlers[MSG_AGENTVM] = (_enc: unknown, dec: decoding.Decoder) => {
      const msg = JSON.parse(decoding.readVarString(dec)) as ServerMessage;
      if (msg.t === 'hello') this.hello = msg;
      if (msg.t === 'error') { this.errors.push({ code: msg.code, message: msg.message }); if (this.errors.length > 100) this.errors.shift(); }
      for (const l of this.#listeners) l(msg);
    };
    if (opts.user) this.awareness.setLocalStateField('user', opts.user);
  }

  get awareness(): Awareness { return this.provider.awareness; }

  onMessage(l: (m: ServerMessage) => void): () => void { this.#listeners.add(l); return () => this.#listeners.delete(l); }

  /** Resolves once the first sync with the server completed. */
  synced(timeoutMs = 10_000): Promise<void> {
    if (this.provider.synced && this.hello) return Promise.resolve();
    return this.waitFor(() => this.provider.synced && this.hello !== null, timeoutMs, 'sync');
  }

  send(msg: ClientMessage): void {
    const ws = this.provider.ws;
    if (!ws || ws.readyState !== 1) throw new Error('not connected to the session');
    ws.send(encodeAgentvm(msg));
  }

  input(data: string): void { this.send({ t: 'input', data }); }
  resize(cols: number, rows: number): void { this.send({ t: 'resize', cols, rows }); }
  requestControl(): void { this.send({ t: 'control', action: 'request' }); }
  takeControl(): void { this.send({ t: 'control', action: 'take' }); }
  releaseControl(): void { this.send({ t: 'control', action: 'release' }); }
  grantControl(to: string): void { this.send({ t: 'control', action: 'grant', to }); }
  openFile(path: string): void { this.send({ t: 'open', path }); }
  closeFile(path: string): void { this.send({ t: 'close', path }); }
  fileText(path: string): Y.Text { return this.doc.getText(`file:${path}`); }

  /** Everything the terminal printed (in the current retention epoch). */
  get terminalText(): string { return this.doc.getArray<string>('terminal').toArray().join(''); }
  get events(): SessionEvent[] { return this.doc.getArray<SessionEvent>('events').toArray(); }
  get driver(): { id: string; name: string } | null { return (this.doc.getMap('session').get('driver') as { id: string; name: string } | null) ?? null; }
  get files(): Y.Map<{ type: string; size: number; mtime: number; mode: number }> { return this.doc.getMap('files'); }

  /** Resolves when `pred()` holds, re-checking after every doc change or server message. */
  waitFor(pred: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => { if (pred()) { cleanup(); resolve(); } };
      const t = setTimeout(() => { cleanup(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
      const off = this.onMessage(check);
      const onSync = () => check();
      this.doc.on('update', check);
      this.provider.on('sync', onSync);
      const cleanup = () => { clearTimeout(t); off(); this.doc.off('update', check); this.provider.off('sync', onSync); };
    });
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
