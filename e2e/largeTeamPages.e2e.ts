// The team page and a key result's page on the bench's organisation of 2,000 units and 6,000
// people (bench/lib/generate.mjs), in a real browser: each reads the unit it shows (with the units
// above it, for the breadcrumb, and what the visitor may do), and the people it names by id, never
// a list of every unit or every person; no answer is over 64 KiB. The names, the breadcrumb and
// the buttons an admin gets are all there. An owner's dialog reads whom to offer when it opens,
// searching the organisation on the server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../packages/server/dist/store/database.js';
import { ADMIN, generate } from '../bench/lib/generate.mjs';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn, startServer, type Server } from './harness.js';

const KiB = 1024;
interface Named { id: string; name: string }

describe('the team and key result pages of an organisation of 2,000 units', () => {
  let dataDir: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let gen: Awaited<ReturnType<typeof generate>>;
  const answers: Array<{ url: string; bytes: number }> = [];
  let recording = false;

  // What the pages should show, read through the API beforehand.
  let team: { id: string; name: string; ancestors: Named[] };
  let objectives: Array<{ id: string; title: string; ownerIds: string[]; keyResults: Array<{ id: string; title: string; ownerId: string | null }> }>;
  let nameOf: Map<string, string>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-e2e-large-team-'));
    const store = await openStore({ dataDir });
    try {
      gen = await generate(store, { checkInsPerKeyResult: 2 });
    } finally {
      await store.close();
    }
    server = await startServer({ VARDE_DATA_DIR: dataDir, VARDE_DEMO: '0' });
    browser = await launchBrowser();
    ({ page, errors } = await openPage(browser, server));
    await signIn(page, ADMIN.email, ADMIN.password);
    const get = async (url: string) => (await page.request.get(url)).json();
    team = await get(`/api/v1/units/${gen.teamIds[0]}`);
    objectives = (await get(`/api/v1/units/${team.id}/progress?period=${gen.cycleId}`)).objectives;
    const people: Named[] = [];
    for (let cursor: string | null = null, pages = 0; pages === 0 || (cursor && pages < 20); pages++) {
      const body = await get(`/api/v1/people?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
      people.push(...body.items);
      cursor = body.nextCursor;
    }
    expect(people.length).toBe(gen.counts.people);
    nameOf = new Map(people.map((p) => [p.id, p.name]));
    page.on('response', async (res) => {
      const u = new URL(res.url());
      if (!recording || !u.pathname.startsWith('/api/')) return;
      answers.push({ url: `${u.pathname}${u.search}`, bytes: (await res.body().catch(() => Buffer.alloc(0))).length });
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Loads a page and answers what the API answered it, checked: no unfiltered list of units or people, nothing over 64 KiB. */
  async function visit(url: string, ready: () => Promise<void>): Promise<Array<{ url: string; bytes: number }>> {
    answers.length = 0;
    recording = true;
    await page.goto(url);
    await ready();
    await page.waitForLoadState('networkidle');
    recording = false;
    const read = [...answers];
    const listing = read.filter((a) => /^\/api\/v1\/units\?/.test(a.url) || (/^\/api\/v1\/people(\?|$)/.test(a.url) && !/[?&](ids|unit|q)=/.test(a.url)));
    expect(listing, 'lists of every unit or person').toEqual([]);
    const big = read.filter((a) => a.bytes > 64 * KiB);
    expect(big, read.map((a) => `${a.url} ${a.bytes}`).join('\n')).toEqual([]);
    return read;
  }

  const trailOf = async () => page.getByRole('navigation', { name: 'Where you are' }).getByRole('link').allTextContents();

  it('shows the team page from the unit, its progress and the people it names', async () => {
    const read = await visit(`/units/${team.id}?period=${gen.cycleId}`, async () => {
      await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
      await expect.poll(() => page.locator('article.objective').count()).toBe(objectives.length);
    });
    // The unit with the units above it came with the page itself (its first answers); no list of every unit was read.
    const html = await (await page.request.get(`/units/${team.id}?period=${gen.cycleId}`, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain(`<script type="application/json" id="first-answers">{`);
    expect(html).toContain(`"/units/${team.id}":{`);
    expect(read.filter((a) => /^\/api\/v1\/units(\?|$)/.test(a.url)).map((a) => a.url)).toEqual([]);
    expect(read.filter((a) => a.url.startsWith('/api/v1/people')).every((a) => a.url.includes('ids='))).toBe(true);
    expect(team.ancestors.map((a) => a.id)[0]).toBe(gen.rootId);
    expect(await trailOf()).toEqual(['Organisation', ...team.ancestors.map((a) => a.name)]);
    for (const o of objectives) {
      const card = page.getByRole('article', { name: o.title });
      const owners = o.ownerIds.map((id) => nameOf.get(id)!);
      await expect.poll(() => card.textContent()).toContain(`Owned by ${owners.join(', ')}`);
      for (const k of o.keyResults) {
        if (k.ownerId) expect(await card.getByRole('listitem').filter({ hasText: k.title }).first().textContent()).toContain(`Owner: ${nameOf.get(k.ownerId)}`);
      }
    }
    // The admin may change this unit's OKRs: the unit's own answer says so.
    expect(await page.getByRole('button', { name: 'New objective' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'large-team-page');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("offers owners when a dialog opens: the unit's members, and anyone by a search on the server", async () => {
    answers.length = 0;
    recording = true;
    await page.getByRole('button', { name: 'New objective' }).first().click();
    const dialog = page.getByRole('dialog');
    const owners = dialog.getByRole('combobox', { name: 'Owners' });
    await owners.focus();
    await page.keyboard.press('ArrowDown');
    const members = (await (await page.request.get(`/api/v1/people?unit=${team.id}`)).json()).items as Named[];
    await expect.poll(() => page.getByRole('listbox').getByRole('option').allTextContents()).toEqual(members.map((m) => m.name).sort((a, b) => a.localeCompare(b)));
    // Someone outside the team, found by typing a part of their name.
    const memberIds = new Set(members.map((m) => m.id));
    const outsider = [...nameOf].find(([id]) => !memberIds.has(id) && id !== gen.adminId)!;
    await owners.fill(outsider[1]);
    await page.getByRole('listbox').getByRole('option', { name: outsider[1] }).first().click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Chosen owners' }).textContent()).toContain(outsider[1]);
    // A key result's owner follows the objective's first owner, outsider or not; its select, too
    // short to list 6,000 people, gains whoever its search field finds.
    const first = dialog.getByRole('group', { name: 'Key result 1' });
    await first.getByRole('button', { name: /^More for key result 1/ }).click();
    const select = first.getByLabel('Owner', { exact: true });
    await expect.poll(() => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(outsider[1]);
    const another = [...nameOf].find(([id, name]) => !memberIds.has(id) && id !== outsider[0] && name !== outsider[1])!;
    await first.getByLabel('Find someone outside the unit').fill(another[1]);
    await expect.poll(() => first.getByRole('status').textContent()).toMatch(/found, added to “Owner”/);
    await expect.poll(() => select.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.textContent))).toContain(another[1]);
    await select.selectOption({ label: another[1] });
    await first.getByRole('button', { name: /^More for key result 1/ }).click();
    await expect.poll(() => first.locator('.kr-row-summary').textContent()).toContain(another[1]);
    recording = false;
    expect(answers.some((a) => a.url.startsWith(`/api/v1/people?unit=${team.id}`))).toBe(true);
    expect(answers.some((a) => a.url.startsWith('/api/v1/people?q=') && a.url !== '/api/v1/people?q=&limit=200')).toBe(true);
    for (const a of answers) expect(a.bytes, a.url).toBeLessThanOrEqual(64 * KiB);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const discard = page.getByRole('button', { name: /Discard/ });
    if (await discard.count()) await discard.click();
  });

  it("shows a key result's page from the key result, its unit and the people it names", async () => {
    const o = objectives[0]!;
    const k = o.keyResults[0]!;
    const checkIns = (await (await page.request.get(`/api/v1/key-results/${k.id}/check-ins`)).json()).items as Array<{ authorId: string | null }>;
    expect(checkIns.length).toBe(2);
    await visit(`/key-results/${k.id}`, async () => {
      await page.getByRole('heading', { level: 1, name: k.title }).waitFor();
      await page.getByRole('table').waitFor();
    });
    await expect.poll(trailOf).toEqual(['Organisation', ...team.ancestors.map((a) => a.name), team.name, o.title]);
    if (k.ownerId) await expect.poll(() => page.locator('.page-head').textContent()).toContain(`Owner: ${nameOf.get(k.ownerId)}`);
    const authors = await page.getByRole('table').locator('tbody tr td:last-child').allTextContents();
    expect(authors).toEqual(checkIns.map((c) => (c.authorId ? nameOf.get(c.authorId) : '')));
    expect(await page.getByRole('button', { name: 'Check in' }).count()).toBe(1);
    await screenshot(page, 'large-key-result-page');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
