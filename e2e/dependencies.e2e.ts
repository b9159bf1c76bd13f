// Coordination between units in a real browser, as the demo's people would do it: the campaign
// team's lead raises a dependency on the local branches team, whose member acknowledges and then
// resolves it, while a member of a third unit is refused (403); the lead flags two key results as
// contradicting, and the flag shows on both units' pages; a comment on a draft mentions someone;
// the alignment page of an area. Every new screen gets an axe scan (WCAG 2.1 A/AA, nothing serious),
// a keyboard pass, a look at 360 px and a screenshot in e2e/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, signIn, signInByApi, startServer, type Server, expectAccessible, apiCall } from './harness.js';

const CAMPAIGN = 'Kampanjeteamet «Tid er liv»';
const BRANCHES = 'Lokallag og frivillighet';
const NEED = 'Frivillige på stand i tjue byer under standuka';
const OUR_KR = 'Underskrifter på pasientoppropet';
const THEIR_KR = 'Deltakere på medlemsmøter i lokallagene';

let server: Server;
let browser: Browser;
let lead: { context: BrowserContext; page: Page; errors: string[] };
let member: { context: BrowserContext; page: Page; errors: string[] };
let ids: { campaign: string; branches: string; area: string; current: string; planning: string };

const get = <T = any>(page: Page, url: string) => apiCall<T>(page.request, 'get', url);

/** The unit page, scrolled to its dependencies, once they are drawn. */
async function openCoordination(page: Page, unitId: string): Promise<void> {
  await page.goto(`/units/${unitId}?period=${ids.current}`);
  await page.locator('h1').first().waitFor();
  await scrollUntilVisible(page, page.getByRole('heading', { name: 'What others need from us' }));
}

/** Scrolls down a screen at a time, as a reader does (the part is drawn when it comes into view, and a
 *  jump to the very end would pass over it), until `target` is visible. */
async function scrollUntilVisible(page: Page, target: Locator): Promise<void> {
  await expect.poll(async () => {
    if (await target.isVisible()) return true;
    await page.evaluate(() => {
      const end = document.scrollingElement!.scrollHeight - window.innerHeight;
      window.scrollTo(0, window.scrollY >= end - 1 ? 0 : window.scrollY + window.innerHeight * 0.7);
    });
    return target.isVisible();
  }, { timeout: 15_000, interval: 250 }).toBe(true);
  await target.scrollIntoViewIfNeeded();
}

const dependencyItem = (page: Page, text: string) => page.locator('li.dependency', { hasText: text });

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  lead = await openPage(browser, server);
  await signIn(lead.page, 'jonas@demo.varde.no');
  member = await openPage(browser, server);
  await signIn(member.page, 'even@demo.varde.no');
  const units = (await get(lead.page, '/api/v1/units?limit=500')).items as Array<{ id: string; name: string }>;
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const cycles = (await get(lead.page, '/api/v1/periods?kind=cycle')).items as Array<{ id: string; state: string }>;
  ids = {
    campaign: unit(CAMPAIGN), branches: unit(BRANCHES), area: unit('Politikk og påvirkning'),
    current: cycles.find((p) => p.state === 'active')!.id, planning: cycles.find((p) => p.state === 'planning')!.id,
  };
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('dependencies between units', () => {
  it("shows the team's open dependencies, the one waiting a week marked", async () => {
    await openCoordination(lead.page, ids.campaign);
    const waiting = dependencyItem(lead.page, 'Ferske ventetidstall per fylke');
    await waiting.waitFor();
    expect(await waiting.getByText('No answer for a week').isVisible()).toBe(true);
    expect(await dependencyItem(lead.page, 'En landingsside for oppropet').getByText(/Acknowledged by Ida Halvorsen/).isVisible()).toBe(true);
    // The raising side may not answer its own dependency.
    expect(await waiting.getByRole('button', { name: /^Acknowledge/ }).count()).toBe(0);
    await expectAccessible(lead.page, 'dependencies-01-unit-page');
  });

  it("is raised by the campaign team's lead on the local branches team", async () => {
    const page = lead.page;
    await page.getByRole('button', { name: 'Raise a dependency' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('The unit you need something from').selectOption({ label: BRANCHES });
    await dialog.getByLabel('What you need').fill(NEED);
    const kr = dialog.getByLabel('For which of your key results');
    const option = (await kr.locator('option').allTextContents()).find((t) => t.startsWith(OUR_KR))!;
    await kr.selectOption({ label: option });
    await expectAccessible(page, 'dependencies-02-raise-dialog');
    await dialog.getByRole('button', { name: 'Raise a dependency' }).click();
    await dialog.waitFor({ state: 'detached' });
    const raised = dependencyItem(page, NEED);
    await raised.waitFor();
    expect(await raised.textContent()).toContain(`Asked of ${BRANCHES}`);
    expect(await raised.textContent()).toContain(`for «${OUR_KR}»`);
    expect(await raised.getByText('Requested').isVisible()).toBe(true);
  });

  it('is refused (403) to a member of a third unit', async () => {
    const { context } = await openPage(browser, server);
    try {
      await signInByApi(context, 'aisha@demo.varde.no');
      const open = (await (await context.request.get(`/api/v1/dependencies?unit=${ids.branches}&state=requested`)).json()).items as Array<{ id: string; version: number; description: string; can: object }>;
      const d = open.find((x) => x.description === NEED)!;
      expect(d.can).toEqual({ acknowledge: false, decline: false, resolve: false });
      for (const state of ['acknowledged', 'resolved']) {
        const res = await context.request.patch(`/api/v1/dependencies/${d.id}`, { data: { version: d.version, state } });
        expect(res.status()).toBe(403);
      }
    } finally {
      await context.close();
    }
  });

  it("is acknowledged and then resolved by a member of the local branches team", async () => {
    const page = member.page;
    await openCoordination(page, ids.branches);
    const item = dependencyItem(page, NEED);
    await item.waitFor();
    await item.getByRole('button', { name: `Acknowledge «${NEED}»` }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Your reply/).fill('Vi stiller med to frivillige i hver by.');
    await expectAccessible(page, 'dependencies-03-acknowledge-dialog');
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await dialog.waitFor({ state: 'detached' });
    await item.getByText(/Acknowledged by Even Sørensen/).waitFor();
    expect(await item.textContent()).toContain('«Vi stiller med to frivillige i hver by.»');
    await screenshot(page, 'dependencies-04-acknowledged');

    await item.getByRole('button', { name: `Resolve «${NEED}»` }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/how it was settled/).fill('Standuka er bemannet.');
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await dialog.waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });
    const all = (await get(page, `/api/v1/dependencies?unit=${ids.branches}&state=resolved`)).items as Array<{ description: string; steps: Array<{ state: string; by: { name: string } }> }>;
    expect(all.find((d) => d.description === NEED)!.steps.map((s) => [s.state, s.by.name])).toEqual([
      ['requested', 'Jonas Bakke'], ['acknowledged', 'Even Sørensen'], ['resolved', 'Even Sørensen'],
    ]);
  });
});

describe('contradicting key results', () => {
  it("are flagged by the campaign team's lead, and the flag shows on both units' pages", async () => {
    const page = lead.page;
    await openCoordination(page, ids.campaign);
    await page.getByRole('button', { name: 'Flag a contradiction' }).click();
    const dialog = page.getByRole('dialog');
    const ours = dialog.getByLabel('Our key result');
    await ours.selectOption({ label: (await ours.locator('option').allTextContents()).find((t) => t.startsWith(OUR_KR))! });
    await dialog.getByLabel('Search key results').fill('Deltakere på medlemsmøter');
    await dialog.getByRole('button', { name: new RegExp(THEIR_KR) }).click();
    await dialog.getByLabel('Why they contradict each other').fill('Standene tar de frivillige som skulle arrangere medlemsmøtene.');
    await expectAccessible(page, 'dependencies-05-flag-dialog');
    await dialog.getByRole('button', { name: 'Flag a contradiction' }).click();
    await dialog.waitFor({ state: 'detached' });
    const flag = page.locator('li.contradiction', { hasText: THEIR_KR });
    await flag.waitFor();
    expect(await flag.textContent()).toContain(`«${OUR_KR}» contradicts «${THEIR_KR}»`);
    await screenshot(page, 'dependencies-06-flag-on-campaign');

    await openCoordination(member.page, ids.branches);
    const theirs = member.page.locator('li.contradiction', { hasText: OUR_KR });
    await theirs.waitFor();
    expect(await theirs.textContent()).toContain('Standene tar de frivillige');
    expect(await theirs.getByRole('button', { name: /^Clear the flag/ }).isVisible()).toBe(true);
    await screenshot(member.page, 'dependencies-07-flag-on-branches');
  });
});

describe('comments', () => {
  it('on a draft objective, with a mention chosen as one types', async () => {
    const page = lead.page;
    const drafts = (await get(page, `/api/v1/objectives?unit=${ids.campaign}&period=${ids.planning}`)).items as Array<{ id: string; title: string }>;
    const draft = drafts.find((o) => o.title === 'Holde politikerne til løftene de ga oss')!;
    await page.goto(`/objectives/${draft.id}`);
    await page.getByRole('heading', { name: draft.title, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Comments' }).scrollIntoViewIfNeeded();
    const thread = page.getByRole('list', { name: `Comments on «${draft.title}»` });
    await thread.waitFor();
    expect(await thread.locator('.mention').first().textContent()).toBe('@Henrik Lund');
    const field = page.getByLabel('Write a comment');
    await field.click();
    await field.pressSequentially('Kan lokallagene hjelpe, @Eve');
    await page.getByRole('button', { name: 'Mention Even Sørensen' }).click();
    // Choosing a mention gives the focus back to the field, to type on.
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('?');
    expect(await field.inputValue()).toBe('Kan lokallagene hjelpe, @Even Sørensen ?');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const posted = thread.locator('li', { hasText: 'Kan lokallagene hjelpe' });
    await posted.waitFor();
    expect(await posted.locator('.mention').textContent()).toBe('@Even Sørensen');
    expect(await field.inputValue()).toBe('');
    await expectAccessible(page, 'dependencies-08-comment-with-mention');
    const stored = (await get(page, `/api/v1/objectives/${draft.id}/comments`)).items.at(-1);
    expect(stored.mentions.map((m: { name: string }) => m.name)).toEqual(['Even Sørensen']);
  });
});

describe('the alignment between units', () => {
  it("is reached from the area's page and shows its teams side by side", async () => {
    const page = lead.page;
    await page.goto(`/units/${ids.area}?period=${ids.current}`);
    await page.getByRole('link', { name: 'Alignment between units' }).click();
    await page.getByRole('heading', { name: 'Alignment: Politikk og påvirkning', level: 1 }).waitFor();
    await page.getByRole('heading', { name: CAMPAIGN, level: 3 }).waitFor();
    expect(await page.getByRole('heading', { name: 'What nothing pays into' }).isVisible()).toBe(true);
    await expectAccessible(page, 'dependencies-09-alignment');
  });
});

describe('with the keyboard, on a phone and in Norwegian', () => {
  it('opens and closes the raise dialog with the keyboard alone', async () => {
    const page = lead.page;
    await openCoordination(page, ids.campaign);
    await page.getByRole('button', { name: 'Raise a dependency' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The focus is back on the button, also when the dialog's code came only after Enter (lazyPart.tsx).
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Raise a dependency');
  });

  it('fits 360 px with the dependencies and the comments, in bokmål', async () => {
    const { context, page, errors } = await openPage(browser, server, { width: 360, height: 780, language: 'nb' });
    try {
      await signInByApi(context, 'jonas@demo.varde.no');
      await page.goto(`/units/${ids.campaign}?period=${ids.current}`);
      await page.locator('h1').first().waitFor();
      await scrollUntilVisible(page, page.getByRole('heading', { name: 'Det andre trenger fra oss' }));
      expect(await page.getByRole('heading', { name: 'Avhengigheter', level: 2 }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(page, 'dependencies-10-phone-nb');
      await page.getByRole('button', { name: 'Meld en avhengighet' }).click();
      await page.getByRole('dialog').waitFor();
      await screenshot(page, 'dependencies-11-phone-raise-dialog');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('threw no errors in the pages', () => {
    expect(lead.errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });
});
