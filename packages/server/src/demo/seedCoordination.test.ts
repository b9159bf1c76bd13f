// The demo's coordination between units as its users meet it through the API: on the campaign
// team's page a dependency that has waited more than a week for an answer and one acknowledged,
// a comment thread with mentions on a draft, a contradiction flag on both units' pages, and an
// overlap on the alignment page of the communication area.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from './demoOrganisation.js';
import { seedDemoIfEmpty } from './seedDemo.js';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

const NOW = '2026-11-25T10:00:00Z';

describe('the demo\'s coordination, as data', () => {
  for (const iso of ['2026-01-03T12:00:00.000Z', NOW, '2027-12-30T16:00:00.000Z']) {
    it(`fits the organisation at ${iso}`, () => {
      const org = buildDemoOrganisation(new Date(iso));
      const units = new Map(org.units.map((u) => [u.key, u]));
      const member = (unitKey: string, personKey: string) => units.get(unitKey)!.members.some((m) => m.personKey === personKey);
      const krs = new Map(org.objectives.flatMap((o) => o.keyResults.map((k) => [k.key, o] as const)));
      const { dependencies, comments, contradictions } = org.coordination;
      for (const d of dependencies) {
        expect(krs.get(d.keyResultKey!)?.unitKey, d.key).toBe(d.fromUnitKey);
        expect(member(d.fromUnitKey, d.raisedByKey), d.key).toBe(true);
        for (const s of d.steps) expect(member(d.toUnitKey, s.byKey) && s.at > d.raisedAt, d.key).toBe(true);
      }
      const waiting = dependencies.filter((d) => d.steps.length === 0);
      expect(waiting.some((d) => Date.parse(iso) - Date.parse(d.raisedAt) > 7 * 86_400_000)).toBe(true);
      expect(dependencies.some((d) => d.steps.at(-1)?.state === 'acknowledged')).toBe(true);
      const names = org.people.map((p) => p.name);
      const onDraft = comments.filter((c) => org.objectives.find((o) => o.key === c.objectiveKey)?.status === 'draft');
      expect(onDraft.some((c) => names.some((n) => c.body.includes(`@${n}`)))).toBe(true);
      for (const c of [...comments, ...contradictions.map((f) => ({ at: f.at }))]) expect(c.at < iso).toBe(true);
      for (const f of contradictions) expect(krs.get(f.keyResultKeys[0])?.unitKey).not.toBe(krs.get(f.keyResultKeys[1])?.unitKey);
    });
  }
});

describe.each(storeKinds())('the demo\'s coordination through the API on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  const unitNamed = async (name: string) => ((await admin.get('/api/v1/units?limit=500')).body.items as Array<{ id: string; name: string }>).find((u) => u.name === name)!.id;

  beforeAll(async () => {
    t = await startTestApp(kind, NOW);
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
  });
  afterAll(async () => { await t?.close(); });

  it('shows the campaign team a dependency waiting more than a week and one acknowledged', async () => {
    const campaign = await unitNamed('Kampanjeteamet «Tid er liv»');
    const open = (await admin.get(`/api/v1/dependencies?unit=${campaign}&state=open`)).body.items;
    expect(open.map((d: { state: string; unanswered: boolean; toUnit: { name: string } }) => [d.state, d.unanswered, d.toUnit.name])).toEqual([
      ['requested', true, 'Helsepolitikk og analyse'], ['acknowledged', false, 'Digital kommunikasjon'],
    ]);
    const acknowledged = open[1];
    expect(acknowledged.steps.map((s: { state: string; by: { name: string } }) => [s.state, s.by.name])).toEqual([['requested', 'Jonas Bakke'], ['acknowledged', 'Ida Halvorsen']]);
    expect(acknowledged.reply).toMatch(/landingsside|publiseringsløsningen/);
  });

  it('has a comment thread with mentions on a draft, and a contradiction flag on both units', async () => {
    const campaign = await unitNamed('Kampanjeteamet «Tid er liv»');
    const digital = await unitNamed('Digital kommunikasjon');
    const next = ((await admin.get('/api/v1/periods?kind=cycle')).body.items as Array<{ id: string; state: string }>).find((p) => p.state === 'planning')!.id;
    const drafts = (await admin.get(`/api/v1/objectives?unit=${campaign}&period=${next}`)).body.items as Array<{ id: string; status: string }>;
    const thread = (await admin.get(`/api/v1/objectives/${drafts[0]!.id}/comments`)).body.items;
    expect(drafts[0]!.status).toBe('draft');
    expect(thread.map((c: { author: { name: string } }) => c.author.name)).toEqual(['Jonas Bakke', 'Henrik Lund']);
    expect(thread.flatMap((c: { mentions: Array<{ name: string }> }) => c.mentions.map((m) => m.name))).toEqual(['Henrik Lund', 'Sigrid Aas']);
    const onCampaign = (await admin.get(`/api/v1/contradictions?unit=${campaign}`)).body.items;
    const onDigital = (await admin.get(`/api/v1/contradictions?unit=${digital}`)).body.items;
    expect(onCampaign).toHaveLength(1);
    expect(onDigital.map((c: { id: string }) => c.id)).toEqual([onCampaign[0].id]);
    expect(onCampaign[0].flaggedBy.name).toBe('Henrik Lund');
  });

  it('suggests the overlap of new regular donors on the communication area\'s alignment page', async () => {
    const area = await unitNamed('Kommunikasjon og innsamling');
    const current = ((await admin.get('/api/v1/periods?kind=cycle')).body.items as Array<{ id: string; state: string }>).find((p) => p.state === 'active')!.id;
    const alignment = (await admin.get(`/api/v1/units/${area}/alignment?period=${current}`)).body;
    expect(alignment.units.map((u: { unit: { name: string } }) => u.unit.name)).toEqual(['Digital kommunikasjon', 'Innsamling og partnerskap']);
    expect(alignment.overlaps.map((o: { keyResults: Array<{ title: string }> }) => o.keyResults.map((k) => k.title))).toContainEqual(['Nye faste givere', 'Nye faste givere via digitale kanaler']);
  });
});
