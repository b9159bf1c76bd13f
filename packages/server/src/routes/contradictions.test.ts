// Contradiction flags between two key results of any units, shown on both units' lists until
// cleared, flagged and cleared by members of either unit or of a unit above (and admins); and the
// alignment of an area's units: their OKRs side by side, what nothing pays into, suggested
// overlaps and the flags standing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { coordinationOrg, type CoordinationOrg } from '../testing/coordination.js';
import { listEvents } from '../store/events.js';

describe.each(storeKinds())('contradictions and the alignment between units on %s', (kind) => {
  let t: TestApp;
  let o: CoordinationOrg;
  const ofUnit = async (unitId: string, cleared = false) =>
    ((await o.per.get(`/api/v1/contradictions?unit=${unitId}${cleared ? '&cleared=true' : ''}`)).body.items as Array<{ id: string }>).map((c) => c.id);

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    o = await coordinationOrg(t);
  });
  afterAll(async () => { await t?.close(); });

  it("is flagged by a member of one unit, with a note, and shows on both units' lists", async () => {
    const res = await o.mia.post('/api/v1/contradictions', { keyResultIds: [o.ids.campaignKr, o.ids.analysisKr], note: ' Begge vil ha de samme giverne ' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      note: 'Begge vil ha de samme giverne', flaggedBy: { id: o.ids.mia, name: 'Mia Medlem' }, flaggedAt: '2026-11-25T10:00:00.000Z', clearedAt: null, clearedBy: null,
      keyResults: [
        { id: o.ids.campaignKr, title: 'Nye faste givere', objectiveId: o.ids.campaignObjective, unitId: o.ids.campaign, unitName: 'Kampanjeteamet' },
        { id: o.ids.analysisKr, unitId: o.ids.analysis, unitName: 'Analyse', objectiveTitle: 'Tall alle bruker' },
      ],
      can: { clear: true },
    });
    expect(await ofUnit(o.ids.campaign)).toEqual([res.body.id]);
    expect(await ofUnit(o.ids.analysis)).toEqual([res.body.id]);
    expect(await ofUnit(o.ids.third)).toEqual([]);
    expect((await o.per.get(`/api/v1/contradictions?unit=${o.ids.campaign}`)).body.items[0].can).toEqual({ clear: false });
    const [event] = await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: res.body.id }, 1);
    expect(event).toMatchObject({ type: 'contradiction.flagged', subject: { kind: 'contradiction', unitId: o.ids.campaign, keyResultId: o.ids.campaignKr },
      changes: [{ field: 'keyResultIds', before: null, after: [o.ids.campaignKr, o.ids.analysisKr] }, { field: 'note', before: null, after: 'Begge vil ha de samme giverne' }] });
  });

  it('is refused to a member of neither unit nor above (403), and taken from a member of the area above', async () => {
    expectProblem(await o.per.post('/api/v1/contradictions', { keyResultIds: [o.ids.campaignKr, o.ids.analysisKr], note: 'Nei' }), 403, 'a member of a third unit');
    const byArea = await o.lise.post('/api/v1/contradictions', { keyResultIds: [o.ids.analysisKr, o.ids.thirdKr], note: 'Trekker hver sin vei' });
    expect(byArea.status).toBe(201);
    expect(await ofUnit(o.ids.third)).toEqual([byArea.body.id]);
  });

  it('names the field of a flag that does not fit', async () => {
    expectProblem(await o.mia.post('/api/v1/contradictions', { keyResultIds: [o.ids.analysisKr, o.ids.campaignKr], note: 'Igjen' }), 409, 'the same two again', { fields: ['keyResultIds'], only: true });
    expectProblem(await o.mia.post('/api/v1/contradictions', { keyResultIds: [o.ids.campaignKr, o.ids.campaignKr], note: 'Samme' }), 400, 'one key result twice', { fields: ['keyResultIds'], only: true });
    expectProblem(await o.mia.post('/api/v1/contradictions', { keyResultIds: [o.ids.campaignKr], note: 'Én' }), 400, 'one key result', { fields: ['keyResultIds'], only: true });
    expectProblem(await o.mia.post('/api/v1/contradictions', { keyResultIds: [o.ids.campaignKr, '019a0000-0000-7000-8000-000000000000'], note: 'Ukjent' }), 422, 'an unknown key result', { fields: ['keyResultIds.1'], only: true });
    expectProblem(await o.mia.post('/api/v1/contradictions', { keyResultIds: [o.ids.campaignKr, o.ids.thirdKr], note: '' }), 400, 'no note', { fields: ['note'], only: true });
  });

  it('is cleared by a member of either unit, kept as cleared, and cleared once', async () => {
    const id = (await ofUnit(o.ids.campaign))[0]!;
    expectProblem(await o.per.del(`/api/v1/contradictions/${id}`), 403, 'a member of a third unit');
    expect(await ofUnit(o.ids.campaign)).toEqual([id]);
    t.clock.advance(60_000);
    const cleared = await o.ola.del(`/api/v1/contradictions/${id}`);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ id, clearedAt: '2026-11-25T10:01:00.000Z', clearedBy: { id: o.ids.ola, name: 'Ola Annen' }, can: { clear: false } });
    expect(await ofUnit(o.ids.campaign)).toEqual([]);
    expect(await ofUnit(o.ids.campaign, true)).toEqual([id]);
    expectProblem(await o.ola.del(`/api/v1/contradictions/${id}`), 409, 'cleared twice', { fields: ['id'], only: true });
    expectProblem(await o.ola.del('/api/v1/contradictions/019a0000-0000-7000-8000-000000000000'), 404, 'no such flag');
    const [event] = await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: id }, 1);
    expect(event).toMatchObject({ type: 'contradiction.cleared', actor: { id: o.ids.ola }, changes: [{ field: 'clearedAt', before: null, after: '2026-11-25T10:01:00.000Z' }] });
    // Flagged again once cleared.
    expect((await o.mia.post('/api/v1/contradictions', { keyResultIds: [o.ids.campaignKr, o.ids.analysisKr], note: 'Igjen' })).status).toBe(201);
  });

  it('shows the area\'s units side by side with what they pay into, what nothing pays into, overlaps and flags', async () => {
    const res = await o.per.get(`/api/v1/units/${o.ids.area}/alignment?period=${o.ids.cycle}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const a = res.body;
    expect(a.unit).toEqual({ id: o.ids.area, name: 'Politikk', kind: 'area' });
    expect(a.objectives.map((x: { title: string }) => x.title).sort()).toEqual(['Bli den mest brukte kilden', 'Legge press på beslutningstakerne']);
    expect(a.units.map((u: { unit: { name: string } }) => u.unit.name)).toEqual(['Analyse', 'Kampanjeteamet']);
    const campaign = a.units.find((u: { unit: { id: string } }) => u.unit.id === o.ids.campaign);
    expect(campaign.objectives).toEqual([expect.objectContaining({
      id: o.ids.campaignObjective, status: 'draft',
      alignedTo: [expect.objectContaining({ kind: 'objective', id: o.ids.areaObjective, title: 'Legge press på beslutningstakerne' })],
      keyResults: [expect.objectContaining({ id: o.ids.campaignKr, title: 'Nye faste givere', measure: 'givere' })],
    })]);
    // The area's first objective pays into one Moal; the other Moal, and the area's second objective, get nothing.
    expect(a.unpaid.moals.map((m: { title: string }) => m.title)).toEqual(['Et fellesskap som vokser']);
    expect(a.unpaid.parentObjectives.map((m: { title: string; unitName: string }) => [m.title, m.unitName])).toEqual([['Bli den mest brukte kilden', 'Politikk']]);
    expect(a.overlaps).toEqual([expect.objectContaining({
      measure: 'givere', sharedWords: ['ny', 'fast'], similarity: 1,
      keyResults: [expect.objectContaining({ id: o.ids.campaignKr, unitName: 'Kampanjeteamet' }), expect.objectContaining({ id: o.ids.analysisKr, unitName: 'Analyse' })],
    })]);
    expect(a.contradictions.map((c: { note: string }) => c.note).sort()).toEqual(['Igjen', 'Trekker hver sin vei']);
  });

  it('answers the alignment of a unit without units below with none, and refuses what does not fit', async () => {
    const team = await o.per.get(`/api/v1/units/${o.ids.third}/alignment?period=${o.ids.cycle}`);
    expect(team.body).toMatchObject({ units: [], overlaps: [] });
    expectProblem(await o.per.get(`/api/v1/units/${o.ids.area}/alignment`), 400, 'no period', { fields: ['period'] });
    expectProblem(await o.per.get(`/api/v1/units/${o.ids.area}/alignment?period=019a0000-0000-7000-8000-000000000000`), 422, 'an unknown period', { fields: ['period'], only: true });
    expectProblem(await o.per.get(`/api/v1/units/019a0000-0000-7000-8000-000000000000/alignment?period=${o.ids.cycle}`), 404, 'an unknown unit');
  });

  it('hides a flag while one of its key results is in the trash', async () => {
    const obj = (await o.admin.post('/api/v1/objectives', { unitId: o.ids.third, periodId: o.ids.cycle, title: 'Midlertidig', keyResults: [{ title: 'Noe', type: 'increase', start: 0, target: 1, measure: 'stk' }] })).body;
    const flag = (await o.per.post('/api/v1/contradictions', { keyResultIds: [obj.keyResults[0].id, o.ids.campaignKr], note: 'Midlertidig' })).body;
    expect(await ofUnit(o.ids.third)).toContain(flag.id);
    const deleted = await o.admin.del(`/api/v1/objectives/${obj.id}`);
    expect(await ofUnit(o.ids.third)).not.toContain(flag.id);
    expect(await ofUnit(o.ids.campaign)).not.toContain(flag.id);
    expectProblem(await o.per.del(`/api/v1/contradictions/${flag.id}`), 404, 'a flag on a deleted key result');
    await o.admin.post(`/api/v1/trash/${deleted.body.undoId}/restore`);
    expect(await ofUnit(o.ids.campaign)).toContain(flag.id);
  });
});
