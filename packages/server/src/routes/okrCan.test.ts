// What every answer that carries objectives and key results says the person asking may do with
// them (`can`), for each kind of viewer, and that it is what the server then does: a check-in or a
// change it presents as allowed is taken, one it presents as refused is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

type Viewer = 'admin' | 'member' | 'owner' | 'other';
const VIEWERS: readonly Viewer[] = ['admin', 'member', 'owner', 'other'];
const ALL = { edit: true, delete: true, checkIn: true };
const NONE = { edit: false, delete: false, checkIn: false };
const CHECK_IN_ONLY = { edit: false, delete: false, checkIn: true };
const CHANGE_ONLY = { edit: true, delete: true, checkIn: false };

// «member»: a member of team Alfa. «owner»: owns Alfa's key result and is a member of no unit.
// «other»: a member of team Beta. Gamma is archived (Mia and Eva were its members); Alfa's second
// objective is in a closed cycle.
//                    objective   key result (owned by Eva)
const OPEN: Record<Viewer, readonly [object, object]> = {
  admin: [ALL, ALL],
  member: [ALL, ALL],
  owner: [NONE, CHECK_IN_ONLY],
  other: [NONE, NONE],
};
const CLOSED: Record<Viewer, readonly [object, object]> = {
  admin: [CHANGE_ONLY, CHANGE_ONLY],
  member: [CHANGE_ONLY, CHANGE_ONLY],
  owner: [NONE, NONE],
  other: [NONE, NONE],
};

describe.each(storeKinds())('can on objectives and key results on %s', (kind) => {
  let t: TestApp;
  const as = {} as Record<Viewer, Client>;
  let ids: { alfa: string; gamma: string; cycle: string; closed: string; objective: string; kr: string; closedObjective: string; closedKr: string; archivedObjective: string; archivedKr: string };

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    const password = 'a long enough password';
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Tilgang', admin: { name: 'Ada Admin', email: 'ada@example.no', password } });
    const admin = await t.signIn('ada@example.no', password);
    const person = async (name: string, email: string) => (await admin.post('/api/v1/people', { name, email, password })).body.id as string;
    const [mia, ola, eva] = [await person('Mia Medlem', 'mia@example.no'), await person('Ola Annen', 'ola@example.no'), await person('Eva Eier', 'eva@example.no')];
    const rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    const alfa = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Alfa', members: [{ personId: mia, role: 'member' }] })).body;
    await admin.post('/api/v1/units', { parentId: rootId, name: 'Beta', members: [{ personId: ola, role: 'lead' }] });
    const gamma = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Gamma', members: [{ personId: mia, role: 'member' }, { personId: eva, role: 'member' }] })).body;
    const cycle = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id as string;
    const closed = (await admin.post('/api/v1/periods', { kind: 'cycle', name: 'T1 2025', startDate: '2025-01-01', endDate: '2025-04-30', state: 'closed' })).body.id as string;
    const okr = async (unitId: string, periodId: string, title: string) => {
      const o = await admin.post('/api/v1/objectives', {
        status: 'active', unitId, periodId, title, keyResults: [{ title: `${title}: KR`, type: 'increase', start: 0, target: 100, ownerId: eva }],
      });
      expect(o.status).toBe(201);
      return [o.body.id as string, o.body.keyResults[0].id as string] as const;
    };
    const [objective, kr] = await okr(alfa.id, cycle, 'Alfas mål');
    const [closedObjective, closedKr] = await okr(alfa.id, closed, 'Alfas gamle mål');
    const [archivedObjective, archivedKr] = await okr(gamma.id, cycle, 'Gammas mål');
    expect((await admin.patch(`/api/v1/units/${gamma.id}`, { version: gamma.version, archived: true })).status).toBe(200);
    ids = { alfa: alfa.id, gamma: gamma.id, cycle, closed, objective, kr, closedObjective, closedKr, archivedObjective, archivedKr };
    as.admin = admin;
    as.member = await t.signIn('mia@example.no', password);
    as.owner = await t.signIn('eva@example.no', password);
    as.other = await t.signIn('ola@example.no', password);
  });
  afterAll(async () => { await t?.close(); });

  describe.each(VIEWERS)('as %s', (viewer) => {
    const [objectiveCan, krCan] = OPEN[viewer];
    const [closedObjectiveCan, closedKrCan] = CLOSED[viewer];

    it('GET /objectives/:id says it on the objective and on each of its key results', async () => {
      const open = await as[viewer].get(`/api/v1/objectives/${ids.objective}`);
      expect(open.body.can).toEqual(objectiveCan);
      expect(open.body.keyResults[0].can).toEqual(krCan);
      const closed = await as[viewer].get(`/api/v1/objectives/${ids.closedObjective}`);
      expect(closed.body.can).toEqual(closedObjectiveCan);
      expect(closed.body.keyResults[0].can).toEqual(closedKrCan);
      const archived = await as[viewer].get(`/api/v1/objectives/${ids.archivedObjective}`);
      expect([archived.body.can, archived.body.keyResults[0].can]).toEqual([NONE, NONE]);
    });

    it('GET /objectives says it on every objective of the page, whatever its unit and period', async () => {
      const { items } = (await as[viewer].get('/api/v1/objectives?limit=500')).body as { items: Array<{ id: string; can: object }> };
      const canOf = new Map(items.map((o) => [o.id, o.can]));
      expect(canOf.get(ids.objective)).toEqual(objectiveCan);
      expect(canOf.get(ids.closedObjective)).toEqual(closedObjectiveCan);
      expect(canOf.get(ids.archivedObjective)).toEqual(NONE);
    });

    it('GET /key-results/:id says it', async () => {
      expect((await as[viewer].get(`/api/v1/key-results/${ids.kr}`)).body.can).toEqual(krCan);
      expect((await as[viewer].get(`/api/v1/key-results/${ids.closedKr}`)).body.can).toEqual(closedKrCan);
      expect((await as[viewer].get(`/api/v1/key-results/${ids.archivedKr}`)).body.can).toEqual(NONE);
    });

    it('the team page\'s answer (GET /units/:id/progress) says it on its objectives and key results', async () => {
      const open = (await as[viewer].get(`/api/v1/units/${ids.alfa}/progress?period=${ids.cycle}`)).body;
      expect(open.objectives.map((o: { can: object }) => o.can)).toEqual([objectiveCan]);
      expect(open.objectives[0].keyResults[0].can).toEqual(krCan);
      const closed = (await as[viewer].get(`/api/v1/units/${ids.alfa}/progress?period=${ids.closed}`)).body;
      expect([closed.objectives[0].can, closed.objectives[0].keyResults[0].can]).toEqual([closedObjectiveCan, closedKrCan]);
      const archived = (await as[viewer].get(`/api/v1/units/${ids.gamma}/progress?period=${ids.cycle}`)).body;
      expect([archived.objectives[0].can, archived.objectives[0].keyResults[0].can]).toEqual([NONE, NONE]);
    });

    it('takes a check-in exactly where it says one may be made', async () => {
      for (const [id, can] of [[ids.kr, krCan], [ids.closedKr, closedKrCan], [ids.archivedKr, NONE]] as const) {
        const res = await as[viewer].post(`/api/v1/key-results/${id}/check-ins`, { value: 10, confidence: 7 });
        expect(res.status === 201, `${viewer} checking in on ${id}: ${res.status}`).toBe((can as typeof ALL).checkIn);
      }
    });

    it('takes a change exactly where it says one may be made', async () => {
      for (const [id, can] of [[ids.kr, krCan], [ids.closedKr, closedKrCan], [ids.archivedKr, NONE]] as const) {
        const { version } = (await as.admin.get(`/api/v1/key-results/${id}`)).body;
        const res = await as[viewer].patch(`/api/v1/key-results/${id}`, { version, measure: `kr ${viewer}` });
        expect(res.status === 200, `${viewer} changing ${id}: ${res.status}`).toBe((can as typeof ALL).edit);
      }
    });
  });

  it('gives Mine the owner\'s right to check in on a key result of a unit they are no member of', async () => {
    const mine = (await as.owner.get('/api/v1/me/work')).body;
    // Gamma's key result is left out of Mine: an archived unit's OKRs need nobody.
    expect(mine.keyResults.map((k: { id: string; can: object }) => [k.id, k.can])).toEqual([[ids.kr, CHECK_IN_ONLY]]);
  });

  it('says it on what a change answers, for the one who made it', async () => {
    const created = await as.member.post('/api/v1/objectives', {
      unitId: ids.alfa, periodId: ids.cycle, title: 'Mias mål', keyResults: [{ title: 'Mias KR', type: 'milestone' }],
    });
    expect([created.status, created.body.can, created.body.keyResults[0].can]).toEqual([201, ALL, ALL]);
    const changed = await as.member.patch(`/api/v1/objectives/${created.body.id}`, { version: created.body.version, title: 'Mias nye mål' });
    expect([changed.status, changed.body.can]).toEqual([200, ALL]);
    const kr = await as.admin.post('/api/v1/key-results', { objectiveId: created.body.id, title: 'Adas KR', type: 'milestone' });
    expect([kr.status, kr.body.can]).toEqual([201, ALL]);
  });
});
