// Every screen on the narrowest phones we serve: nothing wider than the screen at 360 and 375 px
// (a page that scrolls sideways hides its own controls), and every control at least 24 × 24 CSS
// px to tap (WCAG 2.2 target size, minimum) unless it is a link inside a line of text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, signIn, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;

beforeAll(async () => { server = await startServer(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); await server?.stop(); });

describe.each([360, 375])('at %i px', (width) => {
  it('no screen scrolls sideways, and every control is at least 24 × 24 px', async () => {
    const { context, page, errors } = await openPage(browser, server, { width, height: 780 });
    try {
      await signIn(page, 'admin@demo.varde.no');
      const get = async (url: string) => (await page.request.get(url)).json();
      const units = (await get('/api/v1/units?limit=500')).items as Array<{ id: string; kind: string; archivedAt: string | null }>;
      const team = units.find((u) => u.kind === 'team' && !u.archivedAt)!;
      const cycle = (await get('/api/v1/periods?kind=cycle&state=active')).items[0];
      const progress = await get(`/api/v1/units/${team.id}/progress?period=${cycle.id}`);
      const kr = progress.objectives[0].keyResults[0];
      const screens: Array<[string, string, string?]> = [
        ['home', '/'], ['organisation', '/organisation'], ['team', `/units/${team.id}?period=${cycle.id}`],
        ['key result', `/key-results/${kr.id}`], ['account', '/account'],
        ['settings: organisation', '/settings', 'Organisation'], ['settings: units', '/settings', 'Units'],
        ['settings: periods', '/settings', 'Periods'], ['settings: people', '/settings', 'People'],
      ];
      const found: string[] = [];
      for (const [name, url, tab] of screens) {
        await page.goto(url);
        await page.locator('h1').first().waitFor();
        if (tab) await page.getByRole('tab', { name: tab, exact: true }).click();
        await page.waitForLoadState('networkidle');
        const r = await page.evaluate(() => {
          const wide = document.scrollingElement!.scrollWidth;
          const small: string[] = [];
          for (const el of document.querySelectorAll<HTMLElement>('button, [role="button"], input, select, [role="tab"], [role="checkbox"], [role="radio"], a')) {
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
            // React Aria's native select and inputs kept for forms and autofill, hidden from everyone.
            if (el.closest('[aria-hidden="true"]') || (el instanceof HTMLInputElement && el.tabIndex < 0 && el.type !== 'radio' && el.type !== 'checkbox')) continue;
            // The exception of the criterion: a link in a sentence, sized by its line of text.
            if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue;
            if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') && el.labels?.length) continue;
            if (box.width < 24 || box.height < 24) small.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
          }
          return { wide, small: [...new Set(small)].slice(0, 8) };
        });
        if (r.wide > (await page.evaluate(() => window.innerWidth))) found.push(`${name}: ${r.wide} px wide`);
        for (const s of r.small) found.push(`${name}: ${s}`);
      }
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
