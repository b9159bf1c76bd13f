// The demo's retrospectives as their users meet them through the API: the previous tertial is
// closed and its retrospectives are open to read and still to write; the campaign team's and
// Digital kommunikasjon's show their notes, a mood vote with its distribution (at least three voted)
// and actions, the open ones on their owners' Mine and the done ones not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from './seedDemo.js';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { listEvents } from '../store/events.js';

const NOW = '2026-11-25T10:00:00Z';

describe.each(storeKinds())("the demo's retrospectives on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let previous: string;
  const unitNamed = async (name: string) => ((await admin.get('/api/v1/units?limit=500')).body.items as Array<{ id: string; name: string }>).find((u) => u.name === name)!.id;

  beforeAll(async () => {
    t = await startTestApp(kind, NOW);
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    previous = ((await admin.get('/api/v1/periods?kind=cycle')).body.items as Array<{ id: string; state: string }>).find((p) => p.state === 'closed')!.id;
  });
  afterAll(async () => { await t?.close(); });

  it("shows the campaign team's retrospective with notes, the mood's distribution and actions", async () => {
    const campaign = await unitNamed('Kampanjeteamet «Tid er liv»');
    const r = (await admin.get(`/api/v1/units/${campaign}/retrospectives/${previous}`)).body;
    expect(r).toMatchObject({ open: true, periodState: 'closed', version: 1, mood: { votes: 4, members: 5, distribution: [0, 0, 1, 2, 1], mean: 4, youVoted: false } });
    expect(Object.values(r.notes).every((n) => typeof n === 'string' && (n as string).length > 0)).toBe(true);
    expect(r.actions).toHaveLength(3);
    expect(r.actions.filter((a: { done: boolean }) => a.done)).toHaveLength(1);
    const digital = (await admin.get(`/api/v1/units/${await unitNamed('Digital kommunikasjon')}/retrospectives/${previous}`)).body;
    expect(digital.mood).toMatchObject({ votes: 3, members: 3, distribution: [0, 1, 1, 1, 0] });
  });

  it("puts the open actions on their owners' Mine, and lets the owner mark one done there", async () => {
    const sigrid = await t.signIn('sigrid@demo.varde.no', 'varde-demo');
    const mine = (await sigrid.get('/api/v1/me/work')).body.retrospectiveActions as Array<{ id: string; text: string; done: boolean; periodId: string }>;
    expect(mine.map((a) => a.text)).toEqual(['Høyst tre nøkkelresultater per mål i neste plan']);
    expect(mine[0]).toMatchObject({ done: false, periodId: previous });
    const jonas = await t.signIn('jonas@demo.varde.no', 'varde-demo');
    expect(((await jonas.get('/api/v1/me/work')).body.retrospectiveActions as unknown[]).length).toBe(1);
    const ida = await t.signIn('ida@demo.varde.no', 'varde-demo');
    expect(((await ida.get('/api/v1/me/work')).body.retrospectiveActions as unknown[]).length).toBe(1);
    expect((await sigrid.post(`/api/v1/retrospective-actions/${mine[0]!.id}/done`, {})).status).toBe(200);
    expect((await sigrid.get('/api/v1/me/work')).body.retrospectiveActions).toEqual([]);
  });

  it('records each vote naming neither its voter nor its mood', async () => {
    const org = (await admin.get('/api/v1/organisation')).body.id;
    const voted = await listEvents(t.deps.store.db, org, { types: ['retrospective.voted'] }, 50);
    expect(voted).toHaveLength(7);
    expect(voted.every((e) => e.changes.length === 0 && e.actor === null)).toBe(true);
  });
});
