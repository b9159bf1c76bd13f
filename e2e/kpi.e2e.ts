// KPIs (issue 15) in a real browser, as Medlemsservice would keep them: the KPI board on the team
// page (status in words, the sparkline named by its trend, the values as a table), the KPI page
// with its whole history as a chart and a table, a check-in from the page, a new KPI made from the
// board, a key result promoted to a KPI and found there with every one of its check-ins, and the
// organisation's board on a phone in Norwegian. Every screen is checked with axe and screenshotted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn, signInByApi, startServer, startServerOnPostgres, type Server, expectAccessible, apiCall } from './harness.js';

const SERVICE = 'Medlemsservice';
const RESPONSE_TIME = 'Svartid på henvendelser fra medlemmer';

let server: Server;
let browser: Browser;
let member: { context: BrowserContext; page: Page; errors: string[] };
let serviceId = '';

const get = <T = any>(request: BrowserContext['request'], url: string) => apiCall<T>(request, 'get', url);

/** Scrolls down until the part drawn when near the screen (WhenVisible) is there. */
async function reveal(page: Page, find: () => import('playwright-core').Locator): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  for (let i = 0; i < 40 && (await find().count()) === 0; i++) {
    await page.mouse.wheel(0, 500);
    await page.waitForTimeout(150);
  }
  await find().scrollIntoViewIfNeeded();
}

beforeAll(async () => {
  server = process.env.E2E_POSTGRES_URL ? await startServerOnPostgres(process.env.E2E_POSTGRES_URL) : await startServer();
  browser = await launchBrowser();
  member = await openPage(browser, server, { width: 1280, height: 900 });
  // Ahmed is a member of Medlemsservice and owns its response-time KPI.
  await signIn(member.page, 'ahmed@demo.varde.no');
  const units = (await get(member.context.request, '/api/v1/units?limit=500')).items as Array<{ id: string; name: string }>;
  serviceId = units.find((u) => u.name === SERVICE)!.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('KPIs in the browser', () => {
  it('shows the unit board with status in words, a named sparkline and the values as a table', async () => {
    const { page } = member;
    await page.goto(`/units/${serviceId}`);
    const board = page.getByTestId('kpi-board');
    await reveal(page, () => board);
    await board.getByRole('heading', { name: 'KPIs' }).waitFor();
    const card = board.getByRole('listitem').filter({ hasText: RESPONSE_TIME });
    await card.waitFor();
    expect(await card.locator('.badge').innerText()).toContain('Healthy');
    const spark = card.getByRole('img');
    expect(await spark.getAttribute('aria-label')).toMatch(/^Trend of Svartid på henvendelser fra medlemmer: falling, the latest 20 values from/);
    await card.getByText('Values as a table').click();
    expect(await card.locator('table tbody tr').count()).toBe(20);
    await expectAccessible(page, 'kpi-unit-board');
  });

  it("lets an objective pay into another unit's KPI from the alignment picker", async () => {
    const { page } = member;
    const objective = 'Medlemmene får svar når de trenger det';
    await page.getByRole('button', { name: `Edit objective ${objective}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('searchbox', { name: 'Search' }).fill('Faste givere');
    // Key results of that name are offered too; the KPI says what it is and whose.
    const add = dialog.getByRole('button', { name: 'Link to Faste givere' }).filter({ hasText: 'KPI of Innsamling og partnerskap' });
    await add.waitFor();
    await add.click();
    await screenshot(page, 'kpi-alignment-picker');
    expect(await seriousViolations(page), 'axe on the alignment picker with a KPI').toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const article = page.getByRole('article').filter({ has: page.getByRole('heading', { name: objective }) });
    await article.locator('.aligns').getByText('Faste givere').waitFor();
    await article.locator('.aligns').getByText(RESPONSE_TIME).waitFor();
  });

  it('opens the KPI page with its whole history as a chart and a table, and checks in from it', async () => {
    const { page } = member;
    await page.getByTestId('kpi-board').getByRole('link', { name: RESPONSE_TIME }).click();
    await page.getByRole('heading', { level: 1, name: RESPONSE_TIME }).waitFor();
    const table = page.getByTestId('kpi-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(20);
    expect(await page.getByRole('img', { name: /over time/ }).count()).toBe(1);
    await expectAccessible(page, 'kpi-page');

    await page.getByRole('button', { name: `Check in on ${RESPONSE_TIME}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel(/^Value/).fill('30,5');
    await dialog.getByLabel('Comment').fill('Køen er nesten borte');
    await screenshot(page, 'kpi-check-in');
    expect(await seriousViolations(page), 'axe on the check-in dialog').toEqual([]);
    const answered = page.waitForResponse((r) => r.url().includes('/check-ins') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Save the value' }).click();
    expect((await answered).status()).toBe(201);
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(21);
    expect(await table.locator('tbody tr').first().innerText()).toContain('Køen er nesten borte');
    await page.getByRole('heading', { name: 'Now: 30.5 timer' }).waitFor();
  });

  it('makes a new KPI from the board, refusing a missing range end in words first', async () => {
    const { page } = member;
    await page.goto(`/units/${serviceId}`);
    const board = page.getByTestId('kpi-board');
    await reveal(page, () => board);
    await board.getByRole('button', { name: 'New KPI' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill('Andel saker løst ved første kontakt');
    await dialog.getByLabel('Unit of measure').fill('%');
    await dialog.getByLabel('Healthy when').selectOption('between');
    await dialog.getByLabel('Low end').fill('70');
    await dialog.getByRole('button', { name: 'Create the KPI' }).click();
    await dialog.getByText('Fill this in.').waitFor();
    await dialog.getByLabel('High end').fill('95');
    await dialog.getByLabel('Measured').selectOption('weekly');
    await screenshot(page, 'kpi-create');
    expect(await seriousViolations(page), 'axe on the new KPI dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Create the KPI' }).click();
    await page.getByRole('heading', { level: 1, name: 'Andel saker løst ved første kontakt' }).waitFor();
    await page.locator('.badge', { hasText: 'Stale' }).waitFor();
  });

  it('promotes a key result to a KPI that holds every one of its check-ins', async () => {
    const { page } = member;
    const objectives = (await get(member.context.request, `/api/v1/objectives?unit=${serviceId}&limit=100`)).items as Array<{ id: string }>;
    let keyResult: { id: string; title: string } | undefined;
    let count = 0;
    for (const o of objectives) {
      for (const kr of (await get(member.context.request, `/api/v1/objectives/${o.id}`)).keyResults as Array<{ id: string; title: string; kpiId: string | null }>) {
        const n = (await get(member.context.request, `/api/v1/key-results/${kr.id}/check-ins?limit=500`)).items.length as number;
        if (!keyResult && !kr.kpiId && n >= 3) { keyResult = kr; count = n; }
      }
    }
    expect(keyResult).toBeDefined();
    await page.goto(`/key-results/${keyResult!.id}`);
    const promote = page.getByRole('button', { name: 'Promote to KPI' });
    await reveal(page, () => promote);
    await promote.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Low end').fill('1');
    await dialog.getByLabel('Measured').selectOption('monthly');
    await screenshot(page, 'kpi-promote');
    expect(await seriousViolations(page), 'axe on the promote dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Promote' }).click();
    await page.getByRole('heading', { level: 1, name: keyResult!.title }).waitFor();
    const table = page.getByTestId('kpi-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(count);
    expect(await table.getByRole('link', { name: 'key result' }).count()).toBe(count);
    await page.getByRole('link', { name: keyResult!.title }).click();
    await reveal(page, () => page.getByText('This key result is kept as a KPI:'));
    await expectAccessible(page, 'kpi-promoted-key-result');
    expect(member.errors).toEqual([]);
  });

  it("shows the organisation's board on a phone in Norwegian without sideways scrolling", async () => {
    const phone = await openPage(browser, server, { width: 375, height: 812, language: 'nb' });
    await signInByApi(phone.context, 'even@demo.varde.no');
    await phone.page.goto('/organisation');
    const board = phone.page.getByTestId('kpi-board');
    await reveal(phone.page, () => board);
    await board.getByRole('heading', { name: 'Organisasjonens KPI-er' }).waitFor();
    await board.getByRole('link', { name: 'Besøk på nettsiden' }).waitFor();
    expect(await board.locator('.badge', { hasText: 'Utdatert' }).count()).toBeGreaterThanOrEqual(1);
    expect(await board.locator('.badge', { hasText: 'Usunn' }).count()).toBeGreaterThanOrEqual(1);
    const [scroll, client] = await phone.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client!);
    await expectAccessible(phone.page, 'kpi-organisation-phone-nb');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
