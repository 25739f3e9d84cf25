// The session socket's wire format: the y-websocket protocol (y-protocols sync + awareness +
// auth messages) plus one agentvm message type for steering. A stock y-websocket
// WebsocketProvider speaks the first three; agentvm clients (the web pane, the Node client)
// connect with `?agentvm=1` and also receive/send type 100, whose payload is one JSON object.
//
//   0 sync       varUint subtype (0 step1 state vector, 1 step2 update, 2 update) + varUint8Array
//   1 awareness  varUint8Array awareness update (the server rewrites `user` to what the token says)
//   2 auth       varUint 0 (permission denied) + varString reason — sent when a write is refused
//   3 query awareness
// 100 agentvm    varString JSON (ClientMessage / ServerMessage below)

import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
export const MSG_QUERY_AWARENESS = 3;
export const MSG_AGENTVM = 100;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** What an agentvm client may send (type 100). */
export type ClientMessage =
  | { t: 'input'; data: string }
  | { t: 'resize'; cols: number; rows: number }
  | { t: 'control'; action: 'request' | 'release' | 'take' }
  | { t: 'control'; action: 'grant'; to: string }
  | { t: 'open'; path: string }
  | { t: 'close'; path: string }
  | { t: 'ping'; id: number };

/** What the server sends to agentvm clients (type 100). */
export type ServerMessage =
  | { t: 'hello'; conn: string; grant: string; role: string; name: string; session: string }
  | { t: 'error'; code: string; message: string; req?: string }
  | { t: 'pong'; id: number };

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  encoding.writeVarUint(e, SYNC_STEP1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

export function encodeSync(subtype: number, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  encoding.writeVarUint(e, subtype);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_AWARENESS);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodePermissionDenied(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_AUTH);
  encoding.writeVarUint(e, 0);
  encoding.writeVarString(e, reason);
  return encoding.toUint8Array(e);
}

export function encodeAgentvm(msg: ServerMessage | ClientMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_AGENTVM);
  encoding.writeVarString(e, JSON.stringify(msg));
  return encoding.toUint8Array(e);
}

/** Splits a message into its type and a decoder positioned after it; throws on garbage. */
export function openMessage(data: Uint8Array): { type: number; dec: decoding.Decoder } {
  const dec = decoding.createDecoder(data);
  return { type: decoding.readVarUint(dec), dec };
}

export { decoding, encoding };
