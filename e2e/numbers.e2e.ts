// Numbers that must be credible, in a real browser (issue 10): an empty team says "no OKRs", an
// objective nobody has checked in on says "no check-in yet" (never "expected 0 % · on track"), and
// a key result page tells its status and forecast as one sentence. Each screen gets an axe scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let teamId: string;
let cycleId: string;
let krId: string;

async function expectAccessible(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

async function api(method: 'post' | 'get', url: string, data?: unknown) {
  const res = await page.request[method](url, { data, headers: { Origin: server.base } });
  expect(res.ok(), `${method} ${url}: ${res.status()}`).toBe(true);
  return res.json();
}

describe('credible numbers in the browser', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page, errors } = await openPage(browser, server, { width: 375, height: 800 }));
    await signIn(page, 'admin@demo.varde.no');
    const units = (await api('get', '/api/v1/units?limit=500')).items as Array<{ id: string; parentId: string | null }>;
    const root = units.find((u) => u.parentId === null)!;
    teamId = (await api('post', '/api/v1/units', { parentId: root.id, name: 'Nytt team', kind: 'team' })).id;
    const cycles = (await api('get', '/api/v1/periods?kind=cycle&state=active')).items as Array<{ id: string }>;
    cycleId = cycles[0]!.id;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('an empty team says "no OKRs", not "expected 0 % · on track"', async () => {
    await page.goto(`/units/${teamId}?period=${cycleId}`);
    await expect.poll(() => page.getByText('No OKRs').first().isVisible()).toBe(true);
    const main = (await page.getByRole('main').textContent()) ?? '';
    expect(main).not.toMatch(/expected 0\s*%/);
    expect(main).not.toContain('On track');
    await expectAccessible('numbers-01-no-okrs');
  });

  it('an objective nobody has checked in on says "no check-in yet", in English and Norwegian', async () => {
    const objective = await api('post', '/api/v1/objectives', { status: 'active', unitId: teamId, periodId: cycleId, title: 'Flere frivillige', kind: 'committed' });
    krId = (await api('post', '/api/v1/key-results', { objectiveId: objective.id, title: 'Nye frivillige', type: 'increase', start: 0, target: 40, measure: '' })).id;
    await page.goto(`/units/${teamId}?period=${cycleId}`);
    await expect.poll(() => page.getByText('No check-in yet').first().isVisible()).toBe(true);
    const main = (await page.getByRole('main').textContent()) ?? '';
    expect(main).not.toMatch(/expected 0\s*%/);
    expect(main).not.toContain('On track');
    await expectAccessible('numbers-02-no-check-in');
    await page.evaluate(() => localStorage.setItem('varde.language', 'nb'));
    await page.reload();
    await expect.poll(() => page.getByText('Ingen innsjekk ennå').first().isVisible()).toBe(true);
    await page.evaluate(() => localStorage.setItem('varde.language', 'en'));
  });

  it('the key result page tells the status and the forecast as one sentence', async () => {
    await api('post', `/api/v1/key-results/${krId}/check-ins`, { value: 30, confidence: 8 });
    await page.goto(`/key-results/${krId}`);
    await expect.poll(() => page.getByTestId('forecast-story').isVisible()).toBe(true);
    expect(await page.getByTestId('forecast-story').textContent()).toMatch(/ now; at this pace \d+\s*% by the end/);
    await expectAccessible('numbers-03-forecast-story');
    expect(errors).toEqual([]);
  });
});
