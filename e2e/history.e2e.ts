// What was changed, by whom and when, in a real browser: the admin changes a key result's target
// on the team page and finds it in the key result's change log, in the objective's history
// and in the unit's activity; a member of the team finds it on Mine, since her last visit, and
// not again after it; the admin finds it in the audit trail in settings, every field before and
// after, and downloads the trail as CSV. A long history comes a page at a time. Every screen gets an axe scan, and a phone's 360 px no
// sideways scrolling.
//
// The change of the target records its event once every write use case goes through the unit of
// work (issue 12); until then this test waits on it.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let kr: { id: string; title: string; target: number; unitId: string; objectiveTitle: string };
const NEW_TARGET = 23;

async function expectAccessible(p: Page, name: string): Promise<void> {
  await p.waitForLoadState('networkidle');
  await screenshot(p, name);
  expect(await seriousViolations(p), `axe on ${name}`).toEqual([]);
}

/** At a phone's 360 px the page is no wider than the screen. */
async function expectNoSidewaysScroll(p: Page, name: string): Promise<void> {
  expect(await p.evaluate(() => document.documentElement.scrollWidth), `${name} at 360 px`).toBeLessThanOrEqual(360);
}

async function api(p: Page, url: string): Promise<any> {
  const res = await p.request.get(url);
  expect(res.ok(), `GET ${url}: ${res.status()}`).toBe(true);
  return res.json();
}

describe('history, activity and the audit trail in the browser', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page, errors } = await openPage(browser, server));
    await signIn(page, 'admin@demo.varde.no');
    // A key result of one of Marte's teams, so that her Mine hears of the change.
    const cycle = (await api(page, '/api/v1/periods?kind=cycle&state=active')).items[0];
    const marte = (await api(page, '/api/v1/people?q=Marte')).items[0];
    for (const { unitId } of marte.memberships) {
      const objectives = (await api(page, `/api/v1/objectives?unit=${unitId}&period=${cycle.id}`)).items.filter((o: { status: string }) => o.status === 'active');
      const objective = objectives[0] && await api(page, `/api/v1/objectives/${objectives[0].id}`);
      const found = objective?.keyResults.find((k: { type: string; target: number }) => k.type === 'increase' && k.target !== NEW_TARGET);
      if (found) { kr = { id: found.id, title: found.title, target: found.target, unitId, objectiveTitle: objective.title }; break; }
    }
    expect(kr, 'a key result on one of Marte\'s teams').toBeDefined();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("changes a key result's target on the team page and finds it in the key result's change log", async () => {
    // Marte's visit before the change: what she sees next time is what came after it.
    const marte = await openPage(browser, server, { width: 360, height: 800 });
    await signIn(marte.page, 'marte@demo.varde.no');
    await marte.page.getByRole('heading', { name: 'Since your last visit' }).waitFor();
    await marte.page.waitForLoadState('networkidle');
    await marte.context.close();

    await page.goto(`/units/${kr.unitId}`);
    await page.getByRole('button', { name: `Edit key result ${kr.title}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Target').fill(String(NEW_TARGET));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await page.goto(`/key-results/${kr.id}`);
    const show = page.getByRole('button', { name: 'Show the change log' });
    await expect.poll(() => show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    await expect.poll(() => page.getByRole('button', { name: 'Hide the change log' }).getAttribute('aria-expanded')).toBe('true');
    const changes = page.locator('#changes');
    const entry = changes.getByRole('listitem').filter({ hasText: `Hanne Lunde changed the target from ${kr.target} to ${NEW_TARGET}` });
    await entry.waitFor();
    // When, as a <time> for machines, under the day's heading for people.
    expect(await entry.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await changes.getByRole('heading', { level: 3 }).first().textContent()).toMatch(/\d{4}$/);
    await expectAccessible(page, 'history-01-key-result');

    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await page.getByRole('button', { name: 'Show the change log' }).click();
    await entry.waitFor();
    await expectNoSidewaysScroll(page, 'the key result page');
    await expectAccessible(page, 'history-02-key-result-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("shows the change in the objective's history and in the unit's activity", async () => {
    await page.goto(`/units/${kr.unitId}`);
    await page.getByRole('button', { name: `History of the objective ${kr.objectiveTitle}` }).click();
    const dialog = page.getByRole('dialog', { name: `History of «${kr.objectiveTitle}»` });
    await dialog.getByText(`Hanne Lunde changed «${kr.title}»: the target from ${kr.target} to ${NEW_TARGET}`).waitFor();
    await expectAccessible(page, 'history-03-objective');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    const activity = page.getByRole('region', { name: 'Activity' });
    await activity.scrollIntoViewIfNeeded();
    await activity.getByText(`Hanne Lunde changed «${kr.title}»: the target from ${kr.target} to ${NEW_TARGET}`).waitFor();
    await expectAccessible(page, 'history-04-unit-activity');

    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await activity.scrollIntoViewIfNeeded();
    await activity.getByRole('listitem').first().waitFor();
    await expectNoSidewaysScroll(page, 'the team page');
    await page.getByRole('button', { name: `History of the objective ${kr.objectiveTitle}` }).click();
    await dialog.getByRole('listitem').first().waitFor();
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth), 'the dialog scrolls sideways').toBe(true);
    await expectNoSidewaysScroll(page, 'the objective\'s history');
    await expectAccessible(page, 'history-04-objective-360');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('tells a member of the team on Mine, since her last visit, and not again after it', async () => {
    const marte = await openPage(browser, server, { width: 360, height: 800 });
    try {
      await signIn(marte.page, 'marte@demo.varde.no');
      const since = marte.page.getByRole('region', { name: 'Since your last visit' });
      await since.getByText(`Hanne Lunde changed «${kr.title}»: the target from ${kr.target} to ${NEW_TARGET}`).waitFor();
      await expectNoSidewaysScroll(marte.page, 'Mine');
      await expectAccessible(marte.page, 'history-05-mine-360');
      await marte.page.reload();
      await since.getByText('Nothing new on your units since your last visit.').waitFor();
      expect(marte.errors).toEqual([]);
    } finally {
      await marte.context.close();
    }
  });

  it('shows the admin the change in the audit trail, every field before and after, and downloads it as CSV', async () => {
    await page.goto('/settings');
    await page.getByRole('tab', { name: 'Audit trail' }).click();
    await page.getByLabel('What').selectOption({ label: 'Key result changed' });
    const entry = page.getByRole('listitem').filter({ hasText: `Hanne Lunde changed «${kr.title}»: the target from ${kr.target} to ${NEW_TARGET}` });
    await entry.waitFor();
    await entry.getByText('1 field').click();
    const row = entry.getByRole('row').filter({ hasText: 'The target' });
    expect((await row.getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual(['The target', String(kr.target), String(NEW_TARGET)]);
    await expectAccessible(page, 'history-06-audit-trail');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^varde-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFFseq,at,type,actor_id,actor_name,subject_kind,subject_id,subject_name,field,before,after\r\n')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    // The filter of the screen holds for the file: only changes of key results.
    expect(lines.every((l) => l.split(',')[2] === 'keyResult.changed')).toBe(true);
    expect(lines.some((l) => l.includes(`,keyResult,${kr.id},`) && l.endsWith(`,target,${kr.target},${NEW_TARGET}`) && l.includes(',Hanne Lunde,'))).toBe(true);

    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await page.getByRole('tab', { name: 'Audit trail' }).click();
    await page.getByRole('listitem').first().waitFor();
    await expectNoSidewaysScroll(page, 'the audit trail');
    await expectAccessible(page, 'history-07-audit-trail-360');
    expect(errors).toEqual([]);
  });

  it('shows older entries a page at a time, and moves focus to the first of them', async () => {
    for (let i = 1; i <= 21; i++) {
      const res = await page.request.post(`/api/v1/key-results/${kr.id}/check-ins`, { data: { value: i, confidence: 7 } });
      expect(res.status()).toBe(201);
    }
    await page.goto(`/key-results/${kr.id}`);
    await page.getByRole('button', { name: 'Show the change log' }).click();
    const entries = page.locator('#changes').getByRole('listitem');
    await entries.first().waitFor();
    expect(await entries.count()).toBe(20);
    expect(await entries.first().textContent()).toContain('Hanne Lunde checked in: 20 → 21, confidence 7');
    await page.getByRole('button', { name: 'Show older' }).focus();
    await page.keyboard.press('Enter');
    // The next page: the demo's own history of the key result comes after these (its check-ins, its creation).
    await expect.poll(() => entries.count()).toBeGreaterThan(21);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Hanne Lunde checked in: (\S+ → )?1, confidence 7/);
    for (let more = page.getByRole('button', { name: 'Show older' }); await more.count(); ) await more.click();
    expect(await page.locator('#changes').textContent()).toContain(`changed the target from ${kr.target} to ${NEW_TARGET}`);
    expect(await entries.last().textContent()).toMatch(/added the key result/);
  });
});
