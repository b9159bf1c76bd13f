// Mine and blockers in a real browser: a blocker written in a check-in shows under its key result
// on the team page and on Mine until a later check-in clears it; "check in on all my key results"
// walks them one after another with the keyboard. Every screen gets an axe scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn, startServer, type Server } from './harness.js';

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

async function teamKeyResult(): Promise<{ unitId: string; periodId: string; id: string; title: string; current: number | null }> {
  // A unit I am a member of, so that Mine lists its blockers too.
  const me = await (await page.request.get('/api/v1/me')).json();
  const periods = await (await page.request.get('/api/v1/periods?kind=cycle&state=active')).json();
  const found: string[] = [];
  for (const { unitId } of me.person.memberships as Array<{ unitId: string }>) {
    const progress = await (await page.request.get(`/api/v1/units/${unitId}/progress?period=${periods.items[0].id}`)).json();
    const krs = progress.objectives.flatMap((o: { keyResults: unknown[] }) => o.keyResults);
    found.push(...krs.map((k: { type: string; blocker: unknown }) => `${k.type}:${JSON.stringify(k.blocker)}`));
    const kr = krs.find((k: { type: string; blocker: unknown }) => k.type !== 'milestone' && k.blocker === null);
    if (kr) return { unitId, periodId: periods.items[0].id, id: kr.id, title: kr.title, current: kr.current };
  }
  throw new Error(`no key result without a blocker in my units: ${found.join(', ')}`);
}

async function checkIn(title: string, value: number, blockers: string): Promise<void> {
  await page.getByRole('button', { name: `Check in on ${title}` }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await dialog.getByLabel(/New value/).fill(String(value));
  await dialog.getByRole('radio', { name: 'Confidence 6 of 10' }).check({ force: true });
  await dialog.getByLabel('Blockers').fill(blockers);
  await dialog.getByRole('button', { name: 'Save check-in' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

describe('Mine and blockers in the browser', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page, errors } = await openPage(browser, server));
    await signIn(page, 'jonas@demo.varde.no');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows a blocker under its key result until a later check-in clears it', async () => {
    const kr = await teamKeyResult();
    await page.goto(`/units/${kr.unitId}?period=${kr.periodId}`);
    const note = page.getByRole('note', { name: `Blocker on ${kr.title}` });
    await page.getByRole('button', { name: `Check in on ${kr.title}` }).waitFor();
    expect(await note.count()).toBe(0);
    await checkIn(kr.title, (kr.current ?? 0) + 1, 'Waiting for the printer');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('Waiting for the printer');
    await expectAccessible('mine-01-blocker');
    await page.reload();
    await expect.poll(() => note.isVisible(), 'the blocker stays after a reload').toBe(true);

    // Mine lists it among the blockers open in my teams, linking to the key result.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My work' }).click();
    const open = page.getByRole('region', { name: /blockers? open in your teams/ });
    await expect.poll(() => open.isVisible()).toBe(true);
    expect(await open.getByRole('note', { name: `Blocker on ${kr.title}` }).textContent()).toContain('Waiting for the printer');
    await expectAccessible('mine-02-needs-you');
    await page.setViewportSize({ width: 375, height: 800 });
    await expectAccessible('mine-03-needs-you-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });
    await open.getByRole('link', { name: kr.title }).click();
    await page.goto(`/units/${kr.unitId}?period=${kr.periodId}`);
    await checkIn(kr.title, (kr.current ?? 0) + 2, '');
    await expect.poll(() => note.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('walks two key results one after another with the keyboard and saves both', async () => {
    type Listed = { id: string; title: string; type: string; current: number | null; confidence: number | null };
    const myWork = async () => (await (await page.request.get('/api/v1/me/work')).json()) as { keyResults: Listed[] };
    // Mine lists the key results longest without a check-in first, so which come first depends on
    // the day the demo was seeded: a milestone among the first two is checked in on as it stands,
    // which sends it to the end, and the walk starts on two numeric ones.
    let work = await myWork();
    for (let i = 0; i < 10 && work.keyResults.slice(0, 2).some((k) => k.type === 'milestone'); i++) {
      const milestone = work.keyResults.slice(0, 2).find((k) => k.type === 'milestone')!;
      const res = await page.request.post(`/api/v1/key-results/${milestone.id}/check-ins`, { data: { value: milestone.current ?? 0, confidence: milestone.confidence ?? 7 } });
      expect(res.status(), await res.text()).toBe(201);
      work = await myWork();
    }
    const [first, second] = work.keyResults;
    expect(first && second && first.type !== 'milestone' && second.type !== 'milestone', 'two numeric key results first on Mine').toBe(true);
    await page.goto('/');
    const open = page.getByRole('button', { name: 'Check in on all my key results' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Check in on all my key results' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const total = work.keyResults.length;
    await expect.poll(() => dialog.getByRole('heading', { level: 3 }).textContent()).toBe(`1 of ${total}: ${first!.title}`);
    await expectAccessible('mine-04-walk');

    // The first: the value has the focus; Tab to confidence and down one, comment, blockers, and save.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('inputmode'))).toBe('decimal');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String((first!.current ?? 0) + 3));
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Walked with the keyboard');
    await page.keyboard.press('Tab');
    await page.keyboard.type('A blocker from the walk');
    await page.keyboard.press('Tab'); // Done
    await page.keyboard.press('Tab'); // Skip
    await page.keyboard.press('Tab'); // Save and go to the next
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('heading', { level: 3 }).textContent()).toBe(`2 of ${total}: ${second!.title}`);

    // The second: type the value and press Enter in the field.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('inputmode'))).toBe('decimal');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String((second!.current ?? 0) + 2));
    await page.keyboard.press('Enter');
    if (total > 2) await expect.poll(() => dialog.getByRole('heading', { level: 3 }).textContent()).toMatch(/^3 of /);
    else await expect.poll(() => dialog.getByRole('status').textContent()).toContain('You checked in on 2 key results.');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    const checkIns = async (id: string) => (await (await page.request.get(`/api/v1/key-results/${id}/check-ins`)).json()).items[0];
    expect(await checkIns(first!.id)).toMatchObject({ value: (first!.current ?? 0) + 3, confidence: (first!.confidence ?? 7) - 1,
      comment: 'Walked with the keyboard', blockers: 'A blocker from the walk' });
    expect(await checkIns(second!.id)).toMatchObject({ value: (second!.current ?? 0) + 2, confidence: second!.confidence ?? 7, comment: null });
    expect(errors).toEqual([]);
  });
});
