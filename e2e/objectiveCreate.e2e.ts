// Creating an objective in a real browser: an owner is found by typing in a combobox of people
// (the unit's members first), the key results' owner follows the objective's owner, and a bad
// second key result refuses the whole objective, its message beside that key result's field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, startServer, watchErrors, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];

describe('creating an objective', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: server.base, viewport: { width: 375, height: 800 }, locale: 'en-GB' });
    await context.addInitScript(() => { if (!localStorage.getItem('varde.language')) localStorage.setItem('varde.language', 'en'); });
    page = await context.newPage();
    errors = watchErrors(page);
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill('admin@demo.varde.no');
    await page.getByLabel('Password').fill('varde-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /Hello/ }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('picks an owner by search, gives the key results that owner, and saves nothing when a key result is bad', async () => {
    const units = (await (await page.request.get('/api/v1/units?limit=500')).json()).items;
    const team = units.find((u: { kind: string; members: unknown[] }) => u.kind === 'team' && u.members.length > 1);
    const people = (await (await page.request.get('/api/v1/people?limit=500')).json()).items;
    const member = people.find((p: { id: string }) => p.id === team.members[1].personId);
    await page.goto(`/units/${team.id}`);
    await page.getByRole('button', { name: 'New objective' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Objective', { exact: true }).fill('Alt eller ingenting');
    const owners = dialog.getByRole('combobox', { name: 'Owners' });
    await owners.fill(member.name.split(' ')[0].toLowerCase());
    await page.getByRole('option', { name: member.name }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Chosen owners' }).textContent()).toContain(member.name);
    const first = dialog.getByRole('group', { name: 'Key result 1' });
    const second = dialog.getByRole('group', { name: 'Key result 2' });
    // A collapsed row names its owner in its summary; opened, the owner field shows the same.
    for (const group of [first, second]) await expect.poll(() => group.locator('.kr-row-summary').textContent()).toContain(member.name);
    await first.getByRole('button', { name: /^More for key result 1/ }).click();
    await expect.poll(() => first.getByLabel('Owner', { exact: true }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toContain(member.name);
    await first.getByLabel('Key result', { exact: true }).fill('Møter holdt');
    await first.getByLabel('Target').fill('6');
    await second.getByLabel('Key result', { exact: true }).fill('Flat');
    await second.getByLabel('Start').fill('5');
    await second.getByLabel('Target').fill('5');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => second.textContent()).toContain('The target must differ from the start');
    expect(await first.textContent()).not.toContain('must differ');
    await screenshot(page, 'objective-create-01-refused');
    expect(await seriousViolations(page)).toEqual([]);
    const listed = (await (await page.request.get(`/api/v1/objectives?unit=${team.id}&limit=500`)).json()).items;
    expect(listed.map((o: { title: string }) => o.title)).not.toContain('Alt eller ingenting');

    await second.getByLabel('Target').fill('8');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const saved = (await (await page.request.get(`/api/v1/objectives?unit=${team.id}&limit=500`)).json()).items
      .find((o: { title: string }) => o.title === 'Alt eller ingenting');
    const full = await (await page.request.get(`/api/v1/objectives/${saved.id}`)).json();
    expect(full.ownerIds).toEqual([member.id]);
    expect(full.keyResults.map((k: { title: string; ownerId: string }) => [k.title, k.ownerId])).toEqual([['Møter holdt', member.id], ['Flat', member.id]]);
    expect(errors).toEqual([]);
  });
});
