// The demo in a real browser: its banner on the sign-in page and on every signed-in screen; the
// admin ends it from the settings, confirms by typing the organisation's name, lands on the
// first-run set-up, sets up the real organisation, and the banner is gone. Every screen gets an
// axe scan (WCAG 2.1 A/AA) with no serious or critical violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, startServer, watchErrors, type Server } from './harness.js';

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

const banner = () => page.getByRole('note', { name: 'About the demo' });

describe('ending the demo in the browser', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.base, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(() => { if (!localStorage.getItem('varde.language')) localStorage.setItem('varde.language', 'en'); });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the demo banner on the sign-in page and on the home page', async () => {
    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/sign-in');
    await expect.poll(() => banner().isVisible()).toBe(true);
    expect(await banner().textContent()).toContain('public password');
    // Nobody is signed in, so nobody is offered to end the demo.
    expect(await banner().getByRole('link').count()).toBe(0);
    await expectAccessible('demo-01-sign-in');
    await page.getByLabel('E-mail').fill('admin@demo.varde.no');
    await page.getByLabel('Password').fill('varde-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hello');
    await expect.poll(() => banner().isVisible()).toBe(true);
    await expectAccessible('demo-02-home');
  });

  it('lets the admin end the demo from the settings and lands on set-up', async () => {
    await banner().getByRole('link', { name: 'End the demo and set up your organisation' }).click();
    await expect.poll(() => page.url()).toContain('/settings');
    const section = page.getByRole('region', { name: 'End the demo' });
    await expect.poll(() => section.isVisible()).toBe(true);
    await expectAccessible('demo-03-settings');
    const organisationName = (await (await page.request.get('/api/v1/organisation')).json()).name as string;
    await section.getByRole('button', { name: 'Remove demo data and set up our organisation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove all demo data?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectAccessible('demo-04-confirm');
    // A wrong name removes nothing and says why at the field.
    await dialog.getByLabel('Name of the organisation').fill('Something else');
    await dialog.getByRole('button', { name: 'Remove demo data' }).click();
    await expect.poll(() => dialog.getByText('Type the name exactly as shown.').isVisible()).toBe(true);
    expect(page.url()).toContain('/settings');
    await dialog.getByLabel('Name of the organisation').fill(organisationName);
    await dialog.getByRole('button', { name: 'Remove demo data' }).click();
    await expect.poll(() => page.url()).toContain('/setup');
    await expect.poll(() => page.getByRole('heading', { name: 'Set up Varde' }).isVisible()).toBe(true);
    expect(await banner().count()).toBe(0);
    // On loopback set-up asks for no token.
    expect(await page.getByLabel('Set-up token').count()).toBe(0);
    await expectAccessible('demo-05-setup');
  });

  it('sets up the real organisation, and the banner is gone', async () => {
    await page.getByLabel('Organisation name').fill('Fjellklubben');
    await page.getByLabel('Name', { exact: true }).fill('Kari Nordmann');
    await page.getByLabel('E-mail').fill('kari@example.no');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hello');
    await page.waitForLoadState('networkidle');
    expect(await banner().count()).toBe(0);
    await expectAccessible('demo-06-home-after');
    await page.goto('/sign-in');
    await page.waitForLoadState('networkidle');
    expect(await banner().count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Try the demo' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
