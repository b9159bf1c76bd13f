// The demo's weekly meetings as their users meet them through the API: the campaign team has met
// every Monday of the tertial and keeps its cadence, Digital kommunikasjon skipped the last two;
// the records carry notes, decisions, handled blockers (one became an initiative) and a dependency
// acknowledged in a meeting; the next meeting opens with the previous one's decisions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from './seedDemo.js';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

// A Wednesday; the tertial began on Tuesday 1 September, so its Mondays so far are 7 September … 23 November: twelve.
const NOW = '2026-11-25T10:00:00Z';

describe.each(storeKinds())("the demo's weekly meetings on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let cycle: string;
  const unitNamed = async (name: string) => ((await admin.get('/api/v1/units?limit=500')).body.items as Array<{ id: string; name: string }>).find((u) => u.name === name)!.id;

  beforeAll(async () => {
    t = await startTestApp(kind, NOW);
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    cycle = ((await admin.get('/api/v1/periods?kind=cycle')).body.items as Array<{ id: string; state: string }>).find((p) => p.state === 'active')!.id;
  });
  afterAll(async () => { await t?.close(); });

  it('shows the campaign team keeping its cadence and Digital kommunikasjon behind by two', async () => {
    const campaign = await unitNamed('Kampanjeteamet «Tid er liv»');
    const digital = await unitNamed('Digital kommunikasjon');
    const follow = (await admin.get(`/api/v1/meetings/follow-up?period=${cycle}`)).body.items as Array<{ unitId: string; held: number; due: number; keepsCadence: boolean; lastMeetingAt: string | null }>;
    expect(follow.find((f) => f.unitId === campaign)).toMatchObject({ held: 12, due: 12, keepsCadence: true, lastMeetingAt: '2026-11-23T08:00:00.000Z' });
    expect(follow.find((f) => f.unitId === digital)).toMatchObject({ held: 10, due: 12, keepsCadence: false, lastMeetingAt: '2026-11-09T08:00:00.000Z' });
    const listed = (await admin.get(`/api/v1/meetings?unit=${campaign}&period=${cycle}&limit=100`)).body.items as Array<{ startedAt: string; endedAt: string }>;
    expect(listed).toHaveLength(12);
    expect(listed[0]!.startedAt > listed[1]!.startedAt).toBe(true);
    expect(listed.every((m) => m.endedAt > m.startedAt)).toBe(true);
  });

  it('keeps records with notes, decisions, handled blockers and a dependency acknowledged in a meeting', async () => {
    const campaign = await unitNamed('Kampanjeteamet «Tid er liv»');
    const listed = (await admin.get(`/api/v1/meetings?unit=${campaign}&limit=100`)).body.items as Array<{ id: string }>;
    const records = await Promise.all(listed.map(async (m) => (await admin.get(`/api/v1/meetings/${m.id}`)).body));
    for (const r of records) {
      expect(r.status ?? 200, JSON.stringify(r).slice(0, 300)).toBe(200);
      expect(r.notes.length).toBeGreaterThan(0);
      expect(r.attendeeIds.length).toBeGreaterThan(0);
      expect(r.agenda.length).toBeGreaterThan(0);
      expect(r.agenda[0].decisions).toHaveLength(1);
      expect(r.can.edit).toBe(false);
    }
    // Newest first: each opens with the decisions of the one before it.
    expect(records[0].previousMeetingId).toBe(records[1].id);
    expect(records[0].previousDecisions).toEqual([{ keyResultId: records[1].agenda[0].keyResultId, text: records[1].agenda[0].decisions[0] }]);
    const handled = records.flatMap((r) => r.agenda.flatMap((a: { blockers: Array<{ handled: { how: string; initiativeId: string | null } | null }> }) => a.blockers.map((b) => b.handled)));
    expect(handled.length).toBeGreaterThan(0);
    expect(handled.every((h) => h !== null)).toBe(true);
    const intoInitiative = handled.filter((h) => h!.how === 'initiative');
    expect(intoInitiative).toHaveLength(1);
    expect((await admin.get(`/api/v1/initiatives?unit=${campaign}&limit=500`)).body.items.map((i: { id: string }) => i.id)).toContain(intoInitiative[0]!.initiativeId);
    const moved = records.flatMap((r) => r.changes.dependencies as Array<{ description: string; stateBefore: string | null; stateAfter: string }>);
    expect(moved).toContainEqual(expect.objectContaining({ description: expect.stringContaining('pasienthistorier'), stateAfter: 'acknowledged' }));
    expect(moved).toContainEqual(expect.objectContaining({ description: expect.stringContaining('pasienthistorier'), stateBefore: 'acknowledged', stateAfter: 'resolved' }));
    expect(records.some((r) => r.changes.keyResults.length > 0)).toBe(true);
  });
});
