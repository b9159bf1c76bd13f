// Controls that do what they say, in a real browser: each checkbox on the row of its own label, a
// dialog that asks before throwing away what was typed, error states that name what happened,
// focus on the first field to fix, and a spoken confirmation after a save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];
const contexts: BrowserContext[] = [];

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const { context, page, errors } = await openPage(browser, server);
  contexts.push(context);
  return { page, errors };
}

async function teamPage(): Promise<{ title: string; increase: string }> {
  const units = await (await page.request.get('/api/v1/units?limit=500')).json();
  const team = units.items.find((u: { name: string }) => /Kampanjeteamet/.test(u.name));
  const periods = await (await page.request.get('/api/v1/periods?kind=cycle&state=active')).json();
  const progress = await (await page.request.get(`/api/v1/units/${team.id}/progress?period=${periods.items[0].id}`)).json();
  await page.goto(`/units/${team.id}`);
  await page.waitForLoadState('networkidle');
  const increase = progress.objectives.flatMap((o: { keyResults: { type: string; title: string }[] }) => o.keyResults).find((k: { type: string }) => k.type === 'increase');
  return { title: progress.objectives[0].keyResults[0].title, increase: increase.title };
}

async function openInitiativeDialog(): Promise<Locator> {
  const { title } = await teamPage();
  await page.getByRole('button', { name: `Add an initiative for ${title}` }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

/** Every checkbox in `scope` is on the row of its label: centres level, the box left of the text. */
async function expectBoxesBesideLabels(scope: Locator, atLeast: number): Promise<void> {
  const boxes = scope.locator('.checkbox');
  // The boxes come with the people, which a dialog may still be fetching.
  await boxes.first().waitFor();
  const count = await boxes.count();
  expect(count).toBeGreaterThanOrEqual(atLeast);
  for (let i = 0; i < count; i++) {
    const box = await boxes.nth(i).locator('.checkbox-box').boundingBox();
    const label = await boxes.nth(i).locator('.checkbox-label').boundingBox();
    expect(box && label, `box and label ${i} are drawn`).toBeTruthy();
    const boxMiddle = box!.y + box!.height / 2;
    const labelMiddle = label!.y + label!.height / 2;
    expect(Math.abs(boxMiddle - labelMiddle), `box ${i} on its label's row`).toBeLessThan(4);
    expect(box!.x + box!.width, `box ${i} left of its label`).toBeLessThanOrEqual(label!.x);
  }
  // The accessible checkboxes are the ones drawn: one per row, each named by its label.
  expect(await scope.getByRole('checkbox').count()).toBe(count);
}

describe('controls in the browser', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ page, errors } = await newPage());
    await signIn(page, 'admin@demo.varde.no');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('draws each key result box of an initiative beside its label, and ticks the one clicked', async () => {
    const dialog = await openInitiativeDialog();
    await expectBoxesBesideLabels(dialog, 2);
    const boxes = dialog.getByRole('checkbox');
    expect(await boxes.nth(0).isChecked()).toBe(true);
    await dialog.locator('.checkbox-label').nth(1).click();
    expect(await boxes.nth(1).isChecked()).toBe(true);
    await screenshot(page, 'controls-01-initiative-checkboxes');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('draws each member box of a unit beside its label, the lead box too', async () => {
    await page.goto('/settings');
    await page.getByRole('tab', { name: 'Units' }).click();
    await page.getByRole('button', { name: /^Edit Kampanjeteamet/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectBoxesBesideLabels(dialog, 3);
    expect(await dialog.getByRole('checkbox', { name: /^Lead: / }).count()).toBeGreaterThan(0);
    await screenshot(page, 'controls-02-unit-members');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(errors).toEqual([]);
  });

  it('asks before a click outside or Escape throws away what was typed; keep editing keeps it, discard closes', async () => {
    let dialog = await openInitiativeDialog();
    // Nothing typed yet: a click outside closes as before.
    await page.mouse.click(15, 600);
    await expect.poll(() => dialog.isVisible()).toBe(false);

    dialog = await openInitiativeDialog();
    const title = dialog.getByRole('textbox', { name: 'Initiative' });
    await title.fill('Plakater i alle venterom');
    await page.mouse.click(15, 600);
    const question = page.getByRole('alertdialog', { name: 'Discard your changes?' });
    await expect.poll(() => question.isVisible()).toBe(true);
    // Focus is in the question, on the safe choice.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep editing');
    await screenshot(page, 'controls-03-discard-question');
    expect(await seriousViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await expect.poll(() => question.isVisible()).toBe(false);
    expect(await title.inputValue()).toBe('Plakater i alle venterom');

    // Escape asks too, and the keyboard alone answers.
    await title.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => question.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => question.isVisible()).toBe(false);
    expect(await dialog.isVisible()).toBe(true);

    await page.mouse.click(15, 600);
    await expect.poll(() => question.isVisible()).toBe(true);
    await question.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('tells a team member who opens settings that the page is for admins, not that the network is down', async () => {
    const { page: member, errors: memberErrors } = await newPage();
    await signIn(member, 'marte@demo.varde.no');
    await member.goto('/settings');
    const alert = member.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Settings are for admins only');
    expect(await alert.textContent()).not.toMatch(/reach Varde|network/i);
    await member.waitForLoadState('networkidle');
    await screenshot(member, 'controls-04-settings-admins-only');
    expect(await seriousViolations(member)).toEqual([]);
    // A unit that does not exist says it was not found.
    await member.goto('/units/00000000-0000-0000-0000-000000000000');
    await expect.poll(() => member.getByRole('alert').textContent()).toContain('We could not find this');
    expect(memberErrors).toEqual([]);
  });

  it('after an empty save, puts focus in the first field to fix, with its message beside it', async () => {
    const dialog = await openInitiativeDialog();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const title = dialog.getByRole('textbox', { name: 'Initiative' });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    // The message is the field's own (its description), right under the field, and not repeated at the top.
    const messageId = (await title.getAttribute('aria-describedby'))!.split(' ');
    const message = dialog.locator('.field-error').first();
    expect(messageId).toContain(await message.getAttribute('id'));
    const field = (await title.boundingBox())!;
    const said = (await message.boundingBox())!;
    expect(said.y - (field.y + field.height)).toBeGreaterThanOrEqual(0);
    expect(said.y - (field.y + field.height)).toBeLessThan(24);
    expect(await dialog.locator('.alert.error').count()).toBe(0);
    await screenshot(page, 'controls-05-first-invalid-field');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(errors).toEqual([]);
  });

  it('confirms each save in a short message that screen readers announce politely', async () => {
    const dialog = await openInitiativeDialog();
    const toast = page.getByTestId('toast');
    expect(await toast.getAttribute('role')).toBe('status');
    expect(await toast.getAttribute('aria-live')).toBe('polite');
    expect((await toast.textContent())?.trim()).toBe('');
    await dialog.getByRole('textbox', { name: 'Initiative' }).fill('Plakater i alle venterom');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => toast.textContent()).toBe('Initiative saved');
    await screenshot(page, 'controls-06-saved');

    const { increase } = await teamPage();
    await page.getByRole('button', { name: `Check in on ${increase}` }).click();
    const checkIn = page.getByRole('dialog');
    await checkIn.getByLabel(/New value/).fill('1');
    await checkIn.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => checkIn.isVisible()).toBe(false);
    await expect.poll(() => toast.textContent()).toBe('Check-in saved');
    expect(await seriousViolations(page)).toEqual([]);
    // It goes away by itself.
    await expect.poll(() => toast.textContent(), { timeout: 8000 }).toBe('');
    expect(errors).toEqual([]);
  });
});
