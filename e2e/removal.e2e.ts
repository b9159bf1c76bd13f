// Removing things in the browser, as the demo's admin: a key result deleted from its dialog goes
// from the team page and its objective's progress moves, and Undo in the toast brings it back; an
// objective deleted after the question that says what goes with it, undone from the keyboard; an
// initiative deleted; a key result deleted from its own page leads back to the team page. The
// question passes axe, and it and the undo toast are photographed on a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, openPage, SCREENSHOTS, seriousViolations, signIn, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

interface Kr { id: string; title: string; progress: number; weight: number }
interface Obj { id: string; title: string; progress: number; keyResults: Kr[] }

const api = async <T = any>(url: string): Promise<T> => {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return res.json() as Promise<T>;
};

let teamId: string;
let periodId: string;
async function team(): Promise<{ objectives: Obj[]; progress: number }> {
  return api(`/api/v1/units/${teamId}/progress?period=${periodId}`);
}
async function openTeamPage(): Promise<void> {
  await page.goto(`/units/${teamId}?period=${periodId}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
}
/** What a restore must give back; expected progress moves with the clock, so it is left out. */
const shape = (objectives: Obj[]) => objectives.map((o) => ({ id: o.id, title: o.title, progress: o.progress, keyResults: o.keyResults.map((k) => ({ id: k.id, title: k.title, progress: k.progress })) }));
/** What is on the screen (a dialog and a toast sit on the viewport, not the page). */
async function screenshot(p: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await p.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
const toast = () => page.getByTestId('toast');
const deleteDialog = () => page.getByRole('alertdialog');

describe('removing things', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page, errors } = await openPage(browser, server));
    await signIn(page, 'admin@demo.varde.no');
    const units = await api('/api/v1/units?limit=500');
    teamId = units.items.find((u: { name: string }) => /Kampanjeteamet/.test(u.name)).id;
    periodId = (await api('/api/v1/periods?kind=cycle&state=active')).items[0].id;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('deletes a key result on a phone, moves its objective\'s progress, keeps the undo while it is pointed at, and undoes it', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const before = await team();
    // A key result whose going changes its objective's mean.
    const objective = before.objectives.find((o) => o.keyResults.length >= 2 && o.keyResults.some((k) => Math.abs(k.progress - o.progress) > 0.01))!;
    expect(objective, 'an objective with key results of different progress').toBeTruthy();
    const kr = objective.keyResults.find((k) => Math.abs(k.progress - objective.progress) > 0.01)!;
    const impact = await api(`/api/v1/key-results/${kr.id}/deletion`);
    await openTeamPage();

    await page.getByRole('button', { name: `Edit key result ${kr.title}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete key result' }).click();
    await deleteDialog().waitFor();
    // The dialog counts what goes with it before it says so.
    await expect.poll(() => deleteDialog().textContent()).toContain(`Deletes the key result «${kr.title}»`);
    const question = await deleteDialog().textContent();
    expect(question).toContain('Delete this key result?');
    if (impact.checkIns > 0) expect(question).toContain(`${impact.checkIns} check-in${impact.checkIns === 1 ? '' : 's'}`);
    expect(question).toContain('You can undo it right after.');
    // Focus starts on the button that keeps it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'removal-confirm-375');

    await deleteDialog().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => toast().textContent()).toContain('Key result deleted');
    await expect.poll(() => page.getByRole('link', { name: kr.title, exact: true }).count()).toBe(0);
    const after = await team();
    const changed = after.objectives.find((o) => o.id === objective.id)!;
    expect(changed.keyResults.map((k) => k.id)).not.toContain(kr.id);
    expect(changed.progress).not.toBeCloseTo(objective.progress, 3);
    // The screen shows the new progress without a reload.
    await expect.poll(() => page.getByRole('progressbar', { name: `Progress of the objective ${objective.title}` }).getAttribute('aria-valuenow'))
      .toBe(String(Math.round(Math.min(1, Math.max(0, changed.progress)) * 100)));
    await screenshot(page, 'removal-undo-toast-375');

    // Pointed at, the undo stays past its time.
    await toast().getByRole('button', { name: 'Undo' }).hover();
    await page.waitForTimeout(11_000);
    expect(await toast().getByRole('button', { name: 'Undo' }).isVisible()).toBe(true);
    await toast().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toast().textContent()).toContain('Key result restored');
    await expect.poll(() => page.getByRole('link', { name: kr.title, exact: true }).count()).toBe(1);
    expect(shape((await team()).objectives)).toEqual(shape(before.objectives));
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('deletes an objective after saying what goes with it, and undoes it from the keyboard', async () => {
    const before = await team();
    const objective = before.objectives.find((o) => o.keyResults.length >= 2)!;
    const impact = await api(`/api/v1/objectives/${objective.id}/deletion`);
    await openTeamPage();
    await page.getByRole('button', { name: `Edit objective ${objective.title}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete objective' }).click();
    await deleteDialog().waitFor();
    await expect.poll(() => deleteDialog().textContent())
      .toContain(`Deletes the objective «${objective.title}», its ${impact.keyResults} key results and ${impact.checkIns} check-ins.`);
    await screenshot(page, 'removal-confirm-objective-1280');
    // Cancel keeps it and goes back to the form.
    await deleteDialog().getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => deleteDialog().count()).toBe(0);
    expect(await page.getByRole('dialog').isVisible()).toBe(true);

    await page.getByRole('dialog').getByRole('button', { name: 'Delete objective' }).click();
    await deleteDialog().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => toast().textContent()).toContain('Objective deleted');
    await expect.poll(() => page.getByRole('heading', { name: objective.title, exact: true }).count()).toBe(0);
    expect((await page.request.get(`/api/v1/objectives/${objective.id}`)).status()).toBe(404);
    expect((await team()).objectives.map((o) => o.id)).not.toContain(objective.id);
    // Focus is not taken to the toast; it is on the page, and Ctrl+Z undoes.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="toast"]')))).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => toast().textContent()).toContain('Objective restored');
    await expect.poll(() => page.getByRole('heading', { name: objective.title, exact: true }).count()).toBe(1);
    const restored = await team();
    expect(shape(restored.objectives)).toEqual(shape(before.objectives));
    expect(restored.progress).toBe(before.progress);
  });

  it('deletes an initiative from its dialog', async () => {
    const initiatives = (await api(`/api/v1/initiatives?unit=${teamId}&period=${periodId}`)).items as Array<{ id: string; title: string; status: string; keyResultIds: string[] }>;
    const initiative = initiatives.find((i) => i.keyResultIds.length > 0)!;
    await openTeamPage();
    await page.getByRole('button', { name: new RegExp(`^Initiative ${initiative.title},`) }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete initiative' }).click();
    await deleteDialog().waitFor();
    await expect.poll(() => deleteDialog().textContent()).toContain(`Deletes the initiative «${initiative.title}».`);
    expect(await seriousViolations(page)).toEqual([]);
    await deleteDialog().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => toast().textContent()).toContain('Initiative deleted');
    await expect.poll(() => page.getByRole('button', { name: new RegExp(`^Initiative ${initiative.title},`) }).count()).toBe(0);
    const left = (await api(`/api/v1/initiatives?unit=${teamId}&period=${periodId}&limit=500`)).items.map((i: { id: string }) => i.id);
    expect(left).not.toContain(initiative.id);
  });

  it('asks and answers in Norwegian and Swedish, with their plurals and lists', async () => {
    const objective = (await team()).objectives.find((o) => o.keyResults.length >= 2)!;
    const impact = await api(`/api/v1/objectives/${objective.id}/deletion`);
    const words = {
      nb: { edit: 'Rediger målet', del: 'Slett målet', lead: `Sletter målet «${objective.title}» med ${impact.keyResults} nøkkelresultater og ${impact.checkIns} innsjekker.`, confirm: 'Slett', cancel: 'Avbryt' },
      sv: { edit: 'Redigera målet', del: 'Ta bort målet', lead: `Tar bort målet ”${objective.title}” med ${impact.keyResults} nyckelresultat och ${impact.checkIns} incheckningar.`, confirm: 'Ta bort', cancel: 'Avbryt' },
    };
    for (const [lang, w] of Object.entries(words)) {
      await page.evaluate((l) => localStorage.setItem('varde.language', l), lang);
      await openTeamPage();
      await page.getByRole('button', { name: `${w.edit} ${objective.title}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: w.del }).click();
      await deleteDialog().waitFor();
      await expect.poll(() => deleteDialog().textContent()).toContain(w.lead);
      expect(await deleteDialog().getByRole('button', { name: w.confirm, exact: true }).isVisible()).toBe(true);
      await screenshot(page, `removal-confirm-${lang}`);
      await deleteDialog().getByRole('button', { name: w.cancel, exact: true }).click();
      await expect.poll(() => deleteDialog().count()).toBe(0);
    }
    await page.evaluate(() => localStorage.setItem('varde.language', 'en'));
  });

  it('deletes a key result from its own page and goes to the team page', async () => {
    const kr = (await team()).objectives[0]!.keyResults[0]!;
    await page.goto(`/key-results/${kr.id}`);
    await page.getByRole('heading', { level: 1, name: kr.title }).waitFor();
    await page.getByRole('button', { name: 'Delete key result' }).click();
    await deleteDialog().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/units/${teamId}`);
    await expect.poll(() => toast().textContent()).toContain('Key result deleted');
    expect((await page.request.get(`/api/v1/key-results/${kr.id}`)).status()).toBe(404);
    expect(errors).toEqual([]);
  });
});
