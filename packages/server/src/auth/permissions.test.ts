// Who may change what, as a table: every mutating route × every kind of caller, with the status
// the contract documents. A refused request (401, 403) must leave everything as it was; an allowed
// one must actually change something. Reading is open to everyone signed in, and nothing but the
// public routes answers without a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem, readViews, send } from '../testing/apiChecks.js';

type Role = 'anonymous' | 'admin' | 'member' | 'other' | 'owner';
const ROLES: readonly Role[] = ['anonymous', 'admin', 'member', 'other', 'owner'];

// The policy. «member»: a member of the unit whose OKRs the route changes (team Alfa).
// «other»: a member of another unit (team Beta). «owner»: owns the key result being checked in on
// or changed, and the initiative being changed, and is a member of no unit.
//
//  route                                              anonymous admin member other owner
const POLICY: ReadonlyArray<readonly [string, number, number, number, number, number]> = [
  ['PATCH  /api/v1/organisation',                        401,   200,  403,   403,  403],
  ['POST   /api/v1/people',                              401,   201,  403,   403,  403],
  ['PATCH  /api/v1/people/:id',                          401,   200,  403,   403,  403],
  ['POST   /api/v1/people/:id/password-reset',           401,   200,  403,   403,  403],
  ['POST   /api/v1/me/password',                         401,   204,  204,   204,  204],
  ['POST   /api/v1/units',                               401,   201,  403,   403,  403],
  ['PATCH  /api/v1/units/:id',                           401,   200,  403,   403,  403],
  ['POST   /api/v1/periods',                             401,   201,  403,   403,  403],
  ['PATCH  /api/v1/periods/:id',                         401,   200,  403,   403,  403],
  ['DELETE /api/v1/periods/:id',                         401,   204,  403,   403,  403],
  ['POST   /api/v1/objectives',                          401,   201,  201,   403,  403],
  ['PATCH  /api/v1/objectives/:id',                      401,   200,  200,   403,  403],
  ['DELETE /api/v1/objectives/:id',                      401,   200,  200,   403,  403],
  ['POST   /api/v1/key-results',                         401,   201,  201,   403,  403],
  ['PATCH  /api/v1/key-results/:id',                     401,   200,  200,   403,  403],
  ['DELETE /api/v1/key-results/:id',                     401,   200,  200,   403,  403],
  ['POST   /api/v1/key-results/:id/check-ins',           401,   201,  201,   403,  201],
  // A check-in the admin wrote: its author may the same day, the key result's owner and admins
  // always, no other member of the unit (core's checkInChanges).
  ['PATCH  /api/v1/check-ins/:id',                       401,   200,  403,   403,  200],
  ['DELETE /api/v1/check-ins/:id',                       401,   204,  403,   403,  204],
  ['POST   /api/v1/initiatives',                         401,   201,  201,   403,  403],
  ['PATCH  /api/v1/initiatives/:id',                     401,   200,  200,   403,  200],
  ['DELETE /api/v1/initiatives/:id',                     401,   200,  200,   403,  200],
  // Undoing the deletion of an objective of Alfa: as changing it.
  ['POST   /api/v1/trash/:undoId/restore',               401,   200,  200,   403,  403],
  ['DELETE /api/v1/people/:id/sessions',                 401,   204,  403,   403,  403],
  // Everyone marks their own units' activity seen.
  ['POST   /api/v1/me/activity/seen',                    401,   204,  204,   204,  204],
  ['POST   /api/v1/auth/logout-everywhere',              401,   204,  204,   204,  204],
  // Only admins may end a demo; this organisation is none, so the admin is refused too (409).
  ['DELETE /api/v1/demo',                                401,   409,  403,   403,  403],
  // Raised from Alfa: its members and admins raise (core's dependencyPermissions).
  ['POST   /api/v1/dependencies',                        401,   201,  201,   403,  403],
  // Raised by Beta on Alfa: Alfa's members answer it; Beta's, the raising side, may not acknowledge.
  ['PATCH  /api/v1/dependencies/:id',                    401,   200,  200,   403,  403],
  // Everyone in the organisation comments; the author (here the admin) edits; the author or an admin deletes.
  ['POST   /api/v1/objectives/:id/comments',             401,   201,  201,   201,  201],
  ['POST   /api/v1/key-results/:id/comments',            401,   201,  201,   201,  201],
  ['PATCH  /api/v1/comments/:id',                        401,   200,  403,   403,  403],
  ['DELETE /api/v1/comments/:id',                        401,   204,  403,   403,  403],
  // A key result of Alfa against one of Beta: members of either unit and admins flag and clear.
  ['POST   /api/v1/contradictions',                      401,   201,  201,   201,  403],
  // Alfa's plan for a cycle, its hints and its proposals: Alfa's members and admins. A proposal
  // from Alfa goes to the root unit, whose members (here only admins) adopt it.
  ['PATCH  /api/v1/units/:id/plans/:periodId',           401,   200,  200,   403,  403],
  ['POST   /api/v1/units/:id/plans/:periodId/publish',   401,   200,  200,   403,  403],
  ['POST   /api/v1/hints/dismissals',                    401,   201,  201,   403,  403],
  ['DELETE /api/v1/hints/dismissals/:id',                401,   204,  204,   403,  403],
  ['POST   /api/v1/objectives/:id/proposal',             401,   201,  201,   403,  403],
  ['DELETE /api/v1/objectives/:id/proposal',             401,   200,  200,   403,  403],
  ['POST   /api/v1/proposals/:id/adopt',                 401,   200,  403,   403,  403],
  // Alfa's retrospective of a cycle in review: its members and admins write; only members vote
  // (an admin who is no member neither); an action is done by its owner (Mia), Alfa's members and admins.
  ['PATCH  /api/v1/units/:id/retrospectives/:periodId',  401,   200,  200,   403,  403],
  ['POST   /api/v1/units/:id/retrospectives/:periodId/votes', 401, 403, 201,  403,  403],
  ['POST   /api/v1/retrospective-actions/:id/done',      401,   200,  200,   403,  403],
  ['DELETE /api/v1/contradictions/:id',                  401,   200,  200,   200,  403],
  // A unit's weekly meeting: its members and admins hold it (a fresh unit with the member for each caller).
  ['POST   /api/v1/meetings',                            401,   201,  201,   403,  403],
  ['PATCH  /api/v1/meetings/:id',                        401,   200,  200,   403,  403],
  ['POST   /api/v1/meetings/:id/end',                    401,   200,  200,   403,  403],
  ['POST   /api/v1/meetings/:id/blockers',               401,   200,  200,   403,  403],
  // Alfa's KPIs: its members and admins keep them; the KPI's owner (Eva) may check in, nothing more.
  ['POST   /api/v1/kpis',                                401,   201,  201,   403,  403],
  ['PATCH  /api/v1/kpis/:id',                            401,   200,  200,   403,  403],
  ['DELETE /api/v1/kpis/:id',                            401,   204,  204,   403,  403],
  ['POST   /api/v1/kpis/:id/check-ins',                  401,   201,  201,   403,  201],
  // Promoting one of Alfa's key results (a fresh one for each caller): as changing Alfa's OKRs.
  // A unit's review: its members and admins write it, and only while the cycle is in review; the
  // walk's cycle is active, so those who may are told so (409 not_in_review) and the rest 403 first.
  ['PATCH  /api/v1/units/:id/reviews/:periodId',         401,   409,  409,   403,  403],
  ['POST   /api/v1/units/:id/reviews/:periodId/close',   401,   409,  409,   403,  403],
  ['POST   /api/v1/key-results/:id/promote',             401,   201,  201,   403,  403],
];

// Everyone signed in reads everything but the audit trail, which is the admins'; nobody else reads anything.
//  route                                              anonymous admin member other owner
const READS: ReadonlyArray<readonly [string, number, number, number, number, number]> = [
  ['GET    /api/v1/me',                                  401,   200,  200,   200,  200],
  ['GET    /api/v1/organisation',                        401,   200,  200,   200,  200],
  ['GET    /api/v1/people',                              401,   200,  200,   200,  200],
  ['GET    /api/v1/people/:id',                          401,   200,  200,   200,  200],
  ['GET    /api/v1/units',                               401,   200,  200,   200,  200],
  ['GET    /api/v1/units/:id',                           401,   200,  200,   200,  200],
  ['GET    /api/v1/units/:id/progress',                  401,   200,  200,   200,  200],
  ['GET    /api/v1/periods',                             401,   200,  200,   200,  200],
  ['GET    /api/v1/periods/:id',                         401,   200,  200,   200,  200],
  ['GET    /api/v1/objectives',                          401,   200,  200,   200,  200],
  ['GET    /api/v1/objectives/:id',                      401,   200,  200,   200,  200],
  ['GET    /api/v1/key-results/:id',                     401,   200,  200,   200,  200],
  ['GET    /api/v1/key-results/:id/check-ins',           401,   200,  200,   200,  200],
  ['GET    /api/v1/objectives/:id/deletion',             401,   200,  200,   200,  200],
  ['GET    /api/v1/key-results/:id/deletion',            401,   200,  200,   200,  200],
  ['GET    /api/v1/initiatives',                         401,   200,  200,   200,  200],
  ['GET    /api/v1/objectives/:id/history',              401,   200,  200,   200,  200],
  ['GET    /api/v1/key-results/:id/history',             401,   200,  200,   200,  200],
  ['GET    /api/v1/units/:id/activity',                  401,   200,  200,   200,  200],
  ['GET    /api/v1/me/activity',                         401,   200,  200,   200,  200],
  ['GET    /api/v1/audit',                               401,   200,  403,   403,  403],
  ['GET    /api/v1/dependencies',                        401,   200,  200,   200,  200],
  ['GET    /api/v1/dependencies/:id',                    401,   200,  200,   200,  200],
  ['GET    /api/v1/objectives/:id/comments',             401,   200,  200,   200,  200],
  ['GET    /api/v1/key-results/:id/comments',            401,   200,  200,   200,  200],
  ['GET    /api/v1/contradictions',                      401,   200,  200,   200,  200],
  ['GET    /api/v1/units/:id/alignment',                 401,   200,  200,   200,  200],
  ['GET    /api/v1/meetings',                            401,   200,  200,   200,  200],
  ['GET    /api/v1/meetings/:id',                        401,   200,  200,   200,  200],
  ['GET    /api/v1/meetings/follow-up',                  401,   200,  200,   200,  200],
  ['GET    /api/v1/units/:id/meetings/follow-up',        401,   200,  200,   200,  200],
  ['GET    /api/v1/kpis',                                401,   200,  200,   200,  200],
  ['GET    /api/v1/kpis/:id',                            401,   200,  200,   200,  200],
  ['GET    /api/v1/kpis/:id/check-ins',                  401,   200,  200,   200,  200],
  ['GET    /api/v1/units/:id/retrospectives/:periodId',  401,   200,  200,   200,  200],
];

/** Routes that answer without a session. Everything else under /api/ answers 401. */
const PUBLIC = new Set(['GET /api/v1/health', 'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/setup', 'POST /api/v1/setup', 'GET /api/v1/openapi.json']);

interface World {
  rootId: string; alfaId: string; betaId: string; cycleId: string;
  adminId: string; memberId: string; otherId: string; ownerId: string;
  objectiveId: string; keyResultId: string;
  /** Raised by Beta on Alfa. */
  dependencyId: string;
  /** Beta's meeting, open. */
  meetingId: string;
  /** Alfa's KPI, owned by Eva (the owner). */
  kpiId: string;
}
interface Attempt {
  url: string; body?: unknown;
  /** What the route changes that the views do not show (sessions), read before and after. */
  probe?: () => Promise<unknown>;
}
/** For routes about sessions: another session of a person, made afresh, and the caller's role. */
interface Sessions { role: Role; signInAgain(role: Role): Promise<Client | undefined> }

let counter = 0;
const unique = (what: string) => `${what} ${++counter}`;
/** A cycle of its own: cycles of one organisation may not overlap, so each gets a year to itself. */
const freeCycle = () => { const year = 2100 + ++counter; return { kind: 'cycle', name: unique('Syklus'), startDate: `${year}-01-01`, endDate: `${year}-03-31` }; };

/** For each route: fresh targets made by the admin, and the request each caller then makes. */
const attempts: Record<string, (admin: Client, w: World, s: Sessions) => Promise<Attempt>> = {
  'PATCH  /api/v1/organisation': async (admin) => ({ url: '/api/v1/organisation', body: { version: (await admin.get('/api/v1/organisation')).body.version, name: unique('Organisasjon') } }),
  'POST   /api/v1/people': async () => ({ url: '/api/v1/people', body: { name: unique('Person'), email: `${unique('p').replace(' ', '')}@example.no`, password: 'a long enough password' } }),
  'PATCH  /api/v1/people/:id': async (admin) => {
    const p = await admin.post('/api/v1/people', { name: unique('Person'), email: `${unique('p').replace(' ', '')}@example.no`, password: 'a long enough password' });
    return { url: `/api/v1/people/${p.body.id}`, body: { version: p.body.version, name: unique('Nytt navn') } };
  },
  'POST   /api/v1/people/:id/password-reset': async (admin) => {
    const p = await admin.post('/api/v1/people', { name: unique('Person'), email: `${unique('p').replace(' ', '')}@example.no`, password: 'a long enough password' });
    return { url: `/api/v1/people/${p.body.id}/password-reset` };
  },
  // Everyone signed in changes their own password; the same one again keeps the other tests'
  // sign-ins working, and still shows in the people list (a new version).
  'POST   /api/v1/me/password': async () => ({ url: '/api/v1/me/password', body: { currentPassword: 'a long enough password', newPassword: 'a long enough password' } }),
  'POST   /api/v1/units': async (_a, w) => ({ url: '/api/v1/units', body: { parentId: w.rootId, name: unique('Enhet') } }),
  'PATCH  /api/v1/units/:id': async (admin, w) => ({ url: `/api/v1/units/${w.alfaId}`, body: { version: (await admin.get(`/api/v1/units/${w.alfaId}`)).body.version, description: unique('Beskrivelse') } }),
  'POST   /api/v1/periods': async () => ({ url: '/api/v1/periods', body: freeCycle() }),
  'PATCH  /api/v1/periods/:id': async (admin) => {
    const p = await admin.post('/api/v1/periods', freeCycle());
    return { url: `/api/v1/periods/${p.body.id}`, body: { version: p.body.version, name: unique('Omdøpt syklus') } };
  },
  'DELETE /api/v1/periods/:id': async (admin) => ({ url: `/api/v1/periods/${(await admin.post('/api/v1/periods', freeCycle())).body.id}` }),
  'POST   /api/v1/objectives': async (_a, w) => ({ url: '/api/v1/objectives', body: { unitId: w.alfaId, periodId: w.cycleId, title: unique('Mål') } }),
  'PATCH  /api/v1/objectives/:id': async (admin, w) => {
    const o = await admin.post('/api/v1/objectives', { status: 'active', unitId: w.alfaId, periodId: w.cycleId, title: unique('Mål') });
    return { url: `/api/v1/objectives/${o.body.id}`, body: { version: o.body.version, title: unique('Nytt mål') } };
  },
  'DELETE /api/v1/objectives/:id': async (admin, w) => {
    const o = await admin.post('/api/v1/objectives', { status: 'active', unitId: w.alfaId, periodId: w.cycleId, title: unique('Mål') });
    return { url: `/api/v1/objectives/${o.body.id}` };
  },
  'POST   /api/v1/key-results': async (_a, w) => ({ url: '/api/v1/key-results', body: { objectiveId: w.objectiveId, title: unique('KR'), type: 'increase', start: 0, target: 10, ownerId: w.ownerId } }),
  'PATCH  /api/v1/key-results/:id': async (admin, w) => {
    const k = await admin.post('/api/v1/key-results', { objectiveId: w.objectiveId, title: unique('KR'), type: 'increase', start: 0, target: 10, ownerId: w.ownerId });
    return { url: `/api/v1/key-results/${k.body.id}`, body: { version: k.body.version, target: 20 } };
  },
  'DELETE /api/v1/key-results/:id': async (admin, w) => {
    const k = await admin.post('/api/v1/key-results', { objectiveId: w.objectiveId, title: unique('KR'), type: 'increase', start: 0, target: 10, ownerId: w.ownerId });
    return { url: `/api/v1/key-results/${k.body.id}` };
  },
  'POST   /api/v1/key-results/:id/check-ins': async (_a, w) => ({ url: `/api/v1/key-results/${w.keyResultId}/check-ins`, body: { value: ++counter, confidence: 6 } }),
  'PATCH  /api/v1/check-ins/:id': async (admin, w) => {
    const c = await admin.post(`/api/v1/key-results/${w.keyResultId}/check-ins`, { value: ++counter, confidence: 6 });
    return { url: `/api/v1/check-ins/${c.body.id}`, body: { version: c.body.version, comment: unique('Rettet') } };
  },
  'DELETE /api/v1/check-ins/:id': async (admin, w) => {
    const c = await admin.post(`/api/v1/key-results/${w.keyResultId}/check-ins`, { value: ++counter, confidence: 6 });
    return { url: `/api/v1/check-ins/${c.body.id}` };
  },
  'POST   /api/v1/initiatives': async (_a, w) => ({ url: '/api/v1/initiatives', body: { unitId: w.alfaId, title: unique('Tiltak'), ownerId: w.ownerId } }),
  'PATCH  /api/v1/initiatives/:id': async (admin, w) => {
    const i = await admin.post('/api/v1/initiatives', { unitId: w.alfaId, title: unique('Tiltak'), ownerId: w.ownerId, keyResultIds: [w.keyResultId] });
    return { url: `/api/v1/initiatives/${i.body.id}`, body: { version: i.body.version, status: 'in-progress' } };
  },
  'DELETE /api/v1/initiatives/:id': async (admin, w) => {
    const i = await admin.post('/api/v1/initiatives', { unitId: w.alfaId, title: unique('Tiltak'), ownerId: w.ownerId, keyResultIds: [w.keyResultId] });
    return { url: `/api/v1/initiatives/${i.body.id}` };
  },
  'POST   /api/v1/trash/:undoId/restore': async (admin, w) => {
    const o = await admin.post('/api/v1/objectives', { status: 'active', unitId: w.alfaId, periodId: w.cycleId, title: unique('Mål') });
    const deleted = await admin.del(`/api/v1/objectives/${o.body.id}`);
    return { url: `/api/v1/trash/${deleted.body.undoId}/restore` };
  },
  'DELETE /api/v1/people/:id/sessions': async (admin) => {
    const email = `${unique('s').replace(' ', '')}@example.no`;
    const p = await admin.post('/api/v1/people', { name: unique('Person'), email, password: 'a long enough password' });
    const theirs = await signInWith(p.body.email, 'a long enough password');
    return { url: `/api/v1/people/${p.body.id}/sessions`, probe: async () => (await theirs.get('/api/v1/me')).status };
  },
  'POST   /api/v1/auth/logout-everywhere': async (_a, _w, s) => {
    const another = await s.signInAgain(s.role);
    return { url: '/api/v1/auth/logout-everywhere', probe: async () => (another ? (await another.get('/api/v1/me')).status : 'no session') };
  },
  'DELETE /api/v1/demo': async () => ({ url: '/api/v1/demo' }),
  // Up to the newest event there is (the check-ins above made some); the caller's own mark shows it.
  'POST   /api/v1/me/activity/seen': async (admin, _w, s) => {
    const mine = await s.signInAgain(s.role);
    return { url: '/api/v1/me/activity/seen', body: { seq: (await admin.get('/api/v1/me/activity')).body.lastSeq }, probe: async () => (mine ? (await mine.get('/api/v1/me/activity')).body.seenSeq : 'no session') };
  },
  'POST   /api/v1/dependencies': async (_a, w) => ({ url: '/api/v1/dependencies', body: { fromUnitId: w.alfaId, toUnitId: w.betaId, description: unique('Behov') } }),
  'PATCH  /api/v1/dependencies/:id': async (admin, w) => {
    const d = await admin.post('/api/v1/dependencies', { fromUnitId: w.betaId, toUnitId: w.alfaId, description: unique('Behov') });
    return { url: `/api/v1/dependencies/${d.body.id}`, body: { version: d.body.version, state: 'acknowledged', reply: 'Vi ordner det' } };
  },
  'POST   /api/v1/objectives/:id/comments': async (_a, w) => ({ url: `/api/v1/objectives/${w.objectiveId}/comments`, body: { body: unique('Kommentar') } }),
  'POST   /api/v1/key-results/:id/comments': async (_a, w) => ({ url: `/api/v1/key-results/${w.keyResultId}/comments`, body: { body: unique('Kommentar') } }),
  'PATCH  /api/v1/comments/:id': async (admin, w) => {
    const c = await admin.post(`/api/v1/objectives/${w.objectiveId}/comments`, { body: unique('Kommentar') });
    return { url: `/api/v1/comments/${c.body.id}`, body: { version: c.body.version, body: unique('Endret') } };
  },
  'DELETE /api/v1/comments/:id': async (admin, w) => ({ url: `/api/v1/comments/${(await admin.post(`/api/v1/objectives/${w.objectiveId}/comments`, { body: unique('Kommentar') })).body.id}` }),
  'POST   /api/v1/contradictions': async (admin, w) => ({ url: '/api/v1/contradictions', body: { keyResultIds: [w.keyResultId, await betaKeyResult(admin, w)], note: unique('Motstrid') } }),
  'PATCH  /api/v1/units/:id/retrospectives/:periodId': async (admin, w) => {
    const periodId = await reviewCycle(admin);
    return { url: `/api/v1/units/${w.alfaId}/retrospectives/${periodId}`, body: { version: 0, notes: { stop: unique('Slutt med') } }, probe: retrospectiveProbe(admin, w, periodId) };
  },
  'POST   /api/v1/units/:id/retrospectives/:periodId/votes': async (admin, w) => {
    const periodId = await reviewCycle(admin);
    return { url: `/api/v1/units/${w.alfaId}/retrospectives/${periodId}/votes`, body: { mood: 4 }, probe: retrospectiveProbe(admin, w, periodId) };
  },
  'POST   /api/v1/retrospective-actions/:id/done': async (admin, w) => {
    const periodId = await reviewCycle(admin);
    const r = await admin.patch(`/api/v1/units/${w.alfaId}/retrospectives/${periodId}`, { version: 0, actions: [{ text: unique('Tiltak'), ownerId: w.memberId }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return { url: `/api/v1/retrospective-actions/${r.body.actions[0].id}/done`, body: {}, probe: retrospectiveProbe(admin, w, periodId) };
  },
  'PATCH  /api/v1/units/:id/reviews/:periodId': async (_a, w) => ({ url: `/api/v1/units/${w.alfaId}/reviews/${w.cycleId}`, body: { version: 0, answers: { lessons: unique('Lærdom') } } }),
  'POST   /api/v1/units/:id/reviews/:periodId/close': async (_a, w) => ({ url: `/api/v1/units/${w.alfaId}/reviews/${w.cycleId}/close`, body: { version: 0 } }),
  'POST   /api/v1/meetings': async (admin, w) => {
    const unit = await admin.post('/api/v1/units', { parentId: w.rootId, name: unique('Møteenhet'), members: [{ personId: w.memberId, role: 'member' }] });
    return { url: '/api/v1/meetings', body: { unitId: unit.body.id, periodId: w.cycleId, kind: 'weekly' } };
  },
  'PATCH  /api/v1/meetings/:id': async (admin, w) => {
    const { meeting } = await freshMeeting(admin, w);
    return { url: `/api/v1/meetings/${meeting!.id}`, body: { version: meeting!.version, notes: unique('Notat') }, probe: meetingProbe(admin, meeting!.id) };
  },
  'POST   /api/v1/meetings/:id/end': async (admin, w) => {
    const { meeting } = await freshMeeting(admin, w);
    return { url: `/api/v1/meetings/${meeting!.id}/end`, body: {}, probe: meetingProbe(admin, meeting!.id) };
  },
  'POST   /api/v1/meetings/:id/blockers': async (admin, w) => {
    const { meeting, checkInId } = await freshMeeting(admin, w, true);
    return { url: `/api/v1/meetings/${meeting!.id}/blockers`, body: { how: 'noted', checkInId }, probe: meetingProbe(admin, meeting!.id) };
  },
  'DELETE /api/v1/contradictions/:id': async (admin, w) => {
    const c = await admin.post('/api/v1/contradictions', { keyResultIds: [w.keyResultId, await betaKeyResult(admin, w)], note: unique('Motstrid') });
    return { url: `/api/v1/contradictions/${c.body.id}` };
  },
  // Each caller a plan of its own, in a cycle of its own: the plan's state is seen through a probe.
  'PATCH  /api/v1/units/:id/plans/:periodId': async (admin, w) => {
    const url = `/api/v1/units/${w.alfaId}/plans/${(await admin.post('/api/v1/periods', freeCycle())).body.id}`;
    return { url, body: { version: 1, checklist: [{ question: 'paysIntoMoals', answer: 'yes', note: unique('Svar') }] }, probe: async () => (await admin.get(url)).body.checklist };
  },
  'POST   /api/v1/units/:id/plans/:periodId/publish': async (admin, w) => {
    const periodId = (await admin.post('/api/v1/periods', freeCycle())).body.id;
    const url = `/api/v1/units/${w.alfaId}/plans/${periodId}`;
    await admin.post('/api/v1/objectives', { unitId: w.alfaId, periodId, title: unique('Utkast') });
    const answered = await admin.patch(url, { version: 1, checklist: ['paysIntoMoals', 'ambitiousYetRealistic', 'noContradictions', 'dependenciesKnown'].map((question) => ({ question, answer: 'yes' })) });
    return { url: `${url}/publish`, body: { version: answered.body.version }, probe: async () => (await admin.get(url)).body.publishedAt };
  },
  // On a fresh draft of Alfa's nobody owns: the coach's no-owner hint, shown on the objectives.
  'POST   /api/v1/hints/dismissals': async (admin, w) => {
    const o = await admin.post('/api/v1/objectives', { unitId: w.alfaId, periodId: w.cycleId, title: unique('Utkast') });
    return { url: '/api/v1/hints/dismissals', body: { subjectKind: 'objective', subjectId: o.body.id, code: 'no-owner', reason: unique('Grunn') } };
  },
  'DELETE /api/v1/hints/dismissals/:id': async (admin, w) => {
    const o = await admin.post('/api/v1/objectives', { unitId: w.alfaId, periodId: w.cycleId, title: unique('Utkast') });
    const d = await admin.post('/api/v1/hints/dismissals', { subjectKind: 'objective', subjectId: o.body.id, code: 'no-owner', reason: unique('Grunn') });
    return { url: `/api/v1/hints/dismissals/${d.body.id}` };
  },
  'POST   /api/v1/objectives/:id/proposal': async (admin, w) => {
    const o = await admin.post('/api/v1/objectives', { unitId: w.alfaId, periodId: w.cycleId, title: unique('Utkast') });
    return { url: `/api/v1/objectives/${o.body.id}/proposal`, probe: async () => (await admin.get(`/api/v1/units/${w.rootId}/plans/${w.cycleId}`)).body.proposals };
  },
  'DELETE /api/v1/objectives/:id/proposal': async (admin, w) => {
    const o = await admin.post('/api/v1/objectives', { unitId: w.alfaId, periodId: w.cycleId, title: unique('Utkast') });
    await admin.post(`/api/v1/objectives/${o.body.id}/proposal`);
    return { url: `/api/v1/objectives/${o.body.id}/proposal`, probe: async () => (await admin.get(`/api/v1/units/${w.rootId}/plans/${w.cycleId}`)).body.proposals };
  },
  'POST   /api/v1/kpis': async (_a, w) => ({ url: '/api/v1/kpis', body: { unitId: w.alfaId, title: unique('KPI'), direction: 'above', low: 1, cadence: 'weekly' } }),
  'PATCH  /api/v1/kpis/:id': async (admin, w) => {
    const k = await admin.post('/api/v1/kpis', { unitId: w.alfaId, title: unique('KPI'), direction: 'above', low: 1, cadence: 'weekly', ownerId: w.ownerId });
    return { url: `/api/v1/kpis/${k.body.id}`, body: { version: k.body.version, title: unique('KPI') } };
  },
  'DELETE /api/v1/kpis/:id': async (admin, w) => ({
    url: `/api/v1/kpis/${(await admin.post('/api/v1/kpis', { unitId: w.alfaId, title: unique('KPI'), direction: 'above', low: 1, cadence: 'weekly', ownerId: w.ownerId })).body.id}`,
  }),
  'POST   /api/v1/kpis/:id/check-ins': async (_a, w) => ({ url: `/api/v1/kpis/${w.kpiId}/check-ins`, body: { value: ++counter } }),
  'POST   /api/v1/key-results/:id/promote': async (admin, w) => {
    const k = await admin.post('/api/v1/key-results', { objectiveId: w.objectiveId, title: unique('KR'), type: 'increase', start: 0, target: 10 });
    return { url: `/api/v1/key-results/${k.body.id}/promote`, body: { direction: 'above', low: 5, cadence: 'monthly' } };
  },
  'POST   /api/v1/proposals/:id/adopt': async (admin, w) => {
    const o = await admin.post('/api/v1/objectives', { unitId: w.alfaId, periodId: w.cycleId, title: unique('Utkast') });
    const p = await admin.post(`/api/v1/objectives/${o.body.id}/proposal`);
    return { url: `/api/v1/proposals/${p.body.id}/adopt` };
  },
};

/** A fresh unit with the member in it and, unless only the unit is wanted, its meeting open; with
 *  `blocker`, a key result checked in with a blocker first. */
async function freshMeeting(admin: Client, w: World, blocker = false): Promise<{ unitId: string; meeting?: { id: string; version: number }; checkInId?: string }> {
  const unit = await admin.post('/api/v1/units', { parentId: w.rootId, name: unique('Møteenhet'), members: [{ personId: w.memberId, role: 'member' }] });
  let checkInId: string | undefined;
  if (blocker) {
    const o = await admin.post('/api/v1/objectives', { status: 'active', unitId: unit.body.id, periodId: w.cycleId, title: unique('Mål'), keyResults: [{ title: unique('KR'), type: 'increase', start: 0, target: 10 }] });
    checkInId = (await admin.post(`/api/v1/key-results/${o.body.keyResults[0].id}/check-ins`, { value: 1, confidence: 5, blockers: 'Noe står i veien' })).body.id;
  }
  const meeting = await admin.post('/api/v1/meetings', { unitId: unit.body.id, periodId: w.cycleId, kind: 'weekly' });
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
  return { unitId: unit.body.id, meeting: meeting.body, ...(checkInId ? { checkInId } : {}) };
}
/** A cycle of its own moved to review, where Alfa's retrospective is open. */
async function reviewCycle(admin: Client): Promise<string> {
  const p = await admin.post('/api/v1/periods', { ...freeCycle(), state: 'review' });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  return p.body.id;
}
const retrospectiveProbe = (admin: Client, w: World, periodId: string) => async () => (await admin.get(`/api/v1/units/${w.alfaId}/retrospectives/${periodId}`)).body;

const meetingProbe = (admin: Client, id: string) => async () => {
  const m = (await admin.get(`/api/v1/meetings/${id}`)).body;
  return { notes: m.notes, endedAt: m.endedAt, version: m.version, handled: m.agenda.flatMap((a: { blockers: Array<{ handled: unknown }> }) => a.blockers.map((b) => b.handled)) };
};

/** A fresh key result of Beta's, for a contradiction flag of its own. */
async function betaKeyResult(admin: Client, w: World): Promise<string> {
  const o = await admin.post('/api/v1/objectives', { status: 'active', unitId: w.betaId, periodId: w.cycleId, title: unique('Betas mål'), keyResults: [{ title: unique('Betas KR'), type: 'increase', start: 0, target: 10 }] });
  return o.body.keyResults[0].id;
}
let signInWith: (email: string, password: string) => Promise<Client>;
const EMAILS: Record<Role, string | undefined> = { anonymous: undefined, admin: 'ada@example.no', member: 'mia@example.no', other: 'ola@example.no', owner: 'eva@example.no' };

const readUrls: Record<string, (w: World) => string> = {
  'GET    /api/v1/me': () => '/api/v1/me',
  'GET    /api/v1/organisation': () => '/api/v1/organisation',
  'GET    /api/v1/people': () => '/api/v1/people',
  'GET    /api/v1/people/:id': (w) => `/api/v1/people/${w.memberId}`,
  'GET    /api/v1/units': () => '/api/v1/units',
  'GET    /api/v1/units/:id': (w) => `/api/v1/units/${w.betaId}`,
  'GET    /api/v1/units/:id/progress': (w) => `/api/v1/units/${w.rootId}/progress?period=${w.cycleId}`,
  'GET    /api/v1/periods': () => '/api/v1/periods',
  'GET    /api/v1/periods/:id': (w) => `/api/v1/periods/${w.cycleId}`,
  'GET    /api/v1/objectives': () => '/api/v1/objectives',
  'GET    /api/v1/objectives/:id': (w) => `/api/v1/objectives/${w.objectiveId}`,
  'GET    /api/v1/key-results/:id': (w) => `/api/v1/key-results/${w.keyResultId}`,
  'GET    /api/v1/key-results/:id/check-ins': (w) => `/api/v1/key-results/${w.keyResultId}/check-ins`,
  'GET    /api/v1/initiatives': () => '/api/v1/initiatives',
  'GET    /api/v1/objectives/:id/deletion': (w) => `/api/v1/objectives/${w.objectiveId}/deletion`,
  'GET    /api/v1/key-results/:id/deletion': (w) => `/api/v1/key-results/${w.keyResultId}/deletion`,
  'GET    /api/v1/objectives/:id/history': (w) => `/api/v1/objectives/${w.objectiveId}/history`,
  'GET    /api/v1/key-results/:id/history': (w) => `/api/v1/key-results/${w.keyResultId}/history`,
  'GET    /api/v1/units/:id/activity': (w) => `/api/v1/units/${w.alfaId}/activity`,
  'GET    /api/v1/me/activity': () => '/api/v1/me/activity',
  'GET    /api/v1/audit': () => '/api/v1/audit',
  'GET    /api/v1/dependencies': (w) => `/api/v1/dependencies?unit=${w.alfaId}`,
  'GET    /api/v1/dependencies/:id': (w) => `/api/v1/dependencies/${w.dependencyId}`,
  'GET    /api/v1/objectives/:id/comments': (w) => `/api/v1/objectives/${w.objectiveId}/comments`,
  'GET    /api/v1/key-results/:id/comments': (w) => `/api/v1/key-results/${w.keyResultId}/comments`,
  'GET    /api/v1/contradictions': (w) => `/api/v1/contradictions?unit=${w.alfaId}`,
  'GET    /api/v1/units/:id/alignment': (w) => `/api/v1/units/${w.rootId}/alignment?period=${w.cycleId}`,
  'GET    /api/v1/units/:id/plans/:periodId': (w) => `/api/v1/units/${w.alfaId}/plans/${w.cycleId}`,
  'GET    /api/v1/meetings': (w) => `/api/v1/meetings?unit=${w.betaId}`,
  'GET    /api/v1/meetings/:id': (w) => `/api/v1/meetings/${w.meetingId}`,
  'GET    /api/v1/meetings/follow-up': (w) => `/api/v1/meetings/follow-up?period=${w.cycleId}`,
  'GET    /api/v1/units/:id/meetings/follow-up': (w) => `/api/v1/units/${w.alfaId}/meetings/follow-up?period=${w.cycleId}`,
  'GET    /api/v1/kpis': (w) => `/api/v1/kpis?unit=${w.alfaId}`,
  'GET    /api/v1/kpis/:id': (w) => `/api/v1/kpis/${w.kpiId}`,
  'GET    /api/v1/kpis/:id/check-ins': (w) => `/api/v1/kpis/${w.kpiId}/check-ins`,
  'GET    /api/v1/units/:id/retrospectives/:periodId': (w) => `/api/v1/units/${w.alfaId}/retrospectives/${w.cycleId}`,
};

const methodOf = (route: string) => route.split(/\s+/)[0] as 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(storeKinds())('permissions on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let views: Record<string, string>;
  const clients = {} as Record<Role, Client>;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    signInWith = (email, password) => t.signIn(email, password);
    const setup = await t.anonymous.post('/api/v1/setup', { organisationName: 'Tilgang', admin: { name: 'Ada Admin', email: 'ada@example.no', password: 'a long enough password' } });
    expect(setup.status).toBe(201);
    const admin = await t.signIn('ada@example.no', 'a long enough password');
    const person = async (name: string, email: string) => {
      const res = await admin.post('/api/v1/people', { name, email, password: 'a long enough password' });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const [memberId, otherId, ownerId] = [await person('Mia Medlem', 'mia@example.no'), await person('Ola Annen', 'ola@example.no'), await person('Eva Eier', 'eva@example.no')];
    const rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    const alfa = await admin.post('/api/v1/units', { parentId: rootId, name: 'Alfa', members: [{ personId: memberId, role: 'member' }] });
    const beta = await admin.post('/api/v1/units', { parentId: rootId, name: 'Beta', members: [{ personId: otherId, role: 'lead' }] });
    const cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    const objective = await admin.post('/api/v1/objectives', { status: 'active', unitId: alfa.body.id, periodId: cycleId, title: 'Alfas mål' });
    const kr = await admin.post('/api/v1/key-results', { objectiveId: objective.body.id, title: 'Evas nøkkelresultat', type: 'increase', start: 0, target: 100, ownerId });
    expect(kr.status).toBe(201);
    const dependency = await admin.post('/api/v1/dependencies', { fromUnitId: beta.body.id, toUnitId: alfa.body.id, description: 'Tall fra Alfa' });
    expect(dependency.status).toBe(201);
    const meeting = await admin.post('/api/v1/meetings', { unitId: beta.body.id, periodId: cycleId, kind: 'weekly' });
    expect(meeting.status).toBe(201);
    const kpi = await admin.post('/api/v1/kpis', { unitId: alfa.body.id, title: 'Evas KPI', direction: 'above', low: 1, cadence: 'weekly', ownerId });
    expect(kpi.status).toBe(201);
    w = { rootId, alfaId: alfa.body.id, betaId: beta.body.id, cycleId, adminId: setup.body.personId, memberId, otherId, ownerId, objectiveId: objective.body.id, keyResultId: kr.body.id, dependencyId: dependency.body.id, meetingId: meeting.body.id, kpiId: kpi.body.id };
    clients.admin = admin;
    clients.member = await t.signIn('mia@example.no', 'a long enough password');
    clients.other = await t.signIn('ola@example.no', 'a long enough password');
    clients.owner = await t.signIn('eva@example.no', 'a long enough password');
    clients.anonymous = t.anonymous;
    views = {
      organisation: '/api/v1/organisation',
      people: '/api/v1/people?limit=500',
      units: '/api/v1/units?limit=500',
      periods: '/api/v1/periods',
      objectives: '/api/v1/objectives?limit=500',
      alfaProgress: `/api/v1/units/${alfa.body.id}/progress?period=${cycleId}`,
      initiatives: '/api/v1/initiatives?limit=500',
      checkIns: `/api/v1/key-results/${kr.body.id}/check-ins?limit=500`,
      dependencies: '/api/v1/dependencies?limit=500',
      objectiveComments: `/api/v1/objectives/${objective.body.id}/comments?limit=500`,
      keyResultComments: `/api/v1/key-results/${kr.body.id}/comments?limit=500`,
      contradictions: '/api/v1/contradictions?limit=500',
      meetings: '/api/v1/meetings?limit=500',
      kpis: '/api/v1/kpis?limit=500',
    };
  });
  afterAll(async () => { await t?.close(); });

  it('has a policy row for every mutating route the API documents', async () => {
    const doc = (await t.anonymous.get('/api/v1/openapi.json')).body;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).filter((m) => ['post', 'patch', 'put', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const inTable = new Set(POLICY.map(([route]) => route.replace(/\s+/, ' ')));
    const missing = documented.filter((r) => !inTable.has(r) && !PUBLIC.has(r));
    expect(missing).toEqual([]);
  });

  describe.each(POLICY.map((row) => [row[0].replace(/\s+/, ' '), row] as const))('%s', (_route, [route, ...statuses]) => {
    // Fresh targets for each caller, made before any of them tries; then each attempt is judged
    // by the state just before it and just after it.
    const prepared = new Map<Role, Attempt>();
    let state: Record<string, unknown>;
    beforeAll(async () => {
      const signInAgain = async (role: Role) => (EMAILS[role] ? t.signIn(EMAILS[role], 'a long enough password') : undefined);
      for (const role of ROLES) prepared.set(role, await attempts[route]!(clients.admin, w, { role, signInAgain }));
      state = await readViews(clients.admin, views);
    });

    it.each(ROLES.map((role, i) => [role, statuses[i]!] as const))('as %s answers %i', async (role, expected) => {
      const attempt = prepared.get(role)!;
      const before = { ...state, probe: await attempt.probe?.() };
      const res = await send(t.app, { method: methodOf(route), url: attempt.url, ...(attempt.body === undefined ? {} : { json: attempt.body }), cookie: clients[role].cookie });
      // Signing out everywhere ends the caller's own sessions too: the next rows need them again.
      if (route.includes('logout-everywhere') && EMAILS[role] && res.status === 204) clients[role] = await t.signIn(EMAILS[role], 'a long enough password');
      const current = await readViews(clients.admin, views);
      state = current;
      const after = { ...current, probe: await attempt.probe?.() };
      const changed = JSON.stringify(after) !== JSON.stringify(before);
      if (expected >= 400) {
        expectProblem(res, expected, `${route} as ${role}`);
        if (changed) expect(after, `${route} as ${role} was refused but changed something`).toEqual(before);
      } else {
        expect(res.status, `${route} as ${role}: ${JSON.stringify(res.body)}`).toBe(expected);
        expect(changed, `${route} as ${role} was allowed but changed nothing`).toBe(true);
      }
    });
  });

  describe.each(READS.map((row) => [row[0].replace(/\s+/, ' '), row] as const))('%s', (_route, [route, ...statuses]) => {
    it('answers everyone signed in, and nobody else', async () => {
      const url = readUrls[route]!(w);
      for (const [i, role] of ROLES.entries()) {
        const res = await clients[role].get(url);
        if (statuses[i]! >= 400) expectProblem(res, statuses[i]!, `${route} as ${role}`);
        else expect(res.status, `${route} as ${role}`).toBe(statuses[i]);
      }
    });
  });

  it('answers 401 without a session on every documented route but the public ones', async () => {
    const doc = (await t.anonymous.get('/api/v1/openapi.json')).body;
    const id = w.keyResultId;
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops).filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))) {
        const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        if (PUBLIC.has(route)) continue;
        const url = path.replace(/\{\w+\}/g, id);
        const res = await send(t.app, { method: method.toUpperCase() as 'GET', url, ...(method === 'get' || method === 'delete' ? {} : { json: {} }) });
        expectProblem(res, 401, `${route} without a session`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(POLICY.length + READS.length);
  });

  it('answers the public routes without a session', async () => {
    expect((await t.anonymous.get('/api/v1/health')).status).toBe(200);
    expect((await t.anonymous.get('/api/v1/openapi.json')).status).toBe(200);
    expect((await t.anonymous.get('/api/v1/setup')).body).toMatchObject({ needsSetup: false, signedIn: false });
    expectProblem(await t.anonymous.post('/api/v1/auth/login', { email: 'ada@example.no', password: 'not the password' }), 401, 'login with a wrong password', { fields: ['password'] });
    expectProblem(await t.anonymous.post('/api/v1/setup', { organisationName: 'Igjen', admin: { name: 'Eve', email: 'eve@example.no', password: 'a long enough password' } }), 409, 'a second set-up');
    expect((await t.anonymous.post('/api/v1/auth/logout')).status).toBe(204);
    // None of that signed anyone in or added anyone.
    expect((await clients.admin.get('/api/v1/people?limit=500')).body.items.map((p: { email: string }) => p.email)).not.toContain('eve@example.no');
  });

  it('lets a key result owner who is no member check in, but not change or delete the key result', async () => {
    const owner = clients.owner;
    const kr = (await owner.get(`/api/v1/key-results/${w.keyResultId}`)).body;
    expect((await owner.post(`/api/v1/key-results/${w.keyResultId}/check-ins`, { value: 55, confidence: 7 })).status).toBe(201);
    expectProblem(await owner.patch(`/api/v1/key-results/${w.keyResultId}`, { version: kr.version, title: 'Mitt nå' }), 403, 'owner changing the key result');
    expectProblem(await owner.del(`/api/v1/key-results/${w.keyResultId}`), 403, 'owner deleting the key result');
    expect((await owner.get(`/api/v1/key-results/${w.keyResultId}`)).body).toMatchObject({ title: kr.title, version: kr.version, current: 55 });
  });

  it('follows membership as it changes: leaving a unit takes the right away', async () => {
    const admin = clients.admin;
    const alfa = (await admin.get(`/api/v1/units/${w.alfaId}`)).body;
    expect((await clients.other.post('/api/v1/objectives', { status: 'active', unitId: w.alfaId, periodId: w.cycleId, title: 'Før' })).status).toBe(403);
    const joined = await admin.patch(`/api/v1/units/${w.alfaId}`, { version: alfa.version, members: [...alfa.members, { personId: w.otherId, role: 'member' }] });
    expect(joined.status).toBe(200);
    expect((await clients.other.post('/api/v1/objectives', { status: 'active', unitId: w.alfaId, periodId: w.cycleId, title: 'Etter' })).status).toBe(201);
    const left = await admin.patch(`/api/v1/units/${w.alfaId}`, { version: joined.body.version, members: alfa.members });
    expect(left.status).toBe(200);
    expect((await clients.other.post('/api/v1/objectives', { status: 'active', unitId: w.alfaId, periodId: w.cycleId, title: 'Etterpå' })).status).toBe(403);
  });
});
