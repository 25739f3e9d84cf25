// The RivetKit registry of agentvm: the `session` actor (one per agent session) and the
// `directory` actor (the list of sessions).

import { setup } from 'rivetkit';
import { session } from './session.ts';
import { directory } from './directory.ts';
import { sessionLimits } from './limits.ts';

export function createRegistry(opts: { endpoint?: string; enginePort?: number; logLevel?: 'error' | 'warn' | 'info' | 'debug' } = {}) {
  return setup({
    use: { session, directory },
    noWelcome: true,
    logging: { level: opts.logLevel ?? 'warn' },
    ...(opts.endpoint ? { endpoint: opts.endpoint, startEngine: false } : { startEngine: true }),
    ...(opts.enginePort ? { enginePort: opts.enginePort } : {}),
    shutdown: { disableSignalHandlers: true },
    // file reads/writes and exec output travel in action messages (defaults: 64 KiB in, 1 MiB out)
    maxIncomingMessageSize: sessionLimits.actorMessageBytes,
    maxOutgoingMessageSize: sessionLimits.actorMessageBytes,
  });
}

export type AgentvmRegistry = ReturnType<typeof createRegistry>;
