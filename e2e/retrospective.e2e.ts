// The retrospective (issue 15) in real browsers, as Kompetansesenteret would hold it after the
// previous tertial closed: its lead finds it from the team page, three members vote on the mood
// from their own browsers (one on a phone in Norwegian), the distribution showing only once three
// have voted and a second vote refused; the lead facilitates on the shared screen, one question at
// a time with the keys, writing notes, and agrees an action that lands on its owner's Mine, where
// the owner marks it done. Every new screen is checked with axe and screenshotted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, signIn, signInByApi, startServer, startServerOnPostgres, type Server, expectAccessible, apiCall } from './harness.js';

const TEAM = 'Kompetansesenteret';
const ACTION = 'Kortere kursevalueringer fra neste kurs';

let server: Server;
let browser: Browser;
let lead: { context: BrowserContext; page: Page; errors: string[] };
let ids: { team: string; previous: string; previousName: string; ole: string };

const api = apiCall;

const retroUrl = () => `/units/${ids.team}/retrospectives/${ids.previous}`;

beforeAll(async () => {
  server = process.env.E2E_POSTGRES_URL ? await startServerOnPostgres(process.env.E2E_POSTGRES_URL) : await startServer();
  browser = await launchBrowser();
  lead = await openPage(browser, server, { width: 1680, height: 1050 });
  await signIn(lead.page, 'tone@demo.varde.no');
  const r = lead.context.request;
  const units = (await api(r, 'get', '/api/v1/units?limit=500')).items as Array<{ id: string; name: string; members: Array<{ personId: string }> }>;
  const team = units.find((u) => u.name === TEAM)!;
  const previous = ((await api(r, 'get', '/api/v1/periods?kind=cycle')).items as Array<{ id: string; name: string; state: string }>).find((p) => p.state === 'closed')!;
  const people = (await api(r, 'get', `/api/v1/people?unit=${team.id}&limit=50`)).items as Array<{ id: string; email: string }>;
  ids = { team: team.id, previous: previous.id, previousName: previous.name, ole: people.find((p) => p.email === 'ole@demo.varde.no')!.id };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Votes as `email` in a browser of their own, and answers what the page then says. */
async function voteAs(email: string, label: string, viewport: { width: number; height: number; language?: string }, shot: string): Promise<{ page: Page; context: BrowserContext }> {
  const member = await openPage(browser, server, viewport);
  await signInByApi(member.context, email);
  await member.page.goto(retroUrl());
  const vote = member.page.getByTestId('mood-vote');
  await vote.waitFor();
  await vote.getByText(label, { exact: true }).click();
  const answered = member.page.waitForResponse((res) => res.url().endsWith('/votes') && res.request().method() === 'POST');
  await vote.getByRole('button', { name: viewport.language === 'nb' ? 'Stem' : 'Vote' }).click();
  expect((await answered).status()).toBe(201);
  await vote.getByText(viewport.language === 'nb' ? 'Du har stemt. Takk!' : 'You have voted. Thank you!').waitFor();
  await expectAccessible(member.page, shot);
  expect(member.errors).toEqual([]);
  return member;
}

describe('the retrospective', () => {
  it('is found from the team page once the cycle is closed, with the six questions of the article', async () => {
    await lead.page.goto(`/units/${ids.team}?period=${ids.previous}`);
    const card = lead.page.getByTestId('unit-retrospective');
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('0 of 4 have voted');
    await card.getByRole('link', { name: `Open the retrospective of ${ids.previousName}` }).click();
    await lead.page.waitForURL(/\/retrospectives\//);
    await lead.page.getByRole('heading', { level: 1, name: `Retrospective of ${TEAM}` }).waitFor();
    for (const q of ['What is the mood? Do we communicate enough, and with appreciation? Do we enjoy our work?', 'How do we reach our goals?',
      'Does everyone get the support they need?', 'What should we stop doing from now on?']) {
      await lead.page.getByText(q, { exact: true }).waitFor();
    }
    await expect.poll(() => lead.page.getByTestId('mood-count').textContent()).toContain('0 of 4 have voted');
    await expectAccessible(lead.page, 'retrospective-page');
  });

  it('takes three members\' votes, showing the distribution only once three have voted, and refuses a second vote', async () => {
    const ole = await voteAs('ole@demo.varde.no', '4 – God', { width: 375, height: 812, language: 'nb' }, 'retrospective-voted-phone');
    expect(await ole.page.getByTestId('mood-vote').textContent()).toContain('Fordelingen vises når minst tre har stemt.');
    expect(await ole.page.getByTestId('mood-chart').count()).toBe(0);
    const [scroll, client] = await ole.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, 'no sideways scrolling on the phone').toBeLessThanOrEqual(client!);
    // A second vote is refused, and the page offers none.
    const again = await ole.context.request.post(`/api/v1${retroUrl()}/votes`, { data: { mood: 1 } });
    expect(again.status()).toBe(409);
    expect(await ole.page.getByRole('button', { name: 'Stem' }).count()).toBe(0);

    const bjorn = await voteAs('bjorn@demo.varde.no', '2 – Poor', { width: 1280, height: 900 }, 'retrospective-voted-two');
    expect(await bjorn.page.getByTestId('mood-chart').count()).toBe(0);
    const mathias = await voteAs('mathias@demo.varde.no', '4 – Good', { width: 1280, height: 900 }, 'retrospective-distribution');
    const chart = mathias.page.getByTestId('mood-chart');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toBe('The mood: 1 – Very poor: 0 votes, 2 – Poor: 1 vote, 3 – Okay: 0 votes, 4 – Good: 2 votes, 5 – Very good: 0 votes');
    expect(await mathias.page.getByTestId('mood-count').textContent()).toContain('3 of 4 have voted');
    // The lead, who did not vote, sees the same and only that.
    await lead.page.reload();
    await lead.page.getByTestId('mood-chart').waitFor();
    expect(await lead.page.getByTestId('mood-vote').textContent()).not.toContain('You have voted');
    await Promise.all([ole.context.close(), bjorn.context.close(), mathias.context.close()]);
  });

  it('is facilitated on the shared screen one question at a time, with the keys, a timer and notes', async () => {
    const page = lead.page;
    await page.getByRole('button', { name: 'Facilitate' }).click();
    const screen = page.getByTestId('retro-facilitation');
    await screen.waitFor();
    const heading = page.locator('#retro-step-heading');
    expect(await heading.textContent()).toBe('What is the mood? Do we communicate enough, and with appreciation? Do we enjoy our work?');
    expect(await page.getByTestId('retro-timer').textContent()).toMatch(/00:0\d of 120:00/);
    await expectAccessible(page, 'retrospective-facilitated');

    await page.locator('body').focus();
    await page.keyboard.press('n');
    await expect.poll(() => heading.textContent()).toBe('How do we reach our goals?');
    expect(await page.getByTestId('retro-announcer').textContent()).toBe('Step 2 of 7: Reaching our goals');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => heading.textContent()).toBe('Do we include everyone as we should, and can everyone contribute?');
    // O goes to the note; what is written is saved on leaving the field (Escape), and the keys step on again.
    await page.keyboard.press('o');
    const note = page.getByLabel('Notes on «Everyone included»');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Nye kursholdere kom godt inn i teamet.');
    const saved = page.waitForResponse((res) => res.url().includes('/retrospectives/') && res.request().method() === 'PATCH');
    await page.keyboard.press('Escape');
    expect((await saved).status()).toBe(200);
    for (let i = 0; i < 4; i++) await page.keyboard.press('n');
    await expect.poll(() => heading.textContent()).toBe('Actions');

    // The action, owned by Ole, due in the new year.
    const actions = page.getByTestId('retro-actions');
    await actions.getByRole('button', { name: 'Add an action' }).click();
    await actions.getByLabel('Action 1', { exact: true }).fill(ACTION);
    await actions.getByLabel('Owner').selectOption(ids.ole);
    const written = page.waitForResponse((res) => res.url().includes('/retrospectives/') && res.request().method() === 'PATCH');
    await actions.getByRole('button', { name: 'Save the actions' }).click();
    expect((await written).status()).toBe(200);
    await expectAccessible(page, 'retrospective-facilitated-actions');
    await page.locator('body').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('retrospective').waitFor();

    const r = await api(lead.context.request, 'get', `/api/v1${retroUrl()}`);
    expect(r.notes.inclusion).toBe('Nye kursholdere kom godt inn i teamet.');
    expect(r.actions).toMatchObject([{ text: ACTION, ownerId: ids.ole, done: false }]);
    expect(lead.errors).toEqual([]);
  });

  it("puts the action on its owner's Mine, where it is marked done", async () => {
    const ole = await openPage(browser, server, { width: 1280, height: 900 });
    await signIn(ole.page, 'ole@demo.varde.no');
    const list = ole.page.getByTestId('my-retrospective-actions');
    await list.waitFor();
    expect(await list.textContent()).toContain(ACTION);
    await expectAccessible(ole.page, 'retrospective-actions-on-mine');
    const done = ole.page.waitForResponse((res) => res.url().includes('/retrospective-actions/') && res.request().method() === 'POST');
    await list.getByRole('button', { name: `Mark «${ACTION}» done` }).click();
    expect((await done).status()).toBe(200);
    await expect.poll(() => list.count()).toBe(0);
    const r = await api(lead.context.request, 'get', `/api/v1${retroUrl()}`);
    expect(r.actions[0].done).toBe(true);
    expect(ole.errors).toEqual([]);
    await ole.context.close();
  });
});
