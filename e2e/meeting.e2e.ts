// The weekly meeting (issue 14) in two real browsers, as the campaign team would hold it: its lead
// starts it from the team page on the shared screen (wide), sees the key results without a check-in
// at the top, and steps through the agenda with the keyboard while a member follows on a phone
// (375 px, in Norwegian) and sees the items and the check-ins move; a blocker becomes an
// initiative, another a dependency, a dependency raised by the local branches is acknowledged from
// the meeting, and the ended meeting's record tells what changed since the previous one. Every new
// screen is checked with axe, screenshotted, and the phone's for sideways scrolling and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, signIn, signInByApi, startServer, startServerOnPostgres, type Server, expectAccessible, apiCall } from './harness.js';

const CAMPAIGN = 'Kampanjeteamet «Tid er liv»';
const BRANCHES = 'Lokallag og frivillighet';
const BLOCKER_A = 'Trykkeriet leverer ikke flygebladene før om tre uker';
const BLOCKER_B = 'Vi mangler frivillige til standene i Bergen';
const THEIR_NEED = 'Kampanjemateriell til lokallagenes medlemsmøter';

/** English words of the interface that never occur in Norwegian (a part of e2e/language.e2e.ts's list). */
const ENGLISH = ['Save', 'Cancel', 'Check in', 'Next', 'Previous', 'Decisions', 'Notes', 'Forecast', 'Confidence', 'Owner',
  'Stop following', 'Follow the facilitator', 'Meeting', 'meeting', 'Item', 'Blockers', 'Dependencies', 'Handled', 'ago', 'Print'];

let server: Server;
let browser: Browser;
let lead: { context: BrowserContext; page: Page; errors: string[] };
let follower: { context: BrowserContext; page: Page; errors: string[] };
let even: BrowserContext;
let ids: { campaign: string; branches: string; cycle: string; henrik: string; henrikName: string };
let meetingId = '';
/** The team's key results with a number to check in (no milestones), in agenda order. */
const numeric = new Set<string>();

interface AgendaRow { keyResultId: string; title: string; valueNow: number | null; blockers: Array<{ checkInId: string; text: string }> }
interface MeetingRead { id: string; agenda: AgendaRow[]; notCheckedIn: Array<{ keyResultId: string; title: string }>; currentItem: number; endedAt: string | null; changes: unknown }

const api = apiCall;
const read = (id: string) => api<MeetingRead>(lead.context.request, 'get', `/api/v1/meetings/${id}`);

async function expectNoSideways(page: Page, name: string): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, `no sideways scrolling on ${name}`).toBeLessThanOrEqual(client!);
}

const itemHeading = (page: Page) => page.getByTestId('meeting-item').locator('h3');
const itemValue = (page: Page) => page.getByTestId('meeting-item').getByTestId('item-value');

/** Checks in on the item on the lead's screen with the C key, at `value`. */
async function checkInWithKey(value: number): Promise<void> {
  await lead.page.locator('body').focus();
  await lead.page.keyboard.press('c');
  const dialog = lead.page.getByRole('dialog');
  await dialog.waitFor({ timeout: 5000 });
  await dialog.getByLabel(/New value/).fill(String(value));
  const answered = lead.page.waitForResponse((r) => r.url().includes('/check-ins') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Save check-in' }).click();
  expect((await answered).status()).toBe(201);
  await expect.poll(() => dialog.count()).toBe(0);
}

beforeAll(async () => {
  // SQLite unless E2E_POSTGRES_URL names a PostgreSQL server to make a fresh database on.
  server = process.env.E2E_POSTGRES_URL ? await startServerOnPostgres(process.env.E2E_POSTGRES_URL) : await startServer();
  browser = await launchBrowser();
  lead = await openPage(browser, server, { width: 1680, height: 1050 });
  await signIn(lead.page, 'jonas@demo.varde.no');
  follower = await openPage(browser, server, { width: 375, height: 812, language: 'nb' });
  await signInByApi(follower.context, 'henrik@demo.varde.no');
  even = await browser.newContext({ baseURL: server.base, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  await even.addInitScript(() => { localStorage.setItem('varde.language', 'en'); });
  await signInByApi(even, 'even@demo.varde.no');

  const r = lead.context.request;
  const units = (await api(r, 'get', '/api/v1/units?limit=500')).items as Array<{ id: string; name: string }>;
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const cycle = ((await api(r, 'get', '/api/v1/periods?kind=cycle&state=active')).items[0] as { id: string }).id;
  const henrik = (await api(follower.context.request, 'get', '/api/v1/me')).person as { id: string; name: string };
  ids = { campaign: unit(CAMPAIGN), branches: unit(BRANCHES), cycle, henrik: henrik.id, henrikName: henrik.name };

  // A previous meeting to measure from (any still open from the demo is ended first), then the
  // week's check-ins with their blockers, and a need the local branches raise on the team.
  const listed = (await api(r, 'get', `/api/v1/meetings?unit=${ids.campaign}&period=${cycle}`)).items as Array<{ id: string; endedAt: string | null }>;
  for (const m of listed.filter((x) => !x.endedAt)) await api(r, 'post', `/api/v1/meetings/${m.id}/end`, {});
  const previous = await api<MeetingRead>(r, 'post', '/api/v1/meetings', { unitId: ids.campaign, periodId: cycle, kind: 'weekly' });
  await api(r, 'post', `/api/v1/meetings/${previous.id}/end`, {});
  for (const a of previous.agenda) {
    const full = await api<{ type: string; current: number | null }>(r, 'get', `/api/v1/key-results/${a.keyResultId}`);
    if (full.type !== 'milestone' && full.current !== null) numeric.add(a.keyResultId);
  }
  expect(numeric.size, 'the team has key results with values').toBeGreaterThanOrEqual(4);
  // The blockers go on two key results, and the meeting checks in on two others.
  for (const [i, text] of [BLOCKER_A, BLOCKER_B].entries()) {
    const id = [...numeric][i]!;
    const full = await api<{ current: number }>(r, 'get', `/api/v1/key-results/${id}`);
    await api(r, 'post', `/api/v1/key-results/${id}/check-ins`, { value: full.current, confidence: 5, comment: null, blockers: text });
  }
  await api(even.request, 'post', '/api/v1/dependencies', { fromUnitId: ids.branches, toUnitId: ids.campaign, description: THEIR_NEED });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the weekly meeting', () => {
  it('is started from the team page by its member, with the key results without a check-in at the top', async () => {
    await lead.page.goto(`/units/${ids.campaign}?period=${ids.cycle}`);
    const meetings = lead.page.getByTestId('unit-meetings');
    await meetings.waitFor();
    await expect.poll(() => meetings.textContent()).toMatch(/Last meeting (just now|\d+ minutes? ago)/);
    await meetings.getByRole('button', { name: 'Start the weekly meeting' }).click();
    await lead.page.waitForURL(/\/meetings\/[^/]+$/);
    meetingId = lead.page.url().split('/meetings/')[1]!;
    await lead.page.getByRole('heading', { level: 1, name: `Weekly meeting: ${CAMPAIGN}` }).waitFor();

    const m = await read(meetingId);
    const top = lead.page.getByTestId('not-checked-in');
    expect(m.notCheckedIn.length, 'the demo team has key results nobody checked in on since the last meeting').toBeGreaterThan(0);
    for (const k of m.notCheckedIn) expect(await top.textContent()).toContain(k.title);
    // The key results checked in on this week are not among them.
    for (const text of [BLOCKER_A, BLOCKER_B]) {
      const kr = m.agenda.find((a) => a.blockers.some((b) => b.text === text))!;
      expect(m.notCheckedIn.map((k) => k.keyResultId)).not.toContain(kr.keyResultId);
    }
    // They come before the status of the key results.
    const order = await lead.page.evaluate(() => {
      const a = document.querySelector('[data-testid="not-checked-in"]')!;
      const b = document.getElementById('status-heading')!;
      return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    expect(await itemHeading(lead.page).textContent()).toBe(m.agenda[0]!.title);
    // The keys are on screen, and the timer is no live region ticking at a screen reader.
    expect(await lead.page.locator('.meeting-keys').textContent()).toMatch(/N.*Next.*P.*Previous.*C.*Check in.*O.*Note.*D.*Add decision/);
    const timer = lead.page.getByRole('timer', { name: 'Meeting time' });
    expect(await timer.textContent()).toMatch(/^\d\d:\d\d of 15:00$/);
    expect(await lead.page.locator('[data-testid="meeting-timer"] [aria-live]').count()).toBe(0);
    await expectAccessible(lead.page, 'meeting-01-facilitator-wide');

    // The shared-screen view (S): one part at a time, opening with the check-ins to fill in;
    // Next steps on to the items without the meeting moving until it reaches them.
    await lead.page.keyboard.press('s');
    await lead.page.getByRole('heading', { name: 'Before we start' }).waitFor();
    expect(await lead.page.getByRole('heading', { name: /^Stumbling blocks/ }).count()).toBe(0);
    await expect.poll(() => lead.page.getByTestId('meeting-announcer').textContent()).toBe('');
    await lead.page.keyboard.press('n');
    await lead.page.getByRole('heading', { name: /^Status/ }).waitFor();
    expect(await lead.page.getByRole('heading', { name: 'Before we start' }).count()).toBe(0);
    await expect.poll(() => lead.page.getByTestId('meeting-announcer').textContent()).toBe('Status');
    expect((await read(meetingId)).currentItem).toBe(0);
    await expectAccessible(lead.page, 'meeting-01b-shared-screen');
    await lead.page.keyboard.press('s');
    await lead.page.getByRole('heading', { name: /^Stumbling blocks/ }).waitFor();
  });

  it("moves the follower's view when the facilitator presses next, and announces the item once", async () => {
    await follower.page.goto(`/meetings/${meetingId}`);
    await follower.page.getByRole('heading', { level: 1, name: `Ukemøte: ${CAMPAIGN}` }).waitFor();
    const m = await read(meetingId);
    expect(await itemHeading(follower.page).textContent()).toBe(m.agenda[m.currentItem]!.title);

    await lead.page.locator('body').focus();
    await lead.page.keyboard.press('n');
    await expect.poll(() => itemHeading(lead.page).textContent()).toBe(m.agenda[1]!.title);
    await expect.poll(() => itemHeading(follower.page).textContent(), { timeout: 3000 }).toBe(m.agenda[1]!.title);
    await expect.poll(() => follower.page.getByTestId('meeting-announcer').textContent())
      .toBe(`Punkt 2 av ${m.agenda.length}: ${m.agenda[1]!.title}`);
    expect((await read(meetingId)).currentItem).toBe(1);

    await expectNoSideways(follower.page, 'the follower at 375 px');
    const text = await follower.page.evaluate(() => document.body.innerText);
    const english = ENGLISH.filter((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u').test(text));
    expect(english, 'no English on the Norwegian screen').toEqual([]);
    await expectAccessible(follower.page, 'meeting-02-follower-375');
  });

  it('checks in on two key results during the meeting, and the follower sees them move', async () => {
    const m = await read(meetingId);
    const [, , ...others] = [...numeric];
    for (const kr of m.agenda.filter((a) => others.slice(0, 2).includes(a.keyResultId))) {
      await lead.page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: kr.title, exact: false }).first().click();
      await expect.poll(() => itemHeading(follower.page).textContent(), { timeout: 3000 }).toBe(kr.title);
      const before = await itemValue(follower.page).textContent();
      await checkInWithKey((kr.valueNow ?? 0) + 7);
      await expect.poll(() => itemValue(follower.page).textContent(), { timeout: 3000 }).not.toBe(before);
      expect((await read(meetingId)).agenda.find((a) => a.keyResultId === kr.keyResultId)!.valueNow).toBe((kr.valueNow ?? 0) + 7);
    }
  });

  it("lets a follower check in on their own key result meanwhile, and the facilitator's screen moves with it", async () => {
    const m = await read(meetingId) as unknown as { agenda: Array<AgendaRow & { owner: { id: string } | null }> };
    const own = m.agenda.find((a) => a.owner?.id === ids.henrik && numeric.has(a.keyResultId))!;
    expect(own, 'Henrik owns a key result of the team').toBeDefined();
    await lead.page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: own.title, exact: false }).first().click();
    await expect.poll(() => itemHeading(lead.page).textContent()).toBe(own.title);
    const before = await itemValue(lead.page).textContent();
    const dialog = follower.page.getByRole('dialog');
    await follower.page.locator('.mine-in-meeting').getByRole('button', { name: `Sjekk inn på ${own.title}` }).click();
    await dialog.getByLabel(/Ny verdi/).fill(String((own.valueNow ?? 0) + 3));
    await dialog.getByRole('button', { name: 'Lagre innsjekk' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => itemValue(lead.page).textContent(), { timeout: 3000 }).not.toBe(before);
  });

  it('writes a note and a decision with the keys, and ticks off who is here', async () => {
    await lead.page.locator('body').focus();
    await lead.page.keyboard.press('o');
    await lead.page.keyboard.type('Vi tar det opp med ledergruppen.');
    // Escape leaves the field (and saves the note), so D is the meeting's key again.
    await lead.page.keyboard.press('Escape');
    await lead.page.keyboard.press('d');
    await expect.poll(() => lead.page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^decision-/);
    await lead.page.keyboard.type('Henrik ringer trykkeriet i morgen');
    await lead.page.keyboard.press('Enter');
    await lead.page.getByTestId('meeting-item').getByText('Henrik ringer trykkeriet i morgen').waitFor();
    await expect.poll(async () => (await read(meetingId)).agenda.some((a) => (a as unknown as { note: string }).note === 'Vi tar det opp med ledergruppen.')).toBe(true);
    // Two ticked in quick succession, the first answer quick and the second slow (as on a busy
    // server): the first answer must not untick the second while it is being saved.
    let patches = 0;
    await lead.page.route(`**/api/v1/meetings/${meetingId}`, async (route) => {
      if (route.request().method() === 'PATCH') await new Promise((r) => setTimeout(r, ++patches === 1 ? 100 : 1500));
      await route.continue();
    });
    const firstAnswer = lead.page.waitForResponse((r) => r.url().endsWith(`/meetings/${meetingId}`) && r.request().method() === 'PATCH');
    for (const name of ['Jonas', ids.henrikName.split(' ')[0]!]) {
      await lead.page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
    }
    await firstAnswer;
    await lead.page.waitForTimeout(300);
    expect(await lead.page.getByRole('checkbox', { name: new RegExp(`^${ids.henrikName.split(' ')[0]!}`) }).isChecked()).toBe(true);
    await expect.poll(async () => (await read(meetingId) as unknown as { attendeeIds: string[] }).attendeeIds.length).toBe(2);
    await lead.page.unroute(`**/api/v1/meetings/${meetingId}`);
  });

  it('turns one blocker into an initiative and another into a dependency, and acknowledges what the local branches need', async () => {
    const page = lead.page;
    await page.getByRole('button', { name: `Make an initiative of: ${BLOCKER_A}` }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Initiative/ }).fill('Finne et nytt trykkeri');
    await dialog.getByRole('combobox', { name: 'Owner' }).selectOption({ label: ids.henrikName });
    await dialog.getByRole('button', { name: 'Make an initiative' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('li.blocker', { hasText: BLOCKER_A }).textContent()).toContain('made an initiative');

    await page.getByRole('button', { name: `Make a dependency of: ${BLOCKER_B}` }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('The unit you need something from').selectOption({ label: BRANCHES });
    await dialog.getByRole('button', { name: 'Make a dependency' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('li.blocker', { hasText: BLOCKER_B }).textContent()).toContain('made a dependency');

    const initiatives = (await api(lead.context.request, 'get', `/api/v1/initiatives?unit=${ids.campaign}&period=${ids.cycle}&limit=500`)).items as Array<{ title: string; ownerId: string | null }>;
    expect(initiatives.find((i) => i.title === 'Finne et nytt trykkeri')?.ownerId).toBe(ids.henrik);
    const deps = (await api(lead.context.request, 'get', `/api/v1/dependencies?unit=${ids.campaign}&state=open&limit=500`)).items as Array<{ description: string; toUnit: { id: string }; state: string }>;
    expect(deps.find((d) => d.description === BLOCKER_B)?.toUnit.id).toBe(ids.branches);

    await page.getByRole('button', { name: `Acknowledge «${THEIR_NEED}»` }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Your reply/).fill('Vi sender materiell innen fredag.');
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const after = (await api(lead.context.request, 'get', `/api/v1/dependencies?unit=${ids.campaign}&state=open&limit=500`)).items as Array<{ description: string; state: string }>;
    expect(after.find((d) => d.description === THEIR_NEED)?.state).toBe('acknowledged');
  });

  it('lets a follower stop following, and the view then stays where it is', async () => {
    await follower.page.getByRole('button', { name: 'Slutt å følge' }).click();
    const was = await itemHeading(follower.page).textContent();
    await lead.page.locator('body').focus();
    await lead.page.keyboard.press('p');
    await expect.poll(async () => (await read(meetingId)).currentItem).toBeGreaterThanOrEqual(0);
    await follower.page.waitForTimeout(500);
    expect(await itemHeading(follower.page).textContent()).toBe(was);
    await follower.page.getByRole('button', { name: 'Følg møteleder' }).click();
    const m = await read(meetingId);
    await expect.poll(() => itemHeading(follower.page).textContent()).toBe(m.agenda[m.currentItem]!.title);
  });

  it('ends the meeting and keeps a record with what changed since the previous one', async () => {
    const before = await read(meetingId);
    const page = lead.page;
    await page.getByRole('button', { name: 'End the meeting' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End and keep the record' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Meeting record: ${CAMPAIGN.replace(/[«»]/g, '.')}`) }).waitFor();
    const changes = page.getByTestId('record-changes');
    for (const kr of before.agenda.filter((a) => [...numeric].slice(2, 4).includes(a.keyResultId))) expect(await changes.textContent()).toContain(kr.title);
    await expect.poll(() => page.getByTestId('record-attendees').textContent()).toContain(ids.henrikName);
    expect(await page.locator('article').textContent()).toMatch(/Blockers: \d+ new, [1-9]\d* handled/);
    expect(await page.locator('article').textContent()).toContain(THEIR_NEED);
    expect(await page.locator('article').textContent()).toContain('Henrik ringer trykkeriet i morgen');
    const ended = await read(meetingId);
    expect(ended.endedAt).not.toBeNull();
    expect(ended.changes).not.toBeNull();
    await expectAccessible(page, 'meeting-03-record');
    // Printed: no frame, black on white.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('h1')!).color]))
      .toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    await page.emulateMedia({ media: 'screen' });
    // The follower's screen turns into the record too.
    await follower.page.getByRole('heading', { level: 1, name: /^Møtereferat: / }).waitFor({ timeout: 5000 });
    await expectNoSideways(follower.page, 'the record at 375 px');
    await expectAccessible(follower.page, 'meeting-04-record-375');
  });

  it("opens the next meeting with this one's decisions", async () => {
    const next = await api<{ id: string }>(lead.context.request, 'post', '/api/v1/meetings', { unitId: ids.campaign, periodId: ids.cycle, kind: 'weekly' });
    await lead.page.goto(`/meetings/${next.id}`);
    const opening = lead.page.getByRole('region', { name: 'Before we start' });
    await opening.getByRole('heading', { name: 'Decided at the last meeting' }).waitFor();
    expect(await opening.textContent()).toContain('Henrik ringer trykkeriet i morgen');
    // A member of another unit reads the meeting and changes nothing in it.
    const reader = await even.newPage();
    await reader.goto(`/meetings/${next.id}`);
    await reader.getByRole('heading', { level: 1, name: `Weekly meeting: ${CAMPAIGN}` }).waitFor();
    await reader.getByTestId('meeting-item').waitFor();
    expect(await reader.getByRole('button', { name: 'End the meeting' }).count()).toBe(0);
    expect(await reader.getByRole('button', { name: /^Make an initiative of/ }).count()).toBe(0);
    expect(await reader.getByRole('textbox', { name: 'Notes for the meeting' }).getAttribute('readonly')).not.toBeNull();
    await reader.close();
    await api(lead.context.request, 'post', `/api/v1/meetings/${next.id}/end`, {});
  });

  it("lists the meeting on the team page and the team's follow-up on the organisation page", async () => {
    await lead.page.goto(`/units/${ids.campaign}?period=${ids.cycle}`);
    const meetings = lead.page.getByTestId('unit-meetings');
    await meetings.getByTestId('follow-up').waitFor();
    expect(await meetings.textContent()).toMatch(/Last meeting (just now|\d+ minutes? ago)/);
    expect(await meetings.getByTestId('follow-up').textContent()).toMatch(/^\d+ of \d+ meetings held$/);
    await expectAccessible(lead.page, 'meeting-05-unit-page');
    await lead.page.goto(`/organisation?period=${ids.cycle}`);
    const { ancestors } = await api<{ ancestors: Array<{ name: string }> }>(lead.context.request, 'get', `/api/v1/units/${ids.campaign}`);
    // The tree opens its first level; the team's area is opened as a reader would, level by level.
    for (const a of ancestors) {
      const toggle = lead.page.locator(`button.disclosure[aria-label$="${a.name}"]`);
      await toggle.waitFor();
      if (await toggle.getAttribute('aria-expanded') === 'false') await toggle.click();
    }
    const row = lead.page.locator('.tree-row', { has: lead.page.getByRole('link', { name: CAMPAIGN, exact: true }) });
    await row.getByTestId('meeting-cadence').waitFor();
    expect(await row.getByTestId('meeting-cadence').textContent()).toMatch(/meetings \d+\/\d+/);
    expect(lead.errors).toEqual([]);
    expect(follower.errors).toEqual([]);
  });
});
