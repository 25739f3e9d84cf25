// Entry of the pane bundle (web/dist/agentvm-pane.js): defines <agentvm-pane> and
// <agentvm-sessions>. Embed with
//   <script type="module" src="https://your-agentvm-server/pane/agentvm-pane.js"></script>
//   <agentvm-pane server="https://your-agentvm-server" session="ID" token="avm_…"></agentvm-pane>

import { AgentvmPane } from './pane.ts';
import { AgentvmSessions } from './sessions.ts';

if (!customElements.get('agentvm-pane')) customElements.define('agentvm-pane', AgentvmPane);
if (!customElements.get('agentvm-sessions')) customElements.define('agentvm-sessions', AgentvmSessions);

export { AgentvmPane, AgentvmSessions };
export type { ConnectionState } from './pane.ts';
