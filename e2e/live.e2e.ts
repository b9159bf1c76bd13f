// Live updates in two real browsers on one team page: a check-in made in one moves the other's
// bar and roll-up within a second and is announced in its polite live region (not in the first
// one's, whose own change it is); a dialog open on the same key result in the other browser keeps
// what is typed in it and says the key result changed, until its person chooses to reload. The
// server then stops promptly with the streams still open.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn, startServer, type Server } from './harness.js';

let server: Server;
let stopped = false;
let browser: Browser;
let writer: Page;
let watcher: Page;
const errors: string[][] = [];

interface Target { unitId: string; periodId: string; unitName: string; objectiveTitle: string; id: string; title: string; current: number | null; target: number }

/** A key result of one of the writer's units that a check-in at its target visibly moves. */
async function target(): Promise<Target> {
  const me = await (await writer.request.get('/api/v1/me')).json();
  const periodId = (await (await writer.request.get('/api/v1/periods?kind=cycle&state=active')).json()).items[0].id as string;
  for (const { unitId } of me.person.memberships as Array<{ unitId: string }>) {
    const progress = await (await writer.request.get(`/api/v1/units/${unitId}/progress?period=${periodId}`)).json();
    for (const o of progress.objectives) {
      const kr = o.keyResults.find((k: { type: string; progress: number }) => k.type === 'increase' && k.progress < 0.6);
      if (kr && o.status === 'active') return { unitId, periodId, unitName: progress.unit.name, objectiveTitle: o.title, id: kr.id, title: kr.title, current: kr.current, target: kr.target };
    }
  }
  throw new Error('no active objective with an increase key result below 60 % in the writer\'s units');
}

const bar = (page: Page, name: string) => page.getByRole('progressbar', { name, exact: true });
const valueOf = async (page: Page, name: string) => Number(await bar(page, name).getAttribute('aria-valuenow'));

async function checkIn(page: Page, title: string, value: number): Promise<number> {
  await page.getByRole('button', { name: `Check in on ${title}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/New value/).fill(String(value));
  const answered = page.waitForResponse((r) => r.url().includes('/check-ins') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Save check-in' }).click();
  expect((await answered).status()).toBe(201);
  const at = performance.now();
  await expect.poll(() => dialog.isVisible()).toBe(false);
  return at;
}

describe('live updates between two browsers', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const a = await openPage(browser, server);
    const b = await openPage(browser, server);
    writer = a.page;
    watcher = b.page;
    errors.push(a.errors, b.errors);
    await signIn(writer, 'jonas@demo.varde.no');
    await signIn(watcher, 'admin@demo.varde.no');
  });
  afterAll(async () => {
    await browser?.close();
    if (!stopped) await server?.stop();
  });

  it("moves the other browser's bar and roll-up within a second of a check-in and announces it there, politely", async () => {
    const kr = await target();
    const url = `/units/${kr.unitId}?period=${kr.periodId}`;
    await writer.goto(url);
    await watcher.goto(url);
    for (const page of [writer, watcher]) await bar(page, `Progress of ${kr.title}`).waitFor();
    const before = {
      kr: await valueOf(watcher, `Progress of ${kr.title}`),
      objective: await valueOf(watcher, `Progress of the objective ${kr.objectiveTitle}`),
      unit: await valueOf(watcher, `Progress of ${kr.unitName}`),
    };
    const region = watcher.getByTestId('live-announcer');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    expect(await region.textContent()).toBe('');

    // Watched in the page from before the check-in, so the time is the page's own.
    const moved = watcher.waitForFunction(([name, was]) => {
      const el = [...document.querySelectorAll('[role="progressbar"]')].find((e) => e.getAttribute('aria-label') === name);
      return el && Number(el.getAttribute('aria-valuenow')) !== was;
    }, [`Progress of ${kr.title}`, before.kr] as const, { polling: 'raf', timeout: 5000 });
    const answered = await checkIn(writer, kr.title, kr.target);
    await moved;
    const took = performance.now() - answered;
    expect(took, `the bar moved ${Math.round(took)} ms after the 201`).toBeLessThan(1000);
    expect(await valueOf(watcher, `Progress of ${kr.title}`)).toBe(100);
    await expect.poll(() => valueOf(watcher, `Progress of the objective ${kr.objectiveTitle}`), { timeout: 1000 }).toBeGreaterThan(before.objective);
    await expect.poll(() => valueOf(watcher, `Progress of ${kr.unitName}`), { timeout: 1000 }).toBeGreaterThan(before.unit);

    const reached = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(kr.target);
    await expect.poll(() => region.textContent(), { timeout: 1000 }).toMatch(new RegExp(`^Jonas [^ ]+ checked in on «${kr.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}»: .+ → ${reached}$`));
    // Focus stays where it was: the announcement is heard, not jumped to.
    expect(await watcher.evaluate(() => document.activeElement?.closest('[data-live-announcer]') ?? null)).toBeNull();
    // The writer's own change is not announced to the writer.
    await writer.waitForTimeout(300);
    expect(await writer.getByTestId('live-announcer').textContent()).toBe('');
    await screenshot(watcher, 'live-01-moved');
  });

  it('keeps what is typed in an open dialog when someone else checks in meanwhile, and offers to reload', async () => {
    const kr = await target();
    const url = `/units/${kr.unitId}?period=${kr.periodId}`;
    await writer.goto(url);
    await watcher.goto(url);
    await watcher.getByRole('button', { name: `Check in on ${kr.title}` }).click();
    const dialog = watcher.getByRole('dialog');
    const field = dialog.getByLabel(/New value/);
    await field.fill('12345');
    const value = Math.round((kr.current ?? 0) + 1);
    await checkIn(writer, kr.title, value);

    const notice = dialog.getByTestId('changed-elsewhere');
    await notice.waitFor({ timeout: 1000 });
    expect(await notice.textContent()).toMatch(/^Jonas [^ ]+ has checked in on this meanwhile: /);
    expect(await field.inputValue(), 'what the watcher typed is kept').toBe('12345');
    await screenshot(watcher, 'live-02-changed-elsewhere');
    expect(await seriousViolations(watcher), 'axe with the notice').toEqual([]);

    await dialog.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => dialog.getByLabel(/New value/).inputValue()).toBe(String(value));
    await expect.poll(() => dialog.getByTestId('changed-elsewhere').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(errors.flat()).toEqual([]);
  });

  it('stops the server promptly while the browsers hold their streams open', async () => {
    const started = performance.now();
    stopped = true;
    await server.stop();
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
