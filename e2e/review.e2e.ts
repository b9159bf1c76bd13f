// The review at the end of a cycle (issue 15) in a real browser, as the campaign team would hold it
// on the shared screen: the cycle moves to review, the team page offers "Review the cycle", the
// review shows each key result's proposed score; one score is set by hand with its reason, every
// objective gets a decision (the first carried over, the second parked, the rest dropped), the
// undecided list empties, Close says what will happen, and the closed review is the record. The
// carried draft is found in the next cycle with its "carried over from" link to the original, in
// the next cycle's workshop, and the organisation's view lists the unit as closed. axe on every
// new screen, screenshots of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn, startServer, startServerOnPostgres, type Server, expectAccessible, apiCall } from './harness.js';

const CAMPAIGN = 'Kampanjeteamet «Tid er liv»';
const REASON = 'Tallene fra siste uke er ikke med i målingen';
const LESSON = 'Sjekk inn hver uke, ikke hver måned.';

let server: Server;
let browser: Browser;
let admin: { context: BrowserContext; page: Page; errors: string[] };
let ids: { campaign: string; cycle: string; next: string; nextName: string };

const api = apiCall;

beforeAll(async () => {
  server = process.env.E2E_POSTGRES_URL ? await startServerOnPostgres(process.env.E2E_POSTGRES_URL) : await startServer();
  browser = await launchBrowser();
  admin = await openPage(browser, server, { width: 1680, height: 1050 });
  await signIn(admin.page, 'admin@demo.varde.no');
  const r = admin.context.request;
  const units = (await api(r, 'get', '/api/v1/units?limit=500')).items as Array<{ id: string; name: string }>;
  const cycles = (await api(r, 'get', '/api/v1/periods?kind=cycle')).items as Array<{ id: string; name: string; state: string; version: number; startDate: string }>;
  const cycle = cycles.find((p) => p.state === 'active')!;
  const next = cycles.filter((p) => p.startDate > cycle.startDate).sort((a, b) => a.startDate.localeCompare(b.startDate))[0]!;
  ids = { campaign: units.find((u) => u.name === CAMPAIGN)!.id, cycle: cycle.id, next: next.id, nextName: next.name };
  await api(r, 'patch', `/api/v1/periods/${cycle.id}`, { version: cycle.version, state: 'review' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the review', () => {
  it('is offered on the team page and shows each key result with its proposed score', async () => {
    const { page } = admin;
    await page.goto(`/units/${ids.campaign}?period=${ids.cycle}`);
    await page.getByRole('link', { name: 'Review the cycle' }).click();
    await page.getByRole('heading', { level: 1, name: /Review of the cycle/ }).waitFor();
    expect(await page.getByTestId('review-objective').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByText(/^Proposed score/).count()).toBeGreaterThan(2);
    expect(await page.getByText(/committed: success at 1\.0|aspirational: 0\.7 is success/).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'review-open');
  });

  it('sets a score by hand only with a reason', async () => {
    const { page } = admin;
    const review = await api(admin.context.request, 'get', `/api/v1/units/${ids.campaign}/reviews/${ids.cycle}`);
    const kr = review.keyResults[0] as { keyResultId: string; title: string; proposedScore: number };
    const other = kr.proposedScore >= 0.5 ? kr.proposedScore - 0.1 : kr.proposedScore + 0.1;
    await page.getByLabel(`Score for «${kr.title}»`).selectOption((Math.round(other * 10) / 10).toFixed(1));
    await page.getByLabel('Why the score differs').fill(REASON);
    const saved = page.waitForResponse((res) => res.url().includes('/reviews/') && res.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Save the score' }).first().click();
    expect((await saved).status()).toBe(200);
    const after = await api(admin.context.request, 'get', `/api/v1/units/${ids.campaign}/reviews/${ids.cycle}`);
    expect(after.keyResults[0]).toMatchObject({ keyResultId: kr.keyResultId, reason: REASON, proposedScore: kr.proposedScore });
    expect(Math.abs(after.keyResults[0].score - other)).toBeLessThan(1e-9);
  });

  it('decides every objective, lists what is left, and closes saying what will happen', async () => {
    const { page } = admin;
    const review = await api(admin.context.request, 'get', `/api/v1/units/${ids.campaign}/reviews/${ids.cycle}`);
    const objectives = review.objectives as Array<{ objectiveId: string; title: string }>;
    await expect.poll(() => page.getByTestId('undecided').locator('li').count()).toBeGreaterThan(0);
    for (const [i, o] of objectives.entries()) {
      const choice = i === 0 ? 'carryOver' : i === 1 ? 'backlog' : 'drop';
      const saved = page.waitForResponse((res) => res.url().includes('/reviews/') && res.request().method() === 'PATCH');
      await page.getByLabel(`Decision for the objective «${o.title}»`).selectOption(choice);
      expect((await saved).status()).toBe(200);
    }
    await expect.poll(() => page.getByTestId('undecided').innerText()).toContain('Everything has a decision');
    // The lessons go into the next cycle's plan (its workshop shows them, below).
    await page.getByLabel('Which lessons do we take into the next cycle?').fill(LESSON);
    const answered = page.waitForResponse((res) => res.url().includes('/reviews/') && res.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Save the answer' }).click();
    expect((await answered).status()).toBe(200);
    await page.getByRole('button', { name: 'Close the review' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`1 carried over to «${ids.nextName}», 1 to the backlog`);
    await screenshot(page, 'review-close-confirm');
    expect(await seriousViolations(page), 'axe on the confirm').toEqual([]);
    const closed = page.waitForResponse((res) => res.url().endsWith('/close') && res.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Close the review' }).click();
    expect((await closed).status()).toBe(200);
    await page.getByTestId('review-record').waitFor();
    expect(await page.getByRole('button', { name: 'Close the review' }).count()).toBe(0);
    expect(await page.getByText(REASON).count()).toBe(1);
    await expectAccessible(page, 'review-closed');
  });

  it("finds the carried draft in the next cycle, linked to its original, and in the next cycle's workshop", async () => {
    const { page } = admin;
    const link = page.getByRole('link', { name: new RegExp(`Carried over to ${ids.nextName}`) });
    await link.click();
    await page.getByTestId('carried-from').waitFor();
    const review = await api(admin.context.request, 'get', `/api/v1/units/${ids.campaign}/reviews/${ids.cycle}`);
    const first = review.objectives[0] as { objectiveId: string; title: string; carriedToId: string };
    expect(page.url()).toContain(`/objectives/${first.carriedToId}`);
    expect(await page.getByTestId('carried-from').innerText()).toContain(`Carried over from «${first.title}»`);
    await expectAccessible(page, 'review-carried-draft');
    const carried = await api(admin.context.request, 'get', `/api/v1/objectives/${first.carriedToId}`);
    const original = await api(admin.context.request, 'get', `/api/v1/objectives/${first.objectiveId}`);
    expect(carried).toMatchObject({ status: 'draft', periodId: ids.next, carriedFromId: first.objectiveId });
    for (const k of carried.keyResults as Array<{ title: string; start: number }>) {
      const was = (original.keyResults as Array<{ title: string; start: number; current: number | null }>).find((x) => x.title === k.title)!;
      expect(k.start).toBe(was.current ?? was.start);
    }
    await page.getByTestId('carried-from').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: first.title }).waitFor();

    await page.goto(`/units/${ids.campaign}/plans/${ids.next}`);
    await expect.poll(() => page.getByText(first.title).count()).toBeGreaterThan(0);
    // What the closed cycle hands on: its lessons, beside the carried draft with its link to the original.
    await expect.poll(() => page.getByTestId('previous-cycle').innerText()).toContain(LESSON);
    await expect.poll(() => page.getByTestId('carried-from').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'review-next-workshop');
  });

  it("shows the organisation's view of the cycle's reviews", async () => {
    const { page } = admin;
    await page.goto(`/reviews/${ids.cycle}`);
    await page.getByTestId('reviews-table').waitFor();
    const row = page.getByTestId('reviews-table').getByRole('row', { name: new RegExp(CAMPAIGN) });
    expect(await row.innerText()).toContain('closed');
    expect(await page.getByTestId('distribution-table').locator('tbody tr').count()).toBe(11);
    await expectAccessible(page, 'reviews-organisation');
    expect(admin.errors).toEqual([]);
  });
});
