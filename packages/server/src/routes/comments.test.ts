// Comment threads on objectives (drafts too) and key results: anyone comments, @Name mentions are
// found among the active people and kept as ids (shown with the name a person has now), the
// author edits, the author or an admin deletes, others are refused; a thread of an objective in
// the trash is gone until it is restored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { coordinationOrg, type CoordinationOrg } from '../testing/coordination.js';
import { listEvents } from '../store/events.js';

describe.each(storeKinds())('comments on %s', (kind) => {
  let t: TestApp;
  let o: CoordinationOrg;
  const onObjective = () => `/api/v1/objectives/${o.ids.campaignObjective}/comments`;
  const onKeyResult = () => `/api/v1/key-results/${o.ids.campaignKr}/comments`;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    o = await coordinationOrg(t);
  });
  afterAll(async () => { await t?.close(); });

  it('takes a comment on a draft with a mention, found in any case, kept as the person\'s id', async () => {
    const res = await o.per.post(onObjective(), { body: 'Hei @ola annen og @Mia Medlem: skriv til per@example.no, ikke @Nobody.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      objectiveId: o.ids.campaignObjective, keyResultId: null, version: 1, editedAt: null,
      body: 'Hei @Ola Annen og @Mia Medlem: skriv til per@example.no, ikke @Nobody.',
      mentions: [{ personId: o.ids.ola, name: 'Ola Annen' }, { personId: o.ids.mia, name: 'Mia Medlem' }],
      author: { id: o.ids.per, name: 'Per Tredje' }, createdAt: '2026-11-25T10:00:00.000Z', can: { edit: true, delete: true },
    });
    expect(res.body.parts).toEqual([
      { text: 'Hei ' }, { personId: o.ids.ola, text: '@Ola Annen' }, { text: ' og ' }, { personId: o.ids.mia, text: '@Mia Medlem' },
      { text: ': skriv til per@example.no, ikke @Nobody.' },
    ]);
    const stored = await t.deps.store.db.selectFrom('comments').select('body').where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(stored.body).toBe(`Hei @[${o.ids.ola}] og @[${o.ids.mia}]: skriv til per@example.no, ikke @Nobody.`);
    const [event] = await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: res.body.id }, 5);
    expect(event).toMatchObject({ type: 'comment.created', subject: { kind: 'comment', name: 'Gjøre oppropet til en folkebevegelse', unitId: o.ids.campaign, objectiveId: o.ids.campaignObjective, keyResultId: null } });
    expect(event!.changes).toContainEqual({ field: 'mentionIds', before: null, after: [o.ids.ola, o.ids.mia] });
  });

  it('shows a mention with the name the person has now', async () => {
    const ola = (await o.admin.get(`/api/v1/people/${o.ids.ola}`)).body;
    expect((await o.admin.patch(`/api/v1/people/${o.ids.ola}`, { version: ola.version, name: 'Ola Annen-Berg' })).status).toBe(200);
    const thread = (await o.mia.get(onObjective())).body.items;
    expect(thread[0].body).toBe('Hei @Ola Annen-Berg og @Mia Medlem: skriv til per@example.no, ikke @Nobody.');
    expect(thread[0].mentions[0]).toEqual({ personId: o.ids.ola, name: 'Ola Annen-Berg' });
    expect(thread[0].can).toEqual({ edit: false, delete: false });
    expect((await o.admin.get(onObjective())).body.items[0].can).toEqual({ edit: false, delete: true });
    expect((await o.admin.patch(`/api/v1/people/${o.ids.ola}`, { version: ola.version + 1, name: 'Ola Annen' })).status).toBe(200);
  });

  it('keeps a key result\'s thread apart from its objective\'s, a page at a time', async () => {
    for (const body of ['Første', 'Andre', 'Tredje']) expect((await o.mia.post(onKeyResult(), { body })).status).toBe(201);
    const first = await o.per.get(`${onKeyResult()}?limit=2`);
    expect(first.body.items.map((c: { body: string }) => c.body)).toEqual(['Første', 'Andre']);
    expect(first.body.items[0]).toMatchObject({ keyResultId: o.ids.campaignKr, objectiveId: o.ids.campaignObjective });
    const rest = await o.per.get(`${onKeyResult()}?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body).toMatchObject({ items: [{ body: 'Tredje' }], nextCursor: null });
    expect((await o.per.get(onObjective())).body.items.map((c: { body: string }) => c.body)).not.toContain('Første');
  });

  it('lets the author edit (the mentions found again) and refuses everyone else', async () => {
    const c = (await o.mia.post(onObjective(), { body: 'Trenger tall fra @Ola Annen' })).body;
    expectProblem(await o.ola.patch(`/api/v1/comments/${c.id}`, { version: 1, body: 'Endret av en annen' }), 403, 'another person');
    expectProblem(await o.admin.patch(`/api/v1/comments/${c.id}`, { version: 1, body: 'Endret av admin' }), 403, 'an admin');
    t.clock.advance(60_000);
    const edited = await o.mia.patch(`/api/v1/comments/${c.id}`, { version: 1, body: 'Trenger tall fra @Per Tredje' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, editedAt: '2026-11-25T10:01:00.000Z', mentions: [{ personId: o.ids.per, name: 'Per Tredje' }] });
    expect(await t.deps.store.db.selectFrom('comment_mentions').select('person_id').where('comment_id', '=', c.id).execute()).toEqual([{ person_id: o.ids.per }]);
    expectProblem(await o.mia.patch(`/api/v1/comments/${c.id}`, { version: 1, body: 'Gammel' }), 409, 'a stale version', { fields: ['version'], only: true });
    expectProblem(await o.mia.patch(`/api/v1/comments/${c.id}`, { version: 2, body: ' ' }), 400, 'an empty comment', { fields: ['body'], only: true });
    const [changed] = await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: c.id }, 1);
    expect(changed).toMatchObject({ type: 'comment.changed', changes: expect.arrayContaining([{ field: 'mentionIds', before: [o.ids.ola], after: [o.ids.per] }]) });
  });

  it('lets the author or an admin delete it, and nobody else', async () => {
    const a = (await o.mia.post(onObjective(), { body: 'Slett meg' })).body;
    const b = (await o.mia.post(onObjective(), { body: 'Slett meg også' })).body;
    expectProblem(await o.per.del(`/api/v1/comments/${a.id}`), 403, 'another person');
    expect((await o.mia.del(`/api/v1/comments/${a.id}`)).status).toBe(204);
    expect((await o.admin.del(`/api/v1/comments/${b.id}`)).status).toBe(204);
    expectProblem(await o.mia.del(`/api/v1/comments/${a.id}`), 404, 'deleted already');
    const bodies = (await o.mia.get(onObjective())).body.items.map((c: { body: string }) => c.body);
    expect(bodies).not.toContain('Slett meg');
    expect(bodies).not.toContain('Slett meg også');
    const [deleted] = await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: b.id }, 1);
    expect(deleted).toMatchObject({ type: 'comment.deleted', actor: { id: o.ids.admin }, changes: [{ field: 'body', before: 'Slett meg også', after: null }, { field: 'mentionIds', before: [], after: null }] });
  });

  it('does not mention a deactivated person', async () => {
    const per = (await o.admin.get(`/api/v1/people/${o.ids.per}`)).body;
    expect((await o.admin.patch(`/api/v1/people/${o.ids.per}`, { version: per.version, active: false })).status).toBe(200);
    const c = await o.mia.post(onObjective(), { body: 'Spør @Per Tredje' });
    expect(c.body.mentions).toEqual([]);
    expect(c.body.body).toBe('Spør @Per Tredje');
    expect((await o.admin.patch(`/api/v1/people/${o.ids.per}`, { version: per.version + 1, active: true })).status).toBe(200);
  });

  it('answers 404 for what is not there, and a thread of an objective in the trash is gone until it is restored', async () => {
    const nobody = '019a0000-0000-7000-8000-000000000000';
    expectProblem(await o.mia.get(`/api/v1/objectives/${nobody}/comments`), 404, 'no such objective');
    expectProblem(await o.mia.post(`/api/v1/key-results/${nobody}/comments`, { body: 'Hei' }), 404, 'no such key result');
    expectProblem(await o.mia.patch(`/api/v1/comments/${nobody}`, { version: 1, body: 'Hei' }), 404, 'no such comment');
    expectProblem(await o.mia.post(onObjective(), { body: 'x'.repeat(4001) }), 400, 'too long', { fields: ['body'], only: true });
    expectProblem(await o.mia.post(onObjective(), {}), 400, 'no body', { fields: ['body'], only: true });
    const obj = (await o.admin.post('/api/v1/objectives', { unitId: o.ids.campaign, periodId: o.ids.cycle, title: 'Kastes' })).body;
    const c = (await o.mia.post(`/api/v1/objectives/${obj.id}/comments`, { body: 'Før sletting' })).body;
    const deleted = await o.mia.del(`/api/v1/objectives/${obj.id}`);
    expect(deleted.status).toBe(200);
    expectProblem(await o.mia.get(`/api/v1/objectives/${obj.id}/comments`), 404, 'the objective in the trash');
    expectProblem(await o.mia.patch(`/api/v1/comments/${c.id}`, { version: 1, body: 'Etter' }), 404, 'its comment');
    expect((await o.mia.post(`/api/v1/trash/${deleted.body.undoId}/restore`)).status).toBe(200);
    expect((await o.mia.get(`/api/v1/objectives/${obj.id}/comments`)).body.items.map((x: { body: string }) => x.body)).toEqual(['Før sletting']);
  });

  it("keeps an archived unit's threads read-only", async () => {
    const unit = (await o.admin.post('/api/v1/units', { parentId: o.ids.root, name: 'Avsluttet', members: [] })).body;
    const obj = (await o.admin.post('/api/v1/objectives', { unitId: unit.id, periodId: o.ids.cycle, title: 'Gammelt' })).body;
    const c = (await o.mia.post(`/api/v1/objectives/${obj.id}/comments`, { body: 'Skrevet før' })).body;
    expect((await o.admin.patch(`/api/v1/units/${unit.id}`, { version: unit.version, archived: true })).status).toBe(200);
    expectProblem(await o.mia.post(`/api/v1/objectives/${obj.id}/comments`, { body: 'Etter' }), 409, 'an archived unit');
    expectProblem(await o.mia.patch(`/api/v1/comments/${c.id}`, { version: 1, body: 'Etter' }), 409, 'an archived unit');
    expect((await o.mia.get(`/api/v1/objectives/${obj.id}/comments`)).body.items[0].can).toEqual({ edit: false, delete: false });
  });
});
