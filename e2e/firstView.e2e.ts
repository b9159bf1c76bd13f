// A screen's first view (packages/server/src/http/firstView.ts): on a phone, signed in as the demo
// admin, Mine, the organisation and a team page show their head before any script has come; the
// view alone is accessible; and when the app has come it takes the view's place with the same
// head, the same words in the same place, without a console error (the policy allows the one
// inline script by its hash) and without asking again for what the page brought.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoIds, launchBrowser, seriousViolations, signInByApi, startServer, watchErrors, type DemoIds, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let ids: DemoIds;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ baseURL: server.base });
  await signInByApi(context, 'admin@demo.varde.no');
  ids = await demoIds(context.request);
  await context.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const SCREENS = ['Mine', 'organisation', 'team', 'key result'] as const;
const urlOf = (name: typeof SCREENS[number]) => ({ Mine: '/', organisation: '/organisation', team: `/units/${ids.teamId}`, 'key result': `/key-results/${ids.keyResultId}` })[name];

/** A phone in a fresh context, signed in; the app in the organisation's language (bokmål). */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.base, viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  await signInByApi(context, 'admin@demo.varde.no');
  return { context, page: await context.newPage() };
}

interface Drawn { text: string; box: { x: number; y: number; width: number; height: number } }
/** The parts of a screen's head a first view may draw (the key result page's has no lead line). */
const PARTS = ['.page-head h1', '.page-head .lead', '.page-head .breadcrumbs'];
/** Those of `parts` drawn under `root`: their words and where they are. */
async function headIn(page: Page, root: string, parts: readonly string[] = PARTS): Promise<Record<string, Drawn>> {
  const out: Record<string, Drawn> = {};
  for (const selector of parts) {
    const element = page.locator(`${root} ${selector}`).first();
    if (await element.count() === 0) continue;
    const box = (await element.boundingBox())!;
    out[selector] = { text: (await element.textContent())!, box: { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) } };
  }
  return out;
}

describe('a screen\'s first view, on a phone', () => {
  it.each(SCREENS)('%s: drawn before the scripts, accessible, and replaced by the app with the same head in the same place', async (name) => {
    // The scripts held back: what the phone shows before they have come.
    const before = await phone();
    let view: Record<string, Drawn>;
    try {
      await before.page.route('**/assets/*.js', (route) => route.abort());
      await before.page.goto(urlOf(name));
      await before.page.locator('#first-view .page-head h1').waitFor();
      view = await headIn(before.page, '#first-view');
      expect(view['.page-head h1']?.text.length).toBeGreaterThan(0);
      expect(await before.page.locator('#root').isHidden()).toBe(true);
      expect(await seriousViolations(before.page), `axe on ${name}'s first view`).toEqual([]);
    } finally {
      await before.context.close();
    }

    const after = await phone();
    try {
      const errors = watchErrors(after.page);
      const asked: string[] = [];
      after.page.on('request', (r) => { if (r.url().includes('/api/v1/')) asked.push(new URL(r.url()).pathname); });
      // Every layout shift of the load, as the browser reports it (what Lighthouse adds up as CLS).
      await after.context.addInitScript(() => {
        const w = window as unknown as { shifts: number[] };
        w.shifts = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) w.shifts.push((e as unknown as { value: number }).value); }).observe({ type: 'layout-shift', buffered: true });
      });
      await after.page.goto(urlOf(name));
      await expect.poll(() => after.page.locator('#first-view').count()).toBe(0);
      await after.page.locator('#root .page-head h1').waitFor();
      expect(await headIn(after.page, '#root', Object.keys(view))).toEqual(view);
      // The page brought the session and the person: the app asked for neither.
      expect(asked.filter((p) => p === '/api/v1/setup' || p === '/api/v1/me')).toEqual([]);
      await after.page.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
      // The team page drew what is under its head from the page too: its progress, objectives,
      // meetings and the names of their owners, with no round trip for any (until they are stale).
      if (name === 'team') {
        expect(asked.filter((p) => /\/(progress|objectives|initiatives|check-in-history|meetings|follow-up|people)$/.test(p))).toEqual([]);
      }
      // The app took the view's place where it stood: nothing moved (the hidden root took no room).
      const shifts = await after.page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
      expect(shifts.reduce((a, b) => a + b, 0), `layout shifts ${shifts.join(', ')}`).toBeLessThan(0.01);
    } finally {
      await after.context.close();
    }
  });

  it('is left out for someone who chose another language than the organisation\'s, who sees the app in theirs', async () => {
    const { context, page } = await phone();
    try {
      await context.addInitScript(() => localStorage.setItem('varde.language', 'en'));
      await page.route('**/assets/*.js', (route) => route.abort());
      await page.goto(urlOf('team'));
      await expect.poll(() => page.evaluate(() => document.getElementById('root')?.hidden)).toBe(false);
      expect(await page.locator('#first-view').count()).toBe(0);
      await page.unrouteAll();
      await page.reload();
      await expect.poll(() => page.locator('#root .page-head h1').count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Organisation', exact: true }).count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
