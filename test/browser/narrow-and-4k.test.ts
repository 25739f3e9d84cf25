// The pane on a phone (360×740) and on a 4K screen (3840×2160), in both themes.
// 360: no horizontal page overflow; the panel tabs show one panel at a time; every header control
// is visible inside the viewport; the keyboard alone (Tab, Enter) requests and takes control.
// 4K: three columns side by side, a wide terminal, larger type than at 1440.
// Saves test/artifacts/pane-360.png and pane-4k.png (plus -dark variants).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { withServer, createSession, api } from '../server/helpers.ts';
import { launch, windowAt, openSession, waitTerminal, typeInTerminal, screenshot, whoAmI, until, assertResponsive } from './browser.ts';

const PANELS = { terminal: '.avm-terminal', files: '.avm-files', editor: '.avm-editor', timeline: '.avm-events' } as const;

/** Elements of `sel` that are not fully inside the viewport horizontally, or are invisible. */
async function outside(page: Page, sel: string): Promise<string[]> {
  return page.evaluate((s) => {
    const vw = document.documentElement.clientWidth;
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(s))) {
      const r = el.getBoundingClientRect();
      const label = `${el.tagName.toLowerCase()}[${el.dataset.action ?? el.dataset.avm ?? el.className}] ${Math.round(r.left)}..${Math.round(r.right)}×${Math.round(r.height)}`;
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') bad.push(`${label} invisible`);
      else if (r.left < 0 || r.right > vw + 0.5) bad.push(`${label} outside 0..${vw}`);
    }
    return bad;
  }, sel);
}

/** Pairs of `sel` elements whose boxes overlap (a cut-off or stacked control). */
async function overlaps(page: Page, sel: string): Promise<string[]> {
  return page.evaluate((s) => {
    const els = Array.from(document.querySelectorAll<HTMLElement>(s)).filter((e) => e.getBoundingClientRect().width > 0);
    const out: string[] = [];
    for (let i = 0; i < els.length; i++) for (let j = i + 1; j < els.length; j++) {
      const a = els[i]!.getBoundingClientRect(), b = els[j]!.getBoundingClientRect();
      if (els[i]!.contains(els[j]!) || els[j]!.contains(els[i]!)) continue;
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) out.push(`${els[i]!.textContent} / ${els[j]!.textContent}`);
    }
    return out;
  }, sel);
}

const pageWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);
const visible = (p: Page, sel: string) => p.locator(sel).first().isVisible();
const px = (p: Page, sel: string) => p.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize), sel);

/** From the top of the pane (its first link), presses Tab until `sel` has the focus; fails when it is never reached. */
async function tabTo(page: Page, sel: string, max = 40): Promise<void> {
  await page.locator('.avm-bar .avm-logo').focus();
  if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, sel)) return;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, sel)) return;
  }
  assert.fail(`Tab never reached ${sel}`);
}

test('360 px: no overflow, panel tabs, reachable controls, keyboard; 4K: three wide columns, larger type; both themes', async () => {
  const env = await withServer();
  const browser = await launch();
  try {
    const s = await createSession(env.server, 'a session name long enough to need ellipsis on a phone');
    const link = await api(env.server, 'POST', `/api/sessions/${s.id}/share`, s.token, { role: 'driver', name: 'Pat Participant' });
    assert.equal(link.status, 201);

    // ---- 360 × 740: the owner (drives) and a participant, both on phones
    const phone = { width: 360, height: 740 };
    const owner = await openSession(await windowAt(browser, phone), env.server.url, s.id, s.token);
    await waitTerminal(owner, '$ ');
    await typeInTerminal(owner, 'echo "first line of notes" > notes.txt; ls -la /; echo narrow-$((3*4))\r');
    await waitTerminal(owner, /(^|\n)narrow-12(\n|$)/);
    const pat = await openSession(await windowAt(browser, phone), env.server.url, s.id, link.json.token);
    await owner.locator('[data-avm="presence"] li').nth(1).waitFor();
    await owner.locator('[data-avm="controls"] [data-action="handover-to"]').waitFor();

    for (const p of [owner, pat]) {
      assert.ok(await pageWidth(p) <= 360, `page is ${await pageWidth(p)} px wide at 360`);
      assert.ok(await p.locator('nav.avm-viewtabs').isVisible(), 'panel tabs shown on a phone');
      // the whole header: logo, title, badge, people, every control
      assert.deepEqual(await outside(p, '.avm-bar .avm-logo, .avm-bar [data-avm="connection"], .avm-bar [data-avm="presence"], .avm-bar [data-avm="controls"] > *'), []);
      assert.deepEqual(await overlaps(p, '.avm-bar .avm-logo, .avm-bar .avm-title, .avm-bar [data-avm="connection"], .avm-bar [data-avm="presence"], .avm-bar [data-avm="controls"] > *'), []);
      // the header leaves most of the screen to the panel
      const bar = (await p.locator('.avm-bar').boundingBox())!;
      assert.ok(bar.height < 740 * 0.25, `header is ${bar.height} px tall`);
    }
    // every owner control is there: ^C, hand over, release, share, fork, theme
    for (const a of ['interrupt', 'handover-to', 'release', 'share', 'fork', 'theme']) {
      assert.ok(await visible(owner, `[data-avm="controls"] [data-action="${a}"]`), `${a} visible at 360`);
    }

    // the panel tabs: one panel at a time, each fills the width
    for (const [view, sel] of Object.entries(PANELS)) {
      await owner.locator(`nav.avm-viewtabs button[data-view="${view}"]`).click();
      assert.equal(await owner.locator(`nav.avm-viewtabs button[data-view="${view}"]`).getAttribute('aria-pressed'), 'true');
      assert.ok(await visible(owner, sel), `${view} visible after its tab`);
      for (const [other, osel] of Object.entries(PANELS)) if (other !== view) assert.equal(await visible(owner, osel), false, `${other} hidden while ${view} shows`);
      const box = (await owner.locator(sel).boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 360.5 && box.width > 340, `${view} is ${box.x}+${box.width}`);
      assert.ok(box.height > 740 * 0.5, `${view} is only ${box.height} px tall`);
      assert.ok(await pageWidth(owner) <= 360, `page overflows with ${view}`);
    }
    // files → a tap on a file opens it in the editor panel
    await owner.locator('nav.avm-viewtabs button[data-view="files"]').click();
    await owner.locator('.avm-tree-row', { hasText: 'notes.txt' }).click();
    assert.equal(await owner.locator('.avm-root').getAttribute('data-view'), 'editor');
    await owner.locator('.avm-editor .cm-content', { hasText: 'first line of notes' }).waitFor();
    assert.ok(await pageWidth(owner) <= 360);
    await owner.locator('nav.avm-viewtabs button[data-view="timeline"]').click();
    await owner.locator('[data-avm="timeline"] [data-type="command.started"]').first().waitFor();
    await owner.locator('nav.avm-viewtabs button[data-view="terminal"]').click();
    // the driver's phone sizes the PTY: the terminal's screen fits the panel, no sideways scrolling
    await until(() => owner.evaluate(() => {
      const screen = document.querySelector('.avm-term .xterm-screen')!.getBoundingClientRect();
      const panel = document.querySelector('.avm-term')!.getBoundingClientRect();
      return screen.width > 200 && screen.right <= panel.right + 0.5;
    }), 'the terminal fitted to 360 px');

    // keyboard only: the participant tabs to "Request control" and presses Enter
    await tabTo(pat, '[data-avm="controls"] [data-action="request"]');
    await pat.keyboard.press('Enter');
    await pat.locator('[data-avm="controls"] [data-action="request"]:disabled', { hasText: 'requested' }).waitFor();
    const patMe = (await whoAmI(pat))!;
    await until(async () => (await api(env.server, 'GET', `/api/sessions/${s.id}/events`, s.token)).json.events
      .some((e: { type: string; by?: { id: string } }) => e.type === 'control.requested' && e.by?.id === patMe.grant), 'control.requested in the REST event log');
    // the owner's banner on the phone: visible, inside the viewport; hand over with the keyboard too
    // The owner has notes.txt open in the editor here: a control request (any change of the
    // session map) makes the pane call EditorPanel.refresh(), which looped forever in
    // web/pane/editor-view.ts (it re-inserted tabs into the Map it was iterating) and froze the tab.
    await new Promise((r) => setTimeout(r, 300));
    await assertResponsive(owner, 'a control request arrived while a file was open in the editor');
    await owner.locator('[data-avm="requests"]', { hasText: 'asks for control' }).waitFor();
    assert.deepEqual(await outside(owner, '[data-avm="requests"], [data-avm="requests"] [data-action="grant"]'), []);
    assert.ok(await pageWidth(owner) <= 360);
    await screenshot(owner, 'pane-360.png');
    await tabTo(owner, '[data-avm="requests"] [data-action="grant"]');
    await owner.keyboard.press('Enter');
    await pat.locator('[data-avm="controls"] [data-action="release"]').waitFor();
    // and back: the owner takes control with Tab + Enter
    await tabTo(owner, '[data-avm="controls"] [data-action="take"]');
    await owner.keyboard.press('Enter');
    await owner.locator('[data-avm="controls"] [data-action="release"]').waitFor();
    await pat.locator('[data-avm="controls"] [data-action="request"]').waitFor();
    assert.deepEqual(await outside(pat, '.avm-bar [data-avm="controls"] > *'), []);

    // ---- the join form on a phone (a browser that holds the API token, no token for this session)
    const joinCtx = await windowAt(browser, phone);
    await joinCtx.addInitScript((t) => localStorage.setItem('agentvm:api-token', t), env.server.apiToken);
    const joiner = await joinCtx.newPage();
    await joiner.goto(`${env.server.url}/s/${s.id}`);
    await joiner.locator('[data-avm="join"]').waitFor();
    assert.ok(await pageWidth(joiner) <= 360, `join page is ${await pageWidth(joiner)} px wide`);
    assert.deepEqual(await outside(joiner, '[data-avm="gate"], [data-avm="join"] input, [data-avm="join"] select, [data-avm="join"] button'), []);

    // ---- both themes at 360: a dark-scheme browser starts dark; the theme button toggles it
    const darkCtx = await windowAt(browser, phone, 'dark');
    const dark = await openSession(darkCtx, env.server.url, s.id, link.json.token);
    await waitTerminal(dark, 'narrow-12');
    assert.equal(await dark.locator('.avm-root').getAttribute('data-theme'), 'dark');
    const bg = () => dark.evaluate(() => getComputedStyle(document.querySelector('.avm-bar')!).backgroundColor);
    const darkBg = await bg();
    assert.ok(await pageWidth(dark) <= 360);
    await screenshot(dark, 'pane-360-dark.png');
    await dark.locator('[data-action="theme"]').click();
    assert.equal(await dark.locator('.avm-root').getAttribute('data-theme'), 'light');
    assert.notEqual(await bg(), darkBg, 'the colours change with the theme');
    await dark.locator('[data-action="theme"]').click();
    assert.equal(await dark.locator('.avm-root').getAttribute('data-theme'), 'dark');
    assert.equal(await bg(), darkBg);

    // ---- 1440 and 4K
    const desk = await openSession(await windowAt(browser), env.server.url, s.id, s.token);
    const k4 = await openSession(await windowAt(browser, { width: 3840, height: 2160 }), env.server.url, s.id, s.token);
    await waitTerminal(k4, 'narrow-12');
    assert.equal(await k4.locator('nav.avm-viewtabs').isVisible(), false, 'no panel tabs on a large screen');
    for (const sel of Object.values(PANELS).filter((x) => x !== '.avm-editor')) assert.ok(await visible(k4, sel), `${sel} visible at 4K`);
    await k4.locator('.avm-tree-row', { hasText: 'notes.txt' }).click();
    await k4.locator('.avm-editor .cm-content', { hasText: 'first line of notes' }).waitFor();
    const [files, center, events, term, editor] = await Promise.all(['.avm-files', '.avm-center', '.avm-events', '[data-avm="terminal"]', '.avm-editor'].map(async (sel) => (await k4.locator(sel).boundingBox())!));
    assert.ok(files.x < center.x && center.x + center.width <= events.x + 1, 'files | center | timeline side by side');
    assert.ok(events.x + events.width >= 3840 - 2 && files.x <= 1, 'the columns span the screen');
    assert.ok(center.height > 2160 * 0.85, `center column is ${center.height} px tall`);
    assert.ok(term.width > 1500 || term.width + editor.width > 1500, `terminal is ${term.width} px wide`);
    assert.ok(term.width > 1500 || editor.x > term.x, 'with a file open, editor and terminal share the center side by side');
    // close the file: the terminal alone takes the whole centre
    await k4.locator('.avm-tab-close').first().click();
    await until(async () => (await k4.locator('[data-avm="terminal"]').boundingBox())!.width > 1500, 'terminal wider than 1500 px at 4K');
    assert.ok(await px(k4, '.avm-root') > await px(desk, '.avm-root'), 'larger UI type at 4K');
    assert.ok(await px(k4, '.avm-root .xterm-rows') > await px(desk, '.avm-root .xterm-rows'), 'larger terminal type at 4K');
    assert.ok(await pageWidth(k4) <= 3840);
    assert.deepEqual(await outside(k4, '.avm-bar [data-avm="controls"] > *'), []);
    await screenshot(k4, 'pane-4k.png');

    const dark4k = await openSession(await windowAt(browser, { width: 3840, height: 2160 }, 'dark'), env.server.url, s.id, link.json.token);
    await waitTerminal(dark4k, 'narrow-12');
    assert.equal(await dark4k.locator('.avm-root').getAttribute('data-theme'), 'dark');
    await screenshot(dark4k, 'pane-4k-dark.png');

    const errors = [owner, pat, dark, desk, k4, dark4k].flatMap((p) => (p as any).errors as string[]);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await env.done();
  }
});
