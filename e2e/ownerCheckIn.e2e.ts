// The owner of a key result who is no member of its unit, in a real browser: the server lets them
// check in on it, and the pages show them exactly that (the key result's `can`), on the team page,
// on the key result's page and at a phone's width, and nothing they may not do. Axe on each screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn, signInByApi, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let adminContext: BrowserContext;
let context: BrowserContext;
let page: Page;
let errors: string[];

interface Chosen { owner: { id: string; name: string; email: string }; teamId: string; cycleId: string; kr: { id: string; title: string; current: number | null } }
let chosen: Chosen;

async function expectAccessible(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

async function json(request: APIRequestContext, method: 'GET' | 'PATCH', url: string, data?: unknown): Promise<any> {
  const res = await request.fetch(url, { method, ...(data === undefined ? {} : { data }) });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

/** A demo person who is a member of some unit, and an increase key result of an active team they
 *  are no member of, made theirs by the admin. */
async function chooseOwnerAndKeyResult(admin: APIRequestContext): Promise<Chosen> {
  const cycleId = (await json(admin, 'GET', '/api/v1/periods?kind=cycle&state=active')).items[0].id as string;
  const people = (await json(admin, 'GET', '/api/v1/people?limit=500')).items as Array<{ id: string; name: string; email: string; isAdmin: boolean; memberships: Array<{ unitId: string }> }>;
  const owner = people.find((p) => !p.isAdmin && p.memberships.length > 0)!;
  const units = (await json(admin, 'GET', '/api/v1/units?limit=500')).items as Array<{ id: string; kind: string; archivedAt: string | null; members: Array<{ personId: string }> }>;
  for (const team of units.filter((u) => u.kind === 'team' && !u.archivedAt && !u.members.some((m) => m.personId === owner.id))) {
    const progress = await json(admin, 'GET', `/api/v1/units/${team.id}/progress?period=${cycleId}`);
    const kr = progress.objectives.filter((o: { status: string }) => o.status === 'active')
      .flatMap((o: { keyResults: unknown[] }) => o.keyResults).find((k: { type: string }) => k.type === 'increase');
    if (!kr) continue;
    const { version } = await json(admin, 'GET', `/api/v1/key-results/${kr.id}`);
    await json(admin, 'PATCH', `/api/v1/key-results/${kr.id}`, { version, ownerId: owner.id });
    return { owner, teamId: team.id, cycleId, kr: { id: kr.id, title: kr.title, current: kr.current } };
  }
  throw new Error(`no active team without ${owner.name} that has an increase key result`);
}

describe('the owner of a key result who is no member of its unit', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    adminContext = await browser.newContext({ baseURL: server.base });
    await signInByApi(adminContext, 'admin@demo.varde.no');
    chosen = await chooseOwnerAndKeyResult(adminContext.request);
    ({ context, page, errors } = await openPage(browser, server));
    await signIn(page, chosen.owner.email);
  });
  afterAll(async () => {
    await context?.close();
    await adminContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it('sees the check-in button on the team page, on their key result only, and checks in with it', async () => {
    const { kr } = chosen;
    await page.goto(`/units/${chosen.teamId}?period=${chosen.cycleId}`);
    const button = page.getByRole('button', { name: `Check in on ${kr.title}` });
    await button.waitFor();
    // Theirs to check in on, not to change: no other key result's check-in, no edits, no new objective.
    expect(await page.getByRole('button', { name: /^Check in on / }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Edit key result / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit objective / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New objective' }).count()).toBe(0);
    await expectAccessible('owner-check-in-01-team-page');

    const value = (kr.current ?? 0) + 7;
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel(/New value/).fill(String(value));
    await dialog.getByRole('radio', { name: 'Confidence 7 of 10' }).check({ force: true });
    await expectAccessible('owner-check-in-02-dialog');
    await dialog.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(async () => (await json(page.request, 'GET', `/api/v1/key-results/${kr.id}`)).current).toBe(value);
    const checkIns = (await json(page.request, 'GET', `/api/v1/key-results/${kr.id}/check-ins`)).items;
    expect(checkIns[0]).toMatchObject({ value, confidence: 7, authorId: chosen.owner.id });
    expect(errors).toEqual([]);
  });

  it('sees it on the key result\'s page and at a phone\'s width, without the delete button', async () => {
    await page.goto(`/key-results/${chosen.kr.id}`);
    await page.getByRole('heading', { name: chosen.kr.title, level: 1 }).waitFor();
    const button = page.getByRole('button', { name: 'Check in', exact: true });
    await button.waitFor();
    expect(await page.getByRole('button', { name: 'Delete key result' }).count()).toBe(0);
    await expectAccessible('owner-check-in-03-key-result-page');

    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`/units/${chosen.teamId}?period=${chosen.cycleId}`);
    const onTeamPage = page.getByRole('button', { name: `Check in on ${chosen.kr.title}` });
    await onTeamPage.waitFor();
    expect(await onTeamPage.isVisible()).toBe(true);
    await expectAccessible('owner-check-in-04-team-page-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors).toEqual([]);
  });
});
