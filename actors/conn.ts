// One client's socket to a session: speaks the y-websocket protocol (see protocol.ts) against the
// session's Y.Doc and Awareness. The connection knows who it is (the Grant its token proved);
// every write it attempts goes through the host's checks, so authorization lives on the server.

import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Grant } from './auth.ts';
import { sessionLimits } from './limits.ts';
import {
  MSG_AGENTVM, MSG_AUTH, MSG_AWARENESS, MSG_QUERY_AWARENESS, MSG_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE,
  decoding, encodeAgentvm, encodeAwareness, encodePermissionDenied, encodeSync, encodeSyncStep1, encoding, openMessage,
  type ClientMessage, type ServerMessage,
} from './protocol.ts';

/** The least a transport must offer: ws's WebSocket, RivetKit's UniversalWebSocket, a test double. */
export interface SocketLike {
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  readonly bufferedAmount?: number;
}

/** What a connection needs from its session (SessionCore implements it). */
export interface ConnHost {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** null if `conn` may apply `update`, else the reason it may not. */
  checkWrite(conn: Conn, update: Uint8Array): string | null;
  /** A refused write (logged by the host). */
  rejected(conn: Conn, what: string, reason: string): void;
  message(conn: Conn, msg: ClientMessage): void;
  detach(conn: Conn): void;
}


let connSeq = 0;

export class Conn {
  readonly id: string;
  readonly grant: Grant;
  /** Speaks message type 100 (asked for with ?agentvm=1). */
  readonly agentvm: boolean;
  readonly #host: ConnHost;
  readonly #socket: SocketLike;
  /** Awareness client ids this connection has announced (only these may it update or remove). */
  readonly clientIds = new Set<number>();
  #closed = false;

  constructor(host: ConnHost, socket: SocketLike, grant: Grant, opts: { agentvm?: boolean } = {}) {
    this.id = `c${++connSeq}`;
    this.#host = host;
    this.#socket = socket;
    this.grant = grant;
    this.agentvm = opts.agentvm ?? false;
  }

  get closed(): boolean { return this.#closed; }

  /** Opens the conversation: our state vector (the client answers with what we lack) and presence. */
  start(): void {
    if (this.agentvm) {
      this.sendMessage({ t: 'hello', conn: this.id, grant: this.grant.id, role: this.grant.role, name: this.grant.name, session: this.#host.id });
    }
    this.send(encodeSyncStep1(Y.encodeStateVector(this.#host.doc)));
    const aw = this.#host.awareness;
    if (aw.getStates().size > 0) {
      this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(aw, [...aw.getStates().keys()])));
    }
  }

  send(data: Uint8Array): void {
    if (this.#closed) return;
    if ((this.#socket.bufferedAmount ?? 0) > sessionLimits.socketBufferedBytes) {
      this.close(1013, 'client too slow: reconnect to resync');
      return;
    }
    try { this.#socket.send(data); } catch { this.close(1011, 'send failed'); }
  }

  sendMessage(msg: ServerMessage): void { if (this.agentvm) this.send(encodeAgentvm(msg)); }

  error(code: string, message: string): void {
    if (this.agentvm) this.sendMessage({ t: 'error', code, message });
  }

  /** One message from the client. Garbage closes the connection (1003) instead of throwing. */
  receive(data: Uint8Array): void {
    if (this.#closed) return;
    if (this.grant.revoked || (this.grant.expiresAt !== undefined && Date.now() >= this.grant.expiresAt)) {
      this.close(4401, 'your access to this session expired or was revoked');
      return;
    }
    try {
      this.#dispatch(data);
    } catch (e) {
      this.close(1003, `bad message: ${(e as Error).message}`.slice(0, 120));
    }
  }

  #dispatch(data: Uint8Array): void {
    const { type, dec } = openMessage(data);
    switch (type) {
      case MSG_SYNC: {
        const sub = decoding.readVarUint(dec);
        const payload = decoding.readVarUint8Array(dec);
        if (sub === SYNC_STEP1) {
          this.send(encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(this.#host.doc, payload)));
        } else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) {
          const reason = this.#host.checkWrite(this, payload);
          if (reason !== null) {
            this.#host.rejected(this, 'doc update', reason);
            this.send(encodePermissionDenied(reason));
            return;
          }
          Y.applyUpdate(this.#host.doc, payload, this);
        } else throw new Error(`unknown sync message ${sub}`);
        return;
      }
      case MSG_AWARENESS:
        this.#awareness(decoding.readVarUint8Array(dec));
        return;
      case MSG_QUERY_AWARENESS: {
        const aw = this.#host.awareness;
        this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(aw, [...aw.getStates().keys()])));
        return;
      }
      case MSG_AUTH:
        return;
      case MSG_AGENTVM: {
        const msg = JSON.parse(decoding.readVarString(dec)) as ClientMessage;
        if (typeof msg !== 'object' || msg === null || typeof msg.t !== 'string') throw new Error('agentvm message must be a JSON object with a string "t"');
        this.#host.message(this, msg);
        return;
      }
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  /** Presence: a client may only speak for its own awareness ids; `user` identity comes from the token. */
  #awareness(update: Uint8Array): void {
    const dec = decoding.createDecoder(update);
    const out = encoding.createEncoder();
    const n = decoding.readVarUint(dec);
    const entries: [number, number, string][] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(dec);
      const clock = decoding.readVarUint(dec);
      const raw = decoding.readVarString(dec);
      if (!this.clientIds.has(clientId)) {
        if (this.#host.awareness.getStates().has(clientId) || this.clientIds.size >= 4) continue; // someone else's
        this.clientIds.add(clientId);
      }
      let state = JSON.parse(raw) as Record<string, unknown> | null;
      if (state !== null && typeof state === 'object') {
        const user = typeof state.user === 'object' && state.user !== null ? state.user as Record<string, unknown> : {};
        state = { ...state, user: { ...user, name: this.grant.name, role: this.grant.role, id: this.grant.id, conn: this.id } };
      }
      entries.push([clientId, clock, JSON.stringify(state)]);
    }
    if (entries.length === 0) return;
    encoding.writeVarUint(out, entries.length);
    for (const [c, k, s] of entries) { encoding.writeVarUint(out, c); encoding.writeVarUint(out, k); encoding.writeVarString(out, s); }
    awarenessProtocol.applyAwarenessUpdate(this.#host.awareness, encoding.toUint8Array(out), this);
  }

  close(code = 1000, reason = ''): void {
    if (this.#closed) return;
    this.#closed = true;
    try { this.#socket.close(code, reason); } catch { /* already closed */ }
    if (this.clientIds.size > 0) awarenessProtocol.removeAwarenessStates(this.#host.awareness, [...this.clientIds], this);
    this.#host.detach(this);
  }
}
