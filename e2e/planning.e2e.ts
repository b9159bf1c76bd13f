// The planning workshop in real browsers, as the demo's campaign team would hold it (article 004):
// two of its members write drafts at once and see each other's appear live; the coach flags a
// task-like key result (in Norwegian, naming the verb) and one without a number; a hint is dismissed
// with a reason; a draft is proposed to the area and adopted there by the area's lead; a draft is
// parked in the backlog and pulled back into the cycle; the four questions are answered with one
// left open, publishing is refused (422) and then done, and the OKRs are active on the team page and
// counted in the area's roll-up. axe finds nothing serious; screenshots wide and at 375 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, signIn, signInByApi, startServer, type Server, expectAccessible, apiCall } from './harness.js';

const CAMPAIGN = 'Kampanjeteamet «Tid er liv»';
const AREA = 'Politikk og påvirkning';
const DEMO_DRAFT = 'Holde politikerne til løftene de ga oss';
const JONAS_DRAFT = 'Flere møter med politikerne gir raskere tilgang';
const TASK_KR = 'Arrangere fire møter med helsekomiteen';
const NUMBERLESS_KR = 'Bedre dialog med departementet';
const HENRIK_DRAFT = 'Pasientene forteller sine historier lokalt';

type Browsing = { context: BrowserContext; page: Page; errors: string[] };
let server: Server;
let browser: Browser;
let jonas: Browsing;
let henrik: Browsing;
let ids: { campaign: string; area: string; planning: string; planningName: string };

const get = <T = any>(page: Page, url: string) => apiCall<T>(page.request, 'get', url);

const workshopOf = (unitId: string) => `/units/${unitId}/plans/${ids.planning}`;
/** A draft on the workshop page, found by its title whether or not a dialog hides the page. */
const draft = (page: Page, title: string): Locator => page.locator('article[data-objective-id]', { has: page.locator('h3', { hasText: title }) });
const hint = (scope: Locator, code: string): Locator => scope.locator(`li.hint[data-hint-code="${code}"]`);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  jonas = await openPage(browser, server);
  await signIn(jonas.page, 'jonas@demo.varde.no');
  henrik = await openPage(browser, server, { language: 'nb' });
  await signInByApi(henrik.context, 'henrik@demo.varde.no');
  const units = (await get(jonas.page, '/api/v1/units?limit=500')).items as Array<{ id: string; name: string }>;
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const planning = ((await get(jonas.page, '/api/v1/periods?kind=cycle')).items as Array<{ id: string; name: string; state: string }>).find((p) => p.state === 'planning')!;
  ids = { campaign: unit(CAMPAIGN), area: unit(AREA), planning: planning.id, planningName: planning.name };
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the planning workshop', () => {
  it('is reached from the team page while the cycle is planned', async () => {
    const page = jonas.page;
    await page.goto(`/units/${ids.campaign}?period=${ids.planning}`);
    await page.getByRole('link', { name: 'Open the planning workshop' }).click();
    await page.getByRole('heading', { name: `Planning workshop: ${CAMPAIGN}, ${ids.planningName}`, level: 1 }).waitFor();
    expect(page.url()).toContain(workshopOf(ids.campaign));
    // Beside the drafts, what they pay into: the mission, the year's Moals, the area's objectives.
    const context = page.getByRole('region', { name: 'What we pay into' });
    expect(await context.getByRole('heading', { name: "The year's Moals" }).isVisible()).toBe(true);
    expect(await context.getByRole('heading', { name: `Objectives of ${AREA}` }).isVisible()).toBe(true);
    await draft(page, DEMO_DRAFT).waitFor();
  });

  it('takes drafts written by two people at once, each seeing the other\'s appear live without losing their typing', async () => {
    await henrik.page.goto(workshopOf(ids.campaign));
    await henrik.page.getByRole('heading', { name: `Planleggingsworkshop: ${CAMPAIGN}, ${ids.planningName}`, level: 1 }).waitFor();

    // Both dialogs open at the same time.
    await jonas.page.getByRole('button', { name: 'New objective' }).click();
    const mine = jonas.page.getByRole('dialog');
    await mine.getByLabel('Objective', { exact: true }).fill(JONAS_DRAFT);
    const kr1 = mine.getByRole('group', { name: 'Key result 1' });
    await kr1.getByLabel('Key result', { exact: true }).fill(TASK_KR);
    await kr1.getByLabel('Start', { exact: true }).fill('0');
    await kr1.getByLabel('Target', { exact: true }).fill('4');
    await kr1.getByLabel('Unit of measure').fill('møter');
    const kr2 = mine.getByRole('group', { name: 'Key result 2' });
    await kr2.getByLabel('Key result', { exact: true }).fill(NUMBERLESS_KR);
    await kr2.getByLabel('Start', { exact: true }).fill('0');
    await kr2.getByLabel('Target', { exact: true }).fill('5');

    await henrik.page.getByRole('button', { name: 'Nytt mål' }).click();
    const his = henrik.page.getByRole('dialog');
    const hisTitle = his.getByLabel('Mål', { exact: true });
    await hisTitle.fill(HENRIK_DRAFT);

    await mine.getByRole('button', { name: 'Save' }).click();
    await mine.waitFor({ state: 'detached' });
    await draft(jonas.page, JONAS_DRAFT).waitFor();
    // Henrik's page shows Jonas's draft behind his open dialog, which keeps what he typed.
    await draft(henrik.page, JONAS_DRAFT).waitFor({ timeout: 5_000 });
    expect(await hisTitle.inputValue()).toBe(HENRIK_DRAFT);

    const his1 = his.getByRole('group', { name: 'Nøkkelresultat 1' });
    await his1.getByLabel('Nøkkelresultat', { exact: true }).fill('Pasienthistorier publisert i lokalaviser');
    await his1.getByLabel('Startverdi').fill('0');
    await his1.getByLabel('Ønsket verdi').fill('20');
    await his1.getByLabel(/^Enhet/).fill('historier');
    await his.getByRole('button', { name: 'Lagre' }).click();
    await his.waitFor({ state: 'detached' });
    await draft(jonas.page, HENRIK_DRAFT).waitFor({ timeout: 5_000 });
  });

  it('has the coach flag a task-like key result, naming the verb, and one without a number, in Norwegian', async () => {
    const page = henrik.page;
    const theirs = draft(page, JONAS_DRAFT);
    const task = hint(theirs, 'task-like');
    await task.waitFor();
    const text = await task.textContent();
    expect(text).toContain('«Arrangere» gjør at dette leses som en oppgave');
    expect(text).toContain('Bør rettes');
    expect(text).toContain('Hvorfor:');
    expect(text).toContain('Slik retter dere det:');
    expect(await hint(theirs, 'no-number').textContent()).toContain('Nøkkelresultatet har ikke noe tall');
    // No English on the Norwegian workshop.
    const words = await page.evaluate(() => document.body.innerText);
    for (const english of ['Dismiss', 'Needs fixing', 'Worth a look', 'How to fix', 'Publish', 'Backlog', 'Propose', 'The four questions', 'Comments']) {
      expect(words, english).not.toContain(english);
    }
    await expectAccessible(page, 'planning-01-coach-nb');
  });

  it('dismisses a hint with a reason, asked for in a dialog, and shows it muted with who and why', async () => {
    const page = jonas.page;
    const numberless = hint(draft(page, JONAS_DRAFT), 'no-number');
    await numberless.getByRole('button', { name: /^Dismiss the hint/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss the hint' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Dismiss the hint' }).click();
    await dialog.getByText('Write why the hint does not apply.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await dialog.getByLabel('Why it does not apply').fill('Vi teller dialogmøtene i referatene.');
    await expectAccessible(page, 'planning-02-dismiss-dialog');
    await dialog.getByRole('button', { name: 'Dismiss the hint' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => numberless.getAttribute('class')).toContain('dismissed');
    expect(await numberless.textContent()).toContain('Dismissed by Jonas Bakke');
    expect(await numberless.textContent()).toContain('«Vi teller dialogmøtene i referatene.»');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Take back');
    // The other browser sees the dismissal too.
    await expect.poll(() => hint(draft(henrik.page, JONAS_DRAFT), 'no-number').textContent(), { timeout: 5_000 }).toContain('Avvist av Jonas Bakke');

    // Taken back with the keyboard, the hint applies again and its Dismiss has focus; then dismissed anew.
    await page.keyboard.press('Enter');
    await expect.poll(() => numberless.getAttribute('class')).not.toContain('dismissed');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Dismiss');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Why it does not apply').fill('Vi teller dialogmøtene i referatene.');
    await dialog.getByRole('button', { name: 'Dismiss the hint' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => numberless.getAttribute('class')).toContain('dismissed');
  });

  it("talks a draft over in its comment thread, which the other opens with the comment in it", async () => {
    const page = jonas.page;
    const ours = draft(page, JONAS_DRAFT);
    await ours.getByRole('button', { name: `Comments on «${JONAS_DRAFT}»` }).click();
    await ours.getByLabel('Write a comment').fill('Kan vi telle dialogmøtene i stedet, @Henrik?');
    await ours.getByRole('button', { name: 'Post comment' }).click();
    await ours.getByRole('list', { name: `Comments on «${JONAS_DRAFT}»` }).getByText('Kan vi telle dialogmøtene i stedet').waitFor();
    const theirs = draft(henrik.page, JONAS_DRAFT);
    await theirs.getByRole('button', { name: `Kommentarer om «${JONAS_DRAFT}»` }).click();
    await theirs.getByText('Kan vi telle dialogmøtene i stedet').waitFor();
  });

  it('passes axe on the workshop, wide and at 375 px, and fits 360 px without sideways scrolling', async () => {
    await expectAccessible(jonas.page, 'planning-03-workshop-wide');
    // A meeting room's screen, read from across the table: the type a size up, the two columns kept.
    await jonas.page.setViewportSize({ width: 1920, height: 1080 });
    expect(await jonas.page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('18px');
    await screenshot(jonas.page, 'planning-03b-workshop-meeting-room');
    await jonas.page.setViewportSize({ width: 1280, height: 900 });
    // The phone in Swedish: no English word of the workshop and no raw key of its texts.
    const phone = await openPage(browser, server, { width: 375, height: 800, language: 'sv' });
    try {
      await signInByApi(phone.context, 'jonas@demo.varde.no');
      await phone.page.goto(workshopOf(ids.campaign));
      await draft(phone.page, JONAS_DRAFT).waitFor();
      await phone.page.getByRole('heading', { name: 'De fyra frågorna' }).waitFor();
      const words = await phone.page.evaluate(() => document.body.innerText);
      expect(words.match(/\b(coach|workshop|objective|keyResult|periodState)\.[\w.-]+/g)).toBeNull();
      for (const english of ['Dismiss', 'Needs fixing', 'Worth a look', 'Publish', 'Backlog', 'Propose', 'Comments', 'Save']) expect(words, english).not.toContain(english);
      expect(await phone.page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(phone.page, 'planning-04-workshop-375');
      await phone.page.setViewportSize({ width: 360, height: 780 });
      expect(await phone.page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('shows the coach on the team page too, as a count that opens the hints', async () => {
    const page = jonas.page;
    await page.goto(`/units/${ids.campaign}?period=${ids.planning}`);
    const objective = page.locator('article.objective', { has: page.getByRole('heading', { name: JONAS_DRAFT }) });
    const count = objective.getByRole('button', { name: new RegExp(`^\\d+ hints?.* about «${JONAS_DRAFT}»$`) });
    await count.click();
    await objective.getByRole('list', { name: `The coach's hints on «${JONAS_DRAFT}»` }).waitFor();
    await page.getByRole('link', { name: 'Open the planning workshop' }).click();
    await draft(page, JONAS_DRAFT).waitFor();
  });

  it("proposes a draft to the area, whose lead adopts it, and the team's draft then pays into it", async () => {
    const page = jonas.page;
    await draft(page, HENRIK_DRAFT).getByRole('button', { name: `Propose to ${AREA}: «${HENRIK_DRAFT}»` }).click();
    await draft(page, HENRIK_DRAFT).getByText(`Proposed to ${AREA}`).waitFor();

    const marte = await openPage(browser, server);
    try {
      await signInByApi(marte.context, 'marte@demo.varde.no');
      // The area's lead comes by the alignment page, which leads to each unit's workshop while the cycle is planned.
      await marte.page.goto(`/units/${ids.area}/alignment?period=${ids.planning}`);
      await marte.page.getByRole('link', { name: `Planning workshop: ${AREA}` }).click();
      await marte.page.getByRole('heading', { name: `Planning workshop: ${AREA}, ${ids.planningName}`, level: 1 }).waitFor();
      const proposals = marte.page.getByRole('region', { name: 'Proposals from the units below' });
      await proposals.locator('li', { hasText: HENRIK_DRAFT }).getByText(`From ${CAMPAIGN}`).waitFor();
      await proposals.getByRole('button', { name: `Adopt «${HENRIK_DRAFT}» as our draft` }).click();
      await draft(marte.page, HENRIK_DRAFT).waitFor();
      await expect.poll(() => marte.page.evaluate(() => document.activeElement?.id)).toBe('drafts-heading');
      await expectAccessible(marte.page, 'planning-05-area-adopted');
      expect(marte.errors).toEqual([]);
    } finally {
      await marte.context.close();
    }
    const ours = draft(page, HENRIK_DRAFT);
    await ours.getByText(`Adopted by ${AREA}`).waitFor({ timeout: 5_000 });
    expect(await ours.locator('.aligns').textContent()).toContain(`${HENRIK_DRAFT} · ${AREA}`);
  });

  it('parks a draft in the backlog and pulls it into the planning cycle again', async () => {
    const page = jonas.page;
    await draft(page, DEMO_DRAFT).getByRole('button', { name: `Park in backlog: «${DEMO_DRAFT}»` }).click();
    const backlog = page.getByRole('region', { name: 'Backlog' });
    await backlog.getByText(DEMO_DRAFT).waitFor();
    await draft(page, DEMO_DRAFT).waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('backlog-heading');
    const parked = (await get(page, `/api/v1/objectives?unit=${ids.campaign}&status=backlog`)).items as Array<{ title: string; periodId: string | null }>;
    expect(parked.find((o) => o.title === DEMO_DRAFT)?.periodId).toBeNull();
    await screenshot(page, 'planning-06-backlog');

    await backlog.getByRole('button', { name: `Pull into this cycle (${ids.planningName}): «${DEMO_DRAFT}»` }).click();
    await draft(page, DEMO_DRAFT).waitFor();
    expect(await backlog.getByText(DEMO_DRAFT).count()).toBe(0);
    const back = (await get(page, `/api/v1/objectives?unit=${ids.campaign}&period=${ids.planning}`)).items as Array<{ title: string; status: string }>;
    expect(back.find((o) => o.title === DEMO_DRAFT)?.status).toBe('draft');
  });

  it('refuses to publish with a question unanswered (422), then publishes, and the OKRs are active and counted', async () => {
    const page = jonas.page;
    const areaBefore = await get(page, `/api/v1/units/${ids.area}/progress?period=${ids.planning}`);
    const drafts = ((await get(page, `/api/v1/objectives?unit=${ids.campaign}&period=${ids.planning}`)).items as Array<{ status: string }>).filter((o) => o.status === 'draft').length;
    expect(drafts).toBeGreaterThanOrEqual(3);
    const question = (n: number) => page.getByRole('group', { name: new RegExp(`^${n}\\. `) });
    // Someone else saves an answer while Jonas is answering: his form keeps his choice and says so,
    // and his save is refused as stale, with theirs shown to answer over.
    await question(1).getByLabel('Partly', { exact: true }).check();
    const planUrl = `/api/v1/units/${ids.campaign}/plans/${ids.planning}`;
    const theirs = await henrik.page.request.patch(planUrl, { data: {
      version: (await get(henrik.page, planUrl)).version, checklist: [{ question: 'noContradictions', answer: 'no', note: 'Standuka og møtene krasjer.' }],
    } });
    expect(theirs.status()).toBe(200);
    await page.getByRole('note').filter({ hasText: 'Someone else saved the answers meanwhile' }).waitFor({ timeout: 5_000 });
    expect(await question(1).getByLabel('Partly', { exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save the answers' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else saved the answers meanwhile' }).waitFor();
    expect(await question(3).getByLabel('No', { exact: true }).isChecked()).toBe(true);
    expect(await question(3).getByLabel('Note').inputValue()).toBe('Standuka og møtene krasjer.');

    await question(1).getByLabel('Yes', { exact: true }).check();
    await question(1).getByLabel('Note').fill('Alle tre bidrar til årsmålet om raskere tilgang.');
    await question(2).getByLabel('Partly', { exact: true }).check();
    await question(2).getByLabel('Note').fill('Stramt med standuka i samme periode.');
    await question(3).getByLabel('Yes', { exact: true }).check();
    const answered = page.waitForResponse((r) => r.url().includes('/plans/') && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Save the answers' }).click();
    expect((await answered).status()).toBe(200);
    await page.getByText('1 question is not answered yet, so Varde will not publish: «Do we depend on other teams?»').waitFor();

    const refused = page.waitForResponse((r) => r.url().endsWith('/publish'));
    await page.getByRole('button', { name: 'Publish the plan' }).click();
    expect((await refused).status()).toBe(422);
    await page.getByRole('alert').filter({ hasText: 'Not published: the checklist is not complete.' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Not published' }).textContent()).toContain('still open: «Do we depend on other teams?»');

    await question(4).getByLabel('Yes', { exact: true }).check();
    await question(4).getByLabel('Note').fill('Lokallagene stiller frivillige; meldt som avhengighet.');
    const saved = page.waitForResponse((r) => r.url().includes('/plans/') && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Save the answers' }).click();
    expect((await saved).status()).toBe(200);
    const published = page.waitForResponse((r) => r.url().endsWith('/publish'));
    await page.getByRole('button', { name: 'Publish the plan' }).click();
    expect((await published).status()).toBe(200);
    await page.getByText(`Published: ${drafts} objectives are active now and counted in the roll-ups.`).first().waitFor();
    await page.getByText(/^Published by Jonas Bakke/).waitFor();
    await screenshot(page, 'planning-07-published');

    await page.goto(`/units/${ids.campaign}?period=${ids.planning}`);
    await page.getByText(`${drafts} objectives of its own`).waitFor();
    const progress = await get(page, `/api/v1/units/${ids.campaign}/progress?period=${ids.planning}`);
    expect(progress.objectives.map((o: { status: string }) => o.status)).toEqual(Array(drafts).fill('active'));
    const areaAfter = await get(page, `/api/v1/units/${ids.area}/progress?period=${ids.planning}`);
    expect(areaAfter.subtreeObjectiveCount).toBe(areaBefore.subtreeObjectiveCount + drafts);
  });

  it('threw no errors in the pages', () => {
    expect(jonas.errors).toEqual([]);
    expect(henrik.errors).toEqual([]);
  });
});
