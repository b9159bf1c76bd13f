// Accounts in a real browser: an admin sets a one-time password for a member, who signs in with
// it, is made to choose their own before anything else, and then uses Varde with it; an admin
// deactivates someone, who can then no longer sign in; one's own account page. Every screen gets
// an axe scan (WCAG 2.1 A/AA) with no serious or critical violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, startServer, watchErrors, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let admin: Page;
let adminErrors: string[];
const contexts: BrowserContext[] = [];

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: server.base, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  await context.addInitScript(() => { if (!localStorage.getItem('varde.language')) localStorage.setItem('varde.language', 'en'); });
  contexts.push(context);
  const page = await context.newPage();
  return { page, errors: watchErrors(page) };
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function nameOf(email: string): Promise<string> {
  const people = await (await admin.request.get('/api/v1/people?limit=500')).json();
  return people.items.find((p: { email: string }) => p.email === email).name;
}

async function openPeopleSettings(): Promise<void> {
  await admin.goto('/settings');
  await admin.getByRole('tab', { name: 'People' }).click();
  await expect.poll(() => admin.getByRole('heading', { name: 'New person' }).isVisible()).toBe(true);
}

describe('accounts in the browser', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ page: admin, errors: adminErrors } = await newPage());
    await signIn(admin, 'admin@demo.varde.no', 'varde-demo');
    await admin.getByRole('heading', { name: /Hello/ }).waitFor();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('sets a one-time password; the member must choose their own, and then it works', async () => {
    const jonas = await nameOf('jonas@demo.varde.no');
    await openPeopleSettings();
    await expectAccessible(admin, 'accounts-01-people');
    await admin.getByRole('button', { name: `Set a one-time password for ${jonas}` }).click();
    const dialog = admin.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Set one-time password' }).click();
    const shown = dialog.getByTestId('one-time-password');
    await expect.poll(() => shown.isVisible()).toBe(true);
    const oneTime = (await shown.textContent())!.trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(20);
    await expect.poll(() => dialog.textContent()).toContain('shown only this once');
    await expectAccessible(admin, 'accounts-02-one-time-password');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => admin.getByRole('row', { name: new RegExp(jonas) }).textContent()).toContain('Must choose a new password');

    const { page, errors } = await newPage();
    await signIn(page, 'jonas@demo.varde.no', 'varde-demo');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('wrong');
    await signIn(page, 'jonas@demo.varde.no', oneTime);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Choose your own password');
    expect(new URL(page.url()).pathname).toBe('/account');
    await expectAccessible(page, 'accounts-03-choose-own-password');
    // Nothing else opens until it is done.
    await page.goto('/organisation');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/account');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Choose your own password');

    await page.getByLabel('Current password').fill(oneTime);
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await page.getByLabel('Repeat the new password').fill('password1234');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('most common passwords');
    await expectAccessible(page, 'accounts-04-common-password');

    await page.getByLabel('New password', { exact: true }).fill('jonas chose this one');
    await page.getByLabel('Repeat the new password').fill('jonas chose this one');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hello');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Strategy' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await signIn(page, 'jonas@demo.varde.no', 'jonas chose this one');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hello');
    expect(errors).toEqual([]);
  });

  it('deactivates someone after asking, who then cannot sign in, and reactivates them', async () => {
    const marte = await nameOf('marte@demo.varde.no');
    const { page } = await newPage();
    await signIn(page, 'marte@demo.varde.no', 'varde-demo');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hello');

    await openPeopleSettings();
    await admin.getByRole('button', { name: `Deactivate ${marte}` }).click();
    const dialog = admin.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe(`Deactivate ${marte}?`);
    await expectAccessible(admin, 'accounts-05-deactivate');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => admin.getByRole('status').first().textContent()).toContain(`${marte} is deactivated.`);
    await expect.poll(() => admin.getByRole('row', { name: new RegExp(marte) }).textContent()).toContain('Deactivated');
    await expectAccessible(admin, 'accounts-06-deactivated');

    // Her open session answers no more, and signing in is refused like a wrong password.
    expect((await page.request.get('/api/v1/me')).status()).toBe(401);
    await signIn(page, 'marte@demo.varde.no', 'varde-demo');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('wrong');

    await admin.getByRole('button', { name: `Reactivate ${marte}` }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click();
    await expect.poll(() => admin.getByRole('row', { name: new RegExp(marte) }).textContent()).toContain('Active');
    await signIn(page, 'marte@demo.varde.no', 'varde-demo');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hello');
  });

  it('opens one\'s own account from the name in the top bar and changes the password there', async () => {
    const name = await nameOf('admin@demo.varde.no');
    await admin.getByRole('link', { name: `${name}, your account` }).click();
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Your account');
    await expectAccessible(admin, 'accounts-07-account');
    await admin.getByLabel('Current password').fill('not my password');
    await admin.getByLabel('New password', { exact: true }).fill('a new admin passphrase');
    await admin.getByLabel('Repeat the new password').fill('a new admin passphrase');
    await admin.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => admin.locator('.field-error').first().textContent()).toContain('not your current password');
    await admin.getByLabel('Current password').fill('varde-demo');
    await admin.getByLabel('Repeat the new password').fill('a different passphrase');
    await admin.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => admin.locator('.field-error').first().textContent()).toContain('not the same');
    await admin.getByLabel('Repeat the new password').fill('a new admin passphrase');
    await admin.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => admin.getByRole('status').first().textContent()).toContain('Your password is changed');
    await expectAccessible(admin, 'accounts-08-password-changed');
    expect(adminErrors).toEqual([]);
  });

  it('signs out everywhere from the account page: this browser and another one both need to sign in again', async () => {
    const { page: elsewhere } = await newPage();
    await signIn(elsewhere, 'admin@demo.varde.no', 'a new admin passphrase');
    await expect.poll(() => elsewhere.url()).not.toContain('/sign-in');
    expect((await elsewhere.request.get('/api/v1/me')).status()).toBe(200);
    await admin.goto('/account');
    await admin.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect.poll(() => admin.url()).toContain('/sign-in');
    expect((await admin.request.get('/api/v1/me')).status()).toBe(401);
    expect((await elsewhere.request.get('/api/v1/me')).status(), 'the other browser is signed out too').toBe(401);
  });
});
