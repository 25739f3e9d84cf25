// Process-wide settings of the session layer: where journals live and how other servers reach
// this one directly. Set once by the server (web/server.ts) before the registry starts.

import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface SessionConfig {
  /** Data directory of this server process: journals (and the engine's state when it is embedded). */
  dataDir: string;
  /** Identifies this server process among the runners of one engine. */
  runnerId: string;
  /** http://host:port of this server, for sockets forwarded straight to the process that owns a session. */
  directUrl: string | null;
}

let current: SessionConfig = {
  dataDir: process.env.AGENTVM_DATA ?? join(homedir(), '.agentvm'),
  runnerId: randomBytes(6).toString('hex'),
  directUrl: null,
};

export function sessionConfig(): SessionConfig { return current; }

export function configureSessions(patch: Partial<SessionConfig>): SessionConfig {
  current = { ...current, ...patch };
  return current;
}
