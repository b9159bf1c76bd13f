// How Varde looks, measured in a real browser on a 375 px phone, a 1280 px laptop and a 1920 px
// meeting-room screen: a focus ring that is not the error colour, key result rows readable on a
// phone and one tidy row on a desktop, the organisation's bars in one column, the people table
// without sideways scrolling, dialogs that ask before losing a one-time password or typed text,
// the compact key result list of a new objective, and one-click publishing of drafts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, openPage, screenshot, SCREENSHOTS, seriousViolations, startServer, type Server } from './harness.js';

const nb = JSON.parse(fs.readFileSync(new URL('../packages/web/src/i18n/nb.json', import.meta.url), 'utf8'));

let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(width: number, email = 'admin@demo.varde.no', language = 'en'): Promise<{ page: Page; errors: string[] }> {
  const { context, page, errors } = await openPage(browser, server, { width, language });
  contexts.push(context);
  await page.goto('/sign-in');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill('varde-demo');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('heading', { level: 1, name: /^(Hello|Hei|Hej),/ }).waitFor();
  return { page, errors };
}

interface Team { id: string; periodId: string }
async function campaignTeam(page: Page): Promise<Team> {
  const units = (await (await page.request.get('/api/v1/units?limit=500')).json()).items;
  const team = units.find((u: { name: string }) => /Kampanjeteamet/.test(u.name));
  const periods = (await (await page.request.get('/api/v1/periods?kind=cycle&state=active')).json()).items;
  return { id: team.id, periodId: periods[0].id };
}

async function openTeam(page: Page, team: Team): Promise<void> {
  await page.goto(`/units/${team.id}`);
  await page.waitForLoadState('networkidle');
  await page.locator('.kr').first().waitFor();
}

async function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth);
}

/** The smallest font size of any text drawn inside `selector`, in px. */
async function smallestText(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    let least = Infinity;
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim() || !n.parentElement) continue;
        const el = n.parentElement;
        if (el.closest('.visually-hidden') || el.getClientRects().length === 0) continue;
        least = Math.min(least, parseFloat(getComputedStyle(el).fontSize));
      }
    }
    return least;
  }, selector);
}

/** What is on the screen now, for dialogs (a full-page shot of a scrolled page misplaces them). */
async function screenView(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function hue(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number) as [number, number, number];
  return (Math.atan2(Math.sqrt(3) * (g - b), 2 * r - g - b) * 180 / Math.PI + 360) % 360;
}
function hueDistance(a: string, b: string): number {
  const d = Math.abs(hue(a) - hue(b));
  return Math.min(d, 360 - d);
}

describe('the look of Varde', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('draws the focus ring of an invalid field in a colour apart from the error red, thick and with contrast', async () => {
    const { page, errors } = await newPage(1280);
    const team = await campaignTeam(page);
    await openTeam(page, team);
    await page.getByRole('button', { name: 'New objective' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const title = dialog.getByRole('textbox', { name: 'Objective', exact: true });
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    const style = await title.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outline: s.outlineColor, outlineStyle: s.outlineStyle, width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset), border: s.borderTopColor,
        error: getComputedStyle(el.closest('.field')!.querySelector('.field-error')!).color, surface: getComputedStyle(el.closest('.modal')!).backgroundColor };
    });
    expect(style.outlineStyle).toBe('solid');
    expect(style.width).toBeGreaterThanOrEqual(2);
    expect(style.offset).toBeGreaterThanOrEqual(1);
    // The field's border stays red (invalid), the ring is another colour that stands out.
    expect(style.border).toBe(style.error);
    expect(style.outline).not.toBe(style.error);
    expect(contrast(style.outline, style.surface)).toBeGreaterThanOrEqual(3);
    // Told apart by hue, not lightness (both are dark): blue against red.
    expect(hueDistance(style.outline, style.error)).toBeGreaterThan(90);
    await screenView(page, 'look-01-focus-ring');
    await dialog.getByRole('group', { name: 'Key result 2' }).scrollIntoViewIfNeeded();
    await screenView(page, 'look-01-key-results-1280');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lays a key result row out readably on a phone: title, then bar and status, then facts, then big actions', async () => {
    const { page, errors } = await newPage(375);
    const team = await campaignTeam(page);
    await openTeam(page, team);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(375);
    // No text under 12 px anywhere on the page, the key result rows included.
    expect(await smallestText(page, 'body')).toBeGreaterThanOrEqual(12);
    const rows = page.locator('.kr');
    expect(await rows.count()).toBeGreaterThan(2);
    for (let i = 0; i < 3; i++) {
      const row = rows.nth(i);
      const [box, title, status, facts, actions] = await Promise.all(['', '.kr-title', '.kr-status', '.kr-facts', '.kr-actions']
        .map(async (s) => (await (s ? row.locator(s).first() : row).boundingBox())!));
      // The title has the whole width, then each part on its own line below the one before.
      expect(title.width).toBeGreaterThan(box.width - 8);
      expect(status.y).toBeGreaterThanOrEqual(title.y + title.height - 1);
      expect(facts.y).toBeGreaterThanOrEqual(status.y + status.height - 1);
      expect(actions.y).toBeGreaterThanOrEqual(facts.y + facts.height - 1);
      // The badge sits on the bar's line.
      const bar = (await row.locator('.progress-track').boundingBox())!;
      const badge = (await row.locator('.kr-status .badge').boundingBox())!;
      expect(badge.y).toBeLessThan(bar.y + 30);
      expect(badge.x).toBeGreaterThan(bar.x + bar.width - 1);
      expect(parseFloat(await row.locator('.kr-facts').evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(14);
      const checkIn = row.getByRole('button', { name: /^Check in on / });
      expect((await checkIn.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, 'look-02-team-375');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps a key result one tidy row on a laptop and on a meeting-room screen', async () => {
    for (const width of [1280, 1920]) {
      const { page, errors } = await newPage(width);
      const team = await campaignTeam(page);
      await openTeam(page, team);
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(width);
      const row = page.locator('.kr').first();
      const [title, status, facts, actions] = await Promise.all(['.kr-title', '.kr-status', '.kr-facts', '.kr-actions']
        .map(async (s) => (await row.locator(s).first().boundingBox())!));
      // Left to right on one line: each part starts after the one before and they share a band.
      expect(status.x).toBeGreaterThan(title.x + title.width - 1);
      expect(facts.x).toBeGreaterThan(status.x + status.width - 1);
      expect(actions.x).toBeGreaterThan(facts.x + facts.width - 1);
      const top = Math.max(title.y, status.y, facts.y, actions.y);
      const bottom = Math.min(title.y + title.height, status.y + status.height, facts.y + facts.height, actions.y + actions.height);
      expect(bottom).toBeGreaterThan(top);
      expect(await smallestText(page, '.kr')).toBeGreaterThanOrEqual(12);
      await screenshot(page, `look-03-team-${width}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    }
  });

  it('lines up the bars of every unit in the organisation tree, whatever the name or depth', async () => {
    for (const width of [1280, 375]) {
      const { page, errors } = await newPage(width);
      await page.goto('/organisation');
      const tree = page.getByRole('region', { name: /^Units in / });
      await tree.getByRole('progressbar').first().waitFor();
      // Open every branch, waiting for each opened unit's children (fetched when it opens).
      for (const closed = tree.locator('button[aria-expanded="false"]'); ;) {
        await expect.poll(() => tree.locator('[aria-busy="true"]').count()).toBe(0);
        if (await closed.count() === 0) break;
        await closed.first().click();
      }
      const bars = await tree.getByRole('progressbar').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, width: r.width })));
      expect(bars.length).toBeGreaterThan(5);
      for (const bar of bars) {
        expect(Math.abs(bar.left - bars[0]!.left)).toBeLessThanOrEqual(1);
        expect(Math.abs(bar.width - bars[0]!.width)).toBeLessThanOrEqual(1);
      }
      expect(bars[0]!.width).toBeGreaterThan(width < 500 ? 100 : 200);
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(width);
      await screenshot(page, `look-04-organisation-${width}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    }
  });

  it('shows the people of settings without sideways scrolling on a phone, and asks before losing a one-time password', async () => {
    const { page, errors } = await newPage(375);
    await page.goto('/settings');
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'New person' }).waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(375);
    // Nor inside its card: every cell is drawn within the screen.
    const rightmost = await page.locator('table.data td').evaluateAll((tds) => Math.max(...tds.map((td) => td.getBoundingClientRect().right)));
    expect(rightmost).toBeLessThanOrEqual(375);
    // Still a table to a screen reader: its rows and the column headers.
    expect(await page.getByRole('row').count()).toBeGreaterThan(5);
    expect(await page.getByRole('columnheader', { name: 'E-mail' }).count()).toBe(1);
    const people = (await (await page.request.get('/api/v1/people?limit=500')).json()).items;
    const ahmed = people.find((p: { email: string }) => p.email === 'ahmed@demo.varde.no').name;
    const reset = page.getByRole('button', { name: `Set a one-time password for ${ahmed}` });
    expect((await reset.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'look-05-people-375');
    expect(await seriousViolations(page)).toEqual([]);

    await reset.click();
    const dialog = page.getByRole('dialog');
    // Before the password exists there is nothing to lose: a click outside closes.
    await page.mouse.click(8, 880);
    await expect.poll(() => dialog.count()).toBe(0);
    await reset.click();
    await dialog.getByRole('button', { name: 'Set one-time password' }).click();
    const shown = dialog.getByTestId('one-time-password');
    await expect.poll(() => shown.isVisible()).toBe(true);
    const password = await shown.textContent();
    await page.mouse.click(8, 880);
    const question = page.getByRole('alertdialog', { name: 'Close without the password?' });
    await expect.poll(() => question.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep it open');
    await screenView(page, 'look-06-one-time-password-question');
    expect(await seriousViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Keep it open' }).click();
    await expect.poll(() => question.count()).toBe(0);
    expect(await shown.textContent()).toBe(password);
    await dialog.getByRole('button', { name: 'Copy' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => question.isVisible()).toBe(true);
    await question.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('asks before the end-demo dialog throws away the name typed', async () => {
    const { page, errors } = await newPage(375);
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Remove demo data and set up our organisation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove all demo data?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('Name of the organisation').fill('Pasientforeningen');
    await page.keyboard.press('Escape');
    const question = page.getByRole('alertdialog', { name: 'Discard your changes?' });
    await expect.poll(() => question.isVisible()).toBe(true);
    await question.getByRole('button', { name: 'Keep editing' }).click();
    expect(await dialog.getByLabel('Name of the organisation').inputValue()).toBe('Pasientforeningen');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    // The demo is still there.
    expect((await (await page.request.get('/api/v1/setup')).json()).demo).toBe(true);
    expect(errors).toEqual([]);
  });

  it('adds key results to a new objective in a compact list, opens a refused hidden field, and saves all in one request', async () => {
    const { page, errors } = await newPage(375);
    const team = await campaignTeam(page);
    await openTeam(page, team);
    await page.getByRole('button', { name: 'New objective' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Objective', { exact: true }).fill('Flere frivillige på stand');
    const rows = dialog.getByRole('group', { name: /^Key result \d$/ });
    expect(await rows.count()).toBe(2);
    const first = dialog.getByRole('group', { name: 'Key result 1' });
    // Compact: what is measured and from where to where; the rest behind "More".
    for (const label of ['Key result', 'Start', 'Target', 'Unit of measure']) expect(await first.getByLabel(label, { exact: true }).isVisible()).toBe(true);
    expect(await first.getByLabel('Type', { exact: true }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Add a key result' }).click();
    expect(await rows.count()).toBe(3);
    const third = dialog.getByRole('group', { name: 'Key result 3' });
    await expect.poll(() => third.getByLabel('Key result', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    const more = third.getByRole('button', { name: /^More for key result 3/ });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    for (const label of ['Weight']) expect(await third.getByLabel(label, { exact: true }).isVisible()).toBe(true);
    await third.getByLabel('Type', { exact: true }).waitFor();
    expect(await third.getByLabel('Owner', { exact: true }).isVisible()).toBe(true);
    await screenView(page, 'look-07-compact-key-results-375');
    expect(await seriousViolations(page)).toEqual([]);
    await more.click();
    await third.getByRole('button', { name: 'Remove key result 3' }).click();
    expect(await rows.count()).toBe(2);

    await first.getByLabel('Key result', { exact: true }).fill('Frivillige på stand');
    await first.getByLabel('Target').fill('40');
    await first.getByLabel('Unit of measure').fill('frivillige');
    const second = dialog.getByRole('group', { name: 'Key result 2' });
    await second.getByLabel('Key result', { exact: true }).fill('Lokallag med stand');
    await second.getByLabel('Target').fill('12');
    await second.getByRole('button', { name: /^More for key result 2/ }).click();
    await second.getByLabel('Weight', { exact: true }).fill('500');
    await second.getByRole('button', { name: /^More for key result 2/ }).click();
    expect(await second.getByLabel('Weight', { exact: true }).count()).toBe(0);
    const posts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/api/v1/')) posts.push(new URL(r.url()).pathname); });
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The refused weight was hidden: its row opens, and the field has focus with its message beside it.
    const weight = second.getByLabel('Weight', { exact: true });
    await expect.poll(() => weight.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await weight.getAttribute('aria-invalid')).toBe('true');
    expect(await second.locator('.field-error').textContent()).toMatch(/100/);
    await screenView(page, 'look-08-refused-hidden-field');
    await weight.fill('2');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(posts).toEqual(['/api/v1/objectives', '/api/v1/objectives']);
    const listed = (await (await page.request.get(`/api/v1/objectives?unit=${team.id}&limit=500`)).json()).items;
    const made = listed.find((o: { title: string }) => o.title === 'Flere frivillige på stand');
    const full = await (await page.request.get(`/api/v1/objectives/${made.id}`)).json();
    expect(full.keyResults.map((k: { title: string; weight: number }) => [k.title, k.weight])).toEqual([['Frivillige på stand', 1], ['Lokallag med stand', 2]]);
    expect(full.status).toBe('draft');
    expect(errors).toEqual([]);
  });

  it('keeps a compact key result row on one line in a wide dialog, in Norwegian with its longer labels too', async () => {
    const { page, errors } = await newPage(1280, 'admin@demo.varde.no', 'nb');
    const team = await campaignTeam(page);
    await openTeam(page, team);
    await page.getByRole('button', { name: nb.objective.new }).first().click();
    const row = page.getByRole('dialog').getByRole('group', { name: nb.objective.keyResultN.replace('{{n}}', '1') });
    await row.waitFor();
    const inputs = await row.locator('.kr-row-main input').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, right: r.right })));
    expect(inputs.length).toBe(4);
    for (const input of inputs) expect(Math.abs(input.top - inputs[0]!.top)).toBeLessThanOrEqual(1);
    const box = (await row.boundingBox())!;
    for (const input of inputs) expect(input.right).toBeLessThanOrEqual(box.x + box.width);
    expect(box.height).toBeLessThan(200);
    await row.scrollIntoViewIfNeeded();
    await screenView(page, 'look-10-compact-key-results-nb-1280');
    expect(errors).toEqual([]);
  });

  it('publishes a draft in one click, and all drafts of a unit at once, for those who may edit', async () => {
    const { page, errors } = await newPage(375);
    const team = await campaignTeam(page);
    const draft = async (title: string) => (await (await page.request.post('/api/v1/objectives', {
      data: { unitId: team.id, periodId: team.periodId, title, kind: 'committed', status: 'draft', ownerIds: [], alignments: [], keyResults: [] },
    })).json()).id as string;
    const statusOf = async (id: string) => (await (await page.request.get(`/api/v1/objectives/${id}`)).json()).status;
    const one = await draft('Utkast som skal ut');
    await openTeam(page, team);
    const toast = page.getByTestId('toast');
    const publishOne = page.getByRole('button', { name: 'Publish Utkast som skal ut' });
    expect((await publishOne.boundingBox())!.height).toBeGreaterThanOrEqual(32);
    await publishOne.click();
    await expect.poll(() => toast.textContent()).toBe('“Utkast som skal ut” is published');
    expect(await statusOf(one)).toBe('active');
    await expect.poll(() => publishOne.count()).toBe(0);

    const more = [await draft('Første utkast'), await draft('Andre utkast')];
    await openTeam(page, team);
    const drafts = (await (await page.request.get(`/api/v1/objectives?unit=${team.id}&period=${team.periodId}&limit=500`)).json()).items
      .filter((o: { status: string }) => o.status === 'draft').length;
    expect(drafts).toBeGreaterThanOrEqual(2);
    const all = page.getByRole('button', { name: `Publish all ${drafts} drafts` });
    await screenshot(page, 'look-09-drafts-375');
    expect(await seriousViolations(page)).toEqual([]);
    await all.click();
    await expect.poll(() => toast.textContent()).toBe(`${drafts} objectives published`);
    for (const id of more) expect(await statusOf(id)).toBe('active');
    await expect.poll(() => all.count()).toBe(0);
    // The page reads its objectives again behind the toast.
    await expect.poll(() => page.getByRole('button', { name: /^Publish / }).count()).toBe(0);

    // Someone outside the unit sees the draft but no button to publish it.
    const third = await draft('Utkast for andre');
    const { page: outsider, errors: outsiderErrors } = await newPage(375, 'marte@demo.varde.no');
    await openTeam(outsider, team);
    await outsider.getByRole('heading', { name: 'Utkast for andre' }).waitFor();
    expect(await outsider.getByRole('button', { name: /^Publish/ }).count()).toBe(0);
    expect(await statusOf(third)).toBe('draft');
    expect(errors).toEqual([]);
    expect(outsiderErrors).toEqual([]);
  });
});
