// The cycle's rituals in settings, in Norwegian as an admin of the demo meets them: the next
// tertial's ritual dates shown and changed in a dialog (one out of order refused at its field in
// Norwegian), its activation refused while teams have unpublished drafts, naming them, and
// started with "Aktiver likevel"; a team's own check-in day and the organisation's rhythm. Every
// screen gets an axe scan and screenshots, at desktop width and at 360 px.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, signInByApi, startServer, type Server, expectAccessible as expectAccessibleOn, apiCall } from './harness.js';

type Tree = { [key: string]: string | Tree };
const nb = JSON.parse(fs.readFileSync(new URL('../packages/web/src/i18n/nb.json', import.meta.url), 'utf8')) as Tree;
const say = (key: string, params: Record<string, string | number> = {}): string => {
  const text = key.split('.').reduce<string | Tree>((node, k) => (node as Tree)[k]!, nb) as string;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
};

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

const expectAccessible = (name: string) => expectAccessibleOn(page, name);
const api = (method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown) => apiCall(page.request, method.toLowerCase() as 'get' | 'post' | 'patch', url, data);
const tab = async (key: string) => { await page.getByRole('tab', { name: say(key) }).click(); };
const shown = async (field: ReturnType<Page['locator']>) => (await field.innerText()).replace(/[\u200e\u200f\u2066-\u2069\s]/g, '');
const typeDate = async (field: ReturnType<Page['locator']>, iso: string) => {
  const [y, m, d] = iso.split('-');
  await field.locator('[data-type="day"]').click();
  await page.keyboard.type(`${d}${m}${y}`);
  await expect.poll(() => shown(field)).toBe(`${d}.${m}.${y}`);
};

describe("a cycle's rituals in settings, in Norwegian", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page, errors } = await openPage(browser, server, { language: 'nb' }));
    await signInByApi(context, 'admin@demo.varde.no');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("shows the next tertial's ritual dates and changes them, refusing a review before the planning ends at its field", async () => {
    const next = (await api('GET', '/api/v1/periods?kind=cycle&state=planning')).items[0];
    await page.goto('/settings');
    await tab('settings.periods');
    const row = page.getByRole('row', { name: new RegExp(next.name) });
    await expect.poll(() => row.textContent()).toMatch(/Planlegging .* – .*Gjennomgang .*Retrospektiv/);
    await expectAccessible('rituals-01-periods');

    await page.getByRole('button', { name: say('rituals.editNamed', { name: next.name }) }).click();
    const dialog = page.getByRole('dialog');
    const review = dialog.locator('.date-input').nth(2);
    const before = new Date(Date.parse(`${next.startDate}T00:00:00Z`) - 5 * 86_400_000).toISOString().slice(0, 10);
    await typeDate(review, before);
    await dialog.getByRole('button', { name: say('common.save') }).click();
    await expect.poll(() => dialog.textContent()).toContain(say('fieldErrors.too_early', { date: next.planningEndDate }));
    await expectAccessible('rituals-02-review-too-early');

    const day = new Date(Date.parse(`${next.endDate}T00:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);
    await typeDate(review, day);
    await dialog.getByRole('button', { name: say('common.save') }).click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toBe(say('rituals.saved'));
    expect((await api('GET', `/api/v1/periods/${next.id}`)).reviewDate).toBe(day);
    expect(errors).toEqual([]);
  });

  it('refuses to activate the next tertial while teams have unpublished drafts, names them, and activates it anyway', async () => {
    const current = (await api('GET', '/api/v1/periods?kind=cycle&state=active')).items[0];
    const next = (await api('GET', '/api/v1/periods?kind=cycle&state=planning')).items[0];
    await api('PATCH', `/api/v1/periods/${current.id}`, { version: current.version, state: 'review' });
    await page.goto('/settings');
    await tab('settings.periods');
    await page.getByRole('button', { name: say('settings.moveNamed', { name: next.name, state: say('periodState.active') }) }).click();
    const alert = page.getByRole('alert').filter({ hasText: say('rituals.refusedTitle', { name: next.name }) });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Kampanjeteamet «Tid er liv» \(\d+ utkast\)/);
    await expectAccessible('rituals-03-activation-refused');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible('rituals-03-activation-refused-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    await alert.getByRole('button', { name: say('rituals.activateAnywayNamed', { name: next.name }) }).click();
    await expect.poll(async () => (await api('GET', `/api/v1/periods/${next.id}`)).state).toBe('active');
    await expect.poll(() => page.getByRole('row', { name: new RegExp(next.name) }).textContent()).toContain(say('periodState.active'));
    expect(errors).toEqual([]);
  });

  it("gives a team its own check-in day, shown beside the organisation's rhythm, and changes the organisation's", async () => {
    await page.goto('/settings');
    await tab('settings.units');
    const insight = page.getByRole('row', { name: /Medlemsinnsikt/ });
    await expect.poll(() => insight.textContent()).toContain(`${say('rituals.cadences.biweekly')}, mandag`);
    await page.getByRole('button', { name: say('settings.editUnit', { name: 'Digital kommunikasjon' }) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(say('rituals.checkInWeekday')).selectOption({ label: 'onsdag' });
    await expectAccessible('rituals-04-unit-rhythm');
    await dialog.getByRole('button', { name: say('common.save') }).click();
    const digital = page.getByRole('row', { name: /Digital kommunikasjon/ });
    await expect.poll(() => digital.textContent()).toContain(`${say('rituals.cadences.weekly')}, onsdag`);
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible('rituals-05-units-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    await tab('settings.organisation');
    await page.getByLabel(say('rituals.checkInCadence')).selectOption({ label: say('rituals.cadences.biweekly') });
    await page.getByRole('button', { name: say('common.save'), exact: true }).click();
    await expect.poll(async () => (await api('GET', '/api/v1/organisation')).checkInCadenceDays).toBe(14);
    await expectAccessible('rituals-06-organisation');
    expect(errors).toEqual([]);
  });
});
