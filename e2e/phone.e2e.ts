// Every screen on the narrowest phones we serve: nothing wider than the screen at 360 and 375 px
// (a page that scrolls sideways hides its own controls), and every control at least 24 × 24 CSS
// px to tap (WCAG 2.2 target size, minimum) unless it is a link inside a line of text. The main
// dialogs (new objective, check-in, edit objective, edit key result) get the same checks at 360 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoIds, launchBrowser, openPage, signIn, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;

beforeAll(async () => { server = await startServer(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); await server?.stop(); });

/** What is wrong at this width, on the page or (given a selector) inside one element of it such as
 *  an open dialog: wider than the window, scrolling sideways, or a control under 24 × 24 px. */
async function measure(page: Page, within?: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    const root = selector ? document.querySelector<HTMLElement>(selector) : document.documentElement;
    if (!root) return [`${selector}: not found`];
    const wide = document.scrollingElement!.scrollWidth;
    if (wide > window.innerWidth) problems.push(`${wide} px wide`);
    const label = (el: Element) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    if (selector) {
      // A dialog may hold the page still (React Aria stops its scrolling), so what sticks out of the
      // window or makes a box inside it scroll sideways is looked for element by element.
      for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden' || el.closest('[aria-hidden="true"]')) continue;
        if (box.left < -0.5 || box.right > window.innerWidth + 0.5) problems.push(`${label(el)} reaches from ${Math.round(box.left)} to ${Math.round(box.right)} px`);
        // A text field scrolling its own long value is how a text field works.
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) continue;
        if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) problems.push(`${label(el)} scrolls sideways: ${el.scrollWidth} px in ${el.clientWidth}`);
      }
    }
    const small: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('button, [role="button"], input, select, [role="tab"], [role="checkbox"], [role="radio"], [role="option"], a')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // React Aria's native select and inputs kept for forms and autofill, hidden from everyone.
      if (el.closest('[aria-hidden="true"]') || (el instanceof HTMLInputElement && el.tabIndex < 0 && el.type !== 'radio' && el.type !== 'checkbox')) continue;
      // The exception of the criterion: a link in a sentence, sized by its line of text.
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue;
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') && el.labels?.length) continue;
      if (box.width < 24 || box.height < 24) small.push(`${label(el)} ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return [...new Set(problems)].slice(0, 8).concat([...new Set(small)].slice(0, 8));
  }, within);
}

describe.each([360, 375])('at %i px', (width) => {
  it('no screen scrolls sideways, and every control is at least 24 × 24 px', async () => {
    const { context, page, errors } = await openPage(browser, server, { width, height: 780 });
    try {
      await signIn(page, 'admin@demo.varde.no');
      const ids = await demoIds(page.request);
      const screens: Array<[string, string, string?]> = [
        ['home', '/'], ['organisation', '/organisation'], ['team', `/units/${ids.teamId}?period=${ids.cycleId}`],
        ['key result', `/key-results/${ids.keyResultId}`], ['account', '/account'],
        ['settings: organisation', '/settings', 'Organisation'], ['settings: units', '/settings', 'Units'],
        ['settings: periods', '/settings', 'Periods'], ['settings: people', '/settings', 'People'],
      ];
      const found: string[] = [];
      for (const [name, url, tab] of screens) {
        await page.goto(url);
        await page.locator('h1').first().waitFor();
        if (tab) await page.getByRole('tab', { name: tab, exact: true }).click();
        await page.waitForLoadState('networkidle');
        const r = await measure(page);
        found.push(...r.map((problem) => `${name}: ${problem}`));
      }
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('at 360 px, inside the dialogs', () => {
  it('no dialog is wider than the screen or scrolls sideways, and every control in it is at least 24 × 24 px', async () => {
    const { context, page, errors } = await openPage(browser, server, { width: 360, height: 780 });
    try {
      await signIn(page, 'admin@demo.varde.no');
      const ids = await demoIds(page.request);
      await page.goto(`/units/${ids.teamId}?period=${ids.cycleId}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const dialog = page.getByRole('dialog');
      const found: string[] = [];
      const check = async (name: string) => {
        await dialog.waitFor();
        await page.waitForLoadState('networkidle');
        found.push(...(await measure(page, '[role="dialog"]')).map((problem) => `${name}: ${problem}`));
      };
      const close = async () => {
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
      };
      const dialogs: Array<[string, RegExp | string, (() => Promise<void>)?]> = [
        ['new objective', 'New objective', async () => {
          await check('new objective');
          // A key result's row with its details open: type, owner, weight.
          await dialog.getByRole('button', { name: /^More for key result 1/ }).click();
          await check('new objective, a key result\'s details');
          // A select's list is the phone's own picker (a native select), drawn by the system, not the page.
          expect(await dialog.getByLabel('Type', { exact: true }).first().evaluate((el) => el.tagName)).toBe('SELECT');
        }],
        ['check-in', /^Check in on /],
        ['edit objective', /^Edit objective /],
        ['edit key result', /^Edit key result /],
      ];
      for (const [name, button, inside] of dialogs) {
        await page.getByRole('button', { name: button }).first().click();
        await (inside ?? (() => check(name)))();
        await close();
      }
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
