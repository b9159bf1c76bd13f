// The Content-Security-Policy in a real browser: a policy that blocks something the app needs is
// worse than none, so every screen of the web app and the API docs page is loaded and used in
// Chromium, and any violation it reports (the securitypolicyviolation event, or the console's
// "Refused to …" / "violates the following Content Security Policy") fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, watchErrors, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
const refused: string[] = [];

/** Violations the page itself recorded, since it was loaded. */
async function violations(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
}

async function expectNoViolation(where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect([...await violations(), ...refused], where).toEqual([]);
  expect(errors, where).toEqual([]);
}

describe('the Content-Security-Policy in the browser', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.base, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(() => {
      if (!localStorage.getItem('varde.language')) localStorage.setItem('varde.language', 'en');
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => { seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`); });
    });
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends the policy with the page', async () => {
    const res = await page.goto('/');
    const csp = await res!.headerValue('content-security-policy');
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('runs the web app under it: sign-in, home, organisation, a team, a key result with its chart, settings', async () => {
    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/sign-in');
    await page.getByLabel('E-mail').fill('admin@demo.varde.no');
    await page.getByLabel('Password').fill('varde-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hello');
    await expectNoViolation('home');

    await page.goto('/organisation');
    await expect.poll(() => page.getByRole('heading', { name: 'Strategy' }).isVisible()).toBe(true);
    await expectNoViolation('organisation');

    const units = await (await page.request.get('/api/v1/units?limit=500')).json();
    const team = units.items.find((u: { name: string }) => /Kampanjeteamet/.test(u.name));
    await page.goto(`/units/${team.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Kampanjeteamet/);
    await expectNoViolation('team page');
    // A modal dialog: focus trap, scroll lock, overlay.
    await page.getByRole('button', { name: /^Check in on / }).first().click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expectNoViolation('check-in dialog');

    const periods = await (await page.request.get('/api/v1/periods?kind=cycle&state=active')).json();
    const progress = await (await page.request.get(`/api/v1/units/${team.id}/progress?period=${periods.items[0].id}`)).json();
    const kr = progress.objectives.flatMap((o: { keyResults: Array<{ id: string }> }) => o.keyResults)[0];
    await page.goto(`/key-results/${kr.id}`);
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThan(0);
    await expectNoViolation('key result with its chart');

    await page.goto('/settings');
    await page.waitForLoadState('networkidle');
    await expectNoViolation('settings');
  });

  it('runs the API docs page under it', async () => {
    const res = await page.goto('/api/v1/docs/');
    expect(await res!.headerValue('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 20_000 }).toBeGreaterThan(20);
    // Opening an operation renders its schemas and examples (styled, highlighted code).
    await page.locator('.opblock-summary').first().click();
    await expect.poll(() => page.locator('.opblock-body').count()).toBeGreaterThan(0);
    await expectNoViolation('docs');
    // The icons Swagger UI draws from data: images loaded: a blocked image would be a violation.
    expect(await page.locator('.swagger-ui').isVisible()).toBe(true);
  });
});
