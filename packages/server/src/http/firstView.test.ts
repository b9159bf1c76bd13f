// A signed-in screen's page over real HTTP from the built web app: it carries the session's first
// reads as data and draws the screen's first view from them, in the app's words, escaped; the app's
// scripts are left to the one inline script the policy allows by its hash; and whatever the page
// cannot draw (an unknown unit, an odd address, a person who must change their password) it leaves
// to the app, with nothing of it in the page.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf, startTestApp, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { httpGet as get } from '../testing/httpGet.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { BOOT_SCRIPT, BOOT_SCRIPT_HASH } from './firstView.js';
import { staticSecurityHeaders } from './securityHeaders.js';

const html = { accept: 'text/html', 'accept-encoding': 'br' };
const between = (text: string, start: string, end: string) => {
  const from = text.indexOf(start);
  return from < 0 ? undefined : text.slice(from + start.length, text.indexOf(end, from + start.length));
};
const firstViewOf = (page: string) => between(page, '<div id="first-view" data-language="nb">', '<div id="root" hidden>');
const answersOf = (page: string) => JSON.parse(between(page, '<script type="application/json" id="first-answers">', '</script>') ?? '{}') as Record<string, unknown>;

describe.each(storeKinds())('a screen\'s first view on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let cookie: string;
  let team: { id: string; name: string; description: string | null; version: number };

  beforeAll(async () => {
    t = await startTestApp(kind);
    await seedDemoIfEmpty(t.deps);
    cookie = (await t.signIn('admin@demo.varde.no', 'varde-demo')).cookie;
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const units = (await clientOf(t.app, cookie).get('/api/v1/units?limit=500')).body.items as Array<typeof team & { kind: string }>;
    team = units.find((u) => u.kind === 'team' && u.description)!;
  });
  afterAll(async () => { await t?.close(); });

  it('draws the team page\'s frame and head from the answers it carries, and leaves the scripts to the boot script', async () => {
    const page = await get(base, `/units/${team.id}`, { ...html, cookie });
    expect(page.status).toBe(200);
    const view = firstViewOf(page.text)!;
    expect(view).toContain(`<h1>${team.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</h1>`);
    expect(view).toMatch(/<p class="muted lead">Team · /);
    expect(view).toContain('Hopp til innholdet');
    expect(view).toContain('class="demo-banner"');
    expect(view).toContain('<ol class="breadcrumbs"><li><a href="/organisation?period=');
    // No style attribute: the page's policy would refuse it (and say so in the console).
    expect(view).not.toMatch(/\sstyle=/);
    // What the team page reads for its period came with it, under the paths the app asks for.
    const answers = Object.keys(answersOf(page.text));
    expect(answers).toEqual(expect.arrayContaining(['/setup', '/me', '/periods?limit=500', `/units/${team.id}`]));
    expect(answers.some((p) => p.startsWith(`/units/${team.id}/progress?period=`))).toBe(true);
    expect(answers.some((p) => p.startsWith(`/objectives?unit=${team.id}&period=`) && p.endsWith('&limit=500'))).toBe(true);
    expect(answers.some((p) => p.startsWith(`/meetings?unit=${team.id}&period=`) && p.endsWith('&limit=20'))).toBe(true);
    expect(answers.some((p) => p.startsWith(`/units/${team.id}/meetings/follow-up?period=`))).toBe(true);
    // And the names of the people its objectives name, asked for as the app asks (one read by id).
    const carried = answersOf(page.text);
    const progress = carried[answers.find((p) => p.includes('/progress?'))!] as { objectives: Array<{ ownerIds: string[]; keyResults: Array<{ ownerId: string | null }> }> };
    const owners = new Set(progress.objectives.flatMap((o) => [...o.ownerIds, ...o.keyResults.flatMap((k) => k.ownerId ?? [])]));
    expect(owners.size).toBeGreaterThan(0);
    const named = answers.filter((p) => p.startsWith('/people?ids='));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(/&limit=100$/);
    const people = (carried[named[0]!] as { items: Array<{ id: string; name: string }> }).items;
    for (const owner of owners) expect(people.map((p) => p.id)).toContain(owner);
    // The scripts: none in the head; the one inline script, allowed by its hash, asks for them.
    expect(page.text).not.toMatch(/<script type="module"/);
    expect(page.text).not.toMatch(/<link rel="modulepreload"/);
    expect(page.text).toContain(`<script>${BOOT_SCRIPT}</script>`);
    expect(BOOT_SCRIPT_HASH).toBe(`'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`);
    expect(staticSecurityHeaders['content-security-policy']).toContain(`script-src 'self' ${BOOT_SCRIPT_HASH};`);
  });

  it('escapes what people typed, in the view and in the answers, and takes "$&" as text', async () => {
    const admin = clientOf(t.app, cookie);
    const current = (await admin.get(`/api/v1/units/${team.id}`)).body;
    const name = '<img src=x onerror=alert(1)> $& "Tid" </script>';
    expect((await admin.patch(`/api/v1/units/${team.id}`, { version: current.version, name })).status).toBe(200);
    try {
      const page = await get(base, `/units/${team.id}`, { ...html, cookie });
      expect(firstViewOf(page.text)).toContain('<h1>&lt;img src=x onerror=alert(1)&gt; $&amp; &quot;Tid&quot; &lt;/script&gt;</h1>');
      expect(page.text).not.toContain('<img src=x');
      expect(page.text.match(/<\/script>/g)?.length).toBe(3);
      expect((answersOf(page.text)[`/units/${team.id}`] as { name: string }).name).toBe(name);
    } finally {
      const now = (await admin.get(`/api/v1/units/${team.id}`)).body;
      await admin.patch(`/api/v1/units/${team.id}`, { version: now.version, name: team.name });
    }
  });

  it('draws Mine, the organisation and a key result\'s trail and title too', async () => {
    const mine = firstViewOf((await get(base, '/', { ...html, cookie })).text)!;
    expect(mine).toMatch(/<h1>Hei, Hanne<\/h1><p class="muted lead">/);
    expect(mine).toContain('<a aria-current="page" href="/">Min side</a>');
    const organisation = firstViewOf((await get(base, '/organisation', { ...html, cookie })).text)!;
    expect(organisation).toContain('<section class="card pyramid" aria-labelledby="strategy-heading">');
    const keyResults = (await clientOf(t.app, cookie).get('/api/v1/me/work')).body.keyResults as Array<{ id: string }>;
    const kr = (await clientOf(t.app, cookie).get(`/api/v1/key-results/${keyResults[0]!.id}`)).body as { title: string; objectiveId: string };
    const keyResultPage = await get(base, `/key-results/${keyResults[0]!.id}`, { ...html, cookie });
    const keyResult = firstViewOf(keyResultPage.text)!;
    expect(keyResult).toContain('<header class="topbar">');
    // Its trail runs through its objective's unit to the objective, read three deep for the page.
    expect(keyResult).toContain(`#objective-${kr.objectiveId}">`);
    expect(keyResult).toMatch(/<\/ol><\/nav><h1>[^<]+<\/h1><\/div><\/div>/);
    expect(Object.keys(answersOf(keyResultPage.text))).toEqual(expect.arrayContaining([`/objectives/${kr.objectiveId}`]));
  });

  it('leaves an unknown unit and an odd address to the app, with nothing of them in the page', async () => {
    const unknown = await get(base, '/units/01a2320c-dc60-7428-b289-a2ca2f0af24f', { ...html, cookie });
    expect(unknown.status).toBe(200);
    expect(firstViewOf(unknown.text)).toBeUndefined();
    expect(unknown.text).toContain('<div id="root"></div>');
    expect(Object.keys(answersOf(unknown.text))).not.toContain('/units/01a2320c-dc60-7428-b289-a2ca2f0af24f');
    // A parameter that is not a plain id is never put into a path the server asks its API for.
    const odd = await get(base, '/units/x%3Farchived%3Dtrue', { ...html, cookie });
    expect(odd.status).toBe(200);
    expect(Object.keys(answersOf(odd.text)).sort()).toEqual(['/me', '/setup']);
  });

  it('draws nothing for someone who must choose a password first, and nothing of a session that ended', async () => {
    const admin = clientOf(t.app, cookie);
    const people = (await admin.get('/api/v1/people?limit=500')).body.items as Array<{ id: string; email: string; isAdmin: boolean }>;
    const member = people.find((p) => !p.isAdmin && p.email.endsWith('@demo.varde.no'))!;
    const reset = await admin.post(`/api/v1/people/${member.id}/password-reset`, {});
    expect(reset.status).toBe(200);
    const newcomer = await t.signIn(member.email, reset.body.oneTimePassword as string);
    const page = await get(base, '/', { ...html, cookie: newcomer.cookie });
    expect(page.status).toBe(200);
    expect(Object.keys(answersOf(page.text))).toContain('/me');
    expect(firstViewOf(page.text)).toBeUndefined();
    const ended = await get(base, '/', { ...html, cookie: 'varde_session=not-a-session' });
    expect(firstViewOf(ended.text)).toBeUndefined();
    expect(answersOf(ended.text)).toEqual({});
  });
});
