// The demo's KPIs as their users meet them through the API: several units keep KPIs with a
// history at their cadence, some healthy, some unhealthy and one stale; the organisation's board
// holds them all; Medlemsservice's objective on answering members pays into its response-time KPI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from './seedDemo.js';
import { DEMO_KPIS } from './seedKpis.js';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

const NOW = '2026-11-25T10:00:00Z';

describe.each(storeKinds())("the demo's KPIs on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  type K = { id: string; title: string; unitName: string; status: string; current: number | null; recent: unknown[]; can: { edit: boolean } };
  let kpis: K[];

  beforeAll(async () => {
    t = await startTestApp(kind, NOW);
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    const root = (await admin.get('/api/v1/organisation')).body.rootUnitId as string;
    kpis = (await admin.get(`/api/v1/kpis?under=${root}`)).body.items;
  });
  afterAll(async () => { await t?.close(); });

  it('keeps KPIs in several units, healthy, unhealthy and stale, each with its history', async () => {
    // And the one a review promoted a key result to (seedReviews).
    expect(kpis).toHaveLength(DEMO_KPIS.length + 1);
    expect(new Set(kpis.map((k) => k.unitName)).size).toBeGreaterThanOrEqual(4);
    const status = Object.fromEntries(kpis.map((k) => [k.title, k.status]));
    expect(status).toMatchObject({
      'Svartid på henvendelser fra medlemmer': 'healthy', 'Betalende medlemmer': 'healthy', 'Åpningsrate for nyhetsbrevet': 'unhealthy',
      'Besøk på nettsiden': 'stale', 'Faste givere': 'healthy', 'Aktive lokallag': 'unhealthy',
    });
    for (const k of kpis.filter((x) => DEMO_KPIS.some((d) => d.title === x.title))) {
      expect(k.current).not.toBeNull();
      expect(k.recent.length).toBeGreaterThanOrEqual(4);
      const history = (await admin.get(`/api/v1/kpis/${k.id}/check-ins`)).body.items as Array<{ at: string; by: { name: string } | null }>;
      expect(history.length).toBe(DEMO_KPIS.find((d) => d.title === k.title)!.values.length);
      expect(history.every((c) => c.at < NOW && c.by !== null)).toBe(true);
    }
    const stale = (await admin.get('/api/v1/kpis?status=stale')).body.items as K[];
    expect(stale.map((k) => k.title)).toEqual(['Besøk på nettsiden']);
  });

  it("has an objective paying into a KPI, and the KPIs' creation in the history", async () => {
    const svartid = kpis.find((k) => k.title.startsWith('Svartid'))!;
    const units = (await admin.get('/api/v1/units?limit=500')).body.items as Array<{ id: string; name: string }>;
    const service = units.find((u) => u.name === 'Medlemsservice')!.id;
    const objectives = (await admin.get(`/api/v1/objectives?unit=${service}&limit=500`)).body.items as Array<{ alignedTo: Array<{ kind: string; id: string }> }>;
    expect(objectives.some((o) => o.alignedTo.some((a) => a.kind === 'kpi' && a.id === svartid.id))).toBe(true);
    const trail = (await admin.get('/api/v1/audit?type=kpi.created&limit=500')).body.items as Array<{ type: string }>;
    expect(trail.filter((e) => e.type === 'kpi.created')).toHaveLength(DEMO_KPIS.length + 1);
  });
});
