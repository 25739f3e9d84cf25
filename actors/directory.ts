// The `directory` actor (one, key ['main']): the list of sessions, so any server process can list
// them. Session contents never pass through here.

import { actor } from 'rivetkit';

export interface SessionEntry { id: string; name: string; createdAt: number; forkOf: string | null; closed: boolean }

export const directory = actor({
  state: { sessions: {} as Record<string, SessionEntry> },
  actions: {
    add: async (c, e: SessionEntry) => { c.state.sessions[e.id] = e; await c.saveState({ immediate: true }); },
    closed: async (c, id: string) => {
      const e = c.state.sessions[id];
      if (e) { e.closed = true; await c.saveState({ immediate: true }); }
    },
    list: (c) => Object.values(c.state.sessions).sort((a, b) => a.createdAt - b.createdAt),
    get: (c, id: string) => c.state.sessions[id] ?? null,
  },
});
