// No English left in Norwegian or Swedish: signed in to the demo, the language is switched with
// the app's own language choice to nb and then sv, and every main screen and main dialog is read
// (the text on screen and the words only screen readers and tooltips get: aria-label, placeholder,
// title…) against a list of the app's English UI words that never occur in nb or sv. The demo's
// own data is Norwegian, so a hit is either an untranslated string or English demo data. In every
// language no raw i18n key may show. Dates in date fields and in the chart follow the language.
// Phone-sized screenshots of the main nb screens go to e2e/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, SCREENSHOTS, signIn, startServer, type Server } from './harness.js';

type Tree = { [key: string]: string | Tree };
const load = (lang: string): Tree => JSON.parse(fs.readFileSync(new URL(`../packages/web/src/i18n/${lang}.json`, import.meta.url), 'utf8')) as Tree;
const strings = { nb: load('nb'), sv: load('sv'), en: load('en') };
type Lang = keyof typeof strings;
/** A string of a language by its dotted key. */
const say = (lang: Lang, key: string): string => key.split('.').reduce<string | Tree>((node, k) => (node as Tree)[k]!, strings[lang]) as string;

/** Words of the app's English interface that never occur in Norwegian bokmål or Swedish. Matched
 *  case-sensitively, as whole words (letters, digits and hyphens around do not count as a border):
 *  "Time" is English, "time" is Norwegian for hour. Words the languages share (Team, Status, Type,
 *  Period, Organisation, Vision, OKR, KPI) and "Mine" (Norwegian "Mine enheter") are left out. */
export const ENGLISH_UI_WORDS = [
  'Select', 'Select an item', 'Save', 'Saved', 'Saving', 'Cancel', 'Delete', 'Deleted', 'Edit', 'Undo', 'Loading',
  'Objective', 'Objectives', 'objective', 'objectives', 'Key result', 'Key results', 'key result', 'key results',
  'Check in', 'Check-in', 'check-in', 'check-ins', 'Checked in', 'checked in',
  'expected', 'Expected', 'On track', 'on track', 'At risk', 'at risk', 'Off track', 'off track',
  'Sign out', 'Sign in', 'Settings', 'Time', 'Owner', 'Owners', 'Target', 'Progress', 'Confidence', 'Comment',
  'Blockers', 'Blocked', 'Search', 'Choose', 'Forecast', 'Actual', 'History', 'Milestone', 'Done', 'Not done',
  'Initiative', 'Initiatives', 'Dismiss', 'Close', 'Remove', 'Members', 'People', 'Units', 'Periods', 'Password',
  'Account', 'Language', 'Draft', 'Active', 'Review', 'Planning', 'Closed', 'None', 'Nothing', 'Summary',
  'yesterday', 'ago', 'just now', 'days', 'weeks', 'hours', 'minutes', 'Empty', 'items', 'Required',
  'Previous', 'Next', 'Skip', 'Back', 'My work', 'Needs your attention',
] as const;
/** Norwegian that Intl produces and nobody writes. */
const UNNATURAL: Record<Lang, readonly string[]> = { nb: ['døgn'], sv: [], en: [] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsPattern = (words: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');

/** Every dotted key of en.json, and the base of each plural pair: what would show if a key were missing. */
function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [path, path.replace(/_(one|other)$/, '')] : keyPaths(v, path);
  });
}
const RAW_KEYS = new RegExp(`(?<![\\w.])(?:${[...new Set(keyPaths(strings.en))].filter((k) => k.includes('.')).map(escape).join('|')})(?![\\w.])`, 'g');

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

/** What the screen says: the text shown (visually hidden text too) and the words given to screen
 *  readers and tooltips. */
async function screenWords(): Promise<string> {
  return page.evaluate(() => {
    const attrs = ['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'placeholder', 'title', 'alt'];
    const out = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('*')) for (const a of attrs) { const v = el.getAttribute(a); if (v) out.push(v); }
    return out.join('\n');
  });
}

/** Reads the screen and notes every English word and raw key on it, with a little context. */
async function read(lang: Lang, screen: string, found: string[]): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => document.documentElement.lang), `html lang on ${screen}`).toBe(lang);
  const text = await screenWords();
  const patterns = lang === 'en' ? [RAW_KEYS] : [RAW_KEYS, wordsPattern([...ENGLISH_UI_WORDS, ...UNNATURAL[lang]])];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index ?? 0;
      found.push(`${lang} ${screen}: "${m[0]}" in …${text.slice(Math.max(0, at - 40), at + m[0].length + 40).replace(/\s+/g, ' ')}…`);
    }
  }
}

async function goto(url: string): Promise<void> {
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** Opens a dialog with the button named `button`, reads it, and closes it with Escape. */
async function dialog(lang: Lang, screen: string, button: string, found: string[]): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const open = page.getByRole('dialog');
  await expect.poll(() => open.isVisible(), `${screen} opens`).toBe(true);
  await read(lang, screen, found);
  await page.keyboard.press('Escape');
  await expect.poll(() => open.count(), `${screen} closes`).toBe(0);
}

interface Demo { unitId: string; periodId: string; planningId: string; rootId: string; yearId: string; keyResult: { id: string; title: string } }

/** A button whose name begins with the text before a message's first placeholder. */
const startsWith = (message: string) => new RegExp(`^${message.split('{{')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

async function demo(): Promise<Demo> {
  const get = async (url: string) => (await page.request.get(url)).json();
  const units = (await get('/api/v1/units?limit=500')).items as Array<{ id: string; parentId: string | null }>;
  const cycle = (await get('/api/v1/periods?kind=cycle&state=active')).items[0];
  const year = (await get('/api/v1/periods?kind=year')).items[0];
  const planning = (await get('/api/v1/periods?kind=cycle&state=planning')).items[0];
  for (const unit of units.filter((u) => u.parentId !== null)) {
    const progress = await get(`/api/v1/units/${unit.id}/progress?period=${cycle.id}`);
    const kr = (progress.objectives as Array<{ keyResults: Array<{ id: string; title: string; type: string; current: number | null }> }>)
      .flatMap((o) => o.keyResults).find((k) => k.type !== 'milestone' && k.current !== null);
    if (kr) {
      return { unitId: unit.id, periodId: cycle.id, keyResult: { id: kr.id, title: kr.title }, rootId: units.find((u) => u.parentId === null)!.id, yearId: year.id, planningId: planning.id };
    }
  }
  throw new Error('no team with a checked-in key result in the active cycle');
}

/** Every main screen and dialog in one language; answers what was found. */
async function walk(lang: Lang, d: Demo): Promise<string[]> {
  const found: string[] = [];
  const s = (key: string) => say(lang, key);

  await goto('/');
  await read(lang, 'Mine', found);
  await dialog(lang, 'Mine: the check-in walk', s('walk.open'), found);

  await goto(`/units/${d.unitId}?period=${d.periodId}`);
  await read(lang, 'team page', found);
  await dialog(lang, 'new objective', s('objective.new'), found);
  // Something typed, then Escape: the question whether to discard it.
  await page.getByRole('button', { name: s('initiative.addFor').replace('{{title}}', d.keyResult.title), exact: true }).first().click();
  await page.getByRole('dialog').getByRole('textbox').first().fill('Plakater i alle venterom');
  await page.mouse.click(15, 600);
  await page.getByRole('alertdialog').waitFor();
  await read(lang, 'discard question', found);
  await page.getByRole('alertdialog').getByRole('button', { name: s('controls.discard'), exact: true }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await dialog(lang, 'check-in', s('checkIn.openFor').replace('{{title}}', d.keyResult.title), found);
  await dialog(lang, 'new initiative', s('initiative.addFor').replace('{{title}}', d.keyResult.title), found);
  await dialog(lang, 'edit key result', s('keyResult.editNamed').replace('{{title}}', d.keyResult.title), found);

  // Deleting an objective: its edit dialog, then the confirmation that says what goes with it.
  await page.getByRole('button', { name: startsWith(s('objective.editNamed')) }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: s('removal.delete.objective'), exact: true }).click();
  await page.getByRole('alertdialog').getByText(s('removal.undoHint')).waitFor();
  await read(lang, 'delete objective confirmation', found);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
  await page.getByRole('dialog').getByRole('button', { name: s('common.cancel'), exact: true }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

  // The cycle being planned: drafts, each with its Publish button.
  await goto(`/units/${d.unitId}?period=${d.planningId}`);
  await read(lang, 'team page, drafts', found);

  // The Moals: a year period, which the cycle picker does not list (it showed "Select an item").
  await goto(`/units/${d.rootId}?period=${d.yearId}`);
  await read(lang, 'Moals', found);

  await goto(`/key-results/${d.keyResult.id}`);
  const plot = page.locator('.chart .u-over');
  await plot.waitFor();
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await read(lang, 'key result', found);
  await screenshot(page, `language-${lang}-key-result`);
  const legend = await page.locator('.chart .u-legend').innerText();
  if (!legend.includes(s('keyResultPage.when'))) found.push(`${lang} chart legend: the time is not called "${s('keyResultPage.when')}": ${legend}`);
  if (lang !== 'en' && /\d\.\d/.test(legend)) found.push(`${lang} chart legend: a decimal point, not a comma: ${legend}`);
  const crumbs = await page.getByRole('navigation', { name: s('unit.breadcrumbs') }).getByRole('link').allInnerTexts();
  const unit = (await (await page.request.get('/api/v1/units?limit=500')).json()).items.find((u: { id: string }) => u.id === d.unitId);
  if (crumbs[0] !== s('nav.organisation') || !crumbs.includes(unit.name)) found.push(`${lang} key result breadcrumb: ${crumbs.join(' › ')} does not go from the organisation to ${unit.name}`);
  await dialog(lang, 'check-in on the key result page', s('checkIn.open'), found);
  await page.getByRole('button', { name: startsWith(s('checkInEdits.editOf')) }).first().click();
  await expect.poll(() => page.getByRole('dialog').isVisible(), 'check-in edit opens').toBe(true);
  await read(lang, 'edit a check-in', found);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

  await goto('/organisation');
  await read(lang, 'organisation', found);

  await goto('/settings');
  for (const tab of ['organisation', 'units', 'periods', 'people']) {
    await page.getByRole('tab', { name: s(`settings.${tab}`) }).click();
    await read(lang, `settings: ${tab}`, found);
    if (tab === 'periods') await screenshot(page, `language-${lang}-periods`);
    if (tab === 'units') await dialog(lang, 'new unit', s('settings.newUnit'), found);
    if (tab === 'units') {
      await page.getByRole('button', { name: startsWith(s('unitArchive.archiveNamed')) }).first().click();
      await page.getByRole('alertdialog').waitFor();
      await read(lang, 'archive a unit', found);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    }
  }

  await goto('/account');
  await read(lang, 'account', found);
  return found;
}

/** The date field's empty segments, without the invisible direction marks Intl puts around them. */
async function datePattern(): Promise<string> {
  await goto('/settings');
  await page.getByRole('tab', { name: /Periods|Perioder/ }).click();
  return (await page.locator('.date-input').first().innerText()).replace(/[\u200e\u200f\u2066-\u2069\s]/g, '');
}

describe('the language the user chose, everywhere', () => {
  let d: Demo;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // An English browser: whatever would follow the browser instead of the chosen language shows English.
    ({ context, page, errors } = await openPage(browser, server));
    await signIn(page, 'admin@demo.varde.no');
    d = await demo();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows no raw i18n key on any English screen, and writes dates day/month/year', async () => {
    expect(await walk('en', d)).toEqual([]);
    expect(await datePattern()).toBe('dd/mm/yyyy');
  }, 150_000);

  it('shows no English on any Norwegian screen, after choosing Norsk bokmål', async () => {
    await goto('/');
    await page.getByLabel(say('en', 'nav.language')).selectOption('nb');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await walk('nb', d)).toEqual([]);
  }, 150_000);

  it('writes Norwegian dates dd.mm.åååå in the period form, takes them in that order and saves them', async () => {
    expect(await datePattern()).toBe('dd.mm.åååå');
    const [start, end] = [page.locator('.date-input').nth(0), page.locator('.date-input').nth(1)];
    const shown = async (field: typeof start) => (await field.innerText()).replace(/[\u200e\u200f\u2066-\u2069\s]/g, '');
    await start.locator('[data-type="day"]').click();
    await page.keyboard.type('01052027');
    await expect.poll(() => shown(start)).toBe('01.05.2027');
    await end.locator('[data-type="day"]').click();
    await page.keyboard.type('31082027');
    await expect.poll(() => shown(end)).toBe('31.08.2027');
    await page.getByLabel(say('nb', 'settings.periodName')).fill('2027 T2');
    await page.getByRole('button', { name: say('nb', 'settings.addPeriod') }).click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toBe(say('nb', 'controls.periodSaved'));
    const periods = await (await page.request.get('/api/v1/periods?kind=cycle')).json();
    const saved = periods.items.find((p: { name: string }) => p.name === '2027 T2');
    expect({ startDate: saved.startDate, endDate: saved.endDate }).toEqual({ startDate: '2027-05-01', endDate: '2027-08-31' });
    expect(await shown(start), 'the form is empty again').toBe('dd.mm.åååå');
  });

  it('looks right on a phone in Norwegian', async () => {
    // One screenful each, scrolled to what this file is about, besides the whole page.
    const view = async (name: string, scrollTo?: string) => {
      if (scrollTo) await page.locator(scrollTo).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
    };
    await page.setViewportSize({ width: 375, height: 812 });
    await goto('/');
    await screenshot(page, 'language-nb-phone-mine');
    await view('language-nb-phone-mine-top');
    await goto(`/units/${d.unitId}?period=${d.periodId}`);
    await screenshot(page, 'language-nb-phone-team');
    await view('language-nb-phone-team-first-objective', '.kr-list');
    await goto(`/key-results/${d.keyResult.id}`);
    const plot = page.locator('.chart .u-over');
    await plot.waitFor();
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await screenshot(page, 'language-nb-phone-key-result');
    await view('language-nb-phone-key-result-chart');
    await goto('/settings');
    await page.getByRole('tab', { name: say('nb', 'settings.periods') }).click();
    await screenshot(page, 'language-nb-phone-periods');
    await view('language-nb-phone-periods-form', '.date-input');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows no English on any Swedish screen, after choosing Svenska, and writes dates åååå-mm-dd', async () => {
    await goto('/');
    await page.getByLabel(say('nb', 'nav.language')).selectOption('sv');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await walk('sv', d)).toEqual([]);
    expect(await datePattern()).toBe('åååå-mm-dd');
  }, 150_000);

  it('shows no English on the sign-in page, with the demo accounts, in nb and sv', async () => {
    const anonymous = await browser.newContext({ baseURL: server.base, locale: 'en-GB' });
    const other = page;
    page = await anonymous.newPage();
    try {
      for (const lang of ['nb', 'sv'] as const) {
        await page.goto('/sign-in');
        await page.getByLabel(/Language|Språk/).selectOption(lang);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
        const found: string[] = [];
        await read(lang, 'sign-in', found);
        // A wrong password: the refusal is in the language too.
        await page.getByLabel(say(lang, 'signIn.email')).fill('admin@demo.varde.no');
        await page.getByLabel(say(lang, 'signIn.password')).fill('not the password');
        await page.getByRole('button', { name: say(lang, 'signIn.submit'), exact: true }).click();
        await page.getByRole('alert').waitFor();
        await read(lang, 'sign-in refused', found);
        expect(found).toEqual([]);
      }
    } finally {
      page = other;
      await anonymous.close();
    }
  });

  it('ran without errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
