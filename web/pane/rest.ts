// The pane's side of the REST API (web/api.ts) and where it keeps tokens in the browser:
//   localStorage  agentvm:api-token         the server's API token (from the printed #token= URL)
//                 agentvm:name              the name last used to create or join
//                 agentvm:owner:<session>   owner tokens of sessions this browser created
//   sessionStorage agentvm:token:<session>  this tab's token for a session: every tab is its own
//                                           participant, and a reload keeps its identity

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) { super(message); this.code = code; this.status = status; }
}

export async function api<T>(server: string, path: string, token: string | null, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${server}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new ApiError('OFFLINE', `cannot reach the agentvm server at ${server}`, 0);
  }
  const text = await res.text();
  let body: unknown = null;
  try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(err?.code ?? `HTTP_${res.status}`, err?.message ?? `the server answered ${res.status}`, res.status);
  }
  return body as T;
}

const safe = <T>(f: () => T, fallback: T): T => { try { return f(); } catch { return fallback; } };

export const store = {
  apiToken: (): string | null => safe(() => localStorage.getItem('agentvm:api-token'), null),
  setApiToken: (t: string): void => safe(() => localStorage.setItem('agentvm:api-token', t), undefined),
  forgetApiToken: (): void => safe(() => localStorage.removeItem('agentvm:api-token'), undefined),
  name: (): string => safe(() => localStorage.getItem('agentvm:name'), null) ?? '',
  setName: (n: string): void => safe(() => localStorage.setItem('agentvm:name', n), undefined),
  ownerToken: (id: string): string | null => safe(() => localStorage.getItem(`agentvm:owner:${id}`), null),
  setOwnerToken: (id: string, t: string): void => safe(() => localStorage.setItem(`agentvm:owner:${id}`, t), undefined),
  tabToken: (id: string): string | null => safe(() => sessionStorage.getItem(`agentvm:token:${id}`), null),
  setTabToken: (id: string, t: string): void => safe(() => sessionStorage.setItem(`agentvm:token:${id}`, t), undefined),
  forgetTabToken: (id: string): void => safe(() => sessionStorage.removeItem(`agentvm:token:${id}`), undefined),
};

/** Reads `token=` from the URL's hash and removes it from the address bar (it stays out of history and server logs). */
export function takeHashToken(): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!m) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(m[1]!);
}

/** The server's base URL for an element: its `server` attribute, else this page's origin. */
export function serverOf(el: Element): string {
  return (el.getAttribute('server') || location.origin).replace(/\/+$/, '');
}

export function pageUrl(server: string, id: string, token?: string): string {
  return `${server}/s/${encodeURIComponent(id)}${token ? `#token=${encodeURIComponent(token)}` : ''}`;
}
