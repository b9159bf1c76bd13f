// Removing and correcting in a real browser: a check-in edited and deleted on the key result
// page; a unit archived in settings, its team page read-only; an empty period deleted and one
// with drafts refused. Every
// screen gets an axe scan and screenshots at desktop width and at 375 px.
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

/** The same screen drawn afresh at a phone's width (the chart takes its width when drawn), then back at desktop width. */
async function onPhone(name: string, reopen: () => Promise<void> = async () => {}): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await reopen();
  await expectAccessible(`${name}-375`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await reopen();
}
const unitsTab = async () => { await page.getByRole('tab', { name: 'Units' }).click(); };

async function api(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, data?: unknown): Promise<any> {
  const res = await page.request.fetch(url, { method, ...(data === undefined ? {} : { data }) });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.status() === 204 ? undefined : res.json();
}

describe('removing and correcting things in the browser', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page, errors } = await openPage(browser, server));
    await signIn(page, 'admin@demo.varde.no');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('edits a check-in on the key result page and shows the new value and the edited mark, then deletes one', async () => {
    const cycle = (await api('GET', '/api/v1/periods?kind=cycle&state=active')).items[0];
    const objectives = (await api('GET', `/api/v1/objectives?period=${cycle.id}&limit=500`)).items;
    const objective = await api('GET', `/api/v1/objectives/${objectives.find((o: { status: string }) => o.status === 'active').id}`);
    const kr = objective.keyResults.find((k: { type: string }) => k.type === 'increase');
    // Two check-ins of today, so that deleting the newest leaves the one before.
    await api('POST', `/api/v1/key-results/${kr.id}/check-ins`, { value: 3, confidence: 6 });
    await api('POST', `/api/v1/key-results/${kr.id}/check-ins`, { value: 4, confidence: 7, comment: 'Skrivefeil her' });

    await page.goto(`/key-results/${kr.id}`);
    const rows = page.getByRole('table').getByRole('row');
    await page.getByRole('heading', { name: kr.title }).waitFor();
    await rows.nth(1).getByRole('button', { name: /^Edit the check-in of/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/New value/).fill('12');
    await dialog.getByLabel('Comment').fill('Rettet tall');
    await expectAccessible('check-in-edits-01-edit-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Check-in updated');
    await expect.poll(() => rows.nth(1).textContent()).toMatch(/12.*Rettet tall/);
    expect(await rows.nth(1).textContent()).toMatch(/edited/);
    await expect.poll(async () => (await api('GET', `/api/v1/key-results/${kr.id}`)).current).toBe(12);
    await expectAccessible('check-in-edits-02-edited');
    await onPhone('check-in-edits-02-edited');

    await rows.nth(1).getByRole('button', { name: /^Delete the check-in of/ }).click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toContain('Delete this check-in?');
    await expectAccessible('check-in-edits-03-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Check-in deleted');
    await expect.poll(() => rows.nth(1).textContent()).not.toContain('Rettet tall');
    await expect.poll(async () => (await api('GET', `/api/v1/key-results/${kr.id}`)).current).toBe(3);
    expect(errors).toEqual([]);
  });

  it('archives a unit in settings: its team page says so and is read-only, the organisation page lists it only on request', async () => {
    const units = (await api('GET', '/api/v1/units?limit=500')).items;
    const parents = new Set(units.map((u: { parentId: string | null }) => u.parentId));
    const team = units.find((u: { kind: string; id: string; archivedAt: string | null }) => u.kind === 'team' && !parents.has(u.id) && !u.archivedAt);
    // The demo has an archived project team already: with this one, two.
    const archivedBefore = units.filter((u: { archivedAt: string | null }) => u.archivedAt).length;
    const showArchived = `Show ${archivedBefore + 1} archived unit${archivedBefore + 1 === 1 ? '' : 's'}`;
    await page.goto('/settings');
    await unitsTab();
    await page.getByRole('button', { name: `Archive ${team.name}` }).click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toContain(`Archive ${team.name}?`);
    await expectAccessible('check-in-edits-04-archive-confirm');
    await confirm.getByRole('button', { name: 'Archive', exact: true }).click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(`${team.name} archived`);
    await expect.poll(() => page.getByRole('row', { name: new RegExp(team.name) }).textContent()).toMatch(/archived/);
    await page.getByRole('button', { name: `Restore ${team.name}` }).waitFor();
    await expectAccessible('check-in-edits-05-settings-archived');
    await onPhone('check-in-edits-05-settings-archived', unitsTab);

    await page.goto(`/units/${team.id}`);
    const note = page.getByRole('note').filter({ hasText: 'read only' });
    await expect.poll(() => note.textContent()).toMatch(/^Archived on .* — read only\./);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: /^Check in on/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New objective' }).count()).toBe(0);
    await expectAccessible('check-in-edits-06-team-archived');
    await onPhone('check-in-edits-06-team-archived');

    await page.goto('/organisation');
    const tree = page.locator('section[aria-labelledby="tree-heading"]');
    await page.getByRole('button', { name: showArchived }).waitFor();
    expect(await tree.getByRole('link', { name: team.name, exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: showArchived }).click();
    await expect.poll(() => tree.getByRole('link', { name: team.name, exact: true }).count()).toBe(1);
    await expectAccessible('check-in-edits-07-organisation-archived');
    expect(errors).toEqual([]);
  });

  it('deletes an empty period in settings, and says what a period with drafts still holds', async () => {
    const empty = await api('POST', '/api/v1/periods', { kind: 'cycle', name: 'Feilregistrert syklus', startDate: '2031-01-01', endDate: '2031-04-30' });
    const planning = (await api('GET', '/api/v1/periods?state=planning')).items.filter((p: { id: string }) => p.id !== empty.id);
    const withDrafts = planning.find((p: { kind: string }) => p.kind === 'cycle');
    const periodsTab = async () => { await page.getByRole('tab', { name: 'Periods' }).click(); };
    await page.goto('/settings');
    await periodsTab();

    await page.getByRole('button', { name: `Delete ${withDrafts.name}` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => confirm.textContent()).toMatch(/The period still holds \d+ objectives?.*Move or delete them first/);
    await expectAccessible('check-in-edits-08-period-not-empty');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await page.request.get(`/api/v1/periods/${withDrafts.id}`)).status()).toBe(200);

    await page.getByRole('button', { name: `Delete ${empty.name}` }).click();
    await expect.poll(() => confirm.textContent()).toContain(`Delete ${empty.name}?`);
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(`${empty.name} deleted`);
    await expect.poll(() => page.getByRole('row', { name: new RegExp(empty.name) }).count()).toBe(0);
    expect((await page.request.get(`/api/v1/periods/${empty.id}`)).status()).toBe(404);
    await expectAccessible('check-in-edits-09-periods');
    await onPhone('check-in-edits-09-periods', periodsTab);
    expect(errors).toEqual([]);
  });

  it('shows the demo\'s corrected check-in as edited', async () => {
    const cycle = (await api('GET', '/api/v1/periods?kind=cycle&state=active')).items[0];
    const objectives = (await api('GET', `/api/v1/objectives?period=${cycle.id}&limit=500`)).items;
    for (const o of objectives) {
      const full = await api('GET', `/api/v1/objectives/${o.id}`);
      for (const k of full.keyResults) {
        const items = (await api('GET', `/api/v1/key-results/${k.id}/check-ins`)).items;
        if (items.some((c: { editedAt: string | null }) => c.editedAt)) {
          await page.goto(`/key-results/${k.id}`);
          await expect.poll(() => page.getByRole('table').textContent()).toMatch(/edited/);
          return;
        }
      }
    }
    throw new Error('no edited check-in in the demo');
  });
});
