// Browser tests: Debian's Chromium (/usr/bin/chromium, installed by scripts/ensure-chromium.sh)
// driven by playwright-core, against a real `agentvm serve` in this process (test/server/helpers.ts)
// serving the built pane (web/dist, built by `npm install`).

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.AGENTVM_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run scripts/ensure-chromium.sh (installs Debian's chromium) or set AGENTVM_CHROMIUM`);
  if (!existsSync(join(import.meta.dirname, '..', '..', 'web', 'dist', 'agentvm-pane.js'))) throw new Error('the pane is not built: run npm run build:web');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A context (one browser window, own storage) with a wide desktop viewport unless told otherwise. */
export async function windowAt(browser: Browser, viewport = { width: 1440, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, colorScheme });
  ctx.setDefaultTimeout(15_000);
  return ctx;
}

/** Opens the standalone session page with a token and waits until the pane is live. */
export async function openSession(ctx: BrowserContext, serverUrl: string, id: string, token: string): Promise<Page> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${serverUrl}/s/${id}#token=${encodeURIComponent(token)}`);
  await waitLive(page);
  return page;
}

export async function waitLive(page: Page): Promise<void> {
  await page.locator('[data-avm="connection"][data-state="live"]').waitFor();
  await page.waitForFunction(() => (document.querySelector('agentvm-pane') as any)?.client?.hello != null);
}

/** What the pane's xterm shows (via the element's public terminalText()). */
export function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('agentvm-pane') as any).terminalText() as string);
}

export async function waitTerminal(page: Page, needle: string | RegExp, timeout = 15_000): Promise<void> {
  await page.waitForFunction(([n, isRe]) => {
    const t = (document.querySelector('agentvm-pane') as any).terminalText() as string;
    return isRe ? new RegExp(n).test(t) : t.includes(n);
  }, [typeof needle === 'string' ? needle : needle.source, typeof needle !== 'string'] as const, { timeout });
}

/** Types into the terminal as a user would: focus it, then key presses. */
export async function typeInTerminal(page: Page, text: string): Promise<void> {
  await page.locator('[data-avm="terminal"] .xterm').click();
  await page.keyboard.type(text, { delay: 5 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  return file;
}

/** A new page in `ctx` that records uncaught page errors in `errors` (assert it is empty at the end). */
export async function trackedPage(ctx: BrowserContext): Promise<Page & { errors: string[] }> {
  const page = await ctx.newPage() as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

/** Polls `f` until it returns a truthy value (or throws after `timeout` ms, naming `what`). */
export async function until<T>(f: () => Promise<T> | T, what: string, timeout = 15_000, every = 100): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try { const v = await f(); if (v) return v; last = v; } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** This window's participant as the server greeted it (grant id, role, name), or null before hello. */
export function whoAmI(page: Page): Promise<{ grant: string; role: string; name: string } | null> {
  return page.evaluate(() => {
    const h = (document.querySelector('agentvm-pane') as any)?.client?.hello;
    return h ? { grant: h.grant as string, role: h.role as string, name: h.name as string } : null;
  });
}

/** Fails (instead of hanging) when the page's main thread does not answer within `ms` (a script stuck in a loop). */
export async function assertResponsive(page: Page, what: string, ms = 5000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<'stuck'>((r) => { timer = setTimeout(() => r('stuck'), ms); });
  const r = await Promise.race([page.evaluate(() => 'ok' as const), stuck]).finally(() => clearTimeout(timer));
  if (r === 'stuck') throw new Error(`the page stopped responding (${what}): its main thread is busy for more than ${ms} ms`);
}
