// Process-wide settings of the session layer: where journals live and how other servers reach
// this one directly, and a hash of its API token. Set once by the server (web/server.ts) before
// the registry starts.

import { homedir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SessionConfig {
  /** Data directory of this server process: journals (and the engine's state when it is embedded). */
  dataDir: string;
  /** Identifies this server process among the runners of one engine. */
  runnerId: string;
  /** http://host:port of this server, for sockets forwarded straight to the process that owns a session. */
  directUrl: string | null;
  /**
   * SHA-256 (base64url) of the server's API token, for actions that accept it instead of a
   * session token (`admit`). null: no API token is configured and such actions refuse everyone.
   */
  apiTokenHash: string | null;
}

let current: SessionConfig = {
  dataDir: process.env.AGENTVM_DATA ?? join(homedir(), '.agentvm'),
  runnerId: randomBytes(6).toString('hex'),
  directUrl: null,
  apiTokenHash: null,
};

export function sessionConfig(): SessionConfig { return current; }

export function configureSessions(patch: Partial<SessionConfig>): SessionConfig {
  current = { ...current, ...patch };
  return current;
}

/** SHA-256 of an API token, base64url (what `apiTokenHash` holds). */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Whether `token` is this server's API token (hashes compared in constant time). */
export function isApiToken(token: unknown): boolean {
  const want = current.apiTokenHash;
  if (want === null || typeof token !== 'string' || token === '') return false;
  const a = Buffer.from(hashApiToken(token), 'base64url');
  const b = Buffer.from(want, 'base64url');
  return a.length === b.length && timingSafeEqual(a, b);
}
