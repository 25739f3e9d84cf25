// Every limit of the session layer, in one place (the kernel's own are in kernel/limits.ts).
// Each is enforced where noted.

export const sessionLimits = {
  /** Bytes queued on one client socket before the client is dropped as too slow (conn.ts). */
  socketBufferedBytes: 16 * 1024 * 1024,
  /** Events kept in the doc; past it the oldest quarter is dropped (events.ts). */
  events: 10_000,
  /** Terminal characters kept before compaction to a screen snapshot (terminal.ts). */
  terminalChars: 256 * 1024,
  /** Terminal chunks kept before compaction (terminal.ts). */
  terminalChunks: 4096,
  /** Scrollback lines kept in a compaction snapshot (terminal.ts). */
  terminalScrollback: 1000,
  /** Entries in the doc's file tree; past it the tree stops growing and says so (filetree.ts). */
  fileTreeEntries: 20_000,
  /** Largest file that can be opened for live editing (openfiles.ts). */
  openFileBytes: 1024 * 1024,
  /** File changes reach the journal at most this long after they happen (core.ts). */
  fileFlushMs: 100,
  /** At most one 'write.rejected' event per connection per this many ms (core.ts). */
  rejectLogMs: 5000,
  /** Presence renewals (no change) are forwarded at most this often (core.ts). */
  awarenessRenewMs: 1000,
  /** Largest REST request body (web/api.ts via web/server.ts). */
  requestBodyBytes: 32 * 1024 * 1024,
  /** Largest message to or from a session actor (actors/registry.ts). */
  actorMessageBytes: 64 * 1024 * 1024,
  /** Largest WebSocket message from a client (web/server.ts). */
  socketMessageBytes: 64 * 1024 * 1024,
} as const;
