// The web pane's pages and files. The browser code (web/pane/, built by `npm run build:web`) lands
// in web/dist: agentvm-pane.js defines <agentvm-sessions> and <agentvm-pane>. Routes:
//   GET /          the session list (the API token travels in the URL hash: #token=…)
//   GET /s/:id     one session's pane (its session token in the hash: #token=…)
//   GET /pane/*    the built files, to any origin (a page elsewhere may embed the pane)
// Tokens never reach these routes: the browser code reads them from location.hash.

import { Hono, type Context } from 'hono';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:web` puts the pane: web/dist next to this file. */
export const defaultPaneDir: string = fileURLToPath(new URL('./dist/', import.meta.url));

/** The module every page loads. */
export const PANE_ENTRY = 'agentvm-pane.js';

export interface PaneOptions {
  /** Directory of the built pane (default web/dist). */
  paneDir?: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const NOT_BUILT = 'the web pane is not built: run `npm run build:web` in the agentvm package, then reload';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>html,body{height:100%;margin:0}body{display:flex;flex-direction:column}body>*{flex:1 1 auto;min-height:0}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const shell = (element: string) => page('agentvm', `${element}\n<script type="module" src="/pane/${PANE_ENTRY}"></script>`);

const message = (title: string, text: string) =>
  page(title, `<main style="font:16px/1.5 system-ui,sans-serif;padding:2rem;max-width:40rem"><h1 style="font-size:1.25rem">${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main>`);

const htmlHeaders = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };

/**
 * The file under `root` that `rel` (the URL path after /pane/, still percent-encoded) names, or
 * null when it is malformed or would leave `root` (.., encoded slashes or dots, backslashes,
 * NUL, dot files).
 */
export function paneFile(root: string, rel: string): string | null {
  let decoded: string;
  try { decoded = decodeURIComponent(rel); } catch { return null; }
  if (decoded === '' || decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/');
  if (parts.some((p) => p === '' || p.startsWith('.'))) return null;
  const base = resolve(root);
  const full = resolve(base, ...parts);
  return full.startsWith(base + sep) ? full : null;
}

/** The pane's routes (/, /s/:id, /pane/*), to mount on the server's app. */
export function createPane(opts: PaneOptions = {}): Hono {
  const root = resolve(opts.paneDir ?? defaultPaneDir);
  const built = () => existsSync(resolve(root, PANE_ENTRY));
  const app = new Hono();

  const notBuiltPage = (c: Context) => c.body(message('agentvm: pane not built', NOT_BUILT), 503, htmlHeaders);

  app.get('/', (c) => built() ? c.body(shell('<agentvm-sessions></agentvm-sessions>'), 200, htmlHeaders) : notBuiltPage(c));

  app.get('/s/:id', (c) => {
    const id = c.req.param('id');
    if (!ID_RE.test(id)) return c.body(message('agentvm: no such session', 'session ids are 1-64 characters of A-Z a-z 0-9 _ -'), 404, htmlHeaders);
    if (!built()) return notBuiltPage(c);
    return c.body(shell(`<agentvm-pane session="${escapeHtml(id)}"></agentvm-pane>`), 200, htmlHeaders);
  });

  app.get('/pane/*', async (c) => {
    // any origin may load the pane (<script type="module" src="http://this-server/pane/agentvm-pane.js">)
    const cors = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };
    const err = (status: 400 | 404 | 503, code: string, text: string) =>
      c.json({ error: { code, message: text } }, status, { ...cors, 'cache-control': 'no-cache' });
    if (!built()) return err(503, 'PANE_NOT_BUILT', NOT_BUILT);
    const file = paneFile(root, c.req.path.slice('/pane/'.length));
    if (file === null) return err(404, 'NOT_FOUND', 'no such file in the pane');
    let st;
    try { st = await stat(file); } catch { return err(404, 'NOT_FOUND', 'no such file in the pane'); }
    if (!st.isFile()) return err(404, 'NOT_FOUND', 'no such file in the pane');
    const etag = `"${st.size.toString(36)}-${Math.trunc(st.mtimeMs).toString(36)}"`;
    const headers: Record<string, string> = {
      ...cors, etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff',
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    };
    const match = c.req.header('if-none-match');
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) {
      delete headers['content-type'];
      return c.body(null, 304, headers);
    }
    let data: Buffer;
    try { data = await readFile(file); } catch { return err(404, 'NOT_FOUND', 'no such file in the pane'); }
    return c.body(new Uint8Array(data), 200, headers);
  });

  return app;
}
