// Organisations are isolated: the admin of one cannot see, find or change anything of another
// through any route. A second organisation is written straight to the store beside the demo one;
// then every route of the OpenAPI document is called as the demo's admin, with the second
// organisation's ids wherever an id goes, and every table is compared before and after.
//
// The rules, per place an id goes:
// - in the path: 404, as for an id that exists nowhere;
// - in the body: 422 naming the field, as the API answers an id in a body it does not know;
// - in the query string (a filter): whatever the route answers an id that exists nowhere
//   (an empty list, or the 422 or 404 the route gives an unknown one).
// And for all of them: the answer is the same, status and body, as for an id that exists
// nowhere (so nobody learns that the id exists elsewhere), it holds nothing of the second
// organisation, and no row of either organisation changes. Routes that take no id answer with
// the first organisation's data only; those among them that write may change the first
// organisation (`writesOwn`), never the second.
//
// The walk is driven by the document: a route in it without a case here fails the test, listed.
// To add one, add an entry to CASES under "METHOD /path/{param}" as the document spells it,
// returning the probes to send (see the entries below; `x` holds the second organisation's ids,
// `mine` the first's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Answer, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem, send } from '../testing/apiChecks.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { idsOf, insertOtherOrganisation, type OtherOrganisation } from '../testing/otherOrganisation.js';
import type { Db } from '../store/executor.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
type Expectation =
  | { notFound: true }
  | { invalid: readonly string[] }
  /** A filter: answered as an id that exists nowhere is. */
  | { asUnknown: true }
  /** No id of the second organisation in the request: the first organisation's data only. */
  | { own: number };
interface Probe {
  label: string; method: Method; url: string; body?: unknown; expect: Expectation;
  /** The request may change the first organisation (it writes there and names no id). */
  writesOwn?: boolean;
  /** Sent with this session instead of the admin's (a request that ends its session). */
  client?: Client;
}

interface Mine { rootUnitId: string; teamId: string; cycleId: string; objectiveId: string; keyResultId: string; initiativeId: string; personId: string }
interface Context { x: OtherOrganisation; mine: Mine; admin: Client; get(url: string): Promise<any>; signInAgain(): Promise<Client>; signInAs(email: string): Promise<Client> }
type Case = (c: Context) => Probe[] | Promise<Probe[]>;

const notFound = { notFound: true } as const;
const asUnknown = { asUnknown: true } as const;
const invalid = (...fields: string[]) => ({ invalid: fields });
const own = (status = 200) => ({ own: status });
const versionOf = async (c: Context, url: string): Promise<number> => (await c.get(url)).version;

const CASES: Record<string, Case> = {
  // The stream never ends, which inject would wait for: here its refusal, and what it carries is
  // kept to its organisation in routes/live.test.ts, on a socket.
  'GET /api/v1/live': () => [{ label: 'the live stream, resuming from no event', method: 'GET', url: '/api/v1/live?lastEventId=x', expect: own(400) }],
  'GET /api/v1/health': () => [{ label: 'health', method: 'GET', url: '/api/v1/health', expect: own() }],
  'GET /api/v1/setup': () => [{ label: 'setup state', method: 'GET', url: '/api/v1/setup', expect: own() }],
  'POST /api/v1/setup': () => [{ label: 'set up again', method: 'POST', url: '/api/v1/setup', body: { organisationName: 'Ny', admin: { name: 'Ny', email: 'ny@example.org', password: 'en lang og god setning' } }, expect: own(409) }],
  // Signing in ends the session the request came with: a session of its own.
  'POST /api/v1/auth/login': async (c) => [{ label: 'sign in', method: 'POST', url: '/api/v1/auth/login', body: { email: 'admin@demo.varde.no', password: 'varde-demo' }, expect: own(), writesOwn: true, client: await c.signInAgain() }],
  // Ends every session of the person who asks: a member of ours, not the admin the walk uses.
  'POST /api/v1/auth/logout-everywhere': async (c) => [{ label: 'sign out everywhere', method: 'POST', url: '/api/v1/auth/logout-everywhere', expect: own(204), writesOwn: true, client: await c.signInAs('marte@demo.varde.no') }],
  'POST /api/v1/auth/logout': async (c) => [{ label: 'sign out', method: 'POST', url: '/api/v1/auth/logout', expect: own(204), writesOwn: true, client: await c.signInAgain() }],
  // Ending the demo would take the walk's own organisation with it: here a member is refused, and
  // the admin ends it in a test of its own after the walk.
  'DELETE /api/v1/demo': async (c) => [{ label: 'end the demo as a member', method: 'DELETE', url: '/api/v1/demo', expect: own(403), client: await c.signInAs('jonas@demo.varde.no') }],
  'GET /api/v1/me': () => [{ label: 'me', method: 'GET', url: '/api/v1/me', expect: own() }],
  'GET /api/v1/me/work': () => [{ label: 'my work', method: 'GET', url: '/api/v1/me/work', expect: own() }],
  'GET /api/v1/organisation': () => [{ label: 'organisation', method: 'GET', url: '/api/v1/organisation', expect: own() }],
  'PATCH /api/v1/organisation': async (c) => [{ label: 'change organisation', method: 'PATCH', url: '/api/v1/organisation', body: { version: await versionOf(c, '/api/v1/organisation'), checkInCadenceDays: 14 }, expect: own(), writesOwn: true }],

  'GET /api/v1/people': ({ x }) => [
    { label: 'people', method: 'GET', url: '/api/v1/people?limit=500', expect: own() },
    { label: 'their person by id', method: 'GET', url: `/api/v1/people?ids=${x.memberId}`, expect: asUnknown },
    { label: 'members of their unit', method: 'GET', url: `/api/v1/people?unit=${x.teamId}`, expect: asUnknown },
  ],
  'POST /api/v1/people': () => [{ label: 'add person', method: 'POST', url: '/api/v1/people', body: { name: 'Ny Person', email: 'ny.person@demo.varde.no', password: 'en lang og god setning' }, expect: own(201), writesOwn: true }],
  'GET /api/v1/people/{id}': ({ x }) => [{ label: 'their person', method: 'GET', url: `/api/v1/people/${x.memberId}`, expect: notFound }],
  'PATCH /api/v1/people/{id}': ({ x }) => [{ label: 'deactivate their person', method: 'PATCH', url: `/api/v1/people/${x.memberId}`, body: { version: 1, active: false }, expect: notFound }],
  'POST /api/v1/people/{id}/password-reset': ({ x }) => [{ label: 'reset their person\'s password', method: 'POST', url: `/api/v1/people/${x.memberId}/password-reset`, expect: notFound }],
  // Ends the other sessions of the person who asks: a member of ours, not the admin the walk uses.
  'POST /api/v1/me/password': async (c) => [{ label: 'change my password', method: 'POST', url: '/api/v1/me/password', body: { currentPassword: 'varde-demo', newPassword: 'et nytt og langt passord' }, expect: own(204), writesOwn: true, client: await c.signInAs('emil@demo.varde.no') }],
  'DELETE /api/v1/people/{id}/sessions': ({ x }) => [{ label: 'end their person\'s sessions', method: 'DELETE', url: `/api/v1/people/${x.memberId}/sessions`, expect: notFound }],

  'GET /api/v1/units': () => [{ label: 'units', method: 'GET', url: '/api/v1/units?limit=500', expect: own() }],
  'POST /api/v1/units': ({ x, mine }) => [
    { label: 'unit under theirs', method: 'POST', url: '/api/v1/units', body: { parentId: x.rootUnitId, name: 'Under deres' }, expect: invalid('parentId') },
    { label: 'unit with their member', method: 'POST', url: '/api/v1/units', body: { parentId: mine.rootUnitId, name: 'Med deres', members: [{ personId: x.memberId, role: 'member' }] }, expect: invalid('members.0.personId') },
  ],
  'GET /api/v1/units/{id}': ({ x }) => [{ label: 'their unit', method: 'GET', url: `/api/v1/units/${x.teamId}`, expect: notFound }],
  'PATCH /api/v1/units/{id}': async (c) => {
    const version = await versionOf(c, `/api/v1/units/${c.mine.teamId}`);
    return [
      { label: 'change their unit', method: 'PATCH', url: `/api/v1/units/${c.x.teamId}`, body: { version: 1, name: 'Tatt' }, expect: notFound },
      { label: 'archive their unit', method: 'PATCH', url: `/api/v1/units/${c.x.teamId}`, body: { version: 1, archived: true }, expect: notFound },
      { label: 'move ours under theirs', method: 'PATCH', url: `/api/v1/units/${c.mine.teamId}`, body: { version, parentId: c.x.rootUnitId }, expect: invalid('parentId') },
      { label: 'give ours their member', method: 'PATCH', url: `/api/v1/units/${c.mine.teamId}`, body: { version, members: [{ personId: c.x.memberId, role: 'lead' }] }, expect: invalid('members.0.personId') },
    ];
  },
  'GET /api/v1/units/{id}/progress': ({ x, mine }) => [
    { label: 'their unit\'s progress', method: 'GET', url: `/api/v1/units/${x.teamId}/progress?period=${mine.cycleId}`, expect: notFound },
    { label: 'our unit in their period', method: 'GET', url: `/api/v1/units/${mine.teamId}/progress?period=${x.cycleId}`, expect: asUnknown },
  ],
  'GET /api/v1/units/{id}/check-in-history': ({ x, mine }) => [
    { label: 'their unit\'s history', method: 'GET', url: `/api/v1/units/${x.teamId}/check-in-history?period=${mine.cycleId}`, expect: notFound },
    { label: 'our unit\'s history in their period', method: 'GET', url: `/api/v1/units/${mine.teamId}/check-in-history?period=${x.cycleId}`, expect: asUnknown },
  ],

  'GET /api/v1/periods': () => [{ label: 'periods', method: 'GET', url: '/api/v1/periods?limit=500', expect: own() }],
  'POST /api/v1/periods': () => [{ label: 'add period', method: 'POST', url: '/api/v1/periods', body: { kind: 'cycle', name: 'Ekstra', startDate: '2030-01-01', endDate: '2030-04-30' }, expect: own(201), writesOwn: true }],
  'GET /api/v1/periods/{id}': ({ x }) => [{ label: 'their period', method: 'GET', url: `/api/v1/periods/${x.cycleId}`, expect: notFound }],
  'DELETE /api/v1/periods/{id}': ({ x }) => [{ label: 'delete their period', method: 'DELETE', url: `/api/v1/periods/${x.cycleId}`, expect: notFound }],
  'PATCH /api/v1/periods/{id}': ({ x }) => [{ label: 'change their period', method: 'PATCH', url: `/api/v1/periods/${x.cycleId}`, body: { version: 1, state: 'closed' }, expect: notFound }],

  'GET /api/v1/objectives': ({ x }) => [
    { label: 'objectives', method: 'GET', url: '/api/v1/objectives?limit=500', expect: own() },
    { label: 'objectives of their unit', method: 'GET', url: `/api/v1/objectives?unit=${x.teamId}`, expect: asUnknown },
    { label: 'objectives in their period', method: 'GET', url: `/api/v1/objectives?period=${x.cycleId}`, expect: asUnknown },
  ],
  'POST /api/v1/objectives': ({ x, mine }) => {
    const ours = { unitId: mine.teamId, periodId: mine.cycleId, title: 'Vårt' };
    return [
      { label: 'objective of their unit', method: 'POST', url: '/api/v1/objectives', body: { ...ours, unitId: x.teamId }, expect: invalid('unitId') },
      { label: 'objective in their period', method: 'POST', url: '/api/v1/objectives', body: { ...ours, periodId: x.cycleId }, expect: invalid('periodId') },
      { label: 'objective owned by theirs', method: 'POST', url: '/api/v1/objectives', body: { ...ours, ownerIds: [x.memberId] }, expect: invalid('ownerIds.0') },
      { label: 'objective with a key result owned by theirs', method: 'POST', url: '/api/v1/objectives', body: { ...ours, keyResults: [{ title: 'Vårt', type: 'increase', start: 0, target: 1 }, { title: 'Deres eier', type: 'increase', start: 0, target: 1, ownerId: x.memberId }] }, expect: invalid('keyResults.1.ownerId') },
      { label: 'objective paying into their Moal', method: 'POST', url: '/api/v1/objectives', body: { ...ours, alignments: [{ objectiveId: x.moalId }] }, expect: invalid('alignments.0.objectiveId') },
      { label: 'objective paying into their key result', method: 'POST', url: '/api/v1/objectives', body: { ...ours, alignments: [{ keyResultId: x.moalKeyResultId }] }, expect: invalid('alignments.0.keyResultId') },
      { label: 'objective paying into their KPI', method: 'POST', url: '/api/v1/objectives', body: { ...ours, alignments: [{ kpiId: x.kpiId }] }, expect: invalid('alignments.0.kpiId') },
    ];
  },
  'GET /api/v1/objectives/{id}': ({ x }) => [{ label: 'their objective', method: 'GET', url: `/api/v1/objectives/${x.objectiveId}`, expect: notFound }],
  'PATCH /api/v1/objectives/{id}': async (c) => {
    const version = await versionOf(c, `/api/v1/objectives/${c.mine.objectiveId}`);
    const url = `/api/v1/objectives/${c.mine.objectiveId}`;
    return [
      { label: 'change their objective', method: 'PATCH', url: `/api/v1/objectives/${c.x.objectiveId}`, body: { version: 1, title: 'Tatt' }, expect: notFound },
      { label: 'move ours to their period', method: 'PATCH', url, body: { version, periodId: c.x.cycleId }, expect: invalid('periodId') },
      { label: 'give ours their owner', method: 'PATCH', url, body: { version, ownerIds: [c.x.memberId] }, expect: invalid('ownerIds.0') },
      { label: 'align ours to their objective', method: 'PATCH', url, body: { version, alignments: [{ objectiveId: c.x.objectiveId }] }, expect: invalid('alignments.0.objectiveId') },
      { label: 'align ours to their key result', method: 'PATCH', url, body: { version, alignments: [{ keyResultId: c.x.keyResultId }] }, expect: invalid('alignments.0.keyResultId') },
      { label: 'align ours to their KPI', method: 'PATCH', url, body: { version, alignments: [{ kpiId: c.x.kpiId }] }, expect: invalid('alignments.0.kpiId') },
    ];
  },
  'DELETE /api/v1/objectives/{id}': ({ x }) => [{ label: 'delete their objective', method: 'DELETE', url: `/api/v1/objectives/${x.objectiveId}`, expect: notFound }],
  'GET /api/v1/objectives/{id}/deletion': ({ x }) => [{ label: 'what deleting their objective takes', method: 'GET', url: `/api/v1/objectives/${x.objectiveId}/deletion`, expect: notFound }],

  'POST /api/v1/key-results': ({ x, mine }) => {
    const ours = { objectiveId: mine.objectiveId, title: 'Vårt', type: 'increase', start: 0, target: 10 };
    return [
      { label: 'key result under their objective', method: 'POST', url: '/api/v1/key-results', body: { ...ours, objectiveId: x.objectiveId }, expect: invalid('objectiveId') },
      { label: 'key result owned by theirs', method: 'POST', url: '/api/v1/key-results', body: { ...ours, ownerId: x.memberId }, expect: invalid('ownerId') },
    ];
  },
  'GET /api/v1/key-results/{id}': ({ x }) => [{ label: 'their key result', method: 'GET', url: `/api/v1/key-results/${x.keyResultId}`, expect: notFound }],
  'PATCH /api/v1/key-results/{id}': async (c) => [
    { label: 'change their key result', method: 'PATCH', url: `/api/v1/key-results/${c.x.keyResultId}`, body: { version: 1, title: 'Tatt' }, expect: notFound },
    { label: 'give ours their owner', method: 'PATCH', url: `/api/v1/key-results/${c.mine.keyResultId}`, body: { version: await versionOf(c, `/api/v1/key-results/${c.mine.keyResultId}`), ownerId: c.x.memberId }, expect: invalid('ownerId') },
  ],
  'DELETE /api/v1/key-results/{id}': ({ x }) => [{ label: 'delete their key result', method: 'DELETE', url: `/api/v1/key-results/${x.keyResultId}`, expect: notFound }],
  'GET /api/v1/key-results/{id}/deletion': ({ x }) => [{ label: 'what deleting their key result takes', method: 'GET', url: `/api/v1/key-results/${x.keyResultId}/deletion`, expect: notFound }],
  'GET /api/v1/key-results/{id}/check-ins': ({ x }) => [{ label: 'their check-ins', method: 'GET', url: `/api/v1/key-results/${x.keyResultId}/check-ins`, expect: notFound }],
  'POST /api/v1/key-results/{id}/check-ins': ({ x }) => [{ label: 'check in on theirs', method: 'POST', url: `/api/v1/key-results/${x.keyResultId}/check-ins`, body: { value: 99, confidence: 9 }, expect: notFound }],
  'PATCH /api/v1/check-ins/{id}': ({ x }) => [{ label: 'edit their check-in', method: 'PATCH', url: `/api/v1/check-ins/${x.checkInId}`, body: { version: 1, value: 1 }, expect: notFound }],
  'DELETE /api/v1/check-ins/{id}': ({ x }) => [{ label: 'delete their check-in', method: 'DELETE', url: `/api/v1/check-ins/${x.checkInId}`, expect: notFound }],

  'GET /api/v1/initiatives': ({ x }) => [
    { label: 'initiatives', method: 'GET', url: '/api/v1/initiatives?limit=500', expect: own() },
    { label: 'initiatives of their unit', method: 'GET', url: `/api/v1/initiatives?unit=${x.teamId}`, expect: asUnknown },
    { label: 'initiatives in their period', method: 'GET', url: `/api/v1/initiatives?period=${x.cycleId}`, expect: asUnknown },
    { label: 'initiatives on their key result', method: 'GET', url: `/api/v1/initiatives?keyResult=${x.keyResultId}`, expect: asUnknown },
    { label: 'initiatives of their person', method: 'GET', url: `/api/v1/initiatives?owner=${x.memberId}`, expect: asUnknown },
  ],
  'POST /api/v1/initiatives': ({ x, mine }) => {
    const ours = { unitId: mine.teamId, periodId: mine.cycleId, title: 'Vårt' };
    return [
      { label: 'initiative of their unit', method: 'POST', url: '/api/v1/initiatives', body: { ...ours, unitId: x.teamId }, expect: invalid('unitId') },
      { label: 'initiative in their period', method: 'POST', url: '/api/v1/initiatives', body: { ...ours, periodId: x.cycleId }, expect: invalid('periodId') },
      { label: 'initiative owned by theirs', method: 'POST', url: '/api/v1/initiatives', body: { ...ours, ownerId: x.memberId }, expect: invalid('ownerId') },
      { label: 'initiative on their key result', method: 'POST', url: '/api/v1/initiatives', body: { ...ours, keyResultIds: [x.keyResultId] }, expect: invalid('keyResultIds.0') },
    ];
  },
  'PATCH /api/v1/initiatives/{id}': async (c) => {
    const url = `/api/v1/initiatives/${c.mine.initiativeId}`;
    const version = (await c.get(`/api/v1/initiatives?limit=500`)).items.find((i: { id: string }) => i.id === c.mine.initiativeId).version;
    return [
      { label: 'change their initiative', method: 'PATCH', url: `/api/v1/initiatives/${c.x.initiativeId}`, body: { version: 1, title: 'Tatt' }, expect: notFound },
      { label: 'give ours their owner', method: 'PATCH', url, body: { version, ownerId: c.x.memberId }, expect: invalid('ownerId') },
      { label: 'move ours to their period', method: 'PATCH', url, body: { version, periodId: c.x.cycleId }, expect: invalid('periodId') },
      { label: 'point ours at their key result', method: 'PATCH', url, body: { version, keyResultIds: [c.x.keyResultId] }, expect: invalid('keyResultIds.0') },
    ];
  },
  'DELETE /api/v1/initiatives/{id}': ({ x }) => [{ label: 'delete their initiative', method: 'DELETE', url: `/api/v1/initiatives/${x.initiativeId}`, expect: notFound }],
  'POST /api/v1/trash/{undoId}/restore': ({ x }) => [{ label: 'undo their deletion', method: 'POST', url: `/api/v1/trash/${x.trashId}/restore`, expect: notFound }],

  'GET /api/v1/objectives/{id}/history': ({ x }) => [{ label: 'their objective\'s history', method: 'GET', url: `/api/v1/objectives/${x.objectiveId}/history`, expect: notFound }],
  'GET /api/v1/key-results/{id}/history': ({ x }) => [{ label: 'their key result\'s history', method: 'GET', url: `/api/v1/key-results/${x.keyResultId}/history`, expect: notFound }],
  'GET /api/v1/units/{id}/activity': ({ x }) => [{ label: 'their unit\'s activity', method: 'GET', url: `/api/v1/units/${x.teamId}/activity`, expect: notFound }],
  'GET /api/v1/me/activity': () => [{ label: 'my activity', method: 'GET', url: '/api/v1/me/activity', expect: own() }],
  // Seq 0 is always there to mark; marking writes the caller's own place.
  'POST /api/v1/me/activity/seen': () => [{ label: 'mark my activity seen', method: 'POST', url: '/api/v1/me/activity/seen', body: { seq: 0 }, expect: own(204), writesOwn: true }],
  'GET /api/v1/audit': ({ x }) => [
    { label: 'audit trail', method: 'GET', url: '/api/v1/audit?limit=500', expect: own() },
    { label: 'audit trail as CSV', method: 'GET', url: '/api/v1/audit?format=csv', expect: own() },
    { label: 'what their person did', method: 'GET', url: `/api/v1/audit?actor=${x.memberId}`, expect: asUnknown },
    { label: 'the trail of their objective', method: 'GET', url: `/api/v1/audit?subject=${x.objectiveId}`, expect: asUnknown },
  ],
  'GET /api/v1/units/{id}/alignment': ({ x, mine }) => [
    { label: 'their unit\'s alignment', method: 'GET', url: `/api/v1/units/${x.rootUnitId}/alignment?period=${mine.cycleId}`, expect: notFound },
    { label: 'our alignment in their period', method: 'GET', url: `/api/v1/units/${mine.rootUnitId}/alignment?period=${x.cycleId}`, expect: asUnknown },
  ],
  'GET /api/v1/dependencies': ({ x }) => [
    { label: 'dependencies', method: 'GET', url: '/api/v1/dependencies?limit=500', expect: own() },
    { label: 'dependencies of their unit', method: 'GET', url: `/api/v1/dependencies?unit=${x.teamId}`, expect: asUnknown },
  ],
  'POST /api/v1/dependencies': ({ x, mine }) => {
    const ours = { fromUnitId: mine.teamId, toUnitId: mine.rootUnitId, description: 'Vårt behov' };
    return [
      { label: 'raised from their unit', method: 'POST', url: '/api/v1/dependencies', body: { ...ours, fromUnitId: x.teamId }, expect: invalid('fromUnitId') },
      { label: 'raised on their unit', method: 'POST', url: '/api/v1/dependencies', body: { ...ours, toUnitId: x.rootUnitId }, expect: invalid('toUnitId') },
      { label: 'for their key result', method: 'POST', url: '/api/v1/dependencies', body: { ...ours, keyResultId: x.keyResultId }, expect: invalid('keyResultId') },
      { label: 'for their objective', method: 'POST', url: '/api/v1/dependencies', body: { ...ours, objectiveId: x.objectiveId }, expect: invalid('objectiveId') },
    ];
  },
  'GET /api/v1/dependencies/{id}': ({ x }) => [{ label: 'their dependency', method: 'GET', url: `/api/v1/dependencies/${x.dependencyId}`, expect: notFound }],
  'PATCH /api/v1/dependencies/{id}': ({ x }) => [{ label: 'answer their dependency', method: 'PATCH', url: `/api/v1/dependencies/${x.dependencyId}`, body: { version: 1, state: 'acknowledged' }, expect: notFound }],
  'GET /api/v1/objectives/{id}/comments': ({ x }) => [{ label: 'their objective\'s thread', method: 'GET', url: `/api/v1/objectives/${x.objectiveId}/comments`, expect: notFound }],
  'POST /api/v1/objectives/{id}/comments': ({ x }) => [{ label: 'comment on their objective', method: 'POST', url: `/api/v1/objectives/${x.objectiveId}/comments`, body: { body: 'Hei' }, expect: notFound }],
  'GET /api/v1/key-results/{id}/comments': ({ x }) => [{ label: 'their key result\'s thread', method: 'GET', url: `/api/v1/key-results/${x.keyResultId}/comments`, expect: notFound }],
  'POST /api/v1/key-results/{id}/comments': ({ x }) => [{ label: 'comment on their key result', method: 'POST', url: `/api/v1/key-results/${x.keyResultId}/comments`, body: { body: 'Hei' }, expect: notFound }],
  'PATCH /api/v1/comments/{id}': ({ x }) => [{ label: 'change their comment', method: 'PATCH', url: `/api/v1/comments/${x.commentId}`, body: { version: 1, body: 'Tatt' }, expect: notFound }],
  'DELETE /api/v1/comments/{id}': ({ x }) => [{ label: 'delete their comment', method: 'DELETE', url: `/api/v1/comments/${x.commentId}`, expect: notFound }],
  'GET /api/v1/contradictions': ({ x }) => [
    { label: 'contradictions', method: 'GET', url: '/api/v1/contradictions?limit=500', expect: own() },
    { label: 'contradictions of their unit', method: 'GET', url: `/api/v1/contradictions?unit=${x.teamId}`, expect: asUnknown },
  ],
  'POST /api/v1/contradictions': ({ x, mine }) => [
    { label: 'ours against theirs', method: 'POST', url: '/api/v1/contradictions', body: { keyResultIds: [mine.keyResultId, x.keyResultId], note: 'Motstrid' }, expect: invalid('keyResultIds.1') },
  ],
  'DELETE /api/v1/contradictions/{id}': ({ x }) => [{ label: 'clear their flag', method: 'DELETE', url: `/api/v1/contradictions/${x.contradictionId}`, expect: notFound }],

  'GET /api/v1/units/{id}/plans/{periodId}': ({ x, mine }) => [
    { label: 'their unit\'s plan', method: 'GET', url: `/api/v1/units/${x.teamId}/plans/${x.cycleId}`, expect: notFound },
    { label: 'our unit\'s plan in their cycle', method: 'GET', url: `/api/v1/units/${mine.teamId}/plans/${x.cycleId}`, expect: notFound },
  ],
  'PATCH /api/v1/units/{id}/plans/{periodId}': ({ x, mine }) => [
    { label: 'answer their plan', method: 'PATCH', url: `/api/v1/units/${x.teamId}/plans/${x.cycleId}`, body: { version: 2, checklist: [{ question: 'paysIntoMoals', answer: 'no' }] }, expect: notFound },
    { label: 'answer our plan in their cycle', method: 'PATCH', url: `/api/v1/units/${mine.teamId}/plans/${x.cycleId}`, body: { version: 1, checklist: [{ question: 'paysIntoMoals', answer: 'no' }] }, expect: notFound },
  ],
  'POST /api/v1/units/{id}/plans/{periodId}/publish': ({ x }) => [
    { label: 'publish their plan', method: 'POST', url: `/api/v1/units/${x.teamId}/plans/${x.cycleId}/publish`, body: { version: 2 }, expect: notFound },
  ],
  'POST /api/v1/hints/dismissals': ({ x }) => [
    { label: 'dismiss a hint on their key result', method: 'POST', url: '/api/v1/hints/dismissals', body: { subjectKind: 'keyResult', subjectId: x.keyResultId, code: 'task-like', reason: 'Tatt' }, expect: invalid('subjectId') },
    { label: 'dismiss a hint on their unit', method: 'POST', url: '/api/v1/hints/dismissals', body: { subjectKind: 'unit', subjectId: x.teamId, code: 'too-many-objectives', reason: 'Tatt' }, expect: invalid('subjectId') },
  ],
  'DELETE /api/v1/hints/dismissals/{id}': ({ x }) => [{ label: 'take back their dismissal', method: 'DELETE', url: `/api/v1/hints/dismissals/${x.dismissalId}`, expect: notFound }],
  'POST /api/v1/objectives/{id}/proposal': ({ x }) => [{ label: 'propose their objective', method: 'POST', url: `/api/v1/objectives/${x.objectiveId}/proposal`, expect: notFound }],
  'DELETE /api/v1/objectives/{id}/proposal': ({ x }) => [{ label: 'withdraw their proposal', method: 'DELETE', url: `/api/v1/objectives/${x.objectiveId}/proposal`, expect: notFound }],
  'POST /api/v1/proposals/{id}/adopt': ({ x }) => [{ label: 'adopt their proposal', method: 'POST', url: `/api/v1/proposals/${x.proposalId}/adopt`, expect: notFound }],
  'GET /api/v1/units/{id}/retrospectives/{periodId}': ({ x, mine }) => [
    { label: 'their unit\'s retrospective', method: 'GET', url: `/api/v1/units/${x.teamId}/retrospectives/${x.cycleId}`, expect: notFound },
    { label: 'our unit\'s retrospective in their cycle', method: 'GET', url: `/api/v1/units/${mine.teamId}/retrospectives/${x.cycleId}`, expect: notFound },
  ],
  'PATCH /api/v1/units/{id}/retrospectives/{periodId}': ({ x, mine }) => [
    { label: 'write in their retrospective', method: 'PATCH', url: `/api/v1/units/${x.teamId}/retrospectives/${x.cycleId}`, body: { version: 0, notes: { stop: 'Tatt' } }, expect: notFound },
    { label: 'write in ours in their cycle', method: 'PATCH', url: `/api/v1/units/${mine.teamId}/retrospectives/${x.cycleId}`, body: { version: 0, notes: { stop: 'Tatt' } }, expect: notFound },
  ],
  'POST /api/v1/units/{id}/retrospectives/{periodId}/votes': ({ x }) => [
    { label: 'vote in their retrospective', method: 'POST', url: `/api/v1/units/${x.teamId}/retrospectives/${x.cycleId}/votes`, body: { mood: 1 }, expect: notFound },
  ],
  'POST /api/v1/retrospective-actions/{id}/done': ({ x }) => [
    { label: 'mark their action done', method: 'POST', url: `/api/v1/retrospective-actions/${x.retrospectiveActionId}/done`, body: {}, expect: notFound },
  ],
  'GET /api/v1/meetings': ({ x }) => [
    { label: 'meetings', method: 'GET', url: '/api/v1/meetings?limit=500', expect: own() },
    { label: 'meetings of their unit', method: 'GET', url: `/api/v1/meetings?unit=${x.teamId}`, expect: asUnknown },
    { label: 'meetings in their period', method: 'GET', url: `/api/v1/meetings?period=${x.cycleId}`, expect: asUnknown },
  ],
  'POST /api/v1/meetings': ({ x, mine }) => [
    { label: 'a meeting of their unit', method: 'POST', url: '/api/v1/meetings', body: { unitId: x.teamId, periodId: mine.cycleId, kind: 'weekly' }, expect: invalid('unitId') },
    { label: 'our meeting in their cycle', method: 'POST', url: '/api/v1/meetings', body: { unitId: mine.teamId, periodId: x.cycleId, kind: 'weekly' }, expect: invalid('periodId') },
  ],
  'GET /api/v1/meetings/{id}': ({ x }) => [{ label: 'their meeting', method: 'GET', url: `/api/v1/meetings/${x.meetingId}`, expect: notFound }],
  'PATCH /api/v1/meetings/{id}': ({ x }) => [{ label: 'write in their meeting', method: 'PATCH', url: `/api/v1/meetings/${x.meetingId}`, body: { version: 1, notes: 'Tatt' }, expect: notFound }],
  'POST /api/v1/meetings/{id}/end': ({ x }) => [{ label: 'end their meeting', method: 'POST', url: `/api/v1/meetings/${x.meetingId}/end`, body: {}, expect: notFound }],
  'POST /api/v1/meetings/{id}/blockers': ({ x }) => [{ label: 'handle a blocker in their meeting', method: 'POST', url: `/api/v1/meetings/${x.meetingId}/blockers`, body: { how: 'noted', checkInId: x.checkInId }, expect: notFound }],
  'GET /api/v1/meetings/follow-up': ({ x, mine }) => [
    { label: 'follow-up of every unit', method: 'GET', url: `/api/v1/meetings/follow-up?period=${mine.cycleId}`, expect: own() },
    { label: 'follow-up in their period', method: 'GET', url: `/api/v1/meetings/follow-up?period=${x.cycleId}`, expect: asUnknown },
  ],
  'GET /api/v1/units/{id}/meetings/follow-up': ({ x, mine }) => [
    { label: 'their unit\'s follow-up', method: 'GET', url: `/api/v1/units/${x.teamId}/meetings/follow-up?period=${mine.cycleId}`, expect: notFound },
    { label: 'our unit\'s follow-up in their period', method: 'GET', url: `/api/v1/units/${mine.teamId}/meetings/follow-up?period=${x.cycleId}`, expect: asUnknown },
  ],

  'GET /api/v1/kpis': ({ x }) => [
    { label: 'KPIs', method: 'GET', url: '/api/v1/kpis?limit=500', expect: own() },
    { label: 'KPIs of their unit', method: 'GET', url: `/api/v1/kpis?unit=${x.teamId}`, expect: asUnknown },
    { label: 'KPIs under their root', method: 'GET', url: `/api/v1/kpis?under=${x.rootUnitId}`, expect: asUnknown },
  ],
  'POST /api/v1/kpis': ({ x, mine }) => [
    { label: 'a KPI for their unit', method: 'POST', url: '/api/v1/kpis', body: { unitId: x.teamId, title: 'Tatt', direction: 'above', low: 1, cadence: 'weekly' }, expect: invalid('unitId') },
    { label: 'our KPI owned by their person', method: 'POST', url: '/api/v1/kpis', body: { unitId: mine.teamId, title: 'Tatt', direction: 'above', low: 1, cadence: 'weekly', ownerId: x.memberId }, expect: invalid('ownerId') },
  ],
  'GET /api/v1/units/{id}/reviews/{periodId}': ({ x, mine }) => [
    { label: 'their unit\'s review', method: 'GET', url: `/api/v1/units/${x.teamId}/reviews/${x.cycleId}`, expect: notFound },
    { label: 'our unit\'s review of their cycle', method: 'GET', url: `/api/v1/units/${mine.teamId}/reviews/${x.cycleId}`, expect: notFound },
  ],
  'PATCH /api/v1/units/{id}/reviews/{periodId}': ({ x, mine }) => [
    { label: 'write in their review', method: 'PATCH', url: `/api/v1/units/${x.teamId}/reviews/${x.cycleId}`, body: { version: 0, answers: { lessons: 'Tatt' } }, expect: notFound },
    { label: 'write our review of their cycle', method: 'PATCH', url: `/api/v1/units/${mine.teamId}/reviews/${x.cycleId}`, body: { version: 0, answers: { lessons: 'Tatt' } }, expect: notFound },
  ],
  'POST /api/v1/units/{id}/reviews/{periodId}/close': ({ x }) => [
    { label: 'close their review', method: 'POST', url: `/api/v1/units/${x.teamId}/reviews/${x.cycleId}/close`, body: { version: 0 }, expect: notFound },
  ],
  'GET /api/v1/periods/{id}/reviews': ({ x, mine }) => [
    { label: 'the reviews of our cycle', method: 'GET', url: `/api/v1/periods/${mine.cycleId}/reviews`, expect: own() },
    { label: 'the reviews of their cycle', method: 'GET', url: `/api/v1/periods/${x.cycleId}/reviews`, expect: notFound },
  ],
  'GET /api/v1/units/{id}/cycle-trend': ({ x, mine }) => [
    { label: 'our unit\'s trend', method: 'GET', url: `/api/v1/units/${mine.teamId}/cycle-trend`, expect: own() },
    { label: 'their unit\'s trend', method: 'GET', url: `/api/v1/units/${x.teamId}/cycle-trend`, expect: notFound },
  ],
  'GET /api/v1/kpis/{id}': ({ x }) => [{ label: 'their KPI', method: 'GET', url: `/api/v1/kpis/${x.kpiId}`, expect: notFound }],
  'PATCH /api/v1/kpis/{id}': ({ x }) => [{ label: 'change their KPI', method: 'PATCH', url: `/api/v1/kpis/${x.kpiId}`, body: { version: 1, title: 'Tatt' }, expect: notFound }],
  'DELETE /api/v1/kpis/{id}': ({ x }) => [{ label: 'delete their KPI', method: 'DELETE', url: `/api/v1/kpis/${x.kpiId}`, expect: notFound }],
  'GET /api/v1/kpis/{id}/check-ins': ({ x }) => [{ label: 'their KPI\'s check-ins', method: 'GET', url: `/api/v1/kpis/${x.kpiId}/check-ins`, expect: notFound }],
  'POST /api/v1/kpis/{id}/check-ins': ({ x }) => [{ label: 'check in on their KPI', method: 'POST', url: `/api/v1/kpis/${x.kpiId}/check-ins`, body: { value: 1 }, expect: notFound }],
  'POST /api/v1/key-results/{id}/promote': ({ x }) => [
    { label: 'promote their key result', method: 'POST', url: `/api/v1/key-results/${x.keyResultId}/promote`, body: { direction: 'above', low: 1, cadence: 'monthly' }, expect: notFound },
  ],

  'GET /api/v1/alignment-targets': ({ x, mine }) => [
    { label: 'alignment targets', method: 'GET', url: `/api/v1/alignment-targets?period=${mine.cycleId}&limit=100`, expect: own() },
    { label: 'alignment targets in their period', method: 'GET', url: `/api/v1/alignment-targets?period=${x.cycleId}`, expect: asUnknown },
  ],
};

/** An id that exists in no organisation, in the place of each of the second's. */
function unknownTwin(text: string, x: OtherOrganisation): string {
  let out = text;
  idsOf(x).forEach((id, i) => { out = out.split(id).join(`nowhere-${i}`); });
  return out;
}

/** Every table, every row, by the organisation it belongs to ('-' for rows of none). The time a
 *  session was last used is left out: using one is not a change. */
async function snapshot(db: Db, pgSchema: string | undefined): Promise<Map<string, string[]>> {
  // PostgreSQL lists the tables of every schema; the store's is the test's own.
  const tables = (await db.introspection.getTables()).filter((t) => !t.name.startsWith('kysely_') && (pgSchema === undefined || t.schema === pgSchema));
  const byOrg = new Map<string, string[]>();
  for (const t of tables) {
    const rows = await db.selectFrom(t.name as 'people').selectAll().execute() as Array<Record<string, unknown>>;
    for (const row of rows) {
      const { last_seen_at: _seen, ...kept } = row;
      const org = String(t.name === 'organisations' ? row.id : 'org_id' in row ? row.org_id : '-');
      const list = byOrg.get(org) ?? [];
      list.push(`${t.name} ${JSON.stringify(kept)}`);
      byOrg.set(org, list);
    }
  }
  for (const list of byOrg.values()) list.sort();
  return byOrg;
}

describe.each(storeKinds())('organisations are isolated on %s', (kind) => {
  let t: TestApp;
  let c: Context;
  let document: { paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await seedDemoIfEmpty(t.deps);
    const x = await insertOtherOrganisation(t.deps.store.db, '2026-11-25T10:00:01.000Z', { start: '2026-09-01', end: '2026-12-31' });
    const admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    const get = async (url: string) => {
      const res = await admin.get(url);
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const root = (await get('/api/v1/units?limit=500')).items.find((u: { parentId: string | null }) => u.parentId === null);
    const cycleId = (await get('/api/v1/periods')).items.find((p: { kind: string; state: string }) => p.kind === 'cycle' && p.state === 'active').id;
    const initiative = (await get('/api/v1/initiatives?limit=500')).items.find((i: { periodId: string | null }) => i.periodId === cycleId);
    const objective = await get(`/api/v1/objectives/${(await get(`/api/v1/objectives?unit=${initiative.unitId}&period=${cycleId}`)).items[0].id}`);
    c = {
      x, admin, get,
      mine: {
        rootUnitId: root.id, teamId: initiative.unitId, cycleId, objectiveId: objective.id, keyResultId: objective.keyResults[0].id,
        initiativeId: initiative.id, personId: (await get('/api/v1/me')).person.id,
      },
      signInAgain: () => t.signIn('admin@demo.varde.no', 'varde-demo'),
      signInAs: (email) => t.signIn(email, 'varde-demo'),
    };
    document = (await t.anonymous.get('/api/v1/openapi.json')).body;
  });
  afterAll(async () => { await t?.close(); });

  const routes = () => Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`));

  it('knows how to call every route of the OpenAPI document', () => {
    const unknown = routes().filter((r) => !(r in CASES));
    expect(unknown, `routes the isolation test does not know how to call; add a case for each to CASES in routes/isolation.test.ts:\n  ${unknown.join('\n  ')}\n`).toEqual([]);
    const gone = Object.keys(CASES).filter((r) => !routes().includes(r));
    expect(gone, 'cases for routes the document no longer has').toEqual([]);
  });

  it('answers the first organisation\'s admin as if the second did not exist, and changes nothing of it', async () => {
    const theirs = idsOf(c.x);
    const leaks = (res: Answer) => {
      const text = JSON.stringify(res.body ?? '');
      return [...theirs.filter((id) => text.includes(id)), ...(text.includes('Annenorg') ? ['a name of theirs'] : [])];
    };
    const start = await snapshot(t.deps.store.db, t.testStore.pgSchema);
    const tablesOf = (org: string) => new Set(start.get(org)!.map((row) => row.split(' ')[0]));
    expect([...tablesOf(c.x.orgId)].sort(), 'the second organisation has rows in every table that has org_id').toEqual(
      expect.arrayContaining(['alignments', 'check_ins', 'initiative_key_results', 'initiatives', 'key_results', 'memberships', 'objective_owners', 'objectives', 'organisations', 'people', 'periods', 'sessions', 'trash', 'units',
        'dependencies', 'dependency_steps', 'comments', 'comment_mentions', 'contradictions', 'plans', 'hint_dismissals', 'proposals',
        'retrospectives', 'retrospective_actions', 'retrospective_voters', 'retrospective_moods']));
    let walked = 0;
    for (const route of routes().filter((r) => r in CASES)) {
      for (const probe of await CASES[route]!(c)) {
        const label = `${route}: ${probe.label}`;
        const cookie = (probe.client ?? c.admin).cookie;
        const before = await snapshot(t.deps.store.db, t.testStore.pgSchema);
        const res = await send(t.app, { method: probe.method, url: probe.url, json: probe.body, cookie });
        expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
        expect(leaks(res), `${label} shows the second organisation: ${JSON.stringify(res.body)}`).toEqual([]);
        const e = probe.expect;
        if ('own' in e) {
          expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(e.own);
          const named = theirs.some((id) => JSON.stringify({ url: probe.url, body: probe.body }).includes(id));
          expect(named, `${label} is marked own but names an id of the second organisation`).toBe(false);
        } else {
          if ('notFound' in e) expectProblem(res, 404, label);
          if ('invalid' in e) expectProblem(res, 422, label, { fields: e.invalid, only: true });
          // The same request with ids that exist nowhere gets the same answer.
          const twin = await send(t.app, {
            method: probe.method, url: unknownTwin(probe.url, c.x),
            json: probe.body === undefined ? undefined : JSON.parse(unknownTwin(JSON.stringify(probe.body), c.x)), cookie,
          });
          const answered = res.body === undefined ? undefined : JSON.parse(unknownTwin(JSON.stringify(res.body), c.x));
          expect({ status: res.status, body: answered }, `${label}: answered unlike an id that exists nowhere`).toEqual({ status: twin.status, body: twin.body });
        }
        const after = await snapshot(t.deps.store.db, t.testStore.pgSchema);
        expect(after.get(c.x.orgId), `${label} changed the second organisation`).toEqual(before.get(c.x.orgId));
        expect(after.get('-'), `${label} changed rows of no organisation`).toEqual(before.get('-'));
        if (!probe.writesOwn) expect(after, `${label} changed the first organisation`).toEqual(before);
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(50);
    // Every probe reads every table twice: on PostgreSQL, beside other test files, the walk of some
    // hundred probes takes longer than a test's usual 30 s.
  }, 120_000);

  it('ends the demo organisation and leaves the second one as it was', async () => {
    const before = await snapshot(t.deps.store.db, t.testStore.pgSchema);
    const res = await send(t.app, { method: 'DELETE', url: '/api/v1/demo', cookie: c.admin.cookie });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    const after = await snapshot(t.deps.store.db, t.testStore.pgSchema);
    expect(after.get(c.x.orgId)).toEqual(before.get(c.x.orgId));
    expect([...after.keys()].sort()).toEqual([c.x.orgId, ...(after.has('-') ? ['-'] : [])].sort());
  });
});
