// The organisation page on the bench's organisation of 2,000 units (bench/lib/generate.mjs), in a
// real browser: the page reads the root's answer with its first level (at most 64 KiB) and no list
// of every unit; opening a unit reads that unit's children and nothing more. Sizes are exact, so
// they are asserted; the timings of the same pages are the bench's (bench/README.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../packages/server/dist/store/database.js';
import { ADMIN, generate } from '../bench/lib/generate.mjs';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn, startServer, type Server } from './harness.js';

const KiB = 1024;

describe('the organisation page of 2,000 units', () => {
  let dataDir: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let gen: Awaited<ReturnType<typeof generate>>;
  /** Each API answer the page read: path with query, and its bytes as decoded. */
  const answers: Array<{ url: string; bytes: number }> = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-e2e-large-'));
    const store = await openStore({ dataDir });
    try {
      // One check-in per key result rather than the bench's twenty: the same tree and figures, sooner.
      gen = await generate(store, { checkInsPerKeyResult: 1 });
    } finally {
      await store.close();
    }
    server = await startServer({ VARDE_DATA_DIR: dataDir, VARDE_DEMO: '0' });
    browser = await launchBrowser();
    ({ page, errors } = await openPage(browser, server));
    await signIn(page, ADMIN.email, ADMIN.password);
    page.on('response', async (res) => {
      const u = new URL(res.url());
      if (!u.pathname.startsWith('/api/')) return;
      answers.push({ url: `${u.pathname}${u.search}`, bytes: (await res.body().catch(() => Buffer.alloc(0))).length });
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The answers a page brought itself (packages/server/src/http/firstAnswers.ts), as if read over the API. */
  const broughtBy = async (url: string) => {
    const html = await (await page.request.get(url, { headers: { accept: 'text/html' } })).text();
    const json = /<script type="application\/json" id="first-answers">(.*?)<\/script>/.exec(html)?.[1];
    return Object.entries(json ? JSON.parse(json) as Record<string, unknown> : {}).map(([path, data]) => ({ url: `/api/v1${path}`, bytes: Buffer.byteLength(JSON.stringify(data)) }));
  };
  const rootAnswer = () => answers.find((a) => a.url.startsWith(`/api/v1/units/${gen.rootId}/progress?period=${gen.cycleId}`));

  it('loads the root and its 20 areas in at most 64 KiB, without a list of every unit', async () => {
    await page.goto('/organisation');
    const tree = page.getByRole('region', { name: /^Units in / });
    await expect.poll(() => tree.getByRole('button', { name: /^Show the units under / }).count()).toBe(20);
    await page.waitForLoadState('networkidle');
    // The root's answer comes with the page itself, with the periods and the organisation.
    answers.push(...await broughtBy('/organisation'));
    const root = rootAnswer();
    expect(root, 'the root progress answer').toBeDefined();
    expect(root!.bytes).toBeLessThanOrEqual(64 * KiB);
    expect(answers.filter((a) => a.url.startsWith('/api/v1/units?') && !a.url.includes('archived=true'))).toEqual([]);
    // Everything the page read from the API together, the root's answer included.
    const total = answers.reduce((sum, a) => sum + a.bytes, 0);
    expect(total, answers.map((a) => `${a.url} ${a.bytes}`).join('\n')).toBeLessThanOrEqual(64 * KiB);
    await screenshot(page, 'organisation-2000-units');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("opens an area: its five departments, from that area's own answer", async () => {
    const tree = page.getByRole('region', { name: /^Units in / });
    const before = answers.length;
    await tree.getByRole('button', { name: 'Show the units under Product' }).click();
    const hide = tree.getByRole('button', { name: 'Hide the units under Product' });
    await expect.poll(() => hide.getAttribute('aria-expanded')).toBe('true');
    const list = page.locator(`#${await hide.getAttribute('aria-controls')}`);
    await expect.poll(() => list.getByRole('button', { name: /^Show the units under Product \d+$/ }).count()).toBe(5);
    await page.waitForLoadState('networkidle');
    // An answer is recorded once its body has been read, which may come after the network is idle.
    // Its children's progress, and their meetings' follow-up: both of that level only.
    await expect.poll(() => answers.slice(before).map((a) => a.url.split('?')[0]).sort())
      .toEqual(['/api/v1/meetings/follow-up', `/api/v1/units/${gen.areaIds[0]}/progress`]);
    const read = answers.slice(before);
    for (const a of read) expect(a.bytes, a.url).toBeLessThanOrEqual(64 * KiB);
    expect(read.find((a) => a.url.startsWith('/api/v1/meetings/follow-up'))!.url).toContain(`under=${gen.areaIds[0]}`);
    expect(errors).toEqual([]);
  });
});
