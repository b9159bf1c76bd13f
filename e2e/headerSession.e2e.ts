// Signed in by a Cookie header alone, as Lighthouse's extraHeaders and other measuring tools do:
// the app must not write a cookie of its own, since the browser then sends its own cookies instead
// of the header, and every call after the first ones would be refused (it once wrote the language
// in a cookie, and a measured Mine showed an error).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type Server } from './harness';

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a session given as a header', () => {
  it('keeps every call of every main screen signed in, and leaves the cookie jar empty', async () => {
    const login = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.base },
      body: JSON.stringify({ email: 'admin@demo.varde.no', password: 'varde-demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const context = await browser.newContext({ baseURL: server.base });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { Cookie: cookie } });
    const refused: string[] = [];
    page.on('response', (r) => { if (r.url().includes('/api/') && r.status() >= 400) refused.push(`${r.status()} ${new URL(r.url()).pathname}`); });
    for (const path of ['/', '/organisation']) {
      await page.goto(path, { waitUntil: 'networkidle' });
      await page.locator('h1').first().waitFor();
    }
    await page.locator('a[href^="/units/"]').first().click();
    await page.waitForLoadState('networkidle');
    await page.locator('a[href^="/key-results/"]').first().click();
    await page.waitForLoadState('networkidle');
    expect(refused).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
