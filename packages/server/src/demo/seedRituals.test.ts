// The demo's rituals and backlogs as its users meet them through the API: the current and next
// tertial with their ritual dates in order (core's periodRituals), one team biweekly and one on
// Thursdays while the rest follow the organisation, and backlogs with key results in two units,
// out of both cycles' lists.
import { ritualDateProblems } from '@varde/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from './demoOrganisation.js';
import { seedDemoIfEmpty } from './seedDemo.js';
import { DEMO_BACKLOG, DEMO_RHYTHMS } from './seedRituals.js';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

const NOW = '2026-11-25T10:00:00Z';

describe("the demo's rituals, as data", () => {
  it('parks objectives only in units of the demo, owned by their members', () => {
    const org = buildDemoOrganisation(new Date(NOW));
    const units = new Map(org.units.map((u) => [u.key, u]));
    for (const o of DEMO_BACKLOG) {
      const unit = units.get(o.unitKey)!;
      expect(unit.members.map((m) => m.personKey), o.key).toContain(o.ownerKey);
      expect(o.keyResults.length, o.key).toBeGreaterThan(0);
    }
    expect(new Set(DEMO_BACKLOG.map((o) => o.unitKey)).size).toBe(2);
    for (const r of DEMO_RHYTHMS) expect(units.has(r.unitKey), r.unitKey).toBe(true);
  });
});

describe.each(storeKinds())("the demo's rituals on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  const units = async () => (await admin.get('/api/v1/units?limit=500')).body.items as Array<{ id: string; name: string; checkIn: { weekday: number; cadence: string; inherited: boolean } }>;

  beforeAll(async () => {
    t = await startTestApp(kind, NOW);
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
  });
  afterAll(async () => { await t?.close(); });

  it('gives the current and the next tertial their ritual dates, in order, the next planned while the current runs', async () => {
    const cycles = (await admin.get('/api/v1/periods?kind=cycle')).body.items as Array<{ state: string; startDate: string; endDate: string; planningStartDate: string | null; planningEndDate: string | null; reviewDate: string | null; retrospectiveDate: string | null }>;
    const current = cycles.find((p) => p.state === 'active')!;
    const next = cycles.find((p) => p.state === 'planning')!;
    for (const p of [current, next]) {
      expect(p.planningStartDate && p.planningEndDate && p.reviewDate && p.retrospectiveDate).toBeTruthy();
      expect(ritualDateProblems(p)).toEqual([]);
    }
    expect(next.planningStartDate! >= current.startDate && next.planningEndDate! <= current.endDate).toBe(true);
  });

  it('has one team checking in every other week, one on Thursdays, and the rest as the organisation', async () => {
    const all = await units();
    const byName = new Map(all.map((u) => [u.name, u.checkIn]));
    expect(byName.get('Medlemsinnsikt')).toMatchObject({ cadence: 'biweekly', cadenceDays: 14, weekday: 1, inherited: false });
    expect(all.filter((u) => !u.checkIn.inherited)).toHaveLength(2);
    expect(all.filter((u) => u.checkIn.weekday === 4 && u.checkIn.cadence === 'weekly')).toHaveLength(1);
  });

  it('keeps backlogs with key results in two units, in neither cycle', async () => {
    const all = await units();
    const withBacklog = [];
    for (const u of all) {
      const parked = (await admin.get(`/api/v1/objectives?unit=${u.id}&status=backlog`)).body.items as Array<{ id: string; periodId: string | null; status: string }>;
      if (parked.length) withBacklog.push({ name: u.name, parked });
    }
    expect(withBacklog.map((u) => [u.name, u.parked.length])).toEqual(expect.arrayContaining([['Kampanjeteamet «Tid er liv»', 2], ['Digital kommunikasjon', 1]]));
    // And the unit whose review of the previous tertial parked work in its backlog (seedReviews).
    expect(withBacklog).toHaveLength(3);
    const one = (await admin.get(`/api/v1/objectives/${withBacklog[0]!.parked[0]!.id}`)).body;
    expect(one).toMatchObject({ status: 'backlog', periodId: null });
    expect(one.keyResults.length).toBeGreaterThan(0);
    const cycles = (await admin.get('/api/v1/periods?kind=cycle')).body.items as Array<{ id: string }>;
    for (const c of cycles) {
      const listed = (await admin.get(`/api/v1/objectives?period=${c.id}&limit=500`)).body.items as Array<{ status: string }>;
      expect(listed.some((o) => o.status === 'backlog')).toBe(false);
    }
  });
});
