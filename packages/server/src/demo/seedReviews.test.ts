// The demo's reviews as their users meet them through the API: the previous tertial's reviews all
// closed, one score set by hand with its reason, one objective carried over into the current
// tertial as a draft starting where it stopped, one parked in the backlog, one key result promoted
// to a KPI with its whole history, the three questions answered; the unit's trend holds the closed tertial.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from './seedDemo.js';
import { DEMO_REVIEW_REASON } from './seedReviews.js';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

const NOW = '2026-11-25T10:00:00Z';

describe.each(storeKinds())("the demo's reviews on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let previous: string; let current: string;

  beforeAll(async () => {
    t = await startTestApp(kind, NOW);
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    const cycles = (await admin.get('/api/v1/periods?kind=cycle')).body.items as Array<{ id: string; state: string }>;
    previous = cycles.find((p) => p.state === 'closed')!.id;
    current = cycles.find((p) => p.state === 'active')!.id;
  });
  afterAll(async () => { await t?.close(); });

  it("closed every unit's review of the previous tertial, with a score set by hand, a carry-over, a backlog item and a KPI", async () => {
    const view = (await admin.get(`/api/v1/periods/${previous}/reviews`)).body;
    expect(view.units.length).toBeGreaterThan(2);
    expect(view.notClosed).toEqual([]);
    expect(view.units.every((u: { state: string }) => u.state === 'closed')).toBe(true);
    expect([...view.distribution.committed, ...view.distribution.aspirational].reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(3);

    const reviews = await Promise.all(view.units.map(async (u: { unit: { id: string } }) => (await admin.get(`/api/v1/units/${u.unit.id}/reviews/${previous}`)).body));
    const withCarry = reviews.find((r) => r.objectives.some((o: { carriedToId: string | null }) => o.carriedToId));
    expect(withCarry).toBeTruthy();
    expect(withCarry.state).toBe('closed');
    expect(withCarry.closedBy).toBeTruthy();
    expect(withCarry.answers.lessons).not.toBe('');
    const byHand = withCarry.keyResults.find((k: { reason: string }) => k.reason === DEMO_REVIEW_REASON);
    expect(byHand.score).not.toBe(byHand.proposedScore);

    const carriedFrom = withCarry.objectives.find((o: { carriedToId: string | null }) => o.carriedToId);
    const draft = (await admin.get(`/api/v1/objectives/${carriedFrom.carriedToId}`)).body;
    // Carried over as a draft, published in the current tertial's workshop.
    expect(draft).toMatchObject({ status: 'active', periodId: current, carriedFromId: carriedFrom.objectiveId });
    const original = (await admin.get(`/api/v1/objectives/${carriedFrom.objectiveId}`)).body;
    const carriedKr = original.keyResults.find((k: { title: string }) => k.title === draft.keyResults[0].title);
    expect(draft.keyResults[0]).toMatchObject({ start: carriedKr.current, target: carriedKr.target, type: carriedKr.type });

    const parkedFrom = withCarry.objectives.find((o: { parkedAsId: string | null }) => o.parkedAsId);
    const parked = (await admin.get(`/api/v1/objectives/${parkedFrom.parkedAsId}`)).body;
    expect(parked).toMatchObject({ status: 'backlog', periodId: null, carriedFromId: parkedFrom.objectiveId });

    const promoted = withCarry.keyResults.find((k: { kpiId: string | null }) => k.kpiId);
    expect(promoted).toBeTruthy();
    const kpi = (await admin.get(`/api/v1/kpis/${promoted.kpiId}`)).body;
    expect(kpi).toMatchObject({ promotedFromKeyResultId: promoted.keyResultId, title: promoted.title, unitId: withCarry.unitId });
    expect(kpi.status).not.toBe('stale');
    const krCheckIns = (await admin.get(`/api/v1/key-results/${promoted.keyResultId}/check-ins?limit=100`)).body.items as Array<{ value: number; createdAt: string }>;
    const kpiCheckIns = (await admin.get(`/api/v1/kpis/${promoted.kpiId}/check-ins?limit=100`)).body.items as Array<{ value: number; at: string }>;
    for (const c of krCheckIns) expect(kpiCheckIns.some((k) => k.at === c.createdAt && k.value === c.value)).toBe(true);
    expect(kpiCheckIns.length).toBeGreaterThan(krCheckIns.length);

    const trend = (await admin.get(`/api/v1/units/${withCarry.unitId}/cycle-trend`)).body;
    expect(trend.cycles.map((c: { period: { id: string } }) => c.period.id)).toEqual([previous]);
    expect(trend.cycles[0].score).not.toBeNull();
  });
});
