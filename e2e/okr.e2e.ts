// A user's week in Varde, in a real browser: sign in, open a team, check in and watch progress
// and roll-up move, plan an objective with two key results aligned to a Moal, switch language,
// use it with the keyboard only and on a phone-sized window. Every screen gets an axe scan
// (WCAG 2.1 A/AA) with no serious or critical violation, and a screenshot in e2e/screenshots/.
// With DATABASE_URL, a check-in is made on PostgreSQL too.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, startServer, startServerOnPostgres, watchErrors, type Server } from './harness.js';

const sv = JSON.parse(fs.readFileSync(new URL('../packages/web/src/i18n/sv.json', import.meta.url), 'utf8'));
const nb = JSON.parse(fs.readFileSync(new URL('../packages/web/src/i18n/nb.json', import.meta.url), 'utf8'));

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

async function expectAccessible(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

const nav = () => page.getByRole('navigation', { name: 'Main' });

async function progressOf(label: RegExp | string): Promise<number> {
  const bar = page.getByRole('progressbar', { name: label }).first();
  return Number(await bar.getAttribute('aria-valuenow'));
}

async function teamKeyResult(teamName: RegExp): Promise<{ unitId: string; id: string; title: string; target: number; progress: number }> {
  const units = await (await page.request.get('/api/v1/units?limit=500')).json();
  const team = units.items.find((u: { name: string }) => teamName.test(u.name));
  const periods = await (await page.request.get('/api/v1/periods?kind=cycle&state=active')).json();
  const progress = await (await page.request.get(`/api/v1/units/${team.id}/progress?period=${periods.items[0].id}`)).json();
  const kr = progress.objectives.flatMap((o: { keyResults: unknown[] }) => o.keyResults)
    .find((k: { type: string; progress: number }) => k.type === 'increase' && k.progress < 0.5);
  return { unitId: team.id, id: kr.id, title: kr.title, target: kr.target, progress: kr.progress };
}

/** Opens the check-in dialog of a key result on the team page. */
async function openCheckIn(title: string): Promise<Locator> {
  await page.getByRole('button', { name: `Check in on ${title}` }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

/** Fills and saves the open check-in dialog, and waits for it to close. */
async function saveCheckIn(dialog: Locator, { value, confidence, comment }: { value: number; confidence: number; comment: string }): Promise<void> {
  await dialog.getByLabel(/New value/).fill(String(value));
  await dialog.getByRole('radio', { name: `Confidence ${confidence} of 10` }).check({ force: true });
  await dialog.getByLabel('Comment').fill(comment);
  await dialog.getByRole('button', { name: 'Save check-in' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

describe('Varde in the browser', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.base, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(() => { if (!localStorage.getItem('varde.language')) localStorage.setItem('varde.language', 'en'); });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in with a demo account', async () => {
    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/sign-in');
    await expect.poll(() => page.getByRole('heading', { name: 'Try the demo' }).isVisible()).toBe(true);
    await expectAccessible('01-sign-in');
    await page.getByLabel('E-mail').fill('admin@demo.varde.no');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('wrong');
    await page.getByLabel('Password').fill('varde-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hello');
    await expectAccessible('02-home');
  });

  it("shows the organisation: strategy, Moals and the tree's first level, and a unit's children once it is opened", async () => {
    const units = await (await page.request.get('/api/v1/units?limit=500')).json();
    const politikk = units.items.find((u: { name: string }) => u.name === 'Politikk og påvirkning');
    const asked: string[] = [];
    const onRequest = (r: { url(): string }) => { const u = new URL(r.url()); if (u.pathname.startsWith('/api/')) asked.push(`${u.pathname}${u.search}`); };
    page.on('request', onRequest);
    // Politikk's children are held back until released, so the tree's loading state can be seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const politikkProgress = (url: URL) => url.pathname === `/api/v1/units/${politikk.id}/progress`;
    await page.route(politikkProgress, async (route) => { await held; await route.continue(); });
    try {
      await nav().getByRole('link', { name: 'Organisation' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Strategy' }).isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('heading', { name: /Moals/ }).isVisible()).toBe(true);
      const tree = page.getByRole('region', { name: /^Units in / });
      const open = tree.getByRole('button', { name: 'Show the units under Politikk og påvirkning' });
      await open.waitFor();
      // The first level came with the root's answer; nothing below Politikk yet, and of the units only the archived ones were listed.
      expect(await tree.getByRole('link', { name: /^Kampanjeteamet/ }).count()).toBe(0);
      expect(asked.filter((a) => a.startsWith('/api/v1/units?'))).toEqual(['/api/v1/units?archived=true&limit=500']);
      expect(asked.some((a) => a.startsWith(`/api/v1/units/${politikk.id}/progress`))).toBe(false);

      await open.click();
      const hide = tree.getByRole('button', { name: 'Hide the units under Politikk og påvirkning' });
      await expect.poll(() => hide.getAttribute('aria-expanded')).toBe('true');
      const list = page.locator(`#${await hide.getAttribute('aria-controls')}`);
      await expect.poll(() => list.getByRole('status').textContent()).toBe('Loading the units under Politikk og påvirkning…');
      expect(await list.getAttribute('aria-busy')).toBe('true');
      expect(await seriousViolations(page), 'axe while loading').toEqual([]);

      release();
      await expect.poll(() => list.getByRole('link', { name: /^Kampanjeteamet/ }).count()).toBe(1);
      expect(await list.getAttribute('aria-busy')).toBe('false');
      expect(await list.getByRole('status').count()).toBe(0);
      expect(asked.filter((a) => a.startsWith(`/api/v1/units/${politikk.id}/progress?`))).toHaveLength(1);
      // The team's roll-up as its own answer has it.
      const periods = await (await page.request.get('/api/v1/periods?kind=cycle&state=active')).json();
      const figures = await (await page.request.get(`/api/v1/units/${politikk.id}/progress?period=${periods.items[0].id}`)).json();
      const team = figures.children.find((c: { unit: { name: string } }) => c.unit.name.startsWith('Kampanjeteamet'));
      await expect.poll(() => progressOf(/^Progress of Kampanjeteamet/)).toBe(Math.round(team.progress * 100));
      await expectAccessible('03-organisation');

      // Closed and opened again from the keyboard: the children are there at once.
      await hide.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => open.getAttribute('aria-expanded')).toBe('false');
      expect(await list.count()).toBe(0);
      await page.keyboard.press('Enter');
      await expect.poll(() => hide.getAttribute('aria-expanded')).toBe('true');
      expect(await list.getByRole('link', { name: /^Kampanjeteamet/ }).count()).toBe(1);
    } finally {
      release();
      page.off('request', onRequest);
      await page.unroute(politikkProgress);
    }
  });

  it('opens a team, checks in, and progress and roll-up change at once', async () => {
    const kr = await teamKeyResult(/Kampanjeteamet/);
    await page.getByRole('link', { name: /Kampanjeteamet/ }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Kampanjeteamet/);
    await page.waitForLoadState('networkidle');
    await expectAccessible('04-unit');
    const teamBefore = await progressOf(/^Progress of Kampanjeteamet/);
    const krBefore = await progressOf(`Progress of ${kr.title}`);

    const dialog = await openCheckIn(kr.title);
    await screenshot(page, '05-check-in');
    expect(await seriousViolations(page)).toEqual([]);
    await saveCheckIn(dialog, { value: kr.target, confidence: 9, comment: 'Opprop overlevert' });
    await expect.poll(() => progressOf(`Progress of ${kr.title}`)).toBe(100);
    expect(krBefore).toBeLessThan(50);
    await expect.poll(() => progressOf(/^Progress of Kampanjeteamet/)).toBeGreaterThan(teamBefore);

    // One level up, the area's list of units shows the team's new roll-up.
    await page.getByRole('navigation', { name: 'Where you are' }).getByRole('link', { name: /Politikk/ }).click();
    await expect.poll(() => progressOf(/^Progress of Kampanjeteamet/)).toBeGreaterThan(teamBefore);
  });

  it('refuses a bad check-in, says why at the field and rolls the progress back', async () => {
    await page.getByRole('link', { name: /Kampanjeteamet/ }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Kampanjeteamet/);
    await page.waitForLoadState('networkidle');
    const button = page.getByRole('button', { name: /^Check in on / }).first();
    const title = (await button.getAttribute('aria-label'))!.replace('Check in on ', '');
    const before = await progressOf(`Progress of ${title}`);
    await button.click();
    const dialog = page.getByRole('dialog');
    // A comment over the server's 2000-character limit: refused with 400, named at the field.
    await dialog.getByLabel(/New value|Is it done/).first().fill('1').catch(() => undefined);
    await dialog.getByLabel('Comment').fill('x'.repeat(2001));
    await dialog.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => dialog.getByText('Must be at most 2000 characters.').isVisible()).toBe(true);
    // The page under the dialog draws its cards in a deferred render (UnitPage's useDeferredValue),
    // so the rolled-back bar can come a frame after the refusal's words on a busy machine.
    await expect.poll(() => progressOf(`Progress of ${title}`)).toBe(before);
    // What was typed is not thrown away without asking.
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('creates an objective with two key results aligned to a Moal', async () => {
    await page.getByRole('button', { name: 'New objective' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Objective', { exact: true }).fill('Flere pasienter kjenner rettighetene sine');
    await dialog.getByLabel('Search').fill('raskere tilgang');
    await dialog.getByRole('button', { name: /^Link to Pasienter får raskere tilgang/ }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Chosen links' }).textContent()).toContain('raskere tilgang');
    const first = dialog.getByRole('group', { name: 'Key result 1' });
    await first.getByLabel('Key result', { exact: true }).fill('Besøk på rettighetssidene');
    await first.getByLabel('Target').fill('20000');
    await first.getByLabel('Unit of measure').fill('besøk');
    const second = dialog.getByRole('group', { name: 'Key result 2' });
    await second.getByLabel('Key result', { exact: true }).fill('Saksbehandlingstid for rettighetshjelp');
    // The type is one of the fields behind the compact row's "More".
    await second.getByRole('button', { name: /^More for key result 2/ }).click();
    await second.getByLabel('Type', { exact: true }).selectOption({ label: 'Decrease to' });
    await second.getByLabel('Start').fill('30');
    await second.getByLabel('Target').fill('10');
    await second.getByLabel('Unit of measure').fill('dager');
    await screenshot(page, '06-new-objective');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const article = page.getByRole('article', { name: 'Flere pasienter kjenner rettighetene sine' });
    await expect.poll(() => article.isVisible()).toBe(true);
    expect(await article.getByRole('list', { name: /Key results of/ }).getByRole('listitem').count()).toBe(2);
    // The objective's links are read apart from the page's summary and may come in just behind it.
    await expect.poll(() => article.textContent()).toContain('Pasienter får raskere tilgang');
    // a new objective is a draft (left out of the roll-ups) until it is made active
    expect(await article.textContent()).toContain('Draft');
  });

  it('shows a key result with its history, forecast and a table of check-ins', async () => {
    await page.getByRole('link', { name: 'Besøk på rettighetssidene' }).click().catch(async () => {
      await page.getByRole('list', { name: /Key results of/ }).first().getByRole('link').first().click();
    });
    await expect.poll(() => page.getByRole('heading', { name: 'History' }).isVisible()).toBe(true);
    await page.goBack();
    await page.getByRole('list', { name: /Key results of/ }).first().getByRole('link').first().click();
    await expect.poll(() => page.getByRole('table').isVisible()).toBe(true);
    // the status and the forecast as one sentence
    expect(await page.getByTestId('forecast-story').textContent()).toMatch(/^(▲At risk)?(On track|At risk|Off track) now[;,] /);
    await expectAccessible('07-key-result');
  });

  it('offers settings to admins', async () => {
    await nav().getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Units' }).isVisible()).toBe(true);
    await expectAccessible('08-settings');
    await page.getByRole('tab', { name: 'Periods' }).click();
    await expectAccessible('09-settings-periods');
  });

  it('switches to Swedish and English', async () => {
    await nav().getByRole('link', { name: 'Organisation' }).click();
    await page.getByLabel('Language').selectOption('sv');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await expect.poll(() => page.getByRole('heading', { name: sv.organisation.strategy }).isVisible()).toBe(true);
    await expectAccessible('10-organisation-sv');
    await page.getByLabel(sv.nav.language).selectOption('nb');
    await expect.poll(() => page.getByRole('heading', { name: nb.organisation.strategy }).isVisible()).toBe(true);
    await page.getByLabel(nb.nav.language).selectOption('en');
    await expect.poll(() => page.getByRole('heading', { name: 'Strategy' }).isVisible()).toBe(true);
  });

  it('works with the keyboard alone', async () => {
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    // Tab to the first check-in button of "Mine" and check in without the mouse.
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).startsWith('Check in on');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // Focus returns to where it was, so the user is not lost. The dialog restores it as it
    // unmounts, which may come a frame after it is hidden: asked again until it has.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Check in on/);
  });

  it('fits a phone-sized window', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await nav().getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('button', { name: /Show the units under Politikk/ }).click();
    await page.getByRole('link', { name: /Kampanjeteamet/ }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Kampanjeteamet/);
    await expectAccessible('11-unit-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('ships the team page compressed, split from the other screens', async () => {
    const url = page.url();
    // A new context: an empty HTTP cache, the same session and language.
    const cold = await browser.newContext({ baseURL: server.base, storageState: await context.storageState() });
    const fresh = await cold.newPage();
    const scripts: Array<{ url: string; bytes: number; encoding: string }> = [];
    const pending: Array<Promise<void>> = [];
    fresh.on('requestfinished', (request) => {
      if (!request.url().endsWith('.js')) return;
      pending.push((async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        const headers = (await response?.allHeaders()) ?? {};
        scripts.push({ url: request.url(), bytes: sizes.responseBodySize, encoding: headers['content-encoding'] ?? '' });
      })());
    });
    await fresh.goto(url);
    await fresh.waitForLoadState('networkidle');
    await Promise.all(pending);
    const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
    console.log(`team page JavaScript: ${scripts.length} files, ${(total / 1024).toFixed(1)} KiB as sent (${scripts[0]?.encoding})`);
    expect(total).toBeGreaterThan(0);
    expect(scripts.every((s) => s.encoding === 'br' || s.encoding === 'gzip')).toBe(true);
    // The settings and key result screens (and the chart library) are not loaded for a team page.
    expect(scripts.some((s) => /SettingsPage|HistoryChart|KeyResultPage/.test(s.url))).toBe(false);
    await cold.close();
  });

  it('ran without errors in the page', () => {
    expect(errors).toEqual([]);
  });
});

describe('first run on an empty installation', () => {
  let empty: Server;
  let b: Browser;
  beforeAll(async () => { empty = await startServer({ VARDE_DEMO: '0' }); b = await launchBrowser(); });
  afterAll(async () => { await b?.close(); await empty?.stop(); });

  it('sets up the organisation and the first admin', async () => {
    const ctx = await b.newContext({ baseURL: empty.base, locale: 'en-GB' });
    await ctx.addInitScript(() => localStorage.setItem('varde.language', 'en'));
    const p = await ctx.newPage();
    page = p;
    await p.goto('/');
    await expect.poll(() => p.url()).toContain('/setup');
    await expectAccessible('00-setup');
    await p.getByLabel('Organisation name').fill('Lokallaget');
    await p.getByLabel('Name', { exact: true }).fill('Ola Nordmann');
    await p.getByLabel('E-mail').fill('ola@example.no');
    await p.getByLabel('Password').fill('short');
    await p.getByRole('button', { name: 'Create and sign in' }).click();
    await expect.poll(() => p.getByText('Must be at least 12 characters.').isVisible()).toBe(true);
    await p.getByLabel('Password').fill('a long enough password');
    await p.getByRole('button', { name: 'Create and sign in' }).click();
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toContain('Hello, Ola');
  });
});

// PostgreSQL writes check-ins another way than SQLite (in batches, app/checkInBatches.ts): the
// check-in a user makes in the browser, on that store too. Without DATABASE_URL there is no
// PostgreSQL to run on (`.ci/run` always gives one).
describe.runIf(Boolean(process.env.DATABASE_URL))('a check-in in the browser on PostgreSQL', () => {
  let onPostgres: Server;
  let b: Browser;
  beforeAll(async () => {
    onPostgres = await startServerOnPostgres(process.env.DATABASE_URL!);
    b = await launchBrowser();
    const ctx = await b.newContext({ baseURL: onPostgres.base, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await ctx.addInitScript(() => localStorage.setItem('varde.language', 'en'));
    page = await ctx.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => { await b?.close(); await onPostgres?.stop(); });

  it('moves the key result and the team at once, and they stay moved after a reload', async () => {
    const login = await page.request.post('/api/v1/auth/login', { data: { email: 'admin@demo.varde.no', password: 'varde-demo' } });
    expect(login.status()).toBe(200);
    const kr = await teamKeyResult(/Kampanjeteamet/);
    await page.goto(`/units/${kr.unitId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Kampanjeteamet/);
    await page.waitForLoadState('networkidle');
    const teamBefore = await progressOf(/^Progress of Kampanjeteamet/);
    expect(await progressOf(`Progress of ${kr.title}`)).toBeLessThan(50);

    await saveCheckIn(await openCheckIn(kr.title), { value: kr.target, confidence: 8, comment: 'Alle "fem" fylker \\ O\'Neil' });
    await expect.poll(() => progressOf(`Progress of ${kr.title}`)).toBe(100);
    await expect.poll(() => progressOf(/^Progress of Kampanjeteamet/)).toBeGreaterThan(teamBefore);

    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await progressOf(`Progress of ${kr.title}`)).toBe(100);
    expect(await progressOf(/^Progress of Kampanjeteamet/)).toBeGreaterThan(teamBefore);
    const latest = await (await page.request.get(`/api/v1/key-results/${kr.id}/check-ins?limit=1`)).json();
    expect(latest.items[0]).toMatchObject({ value: kr.target, confidence: 8, comment: 'Alle "fem" fylker \\ O\'Neil' });
    expect(errors).toEqual([]);
  });
});
